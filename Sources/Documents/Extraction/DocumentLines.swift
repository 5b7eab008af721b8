import Foundation
import EclaireCore

/// A cell of a document as the finders see it: its text, a folded copy for matching labels (lower case, no accents,
/// same length in characters), and where it is.
struct LocatedCell {
    let page: Int
    let line: Int
    let index: Int
    let cell: LayoutCell
    let text: String
    let folded: String

    var source: FieldSource { FieldSource(page: page, text: String(text.prefix(200))) }

    /// The same place read with another text (a heading and its value, a cell with the lines it wraps to).
    func with(text: String) -> LocatedCell {
        LocatedCell(page: page, line: line, index: index, cell: cell, text: text, folded: DocumentLines.fold(text))
    }
}

/// All lines of a document, pages end to end, with the neighbourhood queries the finders share.
struct DocumentLines {
    let lines: [[LocatedCell]]
    /// How much the text can be trusted: the weakest page reliability (1 for text layers).
    let reliability: Double
    /// Per page, the left and right ends of its text: a line that reaches the right end was wrapped.
    let margins: [Int: (left: Double, right: Double)]
    /// Each line's top and bottom on its page, and whether OCR read it; nil for text without positions.
    let extents: [(top: Double, bottom: Double, ocr: Bool)?]
    /// The rows of a form whose cells wrap, each as one line of cells (`findWrappedRows`), and the values set under
    /// a row of headings (`findHeadedValues`): found once, read by several finders.
    private(set) var wrappedRows: [[LocatedCell]] = []
    private(set) var headedValues: [LocatedCell] = []

    init(pages: [PageText]) {
        var lines: [[LocatedCell]] = []
        var extents: [(top: Double, bottom: Double, ocr: Bool)?] = []
        for page in pages {
            for layoutLine in page.layout.lines {
                extents.append(page.method == .office || layoutLine.bottom <= layoutLine.top ? nil
                               : (layoutLine.top, layoutLine.bottom, page.method == .ocr))
                let number = lines.count
                lines.append(layoutLine.cells.enumerated().map { index, cell in
                    let text = page.method == .ocr ? Self.titleWhole(cell.text) : cell.text
                    return LocatedCell(page: page.number, line: number, index: index, cell: cell, text: text, folded: Self.fold(text))
                })
            }
        }
        self.lines = lines
        self.extents = extents
        reliability = pages.map(\.reliability).min() ?? 1
        var margins: [Int: (left: Double, right: Double)] = [:]
        // Word, OpenDocument and plain text give paragraphs, not lines a page's width wrapped: no margins.
        let positioned = Set(pages.filter { $0.method != .office }.map(\.number))
        for cell in lines.joined() where positioned.contains(cell.page) {
            let known = margins[cell.page] ?? (cell.cell.x0, cell.cell.x1)
            margins[cell.page] = (min(known.left, cell.cell.x0), max(known.right, cell.cell.x1))
        }
        self.margins = margins
        wrappedRows = findWrappedRows()
        headedValues = findHeadedValues()
    }

    /// The cell's text runs to the right end of the page's text, as the lines of a wrapped paragraph do.
    func reachesRightEdge(_ cell: LocatedCell) -> Bool {
        guard let margin = margins[cell.page], margin.right > margin.left else { return false }
        return cell.cell.x1 >= margin.right - 0.12 * (margin.right - margin.left)
    }

    /// Two cells start at the same place on the page (within 2 % of its text width).
    func alignedLeft(_ a: LocatedCell, _ b: LocatedCell) -> Bool {
        guard let margin = margins[a.page], margin.right > margin.left else { return a.cell.x0 == b.cell.x0 }
        return abs(a.cell.x0 - b.cell.x0) <= 0.02 * (margin.right - margin.left)
    }

    /// Two cells end at the same place on the page, as the lines of a block set flush right do.
    func alignedRight(_ a: LocatedCell, _ b: LocatedCell) -> Bool {
        guard let margin = margins[a.page], margin.right > margin.left else { return false }
        return abs(a.cell.x1 - b.cell.x1) <= 0.02 * (margin.right - margin.left)
    }

    var cells: some Sequence<LocatedCell> { lines.joined() }

    /// Line `line` follows the line above it as the next line of the same paragraph or wrapped cell: closer to it
    /// than half a line's height (a table's rows and a page's paragraphs stand further apart). OCR's word boxes hug
    /// the ink, a text layer's span the font's whole height: the same lines read by OCR stand about half a height
    /// apart, a table's rows more than a height. Never for text without positions.
    func runsOn(_ line: Int) -> Bool { line > 0 && follows(line, after: line - 1) }

    /// `runsOn` for two lines that another column's line may part: a cell wrapped beside a box whose lines stand
    /// at other heights (« Événement : Fourniture de … » / « 122 cours Mirabeau » / « de Poitiers Beaulieu »).
    func follows(_ line: Int, after previous: Int) -> Bool {
        guard previous >= 0, line > previous, line < lines.count, lines[line].first?.page == lines[previous].first?.page,
              let above = extents[previous], let this = extents[line] else { return false }
        let height = min(above.bottom - above.top, this.bottom - this.top)
        return height > 0 && this.top - above.bottom < (this.ocr ? 0.8 : 0.5) * height
    }

    /// Each line as one cell (its cells joined by three spaces): a label and its value in the next column read
    /// together.
    var wholeLines: [LocatedCell] { lines.compactMap(Self.wholeLine) }

    static let titleWords: Set<String> = ["facture", "devis", "avoir", "commande", "proforma", "cctp", "ccap"]

    /// OCR splits a title set in large spaced capitals (« FACTU RE », « D EVIS »): a cell of capitals whose pieces
    /// join into a title word is that word.
    static func titleWhole(_ text: String) -> String {
        guard text.count <= 14, text.contains(" "), text.allSatisfy({ $0 == " " || $0.isUppercase }) else { return text }
        let joined = text.filter { $0 != " " }
        return titleWords.contains(fold(joined)) ? joined : text
    }

    /// Lower case without accents, one character for one character, so that ranges found in the folded text index
    /// the original text too.
    static func fold(_ text: String) -> String {
        // Most cells are plain ASCII: lower-cased byte for byte, as the per-character path below would.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { byte in
                switch byte {
                case 0x41...0x5A: byte + 0x20
                case 0x09: 0x20
                default: byte
                }
            }, as: UTF8.self)
        }
        var folded = String()
        folded.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            // One scalar of ASCII or Latin-1 (most characters of a French text): its folding from a table.
            if let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
               let byte = Self.asciiFolding(of: scalar) {
                folded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                folded.append(foldCharacter(character))
            }
        }
        return folded
    }

    /// Folds one character: its lower case when that is one character, without the accents of French.
    static func foldCharacter(_ character: Character) -> Character {
        let lower = character.lowercased()
        guard lower.count == 1, let first = lower.first else { return character }
        switch first {
        case "à", "â", "ä", "á": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "î", "ï": return "i"
        case "ô", "ö": return "o"
        case "ù", "û", "ü": return "u"
        case "ç": return "c"
        case "\u{00A0}", "\u{202F}", "\t": return " "
        case "’": return "'"
        default: return first
        }
    }

    /// `foldCharacter` of a one-scalar character when it is ASCII, from a table of Latin-1 and the two French
    /// typographic characters (’ and the narrow no-break space); nil for the others (ã, ñ, œ…).
    static func asciiFolding(of scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x100 {
            let byte = latinFolding[Int(value)]
            return byte < 0x80 ? byte : nil
        }
        return typographicFolding[value]
    }

    /// 0xFF where the folding is not ASCII.
    private static let latinFolding: [UInt8] = (0..<0x100).map { asciiFoldingOf(UInt32($0)) ?? 0xFF }
    private static let typographicFolding: [UInt32: UInt8] = [0x2019, 0x202F].reduce(into: [:]) { $0[$1] = asciiFoldingOf($1) }

    private static func asciiFoldingOf(_ value: UInt32) -> UInt8? {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = foldCharacter(Character(scalar))
        return folded.unicodeScalars.count == 1 ? folded.asciiValue : nil
    }

    /// The cells above `cell` in its column (same page, overlapping horizontally), nearest first, then the text
    /// before it on its own line: where a label or a block heading that governs the cell is found. `count` lines
    /// with words; lines of specks between are passed over.
    func contextAbove(_ cell: LocatedCell, lines count: Int) -> [LocatedCell] {
        var found: [LocatedCell] = []
        var line = cell.line - 1, seen = 0
        while line >= 0, seen < count {
            for other in lines[line] where other.page == cell.page && other.cell.overlaps(cell.cell) { found.append(other) }
            // A line of OCR specks (« : », « | ») is no distance between a value and its heading.
            if lines[line].contains(where: { $0.text.count(where: \.isLetter) >= 2 }) { seen += 1 }
            line -= 1
        }
        return found
    }

    /// The cells to the left of `cell` on its line, nearest first.
    func leftOf(_ cell: LocatedCell) -> [LocatedCell] {
        lines[cell.line].filter { $0.index < cell.index }.reversed()
    }

    /// Two cells share their centre (within 2 % of the page's text width), as the lines of a centred heading do.
    func centred(_ a: LocatedCell, _ b: LocatedCell) -> Bool {
        guard let margin = margins[a.page], margin.right > margin.left else { return false }
        return abs((a.cell.x0 + a.cell.x1) - (b.cell.x0 + b.cell.x1)) / 2 <= 0.02 * (margin.right - margin.left)
    }

    /// The next cell on `cell`'s line: the value of a label set in a column of its own.
    func cellRight(of cell: LocatedCell) -> LocatedCell? {
        lines[cell.line].first { $0.index == cell.index + 1 }
    }

    /// The first cell below `cell` in its column, if within `distance` lines.
    func below(_ cell: LocatedCell, within distance: Int = 2) -> LocatedCell? {
        var line = cell.line + 1
        while line < lines.count, line - cell.line <= distance {
            if let other = lines[line].first(where: { $0.page == cell.page && $0.cell.overlaps(cell.cell) }) { return other }
            line += 1
        }
        return nil
    }
}

extension String {
    /// The part of the string after the first `:` (a label's value), trimmed; nil when there is none or it is empty.
    var valueAfterColon: String? {
        guard let colon = firstIndex(where: { $0 == ":" }) else { return nil }
        let value = self[index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
