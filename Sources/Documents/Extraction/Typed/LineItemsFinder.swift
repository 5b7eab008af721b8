import Foundation
import EclaireCore

/// The lines of a devis, bon de commande or invoice, found by arithmetic rather than by column headings: a row
/// whose numbers hold a quantity, a unit price and an amount with quantité × prix unitaire = montant (to the cent);
/// its words before the numbers are the designation, a unit word after the quantity its unit. The confidence rises
/// when the lines add up to the document's HT.
enum LineItemsFinder {
    nonisolated(unsafe) static let number = /(?:^|[\s(])(-?\d{1,3}(?:[ \u00A0\u202F.]\d{3})*(?:,\d{1,4})?|-?\d+(?:[.,]\d{1,4})?)(?=$|[\s€%)])/
    static let units = ["jour", "jours", "j", "jh", "h", "heure", "heures", "forfait", "unite", "unites", "u", "mois", "an", "lot",
                        "licence", "licences", "poste", "postes", "kg", "m2", "ml", "page", "pages", "ens", "ensemble", "pce", "pieces"]

    static func find(in document: DocumentLines, facts: DocumentFacts, reliability: Double) -> TypedFact? {
        var lines: [(designation: String, quantity: String, unit: String?, price: Money, amount: Money, cell: LocatedCell)] = []
        for row in document.wholeLines where row.text.mayHoldDigits(2) {
            guard let line = item(in: row) else { continue }
            lines.append((line.designation, line.quantity, line.unit, line.price, line.amount, row))
        }
        guard !lines.isEmpty else { return nil }
        // Rows that read as a line but whose quantity was misread (a scan's « 9 » for « 3 »): between found lines,
        // the quantity the amount and unit price give, less surely.
        var repaired: Set<Int> = []
        if let first = lines.first?.cell.line, let last = lines.last?.cell.line {
            for row in document.wholeLines where row.line >= first - 5 && row.line <= last + 5 && !lines.contains(where: { $0.cell.line == row.line }) {
                guard let repairedLine = repairedItem(in: row) else { continue }
                let at = lines.firstIndex { $0.cell.line > row.line } ?? lines.endIndex
                lines.insert((repairedLine.designation, repairedLine.quantity, repairedLine.unit, repairedLine.price, repairedLine.amount, row), at: at)
                repaired.insert(row.line)
            }
        }
        let total = lines.reduce(Int64(0)) { $0 &+ $1.amount.cents }
        let ht = facts[.amountHT].flatMap { try? AmountParser.parse($0) }
        let addsUp = ht.map { $0.cents == total } ?? false
        let confidence = (addsUp ? 0.95 : 0.75) * reliability
        return .list(lines.map { line in
            let confidence = repaired.contains(line.cell.line) ? confidence * 0.7 : confidence
            var members: [String: TypedFact] = [
                "designation": .value(line.designation, confidence * 0.95, line.cell.source),
                "quantite": .value(line.quantity, confidence, line.cell.source),
                "prix_unitaire": .value(line.price.plain, confidence, line.cell.source),
                "montant": .value(line.amount.plain, confidence, line.cell.source),
            ]
            if let unit = line.unit { members["unite"] = .value(unit, confidence * 0.9, line.cell.source) }
            return .group(members)
        })
    }

    /// What the document's lines (each checked by quantity × unit price = amount) add up to, the rows they stand on
    /// and, on each, the cell that holds the line's amount — a cell further right is not the line's (a total beside
    /// the table that OCR read on the same row); nil when it has no such line or the sum overflows.
    static func total(in document: DocumentLines) -> (cents: Int64, rows: Set<Int>, amountCells: [Int: Int])? {
        var cents: Int64 = 0, rows: Set<Int> = [], amountCells: [Int: Int] = [:]
        for cells in document.lines {
            guard let row = DocumentLines.wholeLine(cells), row.text.mayHoldDigits(3), let line = item(in: row) else { continue }
            let (sum, overflow) = cents.addingReportingOverflow(line.amount.cents)
            guard !overflow else { return nil }
            cents = sum
            rows.insert(row.line)
            // The whole line joins its cells with three spaces: the amount stands in the cell its start falls in.
            var start = row.text.distance(from: row.text.startIndex, to: line.amountStart)
            for cell in cells {
                start -= cell.text.count + 3
                if start < 0 { amountCells[row.line] = cell.index; break }
            }
        }
        return rows.isEmpty ? nil : (cents, rows, amountCells)
    }

    /// A row whose last two amounts are a unit price and a whole multiple of it, with a number before them: the
    /// quantity is their ratio.
    static func repairedItem(in row: LocatedCell) -> (designation: String, quantity: String, unit: String?, price: Money, amount: Money)? {
        let matches = Array(row.text.matches(of: number))
        guard matches.count >= 3, matches.count <= 12,
              let price = try? AmountParser.parse(String(matches[matches.count - 2].output.1)),
              let amount = try? AmountParser.parse(String(matches[matches.count - 1].output.1)),
              price.cents > 0, amount.cents > 0, amount.cents % price.cents == 0, amount.cents / price.cents <= 100_000 else { return nil }
        let first = matches[matches.count - 3].output.1
        guard let words = words(of: row.text, quantity: first.startIndex..<first.endIndex,
                                priceStart: matches[matches.count - 2].output.1.startIndex) else { return nil }
        return (words.designation, String(amount.cents / price.cents), words.unit, price, amount)
    }

    static let closingKept = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: ")"))

    /// A line's words: the designation before its quantity (not a total's label), and a unit word between the
    /// quantity and the unit price.
    static func words(of text: String, quantity: Range<String.Index>, priceStart: String.Index) -> (designation: String, unit: String?)? {
        // A bracket the designation opens is closed with it (« Relevé (hectare) »).
        var trimmed = String(text[..<quantity.lowerBound]).trimmingCharacters(in: .whitespaces.union(closingKept))
        if trimmed.hasSuffix(")"), trimmed.count(where: { $0 == ")" }) > trimmed.count(where: { $0 == "(" }) { trimmed.removeLast() }
        let designation = trimmed.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "   ", with: " ")
        guard designation.count >= 3, designation.contains(where: \.isLetter),
              !["total", "sous-total", "montant", "tva", "net a payer", "acompte"].contains(where: { DocumentLines.fold(designation).hasPrefix($0) })
        else { return nil }
        let between = DocumentLines.fold(String(text[quantity.upperBound..<priceStart]))
        let unit = between.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).first { units.contains($0) }
        return (String(designation.prefix(200)), unit)
    }

    /// A line's parts when three of its numbers, in order, are quantity × price = amount.
    static func item(in row: LocatedCell) -> (designation: String, quantity: String, unit: String?, price: Money, amount: Money,
                                              amountStart: String.Index)? {
        let text = row.text
        let matches = text.matches(of: number)
        guard matches.count >= 3, matches.count <= 12 else { return nil }
        let numbers: [(value: Decimal, money: Money?, range: Range<String.Index>)] = matches.compactMap { match in
            let raw = String(match.output.1)
            let normalised = raw.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
                .replacingOccurrences(of: "\u{202F}", with: "")
            let plain = normalised.contains(",") ? normalised.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                : normalised
            guard let value = Decimal(string: plain) else { return nil }
            return (value, try? AmountParser.parse(raw), match.output.1.startIndex..<match.output.1.endIndex)
        }
        // The amount is the last of the three, the rightmost fitting triple wins (a line's total is at its end).
        for k in stride(from: numbers.count - 1, through: 2, by: -1) {
            guard let amount = numbers[k].money, amount.cents > 0 else { continue }
            for j in stride(from: k - 1, through: 1, by: -1) {
                guard let price = numbers[j].money, price.cents > 0 else { continue }
                for i in stride(from: j - 1, through: 0, by: -1) {
                    let quantity = numbers[i].value
                    guard quantity > 0, quantity < 1_000_000 else { continue }
                    var product = quantity * Decimal(price.cents)
                    var rounded = Decimal()
                    NSDecimalRound(&rounded, &product, 0, .plain)
                    guard rounded == Decimal(amount.cents),
                          let words = words(of: text, quantity: numbers[i].range, priceStart: numbers[j].range.lowerBound) else { continue }
                    return (words.designation, "\(quantity)", words.unit, price, amount, numbers[k].range.lowerBound)
                }
            }
        }
        return nil
    }
}
