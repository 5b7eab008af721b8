import EclaireCore
import Foundation

/// Values that labels announce, wherever the layout puts them: after the label in its cell (« Centre financier :
/// 0129-CDBU-0001 »), in the next cell of its row, or under it when the label heads a column. Each candidate is
/// checked by `accept`, which returns the value in its canonical form or nil, so a label followed by another label
/// or by text of the wrong shape gives nothing rather than a wrong value.
struct LabelledValues {
    let document: DocumentLines

    struct Found {
        let value: String
        let cell: LocatedCell
        /// Found under a label (true) or by its shape alone.
        let labelled: Bool
        /// The label's cell when the value stands in another (the next cell, the cell under it).
        var label: LocatedCell? = nil

        /// The label and its value, so that the source reads as a sentence of the document.
        var source: FieldSource {
            guard let label, label.line != cell.line || label.index != cell.index else { return cell.source }
            return FieldSource(page: cell.page, text: String("\(label.text)   \(cell.text)".prefix(200)))
        }
    }

    /// The first value announced by one of `labels` (folded: lower case, no accents), in reading order.
    func first(_ labels: [String], accept: (String) -> String?) -> Found? {
        all(labels, accept: accept).first
    }

    /// Every value announced by one of `labels`, in reading order. The label may run on past the words matched
    /// (« Centre financier (CF) », « Montant initial du marché ») up to a colon or to the end of its cell: then the
    /// value is what follows the colon, the next cell of the row, or — when the row is a row of headings over a row
    /// of as many values — the cell under it.
    func all(_ labels: [String], accept: (String) -> String?) -> [Found] {
        var found: [Found] = []
        for cell in document.cells {
            guard let end = Self.labelEnd(labels, in: cell.folded) else { continue }
            var rest = String(cell.text.dropFirst(end))
            let runOn = Self.labelRunOn(rest)
            if let colon = runOn.colon { rest = String(rest[rest.index(after: colon)...]) }
            rest = Self.trimmedLead(rest)
            let right = document.cellRight(of: cell)
            let below = document.below(cell, within: 2)
            var candidates: [(String, LocatedCell)] = []
            if headsColumn(cell, below: below) {
                candidates = [below].compactMap { $0 }.map { (Self.trimmedLead($0.text), $0) }
            } else {
                if !rest.isEmpty, runOn.colon != nil || !runOn.isLabel { candidates.append((rest, cell)) }
                if let right { candidates.append((Self.trimmedLead(right.text), right)) }
                if !rest.isEmpty, runOn.colon == nil, runOn.isLabel { candidates.append((rest, cell)) }
                if rest.isEmpty || runOn.isLabel, let below { candidates.append((Self.trimmedLead(below.text), below)) }
            }
            for (text, at) in candidates {
                if let value = accept(text) {
                    found.append(Found(value: value, cell: at, labelled: true, label: cell))
                    break
                }
            }
        }
        return found
    }

    /// What follows the matched words: a colon within the next few words (the label's end), and whether those
    /// words still read as a label's (no digit, at most four words, or a parenthesis).
    static func labelRunOn(_ rest: String) -> (colon: String.Index?, isLabel: Bool) {
        let head = rest.prefix(60)
        if let colon = head.firstIndex(of: ":") {
            let before = head[..<colon]
            if !before.contains(where: \.isNumber), before.split(separator: " ").count <= 5 { return (colon, true) }
        }
        let words = rest.split(separator: " ")
        let isLabel = !rest.contains(where: \.isNumber) && (words.count <= 3 || rest.hasPrefix(" (") || rest.hasPrefix("("))
        return (nil, isLabel)
    }

    /// A row of headings over a row of as many values: three cells or more without a digit over as many cells (two
    /// cells side by side are far more often a label and its value).
    func headsColumn(_ cell: LocatedCell, below: LocatedCell?) -> Bool {
        guard let below, below.line != cell.line else { return false }
        let row = document.lines[cell.line]
        let under = document.lines[below.line]
        return row.count >= 3 && row.count == under.count && !row.contains { $0.text.contains(where: \.isNumber) }
    }

    /// Where the first of the labels ends in the folded text, when it starts a word.
    static func labelEnd(_ labels: [String], in folded: String) -> Int? {
        for label in labels {
            var search = folded.startIndex
            while let range = folded.range(of: label, range: search..<folded.endIndex) {
                let before = range.lowerBound == folded.startIndex ? nil : folded[folded.index(before: range.lowerBound)]
                if before.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                    return folded.distance(from: folded.startIndex, to: range.upperBound)
                }
                search = range.upperBound
            }
        }
        return nil
    }

    /// Without the separators between a label and its value (« : », « - », « = », spaces, « (s) »).
    static func trimmedLead(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasPrefix("(s)") { rest = rest.dropFirst(3) }
        while let first = rest.first, first.isWhitespace || [":", "-", "–", "=", ".", "…"].contains(first) { rest = rest.dropFirst() }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    /// Values of a shape anywhere in the document, each with its cell (for facts that need no label).
    func matches(_ pattern: Regex<Substring>, where keep: (String) -> Bool = { _ in true }) -> [Found] {
        document.cells.flatMap { cell in
            cell.text.matches(of: pattern).map { String($0.output) }.filter(keep).map { Found(value: $0, cell: cell, labelled: false) }
        }
    }

    // MARK: Shapes

    /// The first token of the text matching the whole pattern (upper-cased).
    static func token(_ pattern: Regex<Substring>) -> (String) -> String? {
        { text in
            let first = text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," }).first.map(String.init) ?? ""
            return first.uppercased().wholeMatch(of: pattern).map { String($0.output) }
        }
    }

    /// Free text (a name, an address): the text up to a wide gap, not a label's own words.
    static func text(minLength: Int = 2) -> (String) -> String? {
        { text in
            let value = (text.components(separatedBy: "   ").first ?? text).trimmingCharacters(in: .whitespaces)
            guard value.count >= minLength, value.contains(where: \.isLetter) || value.contains(where: \.isNumber) else { return nil }
            return String(value.prefix(200))
        }
    }

    /// The first amount of the text, canonical (`1234.50`), with its sign.
    static func amount(_ text: String) -> String? {
        guard let match = text.firstMatch(of: AmountFinder.amountPattern),
              let money = try? AmountParser.parse(String(match.output.1)) else {
            // Whole euros followed by the currency: « 12 000 € », « 5000 euros ».
            guard let whole = text.firstMatch(of: /(-?\d{1,3}(?:[ \u00A0\u202F.]\d{3})+|-?\d+)\s?(?:€|EUR|euros?)/),
                  let money = try? AmountParser.parse(String(whole.output.1)) else { return nil }
            return money.plain
        }
        return money.plain
    }

    nonisolated(unsafe) static let numericDate = /(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})/
    nonisolated(unsafe) static let writtenDate = /(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})/

    /// The first date of the text, ISO.
    static func date(_ text: String) -> String? {
        guard let match = text.firstMatch(of: numericDate),
              let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
              let date = LocalDate(year: year, month: month, day: day) else {
            return longDate(text)
        }
        return date.iso
    }

    static let months = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                         "novembre", "decembre"]

    /// « 12 mars 2025 », « 1er avril 2025 ».
    static func longDate(_ text: String) -> String? {
        let folded = DocumentLines.fold(text)
        guard let match = folded.firstMatch(of: writtenDate),
              let month = months.firstIndex(of: String(match.output.2)), let day = Int(match.output.1), let year = Int(match.output.3),
              let date = LocalDate(year: year, month: month + 1, day: day) else { return nil }
        return date.iso
    }
}
