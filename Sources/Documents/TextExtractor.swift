import Foundation
import OfficeFiles

/// How a page's text was obtained.
public enum TextMethod: String, Sendable, Codable {
    case textLayer = "text_layer", ocr, structured, office
}

public struct PageText: Sendable {
    public let number: Int
    public let method: TextMethod
    /// The engine's own text, in its reading order (what `eclaire text` prints).
    public let text: String
    /// The same words as lines of cells, rebuilt from their positions (what extraction reads).
    public let layout: PageLayout
    /// 1 for a text layer or an office file; Tesseract's mean word confidence for OCR.
    public let reliability: Double
    /// A text layer's words with their boxes, kept so that a form's check boxes join them without a second text pass;
    /// an OCR page's, in its image's pixels and with their confidence, so that doubtful ones can be read again.
    var words: [PositionedWord] = []
    /// How an OCR page's image was set before it was read (rectified, evened, turned, straightened), or a text layer's
    /// boxes turned.
    var frame = ImageFrame()
}

extension PageText {
    /// A page of plain lines, one cell each: a pasted text, a register's field.
    static func plain(_ lines: [String]) -> PageText {
        PageText(number: 1, method: .office, text: lines.joined(separator: "\n"), layout: PageLayout(plainLines: lines),
                 reliability: 1)
    }

    /// The OCR page with its words completed or replaced by a second look, in the same frame.
    func rereadAs(_ words: [PositionedWord]) -> PageText {
        let layout = PageLayout(words: words, whole: true)
        return PageText(number: number, method: .ocr, text: layout.text, layout: layout, reliability: reliability, words: words,
                        frame: frame)
    }
}

/// A document read: its pages, and the files embedded in it (a Factur-X invoice's XML).
public struct ReadDocument: Sendable {
    public let pages: [PageText]
    public let attachments: [(name: String, data: Data)]
}

/// The text of a document, page by page: the PDF text layer where a page has one, OCR in French where it has too
/// little text (a scan), OCR for images, the XML of Word (DOCX) and OpenDocument (ODT, ODS) files, legacy Word
/// (.doc) and workbooks (.xls, .xlsx).
public final class TextExtractor {
    public struct Options: Sendable {
        /// Rasterise every PDF page and OCR it even when it has a text layer (used to measure OCR quality).
        public var forceOCR = false
        public var ocrDPI = 300
        public init(forceOCR: Bool = false, ocrDPI: Int = 300) { self.forceOCR = forceOCR; self.ocrDPI = ocrDPI }
    }

    /// Under this many letters and digits, a PDF page is taken for a scan.
    static let minimumTextLayerCharacters = 25
    /// A4 at 300 dpi is 8.7 Mpixels; beyond 4 times that, a page is refused rather than rendered.
    static let maxPixels = 35_000_000
    public static let maxPages = 500
    static let maxAttachmentBytes = 20 << 20

    private let options: Options
    private var engine: OCREngine?
    /// Created the first time a page reads as if turned; `.some(nil)` when Tesseract's « osd » model is missing.
    private var orientationFinder: OrientationFinder??

    public init(options: Options = Options()) { self.options = options }

    public func pages(of path: String) throws -> [PageText] { try read(path).pages }

    public func read(_ path: String) throws -> ReadDocument {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let bytes = Self.firstBytes(of: path) else {
            throw DocumentError.unreadable(name, reason: "fichier introuvable ou illisible")
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return try readPDF(path) }
        if Self.isImage(bytes) {
            // In gray pixels, so that a broken reading can be read again without its rulings or its leaders.
            let (image, dpi) = try OCREngine.grayImage(at: path, maxPixels: Self.maxPixels)
            let (page, frame) = try readAgainIfBroken(image, dpi: dpi)
            return ReadDocument(pages: [Self.ocrPage(1, page, frame: frame)], attachments: [])
        }
        if bytes.starts(with: CompoundFile.signature) {
            return ReadDocument(pages: try BinaryAndSheetText.legacyOffice(path), attachments: [])
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if let sheets = try BinaryAndSheetText.workbook(path) { return ReadDocument(pages: sheets, attachments: []) }
            let lines = try OfficeText.lines(of: URL(fileURLWithPath: path))
            let text = lines.joined(separator: "\n")
            return ReadDocument(pages: [PageText(number: 1, method: .office, text: text,
                                                 layout: PageLayout(plainLines: lines), reliability: 1)], attachments: [])
        }
        throw DocumentError.unsupported(name, kind: "ni PDF, ni image PNG, JPEG ou TIFF, ni Word, Excel ou OpenDocument")
    }

    private func readPDF(_ path: String) throws -> ReadDocument {
        let document = try PDFDocument(path: path)
        guard document.pageCount <= Self.maxPages else {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent,
                                           reason: "\(document.pageCount) pages, au-delà de \(Self.maxPages)")
        }
        let pages = try (0..<document.pageCount).map { index in
            let (layer, words, turns) = document.textLayer(page: index)
            let hasLayer = layer.unicodeScalars.filter(CharacterSet.alphanumerics.contains).count
                >= Self.minimumTextLayerCharacters
            if hasLayer && !options.forceOCR {
                return PageText(number: index + 1, method: .textLayer, text: layer, layout: PageLayout(words: words), reliability: 1,
                                words: words, frame: ImageFrame(quarterTurns: turns))
            }
            guard let (image, dpi) = ocrImage(of: document, page: index) else {
                return PageText(number: index + 1, method: .textLayer, text: layer, layout: PageLayout(words: words), reliability: 1)
            }
            let (page, frame) = try readAgainIfBroken(image, dpi: dpi)
            return Self.ocrPage(index + 1, page, frame: frame)
        }
        return ReadDocument(pages: pages, attachments: document.attachments(maxBytes: Self.maxAttachmentBytes))
    }

    /// The image a PDF page is recognised in: a scan's own image at its own resolution when it covers the page,
    /// else the page rendered in gray; nil when it would be too large.
    private func ocrImage(of document: PDFDocument, page index: Int) -> (GrayImage, Int)? {
        let scan = document.scan(page: index, maxPixels: Self.maxPixels)
        let dpi = Self.ocrResolution(scan: scan?.dpi, default: options.ocrDPI)
        if let scanned = scan?.image, Double(dpi) == scan?.dpi.rounded() { return (scanned, dpi) }
        return document.grayImage(page: index, dpi: Double(dpi), maxPixels: Self.maxPixels).map { ($0, dpi) }
    }

    /// The page read once — a photographed sheet first set back to a rectangle (`PaperEdges`), its paper evened out
    /// when it is lit unevenly (`UnevenLight`) —, and again turned when it reads as if upside down or sideways
    /// (`PageOrientation`), straightened when askew (`Skew`); read again without its dot leaders when the reading
    /// shows what is left of one (`DotLeaders`: Tesseract dropped the rows that held them), as one block when rows of
    /// ink hold no word (`DroppedRows`) — then without its ruling lines if a ruling crosses the rows still unread —,
    /// and without its ruling lines when the reading found far fewer characters than its ink holds — Tesseract took a
    /// table for a picture (`RulingLines`) — keeping each time the reading with more sure characters. Erasing moves
    /// no pixel: the words' boxes stay those of the page, for the second look at doubtful digits. Returns the reading
    /// and how its image was set (`ImageFrame`).
    private func readAgainIfBroken(_ image: GrayImage, dpi: Int) throws -> (OCRPage, ImageFrame) {
        // A photographed sheet is cut from its desk and set back to a rectangle, then its paper evened out when it
        // is lit unevenly: read as it lies, its darker side and its narrower end are lost.
        let rectified = PaperEdges.rectified(image)
        let sheet = rectified ?? image
        let evened = UnevenLight.evened(sheet)
        var (image, first, turns) = try upright(evened ?? sheet, dpi: dpi)
        var frame = ImageFrame(rectified: rectified != nil, evened: evened != nil, quarterTurns: turns)
        // A page askew by degrees (`Skew`): its straightened reading is kept when surer.
        if let straight = Skew.straightened(image) {
            let second = try ocr().read(straight.image, dpi: dpi)
            if Self.sureCharacters(second) > Self.sureCharacters(first) { (image, first, frame.straightened) = (straight.image, second, true) }
        }
        return (try readAgainIfBroken(image, dpi: dpi, first: first), frame)
    }

    /// The page's first reading, or the reading of the page turned upright when the first was doubtful or sideways,
    /// Tesseract tells how it lies and the turned page holds more sure characters — a sideways page's four fifths
    /// of them: its first reading's words are right, but its lines are not.
    private func upright(_ image: GrayImage, dpi: Int) throws -> (GrayImage, OCRPage, Int) {
        let first = try ocr().read(image, dpi: dpi)
        guard PageOrientation.isDoubtful(first.meanConfidence, words: first.words),
              let found = orientation()?.uprightTurns(image, dpi: dpi), found.quarterTurns != 0,
              found.confidence >= PageOrientation.minimumConfidence else { return (image, first, 0) }
        let turned = image.turned(clockwise: found.quarterTurns)
        let second = try ocr().read(turned, dpi: dpi)
        let better = PageOrientation.readsSideways(first.words) ? 5 * Self.sureCharacters(second) >= 4 * Self.sureCharacters(first)
            : Self.sureCharacters(second) > Self.sureCharacters(first)
        return better ? (turned, second, found.quarterTurns) : (image, first, 0)
    }

    private func readAgainIfBroken(_ image: GrayImage, dpi: Int, first: OCRPage) throws -> OCRPage {
        var first = first
        if DotLeaders.hintsAtLeaders(first.words), let cleared = DotLeaders.erased(from: image, dpi: dpi) {
            first = Self.surer(first, try ocr().read(cleared, dpi: dpi))
        }
        if DroppedRows.hasHole(in: image, words: first.words) {
            first = Self.surer(first, try ocr().readAsOneBlock(image, dpi: dpi))
            // A small bordered table Tesseract took for a picture leaves a hole too, its ink too little for the page
            // to look broken: read without its ruling lines, when rulings cross the hole (not a logo's or a stamp's).
            if let hole = DroppedRows.hole(in: image, words: first.words), RulingLines.crosses(hole, in: image, dpi: dpi),
               let erased = RulingLines.erased(from: image, dpi: dpi) {
                return Self.surer(first, try ocr().read(erased, dpi: dpi))
            }
        }
        guard RulingLines.inkPerCharacter(image, dpi: dpi, characters: Self.sureCharacters(first)) > RulingLines.brokenInkPerCharacter
        else { return first }
        guard let erased = RulingLines.erased(from: image, dpi: dpi) else { return first }
        return Self.surer(first, try ocr().read(erased, dpi: dpi))
    }

    /// The second reading when it holds more sure characters, else the first.
    static func surer(_ first: OCRPage, _ second: OCRPage) -> OCRPage {
        sureCharacters(second) > sureCharacters(first) ? second : first
    }

    /// Letters and digits of the words Tesseract is at least 60 % sure of.
    static func sureCharacters(_ page: OCRPage) -> Int {
        page.words.filter { $0.confidence >= 0.6 }.reduce(0) { $0 + $1.text.count(where: { $0.isLetter || $0.isNumber }) }
    }

    /// The document with the doubtful digits of its OCR pages read again region by region (`DoubtfulDigits`), in
    /// the same images; nil when no page had any or no second reading was surer than the first.
    func rereadingDoubtfulDigits(in document: ReadDocument, path: String) throws -> ReadDocument? {
        let regions = document.pages.map { page in
            page.method == .ocr ? DoubtfulDigits.regions(in: page.words) : []
        }
        guard regions.contains(where: { !$0.isEmpty }) else { return nil }
        let pdf = try Self.pdf(at: path)
        var changed = false
        let pages = try zip(document.pages, regions).map { page, regions -> PageText in
            guard !regions.isEmpty else { return page }
            // Every region with every margin, in one pass over the image (an image file is decoded once).
            let variants = DoubtfulDigits.margins.map { margin in regions.map { DoubtfulDigits.padded($0, margin) } }
            let all = variants.flatMap { $0 }
            let readings: [[PositionedWord]]
            if pdf == nil && page.frame == ImageFrame() {
                readings = try ocr().reread(imageAt: path, maxPixels: Self.maxPixels, regions: all)
            } else {
                guard let (image, dpi) = try image(of: page, pdf: pdf, path: path) else { return page }
                readings = try ocr().reread(image, dpi: dpi, regions: all)
            }
            let rereads = regions.indices.map { index in
                DoubtfulDigits.surest(variants.indices.map { readings[$0 * regions.count + index] })
            }
            guard let replaced = DoubtfulDigits.replacing(page.words, in: variants.last ?? regions, by: rereads) else { return page }
            changed = true
            return page.rereadAs(replaced)
        }
        return changed ? ReadDocument(pages: pages, attachments: document.attachments) : nil
    }

    /// The document with the ink its OCR pages left without words beside the words they kept read again region by
    /// region (`UnreadInk`) and added, in the same images; nil when no page had any or no second reading was sure.
    /// Asked only when the facts read lack something: a page has a few such regions, each one more OCR pass of a line.
    func addingUnreadInk(to document: ReadDocument, path: String) throws -> ReadDocument? {
        guard document.pages.contains(where: { $0.method == .ocr }) else { return nil }
        let pdf = try Self.pdf(at: path)
        var changed = false
        let pages = try document.pages.map { page -> PageText in
            guard page.method == .ocr, let (image, dpi) = try image(of: page, pdf: pdf, path: path) else { return page }
            let regions = UnreadInk.regions(in: image, words: page.words)
            guard !regions.isEmpty else { return page }
            // Each region with each margin, the surest reading kept, as for doubtful digits.
            let readings = try ocr().reread(image, dpi: dpi, regions: regions.flatMap { $0 })
            var next = readings.makeIterator()
            let rereads = regions.map { variants in DoubtfulDigits.surest(variants.compactMap { _ in next.next() }) }
            guard let words = UnreadInk.adding(rereads, to: page.words) else { return page }
            changed = true
            return page.rereadAs(words)
        }
        return changed ? ReadDocument(pages: pages, attachments: document.attachments) : nil
    }

    /// The document with its OCR pages read again as sparse text (`OCREngine.readSparse`), in the same images; nil
    /// when it has no OCR page. Asked only when its totals are missing: a full OCR pass a page.
    func readingSparselyAgain(in document: ReadDocument, path: String) throws -> ReadDocument? {
        guard document.pages.contains(where: { $0.method == .ocr }) else { return nil }
        let pdf = try Self.pdf(at: path)
        let pages = try document.pages.map { page -> PageText in
            guard page.method == .ocr, let (image, dpi) = try image(of: page, pdf: pdf, path: path) else { return page }
            return page.rereadAs(try ocr().readSparse(image, dpi: dpi).words)
        }
        return ReadDocument(pages: pages, attachments: document.attachments)
    }

    /// The file opened as a PDF when it is one; nil for an image file, whose pages are read from the file again.
    private static func pdf(at path: String) throws -> PDFDocument? {
        firstBytes(of: path)?.starts(with: Array("%PDF".utf8)) == true ? try PDFDocument(path: path) : nil
    }

    /// The image an OCR page was read in, set as it was (`ImageFrame`): the PDF page's or the image file's; nil
    /// when the page is gone or too large.
    private func image(of page: PageText, pdf: PDFDocument?, path: String) throws -> (GrayImage, Int)? {
        let found: (GrayImage, Int)
        if let pdf {
            guard page.number <= pdf.pageCount, let image = ocrImage(of: pdf, page: page.number - 1) else { return nil }
            found = image
        } else {
            found = try OCREngine.grayImage(at: path, maxPixels: Self.maxPixels)
        }
        return (page.frame.applied(to: found.0), found.1)
    }

    /// A scan between 150 and 400 dpi is read at its own resolution, not resampled; a coarser one (a 100 dpi fax) is
    /// enlarged to the default, which Tesseract needs for small print, and a finer one reduced to it. A resolution
    /// counts as what it rounds to: a 150 dpi A4 scan measures 149.92 dpi on its page, and enlarged to 300 dpi lost
    /// a table's amounts.
    static func ocrResolution(scan: Double?, default dpi: Int) -> Int {
        guard let scan = scan?.rounded(), (150...400).contains(scan) else { return dpi }
        return Int(scan)
    }

    /// The document with the check boxes drawn on its PDF text-layer pages added as « [X] » or « [ ] » words where
    /// they stand; nil when there are none. Rendering a page costs far more than reading its text: asked for forms only.
    func addingDrawnCheckBoxes(to document: ReadDocument, path: String) throws -> ReadDocument? {
        guard document.pages.contains(where: { $0.method == .textLayer }) else { return nil }
        let pdf = try PDFDocument(path: path)
        var found = false
        let pages = document.pages.map { page -> PageText in
            // A turned page's words are not in its rendered image's frame: its boxes are not looked for.
            guard page.method == .textLayer, page.frame.quarterTurns == 0, page.number <= min(pdf.pageCount, CheckBoxFinder.maxPages),
                  let image = pdf.grayImage(page: page.number - 1, dpi: CheckBoxFinder.dpi, maxPixels: CheckBoxFinder.maxPixels)
            else { return page }
            let boxes = CheckBoxFinder.drawn(CheckBoxFinder.boxes(in: image), apartFrom: page.words)
            guard !boxes.isEmpty else { return page }
            found = true
            let words = page.words + boxes.map(\.word)
            let layout = PageLayout(words: words)
            return PageText(number: page.number, method: page.method, text: layout.text, layout: layout,
                            reliability: page.reliability, words: words)
        }
        return found ? ReadDocument(pages: pages, attachments: document.attachments) : nil
    }

    private static func ocrPage(_ number: Int, _ page: OCRPage, frame: ImageFrame) -> PageText {
        PageText(number: number, method: .ocr, text: page.text, layout: PageLayout(words: page.words, whole: true),
                 reliability: page.meanConfidence, words: page.words, frame: frame)
    }

    private func orientation() -> OrientationFinder? {
        if let orientationFinder { return orientationFinder }
        let created = OrientationFinder()
        orientationFinder = .some(created)
        return created
    }

    private func ocr() throws -> OCREngine {
        if let engine { return engine }
        let created = try OCREngine()
        engine = created
        return created
    }

    /// The first bytes of a file, which say its format; nil when it cannot be opened.
    static func firstBytes(of path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
    }

    static func isImage(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    }
}
