import Foundation
import EclaireCore

/// Chooses the document's totals HT, TVA and TTC among all its amounts: by their labels, then by arithmetic
/// (HT + TVA = TTC at a French rate). Unit prices, line totals, deposits and discounts are not totals.
enum AmountFinder {
    enum Kind { case ht, tva, ttc, due }

    /// The fields it gives.
    static let keys: Set<FieldKey> = [.amountHT, .amountTVA, .amountTTC]

    struct Candidate {
        let money: Money
        let kind: Kind
        /// "Total", "Montant", "Net": the label names a total rather than a line or a rate.
        let isTotal: Bool
        let order: Int
        let cell: LocatedCell
    }

    nonisolated(unsafe) static let amountPattern =
        /(?:^|[^\d.,\/])(-?\d{1,3}(?:[ \u00A0\u202F.]\d{3})*,\d{2}|-?\d{1,3}(?:,\d{3})+\.\d{2}|-?\d+\.\d{2}|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?=\s?(?:€|EUR|euros?)))(?![\d.,\/]|\s?%)/

    static let excluded = ["unitaire", "p.u", "pu ", "prix unit", "acompte", "deja regle", "deja paye", "remise",
                           "escompte", "capital", "quantite", "qte", "franco", "frais de port offert", "penalite",
                           "indemnite forfaitaire", "minimum", "plafond", "base ", "taux", "reglement", "virement",
                           "avance", "retenue"]
    static let rates: [Double] = [0.20, 0.10, 0.055, 0.021, 0.085, 0.196, 0.07]

    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        let candidates = self.candidates(document)
        let r = document.reliability
        if let triple = bestTriple(candidates) {
            facts.offer(field(.amountHT, triple.0, 0.97 * r))
            facts.offer(field(.amountTVA, triple.1, 0.97 * r))
            facts.offer(field(.amountTTC, triple.2, 0.97 * r))
            return
        }
        let ht = best(candidates, .ht), ttc = best(candidates, .ttc) ?? best(candidates, .due), tva = best(candidates, .tva)
        if let ht, let ttc, ttc.money.cents > 0, rates.contains(where: { abs(Double(ttc.money.cents) / Double(ht.money.cents) - 1 - $0) < 0.002 }) {
            facts.offer(field(.amountHT, ht, 0.9 * r))
            facts.offer(field(.amountTTC, ttc, 0.9 * r))
            if let tva, tva.money.cents == ttc.money.cents - ht.money.cents { facts.offer(field(.amountTVA, tva, 0.9 * r)) }
            return
        }
        for candidate in [ht, tva, ttc].compactMap({ $0 }) {
            facts.offer(field(candidate.kind == .ht ? .amountHT : candidate.kind == .tva ? .amountTVA : .amountTTC,
                              candidate, (candidate.isTotal ? 0.7 : 0.55) * r))
        }
        if let ht, tva == nil, ttc == nil, document.cells.contains(where: { $0.folded.has("tva non applicable") }) {
            facts.offer(ExtractedField(key: .amountTVA, value: Money.zero.plain, confidence: 0.75 * r, source: ht.cell.source))
            facts.offer(ExtractedField(key: .amountTTC, value: ht.money.plain, confidence: 0.75 * r, source: ht.cell.source))
        }
    }

    private static func field(_ key: FieldKey, _ candidate: Candidate, _ confidence: Double) -> ExtractedField {
        ExtractedField(key: key, value: candidate.money.plain, confidence: confidence, source: candidate.cell.source)
    }

    static func candidates(_ document: DocumentLines) -> [Candidate] {
        var found: [Candidate] = []
        // Every amount the pattern reads has at least three digits.
        for cell in document.cells where cell.text.mayHoldDigits(3) {
            for match in cell.text.matches(of: amountPattern) {
                guard let money = try? AmountParser.parse(String(match.output.1)) else { continue }
                let offset = cell.text.distance(from: cell.text.startIndex, to: match.output.1.startIndex)
                var label = String(cell.folded.prefix(offset))
                if label.filter({ $0.isLetter }).count < 2 {
                    let left = document.leftOf(cell).first(where: { $0.folded.filter({ $0.isLetter }).count >= 2 })
                    if let left, left.text.count <= 50 {
                        label = left.folded
                    } else if let above = document.contextAbove(cell, lines: 3)
                        .first(where: { $0.text.count < 40 && $0.folded.filter({ $0.isLetter }).count >= 2 }) {
                        // A table's heading above its values: "TOTAL HT" over "100,00".
                        label = above.folded
                    } else if let left {
                        label = left.folded
                    } else {
                        label = ""
                    }
                }
                // "85 000 euros HT", "1 200,00 € TTC": a tax mark right after the amount settles its kind.
                let after = String(cell.folded[cell.folded.index(cell.folded.startIndex, offsetBy: cell.text.distance(from: cell.text.startIndex, to: match.output.1.endIndex))...].prefix(12))
                let mark: Kind? = after.has("ttc") ? .ttc
                    : (after.has(" ht") || after.has("hors tax")) && !after.has("ttc") ? .ht : nil
                guard let kind = mark.flatMap({ excluded.contains(where: { label.has($0) }) ? nil : $0 }) ?? kind(of: label)
                else { continue }
                let isTotal = ["total", "montant", "net", "somme"].contains { label.has($0) }
                found.append(Candidate(money: money, kind: kind, isTotal: isTotal, order: found.count, cell: cell))
            }
        }
        return found
    }

    static func kind(of label: String) -> Kind? {
        let label = label.replacingOccurrences(of: ".", with: "")
        if excluded.contains(where: { label.has($0) }) { return nil }
        if label.has("net a payer") || label.has("solde") || label.has("reste a payer")
            || label.has("a regler") { return .due }
        // English invoices: « Net total », « Subtotal », « Total excl. VAT » are before tax; « Amount due » is due.
        if label.has("net total") || label.has("total net") || label.has("subtotal") || label.has("sub-total")
            || label.has("excl") || label.has("before tax") || label.has("excluding") { return .ht }
        if label.has("amount due") || label.has("balance due") || label.has("total due") { return .due }
        if label.has("ttc") || label.has("toutes taxes") || label.has("total a payer")
            || label.has("montant total") || label.hasSuffix("total") { return .ttc }
        if label.has("ht") && label.range(of: #"\bht\b"#, options: .regularExpression) != nil { return .ht }
        if label.has("hors tax") || label.has("hors-tax") { return .ht }
        if label.has("tva") || label.has("taxe") || label.has("vat") { return .tva }
        if label.has("total") || label.has("montant") { return .ttc }
        return nil
    }

    /// HT + TVA = TTC within a cent, TVA a plausible share of HT; labels naming totals and later positions win.
    static func bestTriple(_ candidates: [Candidate]) -> (Candidate, Candidate, Candidate)? {
        let hts = candidates.filter { $0.kind == .ht }.suffix(40)
        let tvas = candidates.filter { $0.kind == .tva }.suffix(40)
        let ttcs = candidates.filter { $0.kind == .ttc || $0.kind == .due }.suffix(40)
        var best: ((Candidate, Candidate, Candidate), Double)?
        for ht in hts where ht.money.cents != 0 {
            for tva in tvas {
                let share = Double(tva.money.cents) / Double(ht.money.cents)
                guard share >= 0, share <= 0.2001 else { continue }
                for ttc in ttcs where abs(ttc.money.cents - ht.money.cents - tva.money.cents) <= 1 {
                    var score = 10.0
                    score += (ht.isTotal ? 1 : 0) + (tva.isTotal ? 1 : 0) + (ttc.isTotal ? 1 : 0)
                    score += ttc.kind == .ttc ? 2 : 0
                    score += rates.contains(where: { abs(share - $0) < 0.0005 }) || share == 0 ? 1 : 0
                    score += Double(ht.order + tva.order + ttc.order) / 1000 + Double(ht.money.cents.magnitude) / 1e12
                    if best.map({ score > $0.1 }) ?? true { best = ((ht, tva, ttc), score) }
                }
            }
        }
        return best?.0
    }

    static func best(_ candidates: [Candidate], _ kind: Kind) -> Candidate? {
        candidates.filter { $0.kind == kind }.max { a, b in
            (a.isTotal ? 1 : 0, a.order) < (b.isTotal ? 1 : 0, b.order)
        }
    }
}
