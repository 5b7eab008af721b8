import Foundation

/// A word and its box on the page, in points (PDF) or pixels (OCR); y grows downwards.
struct PositionedWord {
    let text: String
    let x0: Double, y0: Double, x1: Double, y1: Double
    var height: Double { y1 - y0 }
}

/// A run of words on one line with no wide gap inside: a label and its value, a table cell, a heading.
public struct LayoutCell: Sendable, Equatable {
    public let text: String
    /// Horizontal extent, so that a cell can be related to the cells above it in the same column.
    public let x0: Double, x1: Double

    public func overlaps(_ other: LayoutCell) -> Bool { x0 < other.x1 && other.x0 < x1 }
}

public struct LayoutLine: Sendable, Equatable {
    public let cells: [LayoutCell]
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
    /// of its words starts a new cell. Table rules that OCR reads as `|` are dropped.
    init(words: [PositionedWord]) {
        let sorted = words.compactMap(Self.cleaned).filter { $0.height > 0 }.sorted { ($0.y0 + $0.y1) < ($1.y0 + $1.y1) }
        var rows: [[PositionedWord]] = []
        var centreSum = 0.0, height = 0.0
        for word in sorted {
            let centre = (word.y0 + word.y1) / 2
            // The smaller height sets the tolerance: one tall box (a logo, a merged block) must not swallow lines.
            if let row = rows.last, abs(centre - centreSum / Double(row.count)) <= 0.4 * min(height, word.height) {
                rows[rows.count - 1].append(word)
                centreSum += centre
            } else {
                rows.append([word])
                centreSum = centre
                height = word.height
            }
        }
        lines = rows.map(Self.line)
    }

    /// The word without the vertical rules of a table that OCR reads as `|`; nil when nothing else is left.
    private static func cleaned(_ word: PositionedWord) -> PositionedWord? {
        guard let first = word.text.unicodeScalars.first, let last = word.text.unicodeScalars.last else { return nil }
        // Nearly every word has nothing to trim: Foundation's trimming is then skipped.
        if !trimmed.contains(first) && !trimmed.contains(last) { return word }
        let text = word.text.trimmingCharacters(in: trimmed)
        return text.isEmpty ? nil : PositionedWord(text: text, x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1)
    }

    private static let trimmed = CharacterSet(charactersIn: "|").union(.whitespacesAndNewlines)

    private static func line(_ words: [PositionedWord]) -> LayoutLine {
        let ordered = words.sorted { $0.x0 < $1.x0 }
        let heights = ordered.map(\.height).sorted()
        let typical = heights[heights.count / 2]
        var cells: [LayoutCell] = []
        var text = "", x0 = ordered[0].x0, x1 = ordered[0].x1
        for word in ordered {
            if text.isEmpty {
                text = word.text; x0 = word.x0; x1 = word.x1
            } else if word.x0 - x1 > typical * 2 {
                cells.append(LayoutCell(text: text, x0: x0, x1: x1))
                text = word.text; x0 = word.x0; x1 = word.x1
            } else {
                text += word.x0 - x1 > typical * 0.12 ? " " + word.text : word.text
                x1 = max(x1, word.x1)
            }
        }
        cells.append(LayoutCell(text: text, x0: x0, x1: x1))
        return LayoutLine(cells: cells)
    }

    /// Text without positions (Word and OpenDocument files): each line one cell, tabs and table cells split it.
    public init(plainLines: [String]) {
        lines = plainLines.map { line in
            let parts = line.components(separatedBy: "\t").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return LayoutLine(cells: parts.enumerated().map { index, part in
                LayoutCell(text: part.trimmingCharacters(in: .whitespaces), x0: Double(index) * 100, x1: Double(index) * 100 + 99)
            })
        }.filter { !$0.cells.isEmpty }
    }
}
