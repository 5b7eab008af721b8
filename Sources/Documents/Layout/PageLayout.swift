import Foundation

/// A word and its box on the page, in points (PDF) or pixels (OCR); y grows downwards.
struct PositionedWord {
    let text: String
    let x0: Double, y0: Double, x1: Double, y1: Double
    /// How sure the OCR engine is of the word, 0…1; 1 for a text layer's.
    var confidence = 1.0
    var height: Double { y1 - y0 }
}

/// A run of words on one line with no wide gap inside: a label and its value, a table cell, a heading.
public struct LayoutCell: Sendable, Equatable {
    public let text: String
    /// Horizontal extent, so that a cell can be related to the cells above it in the same column.
    public let x0: Double, x1: Double
    /// Its tallest word's height, so that a cell's type size is known apart from the other cells of its line (0 for
    /// text without positions).
    public var height = 0.0

    public func overlaps(_ other: LayoutCell) -> Bool { x0 < other.x1 && other.x0 < x1 }
}

public struct LayoutLine: Sendable, Equatable {
    public let cells: [LayoutCell]
    /// The line's top and bottom on its page (the median of its words'), so that the lines of one wrapped cell,
    /// set closer than the rows of a table or the paragraphs of a page, can be told apart; 0 for text without
    /// positions.
    public var top = 0.0, bottom = 0.0

    public init(cells: [LayoutCell], top: Double = 0, bottom: Double = 0) {
        self.cells = cells
        self.top = top
        self.bottom = bottom
    }
    /// Cells joined by three spaces, the mark of a column gap.
    public var text: String { cells.map(\.text).joined(separator: "   ") }
}

/// A page rebuilt as lines of cells from the positions of its words, whatever engine read them: a label stays on the
/// line of its value even when the PDF's reading order puts them apart, and side-by-side blocks (supplier on the
/// left, client on the right) stay apart as cells.
public struct PageLayout: Sendable, Equatable {
    public let lines: [LayoutLine]

    public init(lines: [LayoutLine]) { self.lines = lines }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// A word joins a line when its vertical centre is within 0.4 word height of the line's (a word
    /// without ascenders, "rue", sits a little lower than "35" beside it; the next line of a tightly set PDF, whose
    /// glyph boxes overlap this one's, sits a whole line lower). On a line, a gap wider than twice the typical height
    /// of its words starts a new cell. Table rules that OCR reads as `|` are dropped. A text layer's words may be
    /// pieces of one word (a font change, a kerned pair) and join when they touch; OCR's words are `whole` and keep a
    /// space between them even when they touch (a blurred 150 dpi scan read « BoréalSystèmesSCOP »), but for digits.
    /// A word Tesseract split (« lancem ent ») then stays split: measured, that costs less than names run together.
    init(words: [PositionedWord], whole: Bool = false) {
        // OCR reads a table's borders as marks (« __] », « [ »): a word of those alone is no word. A text layer's
        // « [ ] » is a check box, kept.
        let sorted = Self.levelled(words.compactMap(Self.cleaned).filter { $0.height > 0 && !(whole && $0.text.allSatisfy { "[]{}_".contains($0) }) })
            .sorted { ($0.y0 + $0.y1) < ($1.y0 + $1.y1) }
        var rows: [[PositionedWord]] = []
        var centreSum = 0.0, height = 0.0
        // A dash or a dot has a box a fraction of a letter's height: it counts as a small letter, not as a
        // tolerance of a pixel or two that would put it and the words after it on a line of their own.
        let heights = sorted.map(\.height).sorted()
        let floor = heights.isEmpty ? 0 : 0.6 * heights[heights.count / 2]
        for word in sorted {
            let centre = (word.y0 + word.y1) / 2
            let wordHeight = max(word.height, floor)
            // The smaller height sets the tolerance: one tall box (a logo, a merged block) must not swallow lines.
            if let row = rows.last, abs(centre - centreSum / Double(row.count)) <= 0.4 * min(height, wordHeight) {
                rows[rows.count - 1].append(word)
                centreSum += centre
            } else {
                rows.append([word])
                centreSum = centre
                height = wordHeight
            }
        }
        // Each line's words left to right, once for the three passes below. Where cells start and end on each
        // line: a table's columns start at the same place on the lines around.
        let ordered = rows.map { $0.sorted { $0.x0 < $1.x0 } }
        let columnGap = Self.columnGap(ordered)
        let edges = ordered.map { Self.cellEdges($0, columnGap: columnGap) }
        let built = ordered.indices.map { index in
            let around = (max(0, index - 2)...min(ordered.count - 1, index + 2)).filter { $0 != index }
            return Self.line(ordered[index], whole: whole, columnGap: columnGap,
                             columnStarts: around.flatMap { edges[$0].starts }, columnEnds: around.flatMap { edges[$0].ends })
        }
        // OCR reads specks of a scan as lines of marks (« : », « — _ ») or of one lone letter (« L ») that hold
        // nothing and part a heading from the line under it. A lone digit stays: it may be a page's number or a
        // quantity.
        lines = whole ? built.filter { line in
            let kept = line.text.filter { $0.isLetter || $0.isNumber }
            return !kept.isEmpty && !(kept.count == 1 && kept.first?.isLetter == true)
        } : built
    }

    /// The words of a page scanned askew, moved back onto level lines: a 1.5° tilt lifts the end of an A4 line by
    /// more than a line's height, which would split it. Each word is linked to the next word to its right on the
    /// same line (a close neighbour of about the same height); the tilt is the median slope of the chains so made,
    /// each fitted through its words' centres and counted by its length (two neighbours alone are a few pixels apart,
    /// and a pixel of noise in their heights tilted a 150 dpi page by a degree too many). Under 0.1° nothing moves.
    static func levelled(_ words: [PositionedWord]) -> [PositionedWord] {
        guard words.count >= 8 else { return words }
        let byLeft = words.sorted { $0.x0 < $1.x0 }
        var next = [Int?](repeating: nil, count: byLeft.count)
        var linked = Set<Int>()
        for (i, word) in byLeft.enumerated() {
            let centre = (word.y0 + word.y1) / 2
            for j in (i + 1)..<min(byLeft.count, i + 41) {
                let other = byLeft[j]
                let gap = other.x0 - word.x1
                if gap > 3 * word.height { break }
                guard gap >= 0, abs(other.height - word.height) < 0.3 * word.height,
                      abs((other.y0 + other.y1) / 2 - centre) < 0.6 * word.height, !linked.contains(j) else { continue }
                next[i] = j
                linked.insert(j)
                break
            }
        }
        var slopes: [(slope: Double, weight: Double)] = []
        for start in byLeft.indices where !linked.contains(start) && next[start] != nil {
            var chain: [PositionedWord] = []
            var at: Int? = start
            while let index = at { chain.append(byLeft[index]); at = next[index] }
            guard chain.count >= 2, let fit = slope(through: chain) else { continue }
            slopes.append(fit)
        }
        guard slopes.count >= 3 else { return words }
        let sorted = slopes.sorted { $0.slope < $1.slope }
        let half = sorted.reduce(0) { $0 + $1.weight } / 2
        var running = 0.0
        let slope = sorted.first { running += $0.weight; return running >= half }?.slope ?? 0
        guard abs(slope) > 0.0017, abs(slope) < 0.1 else { return words }
        return words.map { word in
            let shift = slope * (word.x0 + word.x1) / 2
            return PositionedWord(text: word.text, x0: word.x0, y0: word.y0 - shift, x1: word.x1, y1: word.y1 - shift,
                                  confidence: word.confidence)
        }
    }

    /// The least-squares slope of the words' centres, weighted by the chain's length; nil for a chain shorter than
    /// four times its words' height.
    static func slope(through chain: [PositionedWord]) -> (slope: Double, weight: Double)? {
        let xs = chain.map { ($0.x0 + $0.x1) / 2 }, ys = chain.map { ($0.y0 + $0.y1) / 2 }
        let run = (xs.last ?? 0) - (xs.first ?? 0)
        let height = chain.map(\.height).sorted()[chain.count / 2]
        guard run >= 4 * height else { return nil }
        let meanX = xs.reduce(0, +) / Double(xs.count), meanY = ys.reduce(0, +) / Double(ys.count)
        let sxx = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        guard sxx > 0 else { return nil }
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        return (sxy / sxx, run)
    }

    /// The word without the rules of a table that OCR reads as `|`, `[` or `_`; nil when nothing else is left.
    private static func cleaned(_ word: PositionedWord) -> PositionedWord? {
        guard let first = word.text.unicodeScalars.first, let last = word.text.unicodeScalars.last else { return nil }
        // Nearly every word has nothing to trim: Foundation's trimming is then skipped.
        if !trimmed.contains(first) && !trimmed.contains(last) { return word }
        let text = word.text.trimmingCharacters(in: trimmed)
        return text.isEmpty ? nil : PositionedWord(text: text, x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1,
                                                   confidence: word.confidence)
    }

    /// A table's rules and borders OCR reads as marks (« | », « __] », « [ »): a word of those alone is dropped.
    private static let trimmed = CharacterSet(charactersIn: "|").union(.whitespacesAndNewlines)

    /// A gap wider than this many typical word heights always parts two cells.
    static let cellGap = 2.0

    /// A gap at least this wide (in typical word heights) is no space between two words of a sentence: twice the
    /// page's usual space (the median gap between words that do not touch), and half a word's height at least. A
    /// monospaced page's spaces are twice a proportional font's.
    /// Each row's words are ordered left to right, here and in `cellEdges` and `line`.
    static func columnGap(_ rows: [[PositionedWord]]) -> Double {
        var gaps: [Double] = []
        for row in rows where row.count >= 2 {
            let typical = typicalHeight(row)
            for (left, right) in zip(row, row.dropFirst()) where right.x0 - left.x1 > 0.12 * typical {
                gaps.append((right.x0 - left.x1) / typical)
            }
        }
        guard !gaps.isEmpty else { return cellGap }
        gaps.sort()
        return min(cellGap, max(0.5, 2 * gaps[gaps.count / 2]))
    }

    /// Where a line's cells may start and end: its first word's start and last word's end, and both sides of each
    /// gap of `columnGap` or more.
    static func cellEdges(_ words: [PositionedWord], columnGap: Double) -> (starts: [Double], ends: [Double]) {
        let ordered = words  // left to right
        guard let first = ordered.first, let last = ordered.last else { return ([], []) }
        let typical = typicalHeight(ordered)
        let gaps = zip(ordered, ordered.dropFirst()).filter { left, right in right.x0 - left.x1 >= columnGap * typical }
        return ([first.x0] + gaps.map(\.1.x0), gaps.map(\.0.x1) + [last.x1])
    }

    static func typicalHeight(_ words: [PositionedWord]) -> Double {
        let heights = words.map(\.height).sorted()
        return heights[heights.count / 2]
    }

    /// `columnStarts`, `columnEnds`: where cells start and end on the lines around. A gap narrower than `cellGap`
    /// parts two cells when it is wider than a space can be and the word after it starts where a cell starts on a
    /// line around, or the word before it ends where a cell ends (a column set to the right): the columns of a table
    /// set close together (« Facture   Date   Code client » over « FA028151   23/11/2026 »), which a justified
    /// sentence's wide spaces seldom line up with.
    private static func line(_ words: [PositionedWord], whole: Bool, columnGap: Double, columnStarts: [Double],
                             columnEnds: [Double]) -> LayoutLine {
        let typical = typicalHeight(words)
        // Left to right; nil where a leader stood.
        let pieces: [PositionedWord?] = words.contains { Self.leader(in: $0.text) != nil } ? words.flatMap(Self.splitAtLeaders) : words
        let ordered: [PositionedWord?] = pieces.contains { $0 != nil } ? pieces : words
        var cells: [LayoutCell] = []
        var text = "", x0 = words[0].x0, x1 = words[0].x1, tallest = 0.0
        for piece in ordered {
            guard let word = piece else {
                if !text.isEmpty { cells.append(LayoutCell(text: text, x0: x0, x1: x1, height: tallest)) }
                text = ""
                continue
            }
            if text.isEmpty {
                text = word.text; x0 = word.x0; x1 = word.x1; tallest = word.height
            } else if word.x0 - x1 > typical * cellGap
                        || word.x0 - x1 >= typical * columnGap
                            && (columnStarts.contains { abs($0 - word.x0) <= 0.3 * typical } || columnEnds.contains { abs($0 - x1) <= 0.3 * typical }) {
                cells.append(LayoutCell(text: text, x0: x0, x1: x1, height: tallest))
                text = word.text; x0 = word.x0; x1 = word.x1; tallest = word.height
            } else {
                tallest = max(tallest, word.height)
                let gap = word.x0 - x1
                let touching = gap <= typical * 0.12
                // OCR's words touching are still two words, unless digits touch digits (« 9999 » « 9999800010 »).
                let glued = whole ? touching && text.last?.isNumber == true && word.text.first?.isNumber == true
                    || gap < typical * 0.5 && Self.continuesAmount(text, word.text) : touching
                text += glued ? word.text : " " + word.text
                x1 = max(x1, word.x1)
            }
        }
        if !text.isEmpty { cells.append(LayoutCell(text: text, x0: x0, x1: x1, height: tallest)) }
        let tops = words.map(\.y0).sorted(), bottoms = words.map(\.y1).sorted()
        return LayoutLine(cells: cells, top: tops[tops.count / 2], bottom: bottoms[bottoms.count / 2])
    }

    /// Where a word holds a leader, a run of dots (« … » counting three) or underscores four long at least: set
    /// between a label and its value on a typed form (« Fournisseur retenu ........ ACME », « Visa : ______ »), it
    /// parts them as a column's gap does. Three dots are an ellipsis.
    static func leader(in text: String) -> Range<String.Index>? {
        var start: String.Index?, weight = 0, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "_" || character == "…" {
                if start == nil { start = index; weight = 0 }
                weight += character == "…" ? 3 : 1
                if weight >= 4, next == text.endIndex || !(".…_".contains(text[next])) { return start! ..< next }
            } else {
                start = nil
            }
            index = next
        }
        return nil
    }

    /// A line of text without positions in pieces around its leaders.
    static func partedAtLeaders(_ text: String) -> [String] {
        var parts: [String] = [], rest = text
        while let range = leader(in: rest) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = String(rest[range.upperBound...])
        }
        return parts + [rest]
    }

    /// The word in pieces around its leaders (nil for each leader), each piece given its share of the word's width.
    static func splitAtLeaders(_ word: PositionedWord) -> [PositionedWord?] {
        var pieces: [PositionedWord?] = [], rest = Substring(word.text)
        let total = Double(max(1, word.text.count)), width = word.x1 - word.x0
        var offset = 0
        func piece(_ text: Substring) -> PositionedWord {
            let start = word.x0 + width * Double(offset) / total
            return PositionedWord(text: String(text), x0: start, y0: word.y0,
                                  x1: start + width * Double(text.count) / total, y1: word.y1, confidence: word.confidence)
        }
        while let range = leader(in: String(rest)) {
            let text = String(rest)
            let before = text[..<range.lowerBound]
            if !before.isEmpty { pieces.append(piece(before)) }
            pieces.append(nil)
            offset += text.distance(from: text.startIndex, to: range.upperBound)
            rest = Substring(text[range.upperBound...])
        }
        if !rest.isEmpty { pieces.append(piece(rest)) }
        return pieces
    }

    /// « 15.759, » then « 20 € »: OCR splits an amount at its decimals as two words.
    static func continuesAmount(_ text: String, _ next: String) -> Bool {
        guard let mark = text.last, mark == "," || mark == ".", text.dropLast().last?.isNumber == true else { return false }
        let digits = next.prefix { $0.isNumber }
        return digits.count == 2 && next.dropFirst(2).allSatisfy { $0 == "€" }
    }

    /// Text without positions (Word and OpenDocument files): each line one cell, tabs and table cells split it.
    public init(plainLines: [String]) {
        lines = plainLines.map { line in
            let parts = line.components(separatedBy: "\t").flatMap(Self.partedAtLeaders)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return LayoutLine(cells: parts.enumerated().map { index, part in
                LayoutCell(text: part.trimmingCharacters(in: .whitespaces), x0: Double(index) * 100, x1: Double(index) * 100 + 99)
            })
        }.filter { !$0.cells.isEmpty }
    }
}
