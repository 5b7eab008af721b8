import Foundation
import EclaireCore

/// An identifier printed on the document, checked, and whom it belongs to.
struct IdentifierHit {
    enum Kind: String { case siret, siren, vatNumber = "vat_number", iban }

    let kind: Kind
    let checked: CheckedIdentifier
    let cell: LocatedCell
    /// A label names the identifier ("SIRET :", "IBAN") rather than a bare pattern match.
    let labelled: Bool
    /// The SIREN it carries (a SIRET's first nine digits, a French VAT number's last nine).
    var siren: String? {
        switch kind {
        case .siret: checked.normalized.count == 14 ? String(checked.normalized.prefix(9)) : nil
        case .siren: checked.normalized
        case .vatNumber: checked.normalized.hasPrefix("FR") && checked.normalized.count == 13
            ? String(checked.normalized.suffix(9)) : nil
        case .iban: nil
        }
    }
}

/// Finds SIRET, SIREN, VAT numbers and IBANs, checks them, and tells the supplier's from the buyer's by the labels
/// and block headings around them.
enum IdentifierFinder {
    nonisolated(unsafe) static let siretPattern = /(?:^|\D)(\d{3}[ .\u00A0\u202F]?\d{3}[ .\u00A0\u202F]?\d{3}[ .\u00A0\u202F]?\d{5})(?![\d])/
    nonisolated(unsafe) static let siretCutAtEnd = /siret\s*(?:n\s?°|:)?\s*(\d[\d .\u00A0\u202F]{0,15})$/
    nonisolated(unsafe) static let sirenPattern = /(?:^|\D)(\d{3}[ .\u00A0\u202F]?\d{3}[ .\u00A0\u202F]?\d{3})(?![\d]|[ .\u00A0\u202F]?\d{5})/
    nonisolated(unsafe) static let frenchVATPattern = /(?:^|[^A-Z0-9])(FR[ \u00A0]?[0-9A-Z]{2}[ \u00A0.]?\d{3}[ \u00A0.]?\d{3}[ \u00A0.]?\d{3})(?!\d)/
    nonisolated(unsafe) static let foreignVATPattern = /(?:^|[^A-Z0-9])((?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)[ ]?U?[0-9A-Z]{8,12})(?![0-9A-Z])/
    nonisolated(unsafe) static let ibanPattern = /(?:^|[^A-Z0-9])([A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]{4}){2,7}(?:[ \u00A0]?[A-Z0-9]{1,3})?)(?![A-Z0-9])/

    static let ibanLengths: [String: Int] = [
        "FR": 27, "MC": 27, "DE": 22, "BE": 16, "ES": 24, "IT": 27, "LU": 20, "NL": 18, "GB": 22, "CH": 21,
        "PT": 25, "IE": 22, "AT": 20, "DK": 18, "FI": 18, "SE": 24, "PL": 28, "GR": 27,
    ]

    /// The cells of a table's rows that wrap, and the values wrapped under a row of headings, hold the whole of a
    /// number cut in its narrow cell (« 347 423 147 » / « 52137 »). Only the numbers the cells did not hold whole
    /// count from them, once: each hit is a vote for whose number it is.
    static func hits(in document: DocumentLines) -> [IdentifierHit] {
        let plain = hits(in: Array(document.cells), of: document)
        let wrappedCells = document.wrappedRows.joined().filter { $0.text != document.lines[$0.line][$0.index].text }
            + document.headedValues.filter { $0.text.valueAfterColon != document.lines[$0.line][$0.index].text }
        var known = Set(plain.map(\.checked.normalized))
        return plain + hits(in: wrappedCells, of: document).filter { known.insert($0.checked.normalized).inserted }
    }

    static func hits(in cells: [LocatedCell], of document: DocumentLines) -> [IdentifierHit] {
        var hits: [IdentifierHit] = []
        for cell in cells {
            // SIRET, SIREN and French VAT numbers need nine digits, an IBAN a country code and two digits, a foreign
            // VAT number eight capitals or digits in a row (« ATU12345678 »); most cells have none of these.
            let mayHoldNumber = cell.text.mayHoldDigits(9), mayHoldIBAN = cell.text.mayHoldIBANStart()
            let mayHoldForeignVAT = cell.text.hasCapitalsOrDigitsRun(8)
            guard mayHoldNumber || mayHoldIBAN || mayHoldForeignVAT else { continue }
            var knownLabel: String?
            var label: String {
                get {
                    if let knownLabel { return knownLabel }
                    knownLabel = labelContext(cell, in: document)
                    return knownLabel!
                }
            }
            for match in mayHoldNumber ? cell.text.matches(of: siretPattern) : [] {
                let labelled = label.has("siret") || before(match.output.1.startIndex, in: cell).has("siret")
                guard labelled || Identifiers.siret(String(match.output.1)).isValid else { continue }
                hits.append(IdentifierHit(kind: .siret, checked: Identifiers.siret(String(match.output.1)), cell: cell,
                                          labelled: labelled))
            }
            if mayHoldNumber, cell.folded.has("siren") || cell.folded.has("rcs") || label.has("siren") || label.has("rcs") {
                for match in cell.text.matches(of: sirenPattern) {
                    let prefix = before(match.output.1.startIndex, in: cell)
                    guard prefix.has("siren") || prefix.has("rcs") || label.has("siren") || label.has("rcs")
                    else { continue }
                    hits.append(IdentifierHit(kind: .siren, checked: Identifiers.siren(String(match.output.1)), cell: cell,
                                              labelled: true))
                }
            }
            // OCR reads a digit of a SIRET as a letter (« SIRET 657 924 O15 08472 »): labelled, its key decides.
            if mayHoldNumber, cell.folded.has("siret"), !hits.contains(where: { $0.kind == .siret && $0.cell.line == cell.line }),
               document.extents.indices.contains(cell.line), document.extents[cell.line]?.ocr == true,
               let match = digitsForLetters(cell.text).firstMatch(of: siretPattern),
               Identifiers.siret(String(match.output.1)).isValid {
                hits.append(IdentifierHit(kind: .siret, checked: Identifiers.siret(String(match.output.1)), cell: cell, labelled: true))
            }
            for match in mayHoldNumber && cell.text.has("FR") ? cell.text.matches(of: frenchVATPattern) : [] {
                let printed = ocrKey(String(match.output.1))
                hits.append(IdentifierHit(kind: .vatNumber, checked: Identifiers.vatNumber(printed), cell: cell, labelled: true))
            }
            if mayHoldForeignVAT, cell.folded.has("tva") || cell.folded.has("vat") || label.has("tva") || label.has("vat") {
                for match in cell.text.matches(of: foreignVATPattern) {
                    let printed = String(match.output.1)
                    hits.append(IdentifierHit(kind: .vatNumber, checked: Identifiers.vatNumber(printed), cell: cell, labelled: true))
                }
            }
            // A paragraph wrapped inside the SIRET (« … numéro SIRET 969 780 693 » / « 32241, … », « … SIRET 571 » /
            // « 654 284 07618 »): its first digits end the line, the others start the next.
            if mayHoldNumber, cell.folded.has("siret"), let match = cell.folded.firstMatch(of: siretCutAtEnd),
               let next = document.lines.indices.contains(cell.line + 1) ? document.lines[cell.line + 1].first : nil,
               // A centred footer's lines share their middle, not their start.
               next.page == cell.page, document.alignedLeft(next, document.lines[cell.line][0]) || document.centred(next, document.lines[cell.line][0]),
               let tail = next.text.firstMatch(of: /^(\d[\d .\u00A0\u202F]{0,16})(?![\d])/) {
                let head = String(match.output.1).filter(\.isNumber), rest = String(tail.output.1).filter(\.isNumber)
                let checked = Identifiers.siret(head + rest.prefix(max(0, 14 - head.count)))
                // Exactly the digits missing, or more (a postcode after it) when the number so cut holds its key.
                if head.count < 14, rest.count == 14 - head.count || rest.count > 14 - head.count && checked.isValid {
                    hits.append(IdentifierHit(kind: .siret, checked: checked, cell: cell, labelled: true))
                }
            }
            for match in mayHoldIBAN ? cell.text.matches(of: ibanPattern) : [] {
                let prefix = before(match.output.1.startIndex, in: cell)
                let named = label.has("iban") || prefix.has("iban")
                let printed = ibanRunOn(String(match.output.1), endingAt: match.output.1.endIndex, in: cell, document, named: named)
                    ?? String(match.output.1)
                guard let iban = iban(printed) else { continue }
                // « … par virement sur le compte FR76 … »: the words of a payment name an account as well as « IBAN ».
                // Those words name other numbers too (« N° de compte client »): they count for an IBAN of its
                // country's exact length.
                let fullLength = ibanLengths[String(iban.normalized.prefix(2))].map { $0 == iban.normalized.count } ?? false
                let labelled = named
                    || fullLength && ibanWords.contains { label.has($0) || prefix.has($0) }
                guard labelled || iban.isValid else { continue }
                hits.append(IdentifierHit(kind: .iban, checked: iban, cell: cell, labelled: labelled))
            }
        }
        return hits
    }

    /// The letters OCR reads for digits (O for 0, l and I for 1, S for 5, B for 8) made digits where they stand
    /// between digits or beside one in a group of digits (« 924 O15 »); a word's letters stay.
    static func digitsForLetters(_ text: String) -> String {
        let characters = Array(text)
        var out = characters
        for (index, character) in characters.enumerated() {
            guard let digit = lettersForDigits[character] else { continue }
            let before = index > 0 ? characters[index - 1] : " ", after = index + 1 < characters.count ? characters[index + 1] : " "
            let group = (before.isNumber || before == " ") && (after.isNumber || after == " ") && (before.isNumber || after.isNumber)
            if group { out[index] = digit }
        }
        return String(out)
    }

    static let lettersForDigits: [Character: Character] = ["O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "S": "5", "B": "8"]

    /// A French VAT number whose two-character key reads « O » where the rest is digits: OCR's 0 read as a letter
    /// (« FRO9 524 558 442 »), not a printed key.
    static func ocrKey(_ printed: String) -> String {
        let compact = Identifiers.compact(printed)
        guard compact.count == 13, compact.dropFirst(4).allSatisfy(\.isNumber) else { return printed }
        let key = compact.dropFirst(2).prefix(2)
        guard key.contains("O"), key.allSatisfy({ $0 == "O" || $0.isNumber }) else { return printed }
        return "FR" + key.replacingOccurrences(of: "O", with: "0") + compact.dropFirst(4)
    }

    /// An IBAN cut short: by a sentence's line (« IBAN FR76 6728 7790 5381 6587 8202 » / « 866, BIC … »), or by a
    /// gap OCR saw in an IBAN printed without spaces (« FR762533153512151 1205911452 »). The characters missing to
    /// its country's length follow it, or start the next line; taken only when the number so joined holds its key,
    /// or when, labelled « IBAN », it is wrapped in a narrow column: the next line, starting where it starts, holds
    /// exactly the characters missing and nothing else (a wrong key is then the printed IBAN's, to flag).
    static func ibanRunOn(_ printed: String, endingAt end: String.Index, in cell: LocatedCell, _ document: DocumentLines,
                          named: Bool = false) -> String? {
        let compact = Identifiers.compact(printed)
        guard let length = ibanLengths[String(compact.prefix(2))], compact.count < length else { return nil }
        let rest = cell.text[end...].drop { $0 == " " }
        let following: Substring
        var wrappedInColumn = false
        if !rest.isEmpty {
            following = rest
        } else if cell.line + 1 < document.lines.count, let next = document.lines[cell.line + 1].first, next.page == cell.page {
            following = Substring(next.text)
            wrappedInColumn = document.alignedLeft(next, cell) && document.runsOn(cell.line + 1)
        } else {
            return nil
        }
        guard let head = following.prefixMatch(of: ibanGroups) else { return nil }
        var missing = length - compact.count, taken = ""
        for character in head.output where missing > 0 {
            taken.append(character)
            if character != " " { missing -= 1 }
        }
        let joined = printed + " " + taken
        guard missing == 0 else { return nil }
        let whole = named && wrappedInColumn && taken.count == following.trimmingCharacters(in: .whitespaces).count
        return Identifiers.iban(joined).isValid || whole ? joined : nil
    }

    nonisolated(unsafe) static let ibanGroups = /[A-Z0-9]{1,10}(?: [A-Z0-9]{1,10})*/
    static let ibanWords = ["compte", "rib", "virement", "bancaire", "account", "bank"]

    /// An IBAN cut to its country's length: the pattern may run into the BIC printed after it.
    private static func iban(_ printed: String) -> CheckedIdentifier? {
        let compact = Identifiers.compact(printed)
        guard compact.count >= 15 else { return nil }
        if let length = ibanLengths[String(compact.prefix(2))], compact.count > length {
            var kept = "", count = 0
            for character in printed where count < length {
                kept.append(character)
                if character.isLetter || character.isNumber { count += 1 }
            }
            return Identifiers.iban(kept)
        }
        return Identifiers.iban(printed)
    }

    private static func before(_ start: String.Index, in cell: LocatedCell) -> String {
        let offset = cell.text.distance(from: cell.text.startIndex, to: start)
        return String(cell.folded.prefix(offset))
    }

    /// Labels that can govern a value: the cell to the left, the cell just above.
    private static func labelContext(_ cell: LocatedCell, in document: DocumentLines) -> String {
        let left = document.leftOf(cell).first?.folded ?? ""
        // A line of another column may stand between a label and its value (« SIRET » in a sidebar, the client's
        // block beside it): the label is the column's cell right above, as close as a wrapped line.
        let above = document.contextAbove(cell, lines: 2).first { above in
            above.line == cell.line - 1 || document.follows(cell.line, after: above.line)
        }?.folded ?? ""
        return left + " " + above
    }

    // MARK: Whose identifier

    /// `partner`: a joint group's co-contractor or a subcontractor, whose identifiers are not the supplier's.
    enum Side { case supplier, buyer, partner }
    static let partnerCues = ["cotraitant", "co-traitant", "sous-traitant", "sous traitant"]

    static let buyerCues = ["client", "acheteur", "destinataire", "facture a", "facturer a", "facturation",
                            "pouvoir adjudicateur", "vos identifiants", "vos references", "commanditaire",
                            "service executant", "ordonnateur", "livraison", "livre a", "donneur d'ordre",
                            "maitre d'ouvrage", "entite publique", "administration", "ministere", "prefecture"]
    static let supplierCues = ["fournisseur", "titulaire", "prestataire", "vendeur", "emetteur", "cocontractant",
                               "capital", "rcs", "ape ", "naf", "nos references", "raison sociale", "entreprise",
                               "candidat", "mandataire", "beneficiaire du paiement", "seller", "societe", "soussigne",
                               "siege social", "immatricule"]

    /// The nearest cue before the identifier: in its cell, then the cells to its left, then the cells above it in
    /// its column, nearest line first. When a label stands to its left (« N° SIRET │ 552 422 396 99145 »), the
    /// labels' column above counts too: on a form the value column holds other values, the role is a label above.
    /// A purchase order is sent by the buyer: its « destinataire » is the supplier.
    static func side(of hit: IdentifierHit, in document: DocumentLines, type: DocumentType) -> Side? {
        let left = document.leftOf(hit.cell)
        var above = document.contextAbove(hit.cell, lines: 8)
        if let label = left.first, !label.text.contains(where: \.isNumber) {
            above = (above + document.contextAbove(label, lines: 8)).enumerated()
                .sorted { ($0.element.line, -$0.offset) > ($1.element.line, -$1.offset) }.map(\.element)
        }
        let texts = [hit.cell.folded] + left.map(\.folded) + above.map(\.folded)
        let addressedToSupplier = type == .bonDeCommande
        // On a subcontractor's invoice the marché's titulaire is another company.
        let titulaireIsPartner = PartyFinder.isSubcontractorsPiece(document, type: type)
        for text in texts {
            var best: (Side, Int)?
            for cue in buyerCues { if let offset = text.lastByteOffset(of: cue), best.map({ offset > $0.1 }) ?? true {
                best = (addressedToSupplier && cue == "destinataire" ? .supplier : .buyer, offset)
            } }
            for cue in supplierCues { if let offset = text.lastByteOffset(of: cue), best.map({ offset > $0.1 }) ?? true {
                best = (titulaireIsPartner && cue == "titulaire" ? .partner : .supplier, offset)
            } }
            for cue in partnerCues { if let offset = text.lastByteOffset(of: cue), best.map({ offset > $0.1 }) ?? true { best = (.partner, offset) } }
            if let best { return best.0 }
        }
        return nil
    }

    /// State administrations and local authorities have SIRENs starting with 1 or 2: on a State purchase they are
    /// the buyer.
    static func isPublicBody(siren: String) -> Bool { siren.hasPrefix("1") || siren.hasPrefix("2") }
}
