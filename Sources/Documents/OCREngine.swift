import CTesseract
import Foundation

/// Tesseract in French, created once and reused for every page (loading the model costs more than a page). One
/// thread inside Tesseract (`OCRThreads`): workers run in parallel instead. Used from one thread at a time.
final class OCREngine {
    private let api: OpaquePointer

    init(language: String = "fra") throws {
        guard let api = TessBaseAPICreate() else { throw DocumentError.ocrUnavailable(reason: "Tesseract n'a pas démarré") }
        guard TessBaseAPIInit3(api, nil, language) == 0 else {
            TessBaseAPIDelete(api)
            throw DocumentError.ocrUnavailable(reason: "modèle « \(language) » absent (paquet tesseract-ocr-\(language))")
        }
        // The C API starts in "single block" mode; the `tesseract` command's automatic page segmentation finds the
        // columns and table cells of a form (totals beside a paragraph were lost otherwise).
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        // Tesseract's table finder took a boxed header beside a logo (« FACTURE N° : F20220023 ») for a non-text
        // region and dropped it; Eclaire rebuilds tables from word positions itself. Measured on printed-and-scanned
        // real invoices (docs/QUALITY.md): document numbers 9/15 → 13/15, no loss on the generated scans.
        // Tesseract's diagnostics (« Detected 191 diacritics », « Invalid resolution 0 dpi », its model cache's
        // « LEAK! » at exit) went to standard error, among the command line's messages: they go nowhere.
        // Both settings are globals of the library, shared by every engine of the process (the orientation model's
        // too): they are never changed for one reading, since a worker's change would reach another's page.
        guard TessBaseAPISetVariable(api, "textord_tabfind_find_tables", "0") != 0,
              TessBaseAPISetVariable(api, "debug_file", "/dev/null") != 0 else {
            TessBaseAPIEnd(api)
            TessBaseAPIDelete(api)
            throw DocumentError.ocrUnavailable(reason: "réglage de Tesseract refusé")
        }
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    func read(_ image: GrayImage, dpi: Int) throws -> OCRPage {
        try image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(api, Int32(dpi))
            return try recognise()
        }
    }

    /// The page read as one block of text, for a page whose first reading dropped rows (`DroppedRows`); the
    /// automatic segmentation is back for the next page.
    func readAsOneBlock(_ image: GrayImage, dpi: Int) throws -> OCRPage {
        TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK)
        defer { TessBaseAPISetPageSegMode(api, PSM_AUTO) }
        return try read(image, dpi: dpi)
    }

    /// The page read as sparse text: every piece of text found, without the page's analysis into blocks, for a page
    /// whose totals are missing — the analysis drops a bordered table of totals on a photographed invoice; the lines
    /// are rebuilt from the words' positions anyway. The automatic segmentation is back for the next page.
    func readSparse(_ image: GrayImage, dpi: Int) throws -> OCRPage {
        TessBaseAPISetPageSegMode(api, PSM_SPARSE_TEXT)
        defer { TessBaseAPISetPageSegMode(api, PSM_AUTO) }
        return try read(image, dpi: dpi)
    }

    /// An image file (PNG, JPEG, TIFF) read by Leptonica, once its header says it holds at most `maxPixels` (a
    /// 30 000 × 30 000 PNG of a few kilobytes would otherwise inflate to gigabytes).
    /// Reads each region of the image again on its own, as one line: the words a check found doubtful, without the
    /// page around them that made Tesseract's line finder merge or split them. Boxes are in the image's pixels.
    func reread(_ image: GrayImage, dpi: Int, regions: [PositionedWord]) throws -> [[PositionedWord]] {
        try image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(api, Int32(dpi))
            return try recogniseLines(regions, width: image.width, height: image.height)
        }
    }

    func reread(imageAt path: String, maxPixels: Int, regions: [PositionedWord]) throws -> [[PositionedWord]] {
        try withImage(at: path, maxPixels: maxPixels) { width, height in
            try recogniseLines(regions, width: width, height: height)
        }
    }

    /// An image file's page in gray, one byte a pixel, and its resolution (300 dpi when it states none or less than
    /// 70), for the readings that work on pixels (`RulingLines`, `DotLeaders`).
    static func grayImage(at path: String, maxPixels: Int) throws -> (GrayImage, Int) {
        var pix: UnsafeMutablePointer<PIX>? = try readPix(at: path, maxPixels: maxPixels)
        defer { pixDestroy(&pix) }
        var gray: UnsafeMutablePointer<PIX>? = pixConvertTo8(pix, 0)
        defer { pixDestroy(&gray) }
        guard let gray, let image = GrayImage(gray8: gray) else {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent, reason: "image illisible")
        }
        let resolution = Int(pixGetYRes(pix))
        return (image, resolution < 70 ? 300 : resolution)
    }

    /// The image file read by Leptonica, its size checked from its header first; the caller destroys it.
    private static func readPix(at path: String, maxPixels: Int) throws -> UnsafeMutablePointer<PIX> {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bits: Int32 = 0, samples: Int32 = 0, colormap: Int32 = 0
        guard pixReadHeader(path, &format, &width, &height, &bits, &samples, &colormap) == 0, width > 0, height > 0 else {
            throw DocumentError.unreadable(name, reason: "image illisible")
        }
        guard Int(width) * Int(height) <= maxPixels else {
            throw DocumentError.unreadable(name, reason: "image de \(width) × \(height) pixels, au-delà de \(maxPixels / 1_000_000) millions")
        }
        guard let pix = pixRead(path) else { throw DocumentError.unreadable(name, reason: "image illisible") }
        return pix
    }

    private func withImage<T>(at path: String, maxPixels: Int, _ body: (_ width: Int, _ height: Int) throws -> T) throws -> T {
        var pix: UnsafeMutablePointer<PIX>? = try Self.readPix(at: path, maxPixels: maxPixels)
        defer { pixDestroy(&pix) }
        TessBaseAPISetImage2(api, pix)
        if TessBaseAPIGetSourceYResolution(api) < 70 { TessBaseAPISetSourceResolution(api, 300) }
        return try body(Int(pixGetWidth(pix)), Int(pixGetHeight(pix)))
    }

    /// Recognises once, then reads both the plain text and every word with its box and confidence.
    private func recognise() throws -> OCRPage {
        defer { TessBaseAPIClear(api) }
        guard TessBaseAPIRecognize(api, nil) == 0 else {
            throw DocumentError.ocrUnavailable(reason: "la reconnaissance de la page a échoué")
        }
        var text = ""
        if let cText = TessBaseAPIGetUTF8Text(api) {
            text = String(cString: cText)
            TessDeleteText(cText)
        }
        let words = recognisedWords()
        return OCRPage(text: text, words: words, meanConfidence: DoubtfulDigits.meanConfidence(words))
    }

    /// Each region (clipped to the image) recognised as a single line, in the page's coordinates.
    private func recogniseLines(_ regions: [PositionedWord], width: Int, height: Int) throws -> [[PositionedWord]] {
        TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE)
        defer {
            TessBaseAPISetPageSegMode(api, PSM_AUTO)
            TessBaseAPIClear(api)
        }
        return try regions.map { region in
            let left = max(0, Int(region.x0)), top = max(0, Int(region.y0))
            let right = min(width, Int(region.x1.rounded(.up))), bottom = min(height, Int(region.y1.rounded(.up)))
            guard right - left >= 4, bottom - top >= 4 else { return [] }
            TessBaseAPISetRectangle(api, Int32(left), Int32(top), Int32(right - left), Int32(bottom - top))
            guard TessBaseAPIRecognize(api, nil) == 0 else {
                throw DocumentError.ocrUnavailable(reason: "la relecture d'une zone a échoué")
            }
            return recognisedWords()
        }
    }

    /// The words of the last recognition, with their boxes and confidence (0…1).
    private func recognisedWords() -> [PositionedWord] {
        var words: [PositionedWord] = []
        guard let iterator = TessBaseAPIGetIterator(api) else { return words }
        defer { TessResultIteratorDelete(iterator) }
        let pageIterator = TessResultIteratorGetPageIterator(iterator)
        repeat {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom) != 0,
                  let cWord = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: cWord)
            TessDeleteText(cWord)
            words.append(PositionedWord(text: text, x0: Double(left), y0: Double(top), x1: Double(right), y1: Double(bottom),
                                        confidence: Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return words
    }
}

struct OCRPage {
    let text: String
    /// With Tesseract's confidence in each.
    let words: [PositionedWord]
    /// Tesseract's mean word confidence, 0…1: scales the confidence of the facts read on the page.
    let meanConfidence: Double
}
