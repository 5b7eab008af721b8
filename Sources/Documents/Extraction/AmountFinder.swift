import Foundation
import EclaireCore

/// Chooses the document's totals HT, TVA and TTC among all its amounts. Arithmetic decides first — the assignment
/// where HT + TVA = TTC and TVA is a French rate of HT (or a mix of rates) — and labels break ties and set the
/// confidence; an amount with no label at all can still be a total when the numbers add up. Unit prices, deposits,
/// discounts and capital are never totals.
enum AmountFinder {
    /// `outside`: a charge the TTC adds beyond the VAT, neither HT nor VAT (a hotel's taxe de séjour, a carrier's
    /// débours, « frais non soumis à TVA »).
    enum Kind { case ht, tva, ttc, due, outside }

    /// The fields it gives.
    static let keys: Set<FieldKey> = [.amountHT, .amountTVA, .amountTTC]

    struct Candidate {
        let money: Money
        /// What its label says it is; nil when nothing near it names a total.
        let kind: Kind?
        /// The kind comes from a bare « Total » or « Montant », which may be HT or TTC.
        let weak: Bool
        /// "Total", "Montant", "Net": the label names a total rather than a line or a rate.
        let isTotal: Bool
        /// A VAT rate printed in its label (« TVA 20 % » → 0.20).
        let rate: Double?
        let order: Int
        let cell: LocatedCell
        /// The document's lines (quantity × unit price = amount) add up to it, less a printed discount: a HT.
        var agreesWithLines = false
        /// It stands on one of those lines: a line's amount, not a total of the document.
        var lineRow: Int?
        /// It stands on one of those lines, right of the line's amount: the line's VAT or TTC, or a total printed beside
        /// the table that OCR read on the same row.
        var trailingRow: Int?

        /// Two amounts of the lines add up to a third number as often as totals do: amounts of a line count only
        /// with amounts of the same line (a one-line invoice whose row prints HT, TVA and TTC).
        func fits(with others: Candidate...) -> Bool {
            let all = [self] + others
            guard let row = all.lazy.compactMap(\.lineRow).first else { return true }
            return all.allSatisfy { ($0.lineRow ?? $0.trailingRow) == row }
        }

        var magnitude: Int64 { money.cents.magnitude > UInt64(Int64.max) ? .max : Int64(money.cents.magnitude) }
    }

    /// Thousands parted by a space (any width), a dot or an apostrophe (« 50'224,45 EUR », Swiss software). Whole
    /// euros without cents (« 1 290 € », « 129 € », or « 22078 € » whose space OCR lost) only with their currency.
    nonisolated(unsafe) static let amountPattern =
        /(?:^|[^\d.,\/'’])(-?\d{1,3}(?:[ \u00A0\u202F.'’]\d{3})*,\d{2}|-?\d{1,3}(?:,\d{3})+\.\d{2}|-?\d{1,3}(?:[ \u00A0\u202F]\d{3})+\.\d{2}|-?\d+[.,]\d{2}|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?=\s?(?:€|EUR|euros?))|\d{3,6}(?=\s?(?:€|EUR|euros?)))(?![\d,\/]|\.\d|\s?%)/
    /// What follows an amount and belongs to it (« € TTC », « euros hors taxes »), not to the next amount's label.
    nonisolated(unsafe) static let taxMarkAfterAmount =
        /\s*(?:€|eur\b|euros?\b)?\s*(?:ttc\b|toutes taxes comprises|hors taxes?|h\.?t\.?(?![a-z]))?/
    nonisolated(unsafe) static let ratePattern = /(\d{1,2}(?:[.,]\d{1,2})?)\s?%/

    static let excluded = ["unitaire", "p.u", "pu ", "prix unit", "acompte", "deja regle", "deja paye", "remise",
                           "escompte", "capital", "quantite", "qte", "franco", "frais de port offert", "penalite",
                           "indemnite forfaitaire", "minimum", "plafond", "taux horaire", "reglement", "virement",
                           "avance", "retenue", "rabais", "ristourne", "report"]
    nonisolated(unsafe) static let retainedOption = /(?:pse|option|variante|tranche)[^.;:]{0,40}retenues?(?:$|[^a-z])/
    static let depositTitles = ["facture d'acompte", "facture d'avance", "appel d'acompte", "demande d'acompte"]
    static let quoteRecalls = ["du devis", "de notre devis", "de votre devis", "du devis initial"]
    static let itemHeadings = ["qte", "quantite", "pu", "p.u", "prix unit", "designation", "libelle", "poste", "article",
                               "unite", "description", "reference"]
    static let basePrefixes = [" sur", " base", " base de", " assiette", " assiette de", " sur une base de"]
    static let rates: [Double] = [0.20, 0.10, 0.055, 0.021, 0.085, 0.196, 0.07]

    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        var candidates = self.candidates(document, type: facts.documentType)
        markLineTotals(&candidates, document)
        let r = document.reliability
        // A triple that adds up by arithmetic alone (a line of a table printing its HT, VAT and TTC) gives way to
        // larger totals labelled HT and TTC whose VAT OCR garbled (« Total TVA 1110557€ »).
        // So does a grid's row above its total row whose VAT OCR dropped (« Offre de base │ … » over « Total (offre de
        // base + PSE retenue) │ 31 722,62 € │ 38 067,14 € »).
        let triple = bestTriple(candidates)
        func totalRow(_ line: Int) -> Bool { document.lines[line].first?.folded.hasPrefix("total") == true }
        if let triple, let pair = bestPair(candidates), pair.ht.kind == .ht, !pair.ht.weak, pair.ttc.kind == .ttc || pair.ttc.kind == .due,
           !pair.ttc.weak, pair.ttc.magnitude > triple.ttc.magnitude,
           [fit(triple.ht, .ht), fit(triple.tva, .tva), fit(triple.ttc, .ttc)].allSatisfy({ $0 < 1.5 })
            || Set([triple.ht.cell.line, triple.tva.cell.line, triple.ttc.cell.line]).count == 1 && !totalRow(triple.ht.cell.line)
                && pair.ht.cell.line == pair.ttc.cell.line && pair.ht.cell.line > triple.ht.cell.line && totalRow(pair.ht.cell.line) {
            facts.offer(field(.amountHT, pair.ht.money, pair.confidence * r, pair.ht.cell))
            facts.offer(field(.amountTTC, pair.ttc.money, pair.confidence * r, pair.ttc.cell))
            if let tva = pair.tva { facts.offer(field(.amountTVA, tva, pair.confidence * 0.95 * r, pair.ttc.cell)) }
            return
        }
        if let triple {
            for (key, candidate) in [(FieldKey.amountHT, triple.ht), (.amountTVA, triple.tva), (.amountTTC, triple.ttc)] {
                facts.offer(field(key, candidate.money, triple.confidence * r, candidate.cell))
            }
            return
        }
        if let pair = bestPair(candidates) {
            facts.offer(field(.amountHT, pair.ht.money, pair.confidence * r, pair.ht.cell))
            facts.offer(field(.amountTTC, pair.ttc.money, pair.confidence * r, pair.ttc.cell))
            if let tva = pair.tva { facts.offer(field(.amountTVA, tva, pair.confidence * 0.95 * r, pair.ttc.cell)) }
            return
        }
        // A charge outside the VAT printed (« Taxe de séjour »): the TTC is more than HT + TVA, not implied by them.
        let charged = candidates.contains { $0.kind == .outside }
        if let implied = impliedTotal(candidates, charged: charged) {
            let c = implied.confidence * r
            facts.offer(field(.amountHT, implied.ht, c, implied.htCell))
            facts.offer(field(.amountTVA, implied.tva.money, c, implied.tva.cell))
            facts.offer(field(.amountTTC, implied.ttc, c, implied.ttcCell))
            return
        }
        // Nothing adds up: the labels alone, said with little confidence.
        let ttc = best(candidates, .ttc) ?? best(candidates, .due)
        // A total the lines add up to is the HT, even when its label only says « total », if another is the TTC.
        let ht = best(candidates, .ht) ?? candidates.last { candidate in
            candidate.agreesWithLines && (candidate.kind == nil || candidate.weak) && ttc.map { $0.order != candidate.order } ?? false
        }
        // One rate's VAT (« TVA à 5,5 % sur 502,11 € ») short of the difference between a HT and a TTC named so is
        // a part of the VAT, the other rates' unread; unless a charge outside the VAT makes up the rest.
        var tva = best(candidates, .tva)
        if let part = tva, part.rate != nil, let ht, let ttc, ttc.kind == .ttc, !ht.weak, !ttc.weak, !charged,
           part.magnitude < ttc.magnitude - ht.magnitude {
            tva = nil
        }
        // Exempt or reverse-charged (« TVA 0,00 », intra-EU supplies): HT and TTC named so and equal, VAT zero.
        if let ht, let ttc, ttc.kind == .ttc, !ht.weak, !ttc.weak, ht.money == ttc.money, ht.order != ttc.order,
           let zero = candidates.last(where: { $0.kind == .tva && $0.money.cents == 0 }) {
            facts.offer(field(.amountHT, ht.money, 0.85 * r, ht.cell))
            facts.offer(field(.amountTVA, .zero, 0.85 * r, zero.cell))
            facts.offer(field(.amountTTC, ttc.money, 0.85 * r, ttc.cell))
            return
        }
        // A micro-business's invoice (« TVA non applicable, art. 293 B du CGI »): no VAT, the TTC is the HT, printed or
        // not.
        // A subcontractor paid directly bills without VAT too, the titulaire self-assessing it (« autoliquidation »).
        let exemptions = ["tva non applicable", "exoneration de tva", "293 b", "exonere de tva", "exoneree de tva",
                          "autoliquidation", "auto-liquidation", "283-2"]
        if let ht, tva == nil, ttc.map({ $0.money == ht.money && $0.order != ht.order }) ?? true,
           document.cells.contains(where: { cell in exemptions.contains { cell.folded.has($0) } }) {
            facts.offer(field(.amountHT, ht.money, 0.75 * r, ht.cell))
            facts.offer(field(.amountTVA, .zero, 0.75 * r, ht.cell))
            facts.offer(field(.amountTTC, ht.money, 0.75 * r, ttc?.cell ?? ht.cell))
            return
        }
        for (key, candidate) in [(FieldKey.amountHT, ht), (.amountTVA, tva), (.amountTTC, ttc)] {
            guard let candidate else { continue }
            let confidence = candidate.agreesWithLines ? 0.8 : candidate.isTotal && !candidate.weak ? 0.6 : 0.45
            facts.offer(field(key, candidate.money, confidence * r, candidate.cell))
        }
        // A HT and a TTC named so, no VAT printed: the VAT is their difference, when it can be one (none, or at most
        // a fifth of the HT: several rates, or a rate printed that is not the one applied).
        if tva == nil, let ht, let ttc, ttc.kind == .ttc, !ht.weak, !ttc.weak, ht.order != ttc.order,
           (ht.money.cents < 0) == (ttc.money.cents < 0), ttc.magnitude >= ht.magnitude,
           Double(ttc.magnitude - ht.magnitude) <= 0.2001 * Double(ht.magnitude) {
            let difference = ttc.magnitude - ht.magnitude
            facts.offer(field(.amountTVA, Money(cents: ht.money.cents < 0 ? -difference : difference), 0.55 * r, ttc.cell))
        }
    }

    static let discountWords = ["remise", "rabais", "ristourne", "escompte"]

    /// Marks the totals the document's lines add up to, as printed or less one printed discount (a row naming a
    /// remise, rabais, ristourne or escompte). Amounts on the lines themselves, or above the first, are not totals.
    static func markLineTotals(_ candidates: inout [Candidate], _ document: DocumentLines) {
        guard let lines = LineItemsFinder.total(in: document), lines.cents > 0, let first = lines.rows.min() else { return }
        var totals: Set<Int64> = [lines.cents]
        for row in document.wholeLines where row.line > first && discountWords.contains(where: { row.folded.has($0) }) {
            guard let last = row.text.matches(of: amountPattern).last,
                  let discount = try? AmountParser.parse(String(last.output.1)) else { continue }
            let cents = discount.cents.magnitude
            if cents < UInt64(lines.cents) { totals.insert(lines.cents - Int64(cents)) }
        }
        for index in candidates.indices {
            let candidate = candidates[index]
            if lines.rows.contains(candidate.cell.line) {
                if let amountCell = lines.amountCells[candidate.cell.line], candidate.cell.index > amountCell {
                    candidates[index].trailingRow = candidate.cell.line
                } else {
                    candidates[index].lineRow = candidate.cell.line
                }
            }
            guard candidate.cell.line > first, !lines.rows.contains(candidate.cell.line),
                  totals.contains(candidate.magnitude) else { continue }
            candidates[index].agreesWithLines = true
        }
    }

    private static func field(_ key: FieldKey, _ money: Money, _ confidence: Double, _ cell: LocatedCell) -> ExtractedField {
        ExtractedField(key: key, value: money.plain, confidence: confidence, source: cell.source)
    }

    // MARK: Candidates

    /// `type`: on an invoice for a deposit (« Facture d'acompte ») the deposit is what is billed; on an invoice,
    /// the quote's totals it recalls (« Total HT du devis ») are another document's.
    static func candidates(_ document: DocumentLines, type: DocumentType = .autre) -> [Candidate] {
        var found: [Candidate] = []
        let forDeposit = type == .facture && document.cells.prefix(30).contains { cell in
            cell.page == 1 && depositTitles.contains { cell.folded.hasPrefix($0) }
        }
        let excluded = forDeposit ? excluded.filter { $0 != "acompte" } : excluded
        let recalled = type == .facture ? quoteRecalls : []
        // Every amount the pattern reads has at least three digits. A value wrapped in its narrow column under a
        // row of headings (« 417 » / « 710,46 € ») is read whole, as its heading's.
        let wrappedUnderHeadings = document.headedValues.filter { $0.text.valueAfterColon != document.lines[$0.line][$0.index].text }
        for cell in Array(document.cells) + wrappedUnderHeadings where cell.text.mayHoldDigits(3) {
            // « Total TTC 120,00 € dont TVA 20,00 € »: the label of an amount is what follows the amount before it.
            var previousEnd = 0
            for match in cell.text.matches(of: amountPattern) {
                let offset = cell.text.distance(from: cell.text.startIndex, to: match.output.1.startIndex)
                let end = cell.text.distance(from: cell.text.startIndex, to: match.output.1.endIndex)
                defer { previousEnd = end }
                guard let money = try? AmountParser.parse(String(match.output.1)) else { continue }
                let label = self.label(of: cell, from: previousEnd, before: offset, end: end, in: document)
                // "85 000 euros HT", "1 200,00 € TTC": a tax mark right after the amount settles its kind, even when
                // a sentence's line ends between them (« soit 216,49 » / « euros TTC »).
                // The mark may be cut by the line's end too (« 14 650,87 € hors » / « taxes, soit … »).
                let rest = cell.folded.dropFirst(end)
                var after = String(rest.prefix(14))
                if rest.count < 14, let next = sentenceRunOn(after: cell, in: document) {
                    after = String(rest) + " " + String(next.folded.prefix(14))
                }
                // OCR reads « TTC » as « TIC » too; right after an amount it is no other word.
                let mark: Kind? = after.has("ttc") || after.has("toutes taxes") || after.hasWord("tic") ? .ttc
                    : (after.has(" ht") || after.has("hors tax") || after.has("h.t")) ? .ht : nil
                let tail = String(label.suffix(60))
                // « PSE retenue », « option retenue »: an option the buyer kept, not a sum withheld.
                let kept = tail.has("retenue") && tail.contains(retainedOption)
                if excluded.contains(where: { tail.has($0) && !(kept && $0 == "retenue") }) && mark == nil { continue }
                if recalled.contains(where: { tail.has($0) }) { continue }
                // « TVA à 5,5 % sur 502,11 € »: the base a rate applies to, one part of the HT, neither a total nor a VAT.
                if mark == nil, basePrefixes.contains(where: { tail.trimmingCharacters(in: .whitespaces).hasSuffix($0) }) { continue }
                let labelled = mark.map { ($0, false) } ?? kind(of: tail)
                let isTotal = ["total", "montant", "net", "somme", "s'eleve"].contains { tail.has($0) }
                let rate = tail.firstMatch(of: ratePattern).flatMap { Double($0.output.1.replacingOccurrences(of: ",", with: ".")) }
                found.append(Candidate(money: money, kind: labelled?.0, weak: labelled?.1 ?? false, isTotal: isTotal,
                                       rate: rate.map { $0 / 100 }, order: found.count, cell: cell))
            }
        }
        return found
    }

    /// The words that govern an amount: the text before it in its cell (since the amount before it, when the cell
    /// holds several), else the nearest label to its left, else a
    /// table heading above it (« TOTAL HT » over « 100,00 »).
    static func label(of cell: LocatedCell, from start: Int = 0, before offset: Int, end: Int? = nil,
                      in document: DocumentLines) -> String {
        var own = String(cell.folded.prefix(offset))
        // The tax mark of the previous line's last amount, run on to this line (« euros TTC (TVA de 36,08 euros) »),
        // is not this amount's label.
        if start == 0, cell.index == 0, cell.line > 0, document.lines[cell.line - 1].last.map({ previous in
            sentenceRunOn(after: previous, in: document)?.line == cell.line && previous.text.last?.isNumber == true
        }) ?? false, let mark = own.prefixMatch(of: taxMarkAfterAmount), !mark.output.isEmpty {
            own = String(own[mark.range.upperBound...])
        }
        if start > 0 {
            // Words between the two amounts are its label; none (« sur 1 000,00 € : 100,00 € ») leave the whole text's.
            var since = String(own.dropFirst(start))
            if let mark = since.prefixMatch(of: taxMarkAfterAmount) { since.removeSubrange(mark.range) }
            if since.filter({ $0.isLetter }).count >= 2 { return since }
        }
        // A sentence run on from the line above (« … la TVA au taux de 10 % s'élevant » / « à 3 697,42 € »): its words
        // since that line's last amount, without the tax mark that amount took, govern this one too.
        if start == 0, cell.index == 0, cell.line > 0, let previous = document.lines[cell.line - 1].last,
           sentenceRunOn(after: previous, in: document)?.line == cell.line {
            let lastEnd = previous.text.matches(of: amountPattern).last.map { previous.text.distance(from: previous.text.startIndex, to: $0.output.1.endIndex) }
            var carried = String(previous.folded.dropFirst(lastEnd ?? 0))
            // The mark may run on to this line (« 18 115,80 € » / « hors taxes, soit une TVA … »): read across both.
            if lastEnd != nil {
                let joined = carried + " " + own
                if let mark = joined.prefixMatch(of: taxMarkAfterAmount), !mark.output.isEmpty {
                    let consumed = joined.distance(from: joined.startIndex, to: mark.range.upperBound)
                    if consumed > carried.count {
                        own = String(own.dropFirst(consumed - carried.count - 1))
                        carried = ""
                    } else {
                        carried = String(carried.dropFirst(consumed))
                    }
                }
            }
            own = String(carried.suffix(60)) + " " + own
        }
        // « EUR 3 194,64 »: a currency before the amount is no label.
        if ["eur", "euros", "€", "eur :"].contains(own.trimmingCharacters(in: .whitespaces)) { own = "" }
        if own.filter({ $0.isLetter }).count >= 2 { return own }
        if let heading = soleRowHeading(of: cell, in: document) { return heading }
        // A cell of more digits than letters is a value, not a label: a scan's garbled total (« 521MP81NE »); one
        // that names a total is a label, whatever base it gives (« TVA 10 % sur 3 060,00 € »).
        let left = document.leftOf(cell).first(where: { candidate in
            let letters = candidate.folded.filter(\.isLetter).count
            return letters >= 2 && (letters > candidate.folded.filter(\.isNumber).count || kind(of: candidate.folded).map { !$0.1 } == true)
        })
        let placed = part(of: cell, from: offset, to: end ?? cell.text.count)
        // A label wrapped in its narrow cell (« Montant estimatif » / « HT ») is read whole.
        if let left, left.text.count <= 60 {
            let row = DocumentLines.fold(document.wrappedText(of: left))
            // A row of a grid of totals (« Tranche ferme │ 21 773,59 │ 4 354,72 │ 26 128,31 » under « Montant HT │ TVA
            // │ Montant TTC »): the row says which amount, its column's heading which total.
            if kind(of: row).map({ $0.1 }) ?? true, let heading = gridHeading(over: placed, in: document) {
                return row + " " + heading + " " + own
            }
            // The total row of an items table (« Total │ 12 155,18 │ 2 431,04 │ 14 586,22 » under « Poste │
            // Désignation │ HT │ TVA │ TTC »): the row says a total, its column's heading which.
            // The cell's whole width: a heading set flush right stands over the amount and its currency.
            if kind(of: row)?.1 == true,
               let heading = itemsColumnHeading(over: cell.text.matches(of: amountPattern).count == 1 ? cell : placed, in: document) {
                return row + " " + heading + " " + own
            }
            return row + " " + own
        }
        for above in document.contextAbove(placed, lines: 3) where above.folded.filter({ $0.isLetter }).count >= 2 {
            // A header row whose labels ran together (« TVA Montant TTC », « … Remise 10 % Total net H.T. »): the
            // words standing above this amount.
            if isComposite(above.folded), let words = words(of: above, over: placed) { return words }
            if above.text.count < 40 { return above.folded }
        }
        return left?.folded ?? own
    }

    /// The heading over an amount in a table of one row (« Date │ Objet │ Fournisseur │ Montant HT │ Montant TTC »
    /// over a fiche navette's values): the row is a form's, its headings are the labels. A table of items has more
    /// rows, an amount under this one, or headings of items (« Désignation », « Qté », « PU HT »): its one row is a
    /// line, not the totals.
    static func soleRowHeading(of cell: LocatedCell, in document: DocumentLines) -> String? {
        guard let headed = document.headedValues.first(where: { $0.line == cell.line && $0.index == cell.index }),
              let colon = headed.text.firstIndex(of: ":") else { return nil }
        if let headings = stride(from: cell.line - 1, through: max(0, cell.line - 4), by: -1).lazy.map({ document.lines[$0] })
            .first(where: { $0.count >= 3 && $0.allSatisfy(DocumentLines.isHeading) }),
           headings.contains(where: { heading in itemHeadings.contains { heading.folded.hasPrefix($0) } }) {
            return nil
        }
        for line in (cell.line + 1)..<min(cell.line + 4, document.lines.count) where document.lines[line].contains(where: { other in
            other.page == cell.page && other.cell.overlaps(cell.cell) && other.text.firstMatch(of: amountPattern) != nil
        }) { return nil }
        return DocumentLines.fold(String(headed.text[..<colon]))
    }

    /// The heading of `value`'s column in the items table above it when that heading names a total's kind (« HT »,
    /// « Montant TTC »): the nearest row of headings, items' headings among them, on the same page, every line
    /// between them a row of the table (an amount in the column) or a designation wrapped (two lines at most).
    static func itemsColumnHeading(over value: LocatedCell, in document: DocumentLines) -> String? {
        var wraps = 0
        for line in stride(from: value.line - 1, through: max(0, value.line - 40), by: -1) {
            let row = document.lines[line]
            guard let first = row.first, first.page == value.page else { return nil }
            if row.count >= 3, row.allSatisfy(DocumentLines.isHeading) {
                guard row.contains(where: { heading in itemHeadings.contains { heading.folded.hasPrefix($0) } }),
                      let above = row.first(where: { $0.cell.overlaps(value.cell) }), let named = kind(of: above.folded), !named.1
                else { return nil }
                return above.folded
            }
            let inColumn = row.contains { $0.cell.overlaps(value.cell) && $0.text.firstMatch(of: amountPattern) != nil }
            wraps = inColumn ? 0 : wraps + 1
            if wraps > 2 { return nil }
        }
        return nil
    }

    /// The heading of `value`'s column in a grid of totals: the nearest line above without an amount, past rows of
    /// the grid (each of two amounts or more), whose headings name at least two different totals and nothing
    /// of a line item (unit price, quantity) — an items table's column « Montant HT » heads line amounts, not totals.
    static func gridHeading(over value: LocatedCell, in document: DocumentLines) -> String? {
        // The heading is looked for first, on words alone: most amounts have none, and counting amounts is dear.
        // A line of OCR's specks between two rows (a ruling read « EE ») is no row and no heading.
        func isSpecks(_ row: [LocatedCell]) -> Bool {
            row.allSatisfy { cell in
                !cell.text.contains(where: \.isNumber) && !cell.text.split(separator: " ").contains { $0.count(where: \.isLetter) >= 3 }
            }
        }
        var line = value.line - 1
        while true {
            guard line >= 0, value.line - line <= 8, let first = document.lines[line].first, first.page == value.page else { return nil }
            if isSpecks(document.lines[line]) { line -= 1; continue }
            guard document.lines[line].count >= 2 else { return nil }
            if !document.lines[line].contains(where: { $0.text.mayHoldDigits(3) }) { break }
            line -= 1
        }
        let row = document.lines[line]
        let kinds = row.compactMap { kind(of: $0.folded) }.filter { !$0.1 }.map(\.0)
        guard Set(kinds).count >= 2, !row.contains(where: { cell in excluded.contains { cell.folded.has($0) } }),
              let above = row.first(where: { $0.cell.overlaps(value.cell) }), kind(of: above.folded) != nil else { return nil }
        // A grid's row holds several totals (HT, TVA, TTC side by side), and so does every row between it and its
        // heading; « Montant à payer │ 6 417,39 » under a VAT table's rows is no row of it.
        func amounts(_ row: [LocatedCell]) -> Int {
            row.reduce(0) { $0 + ($1.text.mayHoldDigits(3) ? $1.text.matches(of: amountPattern).count : 0) }
        }
        guard (line + 1...value.line).allSatisfy({ amounts(document.lines[$0]) >= 2 || isSpecks(document.lines[$0]) }) else { return nil }
        return above.folded
    }

    nonisolated(unsafe) static let taxMarkFirst = /(?:ht|ttc|h\.t\.?|t\.t\.c\.?|hors taxes?|toutes taxes)(?:$|[^a-z])/

    /// The next line, when the cell is a line of a sentence that runs on to it (both one cell, the next starting
    /// in lower case, with the currency or a tax mark, or with an amount after a line the page's width wrapped), not
    /// a row of a table.
    static func sentenceRunOn(after cell: LocatedCell, in document: DocumentLines) -> LocatedCell? {
        guard document.lines[cell.line].count == 1, cell.line + 1 < document.lines.count,
              let next = document.lines[cell.line + 1].first, next.page == cell.page, document.lines[cell.line + 1].count == 1,
              next.text.first?.isLowercase == true || next.text.hasPrefix("€") || next.text.hasPrefix("EUR")
                // The tax mark itself opens the next line (« … 345 000,00 € » / « HT sur sa durée totale »).
                || next.folded.prefixMatch(of: taxMarkFirst) != nil
                || next.text.first.map({ "%),;:".contains($0) }) == true
                || next.text.first?.isNumber == true && document.reachesRightEdge(cell) && !cell.text.hasSuffix(".")
        else { return nil }
        return next
    }

    /// Where the characters `from..<to` of a cell stand on the line, in proportion to their place in its text: the
    /// headings above « 4 067,68 €  813,54 € » read as one cell are those above each amount, not above both.
    static func part(of cell: LocatedCell, from: Int, to: Int) -> LocatedCell {
        let count = cell.text.count
        guard count > 0, from > 0 || to < count else { return cell }
        let width = cell.cell.x1 - cell.cell.x0
        let x0 = cell.cell.x0 + width * Double(from) / Double(count), x1 = cell.cell.x0 + width * Double(to) / Double(count)
        return LocatedCell(page: cell.page, line: cell.line, index: cell.index,
                           cell: LayoutCell(text: cell.cell.text, x0: x0, x1: max(x0, x1)), text: cell.text, folded: cell.folded)
    }

    /// A heading that names several totals or a total and a deduction: it heads several columns.
    static func isComposite(_ folded: String) -> Bool {
        let label = folded.replacingOccurrences(of: ".", with: "")
        let names = [label.range(of: #"\bht\b|hors tax"#, options: .regularExpression) != nil, label.has("tva"),
                     label.has("ttc") || label.has("net a payer"), excluded.contains { label.has($0) }]
        return names.filter { $0 }.count >= 2
    }

    /// The words of a heading whose middle stands above `value` (widened by half its width on each side), placed
    /// in proportion to their place in the heading's text; nil when none has two letters.
    static func words(of heading: LocatedCell, over value: LocatedCell) -> String? {
        let count = heading.folded.count
        let width = heading.cell.x1 - heading.cell.x0
        guard count > 0, width > 0 else { return nil }
        let pad = (value.cell.x1 - value.cell.x0) / 2
        var kept: [Substring] = [], offset = 0
        for word in heading.folded.split(separator: " ", omittingEmptySubsequences: false) {
            let middle = heading.cell.x0 + width * (Double(offset) + Double(word.count) / 2) / Double(count)
            if !word.isEmpty, middle >= value.cell.x0 - pad, middle <= value.cell.x1 + pad { kept.append(word) }
            offset += word.count + 1
        }
        let text = kept.joined(separator: " ")
        return text.filter({ $0.isLetter }).count >= 2 ? text : nil
    }

    nonisolated(unsafe) static let ticForTTC = /(?:total|montant|prix|net)\s+tic(?:$|[^a-z])/

    /// Charges a total adds outside the VAT: « Taxe de séjour (non soumise à TVA) », « Débours ».
    static let outsideVAT = ["taxe de sejour", "debours", "non soumis a tva", "non soumise a tva", "non soumis a la tva",
                             "non soumise a la tva", "hors champ de la tva", "hors champ tva"]

    /// The kind a label names, and whether it only says « total » (weak: HT or TTC).
    static func kind(of label: String) -> (Kind, Bool)? {
        let label = label.replacingOccurrences(of: ".", with: "")
        if label.has("net a payer") || label.has("solde") || label.has("reste a payer") || label.has("a regler")
            || label.has("net a percevoir") { return (label.has(" ht") ? .ht : .due, false) }
        // English invoices: « Net total », « Subtotal », « Total excl. VAT » are before tax; « Amount due » is due.
        if label.has("net total") || label.has("total net") || label.has("subtotal") || label.has("sub-total")
            || label.has("excl") || label.has("before tax") || label.has("excluding") { return (.ht, false) }
        if label.has("amount due") || label.has("balance due") || label.has("total due") { return (.due, false) }
        // OCR reads « TTC » as « TIC » too.
        if label.has("ttc") || label.has("toutes taxes") || label.has("total a payer") || label.has("incl") || label.contains(ticForTTC) {
            return (.ttc, false)
        }
        // OCR glues short words: « TOTALHT », « MontantHT ».
        if label.range(of: #"\bht\b|(?:total|montant|net)ht\b"#, options: .regularExpression) != nil || label.has("hors tax") || label.has("hors-tax")
            || label.has("base imposable") || label.has("base hors") { return (.ht, false) }
        if outsideVAT.contains(where: { label.has($0) }) { return (.outside, false) }
        if label.has("tva") || label.has("taxe") || label.has("vat") { return (.tva, false) }
        if label.has("montant total") || label.hasSuffix("total") { return (.ttc, true) }
        if label.has("total") || label.has("montant") || label.has("s'eleve") { return (.ttc, true) }
        return nil
    }

    // MARK: Arithmetic

    struct Triple {
        let ht: Candidate, tva: Candidate, ttc: Candidate
        let score: Double
        let confidence: Double
    }

    /// How well a candidate's label fits a role: +2 named so, −3 named otherwise (a bare « total » counts little).
    static func fit(_ candidate: Candidate, _ role: Kind) -> Double {
        guard let kind = candidate.kind else { return 0 }
        let same = kind == role || (role == .ttc && kind == .due)
        if candidate.weak { return same ? 0.5 : (role == .tva ? -3 : -0.5) }
        return same ? (kind == .due ? 1.5 : 2) : -3
    }

    /// HT + TVA = TTC within a cent, TVA a French rate of HT (or a mix: between 2.1 % and 20 %); labels, rates printed
    /// beside the VAT, reading order and size decide between the assignments that add up.
    static func bestTriple(_ candidates: [Candidate]) -> Triple? {
        // A credit note prints its totals negative: the arithmetic is done on magnitudes.
        let usable = candidates.suffix(400).filter { $0.money.cents != 0 && $0.money.cents != .min }
        var byCents: [Int64: [Candidate]] = [:]
        for candidate in usable where fit(candidate, .tva) > -3 { byCents[candidate.magnitude, default: []].append(candidate) }
        var best: Triple?
        let outside = outsideCharges(usable)
        for ht in usable where fit(ht, .ht) > -3 {
            for ttc in usable where ttc.magnitude > ht.magnitude && (ttc.money.cents < 0) == (ht.money.cents < 0) && fit(ttc, .ttc) > -3 {
                for charge in outside where ttc.magnitude - ht.magnitude > charge {
                    let difference = ttc.magnitude - ht.magnitude - charge
                    let share = Double(difference) / Double(ht.magnitude)
                    guard share >= 0.02, share <= 0.2001 else { continue }
                    let exactRate = rates.contains { abs(share - $0) < 0.0006 }
                    for delta in [Int64(0), -1, 1] {
                        // The VAT has the sign of the totals: a negative amount beside positive totals is a discount.
                        for tva in byCents[difference &+ delta] ?? [] where tva.order != ht.order && tva.order != ttc.order
                            && (tva.money.cents < 0) == (ht.money.cents < 0) && ht.fits(with: tva, ttc) {
                            var score = 10.0 + fit(ht, .ht) + fit(tva, .tva) + fit(ttc, .ttc)
                            score += exactRate ? 2 : 0
                            if let rate = tva.rate { score += abs(share - rate) < 0.0006 ? 1.5 : -1 }
                            score += (ht.isTotal ? 0.5 : 0) + (tva.isTotal ? 0.3 : 0) + (ttc.isTotal ? 0.5 : 0)
                            score += ht.order < ttc.order ? 0.5 : 0
                            score += ht.agreesWithLines ? 1.5 : 0
                            score -= delta == 0 ? 0 : 0.5
                            // Grand totals come last and are the largest: the line of a table that adds up too does not.
                            score += Double(ht.order + tva.order + ttc.order) / 3000 + log10(Double(ttc.magnitude)) / 10
                            guard best.map({ score > $0.score }) ?? true else { continue }
                            let labels = [fit(ht, .ht), fit(tva, .tva), fit(ttc, .ttc)]
                            let confidence: Double
                            let agreeing = labels.filter { $0 >= 1.5 }.count
                            if labels.contains(where: { $0 < 0 }) { confidence = agreeing >= 2 && exactRate ? 0.92 : 0.8 }
                            else if agreeing >= 2 && (exactRate || tva.rate != nil) { confidence = 0.97 }
                            else if labels.contains(where: { $0 >= 1.5 }) { confidence = 0.93 }
                            else { confidence = exactRate ? 0.88 : 0.8 }
                            // The lines add up to the HT too: a fourth check that agrees.
                            let checked = ht.agreesWithLines && !labels.contains(where: { $0 < -1 }) ? max(confidence, 0.96) : confidence
                            best = Triple(ht: ht, tva: tva, ttc: ttc, score: score, confidence: checked)
                        }
                    }
                }
            }
        }
        return best
    }

    /// What may stand between HT + TVA and the TTC: nothing, or one charge outside the VAT printed (« Taxe de séjour »).
    static func outsideCharges(_ candidates: some Sequence<Candidate>) -> [Int64] {
        [0] + Set(candidates.filter { $0.kind == .outside && $0.money.cents > 0 }.map(\.magnitude)).sorted()
    }

    /// HT and TTC without a printed total VAT: labelled so, at a French rate, or with per-rate VAT amounts that add
    /// up to the difference.
    static func bestPair(_ candidates: [Candidate]) -> (ht: Candidate, ttc: Candidate, tva: Money?, confidence: Double)? {
        let hts = candidates.filter { ($0.kind == .ht || ($0.agreesWithLines && ($0.kind == nil || $0.weak))) && $0.money.cents != 0 }.suffix(60)
        let ttcs = candidates.filter { ($0.kind == .ttc || $0.kind == .due) && $0.money.cents != 0 }.suffix(60)
        let vatAmounts = candidates.filter { $0.kind == .tva && $0.money.cents != 0 }.suffix(12).map(\.magnitude)
        let outside = outsideCharges(candidates)
        var best: (ht: Candidate, ttc: Candidate, tva: Money?, confidence: Double, score: Double)?
        for ht in hts {
            for ttc in ttcs where ttc.magnitude > ht.magnitude && (ttc.money.cents < 0) == (ht.money.cents < 0) && ht.fits(with: ttc) {
                for charge in outside where ttc.magnitude - ht.magnitude > charge {
                    let difference = ttc.magnitude - ht.magnitude - charge
                    let share = Double(difference) / Double(ht.magnitude)
                    let exactRate = rates.contains { abs(share - $0) < 0.0006 }
                    let partsAddUp = share <= 0.2001 && sumsOfUpToThree(vatAmounts).contains(difference)
                    guard exactRate || partsAddUp else { continue }
                    let score = (ttc.kind == .ttc ? 1.0 : 0) + (ht.weak ? 0 : 1) + (ttc.weak ? 0 : 1)
                        + Double(ht.order + ttc.order) / 3000
                    guard best.map({ score > $0.score }) ?? true else { continue }
                    let confidence = (ht.weak && !ht.agreesWithLines) || ttc.weak ? 0.8 : 0.92
                    best = (ht, ttc, Money(cents: ht.money.cents < 0 ? -difference : difference), confidence, score)
                }
            }
        }
        return best.map { ($0.ht, $0.ttc, $0.tva, $0.confidence) }
    }

    struct Implied {
        let ht: Money, tva: Candidate, ttc: Money
        let htCell: LocatedCell, ttcCell: LocatedCell
        let confidence: Double, score: Double
    }

    /// Two totals printed and the third implied by them: « Total TTC 120,00 € dont TVA 20,00 € » (HT = TTC − TVA), or
    /// a HT and its VAT with no TTC. Taken only when the VAT is a French rate of the HT to the cent (or the rate
    /// printed beside it), since nothing else vouches for the total that is not printed.
    static func impliedTotal(_ candidates: [Candidate], charged: Bool = false) -> Implied? {
        let tvas = candidates.filter { $0.kind == .tva && $0.money.cents > 0 }.suffix(12)
        let hts = candidates.filter { ($0.kind == .ht && !$0.weak || $0.agreesWithLines && ($0.kind == nil || $0.weak)) && $0.money.cents > 0 }.suffix(30)
        let ttcs = candidates.filter { ($0.kind == .ttc || $0.kind == .due) && $0.money.cents > 0 }.suffix(30)
        var best: Implied?
        func consider(ht: Int64, tva: Candidate, ttc: Int64, htCell: LocatedCell, ttcCell: LocatedCell, printed: Candidate) {
            guard isVAT(tva.magnitude, of: ht, printedRate: tva.rate) else { return }
            let score = (printed.weak ? 0 : 1) + (printed.kind == .due ? 0 : 0.5) + Double(printed.order + tva.order) / 3000
            guard best.map({ score > $0.score }) ?? true else { return }
            best = Implied(ht: Money(cents: ht), tva: tva, ttc: Money(cents: ttc), htCell: htCell, ttcCell: ttcCell,
                           confidence: printed.weak ? 0.75 : 0.88, score: score)
        }
        for tva in tvas {
            for ttc in ttcs where ttc.magnitude > tva.magnitude && ttc.order != tva.order && tva.fits(with: ttc) {
                consider(ht: ttc.magnitude - tva.magnitude, tva: tva, ttc: ttc.magnitude, htCell: ttc.cell,
                         ttcCell: ttc.cell, printed: ttc)
            }
            for ht in hts where !charged && ht.order != tva.order && ht.fits(with: tva) {
                let (ttc, overflow) = ht.magnitude.addingReportingOverflow(tva.magnitude)
                guard !overflow else { continue }
                consider(ht: ht.magnitude, tva: tva, ttc: ttc, htCell: ht.cell, ttcCell: tva.cell, printed: ht)
            }
        }
        return best
    }

    /// The VAT is a French rate of the HT, to the cent of its rounding (the rate printed beside it when there is one).
    static func isVAT(_ tva: Int64, of ht: Int64, printedRate: Double?) -> Bool {
        guard ht > 0, tva > 0 else { return false }
        let applicable = printedRate.map { [$0] } ?? rates
        return applicable.contains { abs(Double(tva) - ($0 * Double(ht)).rounded()) <= 1 }
    }

    private static func sumsOfUpToThree(_ amounts: [Int64]) -> Set<Int64> {
        var sums = Set<Int64>()
        for (i, a) in amounts.enumerated() {
            for (j, b) in amounts.enumerated() where j > i {
                sums.insert(a &+ b)
                for c in amounts[(j + 1)...] { sums.insert(a &+ b &+ c) }
            }
        }
        return sums
    }

    static func best(_ candidates: [Candidate], _ kind: Kind) -> Candidate? {
        candidates.filter { $0.kind == kind }.max { a, b in
            (a.isTotal && !a.weak ? 1 : 0, a.order) < (b.isTotal && !b.weak ? 1 : 0, b.order)
        }
    }
}
