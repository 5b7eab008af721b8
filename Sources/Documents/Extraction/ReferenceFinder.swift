import Foundation
import EclaireCore

/// The document's own number, the EJ, marché and accord-cadre numbers, the CPV code and the issue date.
enum ReferenceFinder {
    /// A short prefix may stand apart from the number (« Facture n° SIT 2024-7755 »).
    nonisolated(unsafe) static let documentNumber =
        /(?:facture|devis|bon de commande|avoir|commande|proposition commerciale|offre|proposition|invoice|quotation|quote|purchase order|credit note)(?:\s+(?:affacturee|cedee|rectificative|d'acompte|de solde|proforma|pro forma|definitive|duplicata))?\s*(?:n\s?°|nº|no\.?|n\.|numero|num\.?|ref\.?|reference|number|#)\s*:?\s*((?:(?!(?:du|de|le|la|au|en|et) )[a-z]{2,4} (?=\d))?[a-z0-9][a-z0-9\-_\/.]{2,})?/
    /// The label before the title word: « N° de devis : D2026-0351 », « Numéro de la facture : 2025-118 ».
    nonisolated(unsafe) static let numberOfDocument =
        /(?:n\s?°|nº|numero|num\.?|ref\.?|reference)\s*(?:de |du |d')?(?:la |l')?(facture|devis|bon de commande|commande|avoir|offre|proposition|piece|document)\s*:?\s*([a-z0-9][a-z0-9\-_\/.]{2,})/
    nonisolated(unsafe) static let spacedGroups = /(?: (?:\d{1,4}|[A-Z]{2,4})(?=$|[ ,.;)])){1,3}/
    nonisolated(unsafe) static let spacedCapitals = /(?: [A-Z]{2,4}(?=$|[ ,.;)]))/
    nonisolated(unsafe) static let qualifiedTitleNumber =
        /(?:^|\s)(facture|devis|proposition|offre|avoir)\s+[a-z]{4,14}\s+(?:n\s?°|nº|numero|no\.?)\s*:?\s*([a-z0-9][a-z0-9\-_\/.]{2,})/
    /// A bare number label (« N° 1300505125 », « Numéro : DEV-2024-9514 », « Réf. D2024 ») under the title.
    /// The title may end on this line with its qualifier (« FACTURE » over « AFFACTURÉE N° UC1_2023020_AFF »).
    /// It may stand in a column of its own, beside a letterhead (« LOGO   AFFACTURÉE N°   UC1_… »).
    /// A version may follow (« Référence : PF-2026-940 (version 2) »).
    /// An English gloss may follow the label (« N° / Number »), the date the number (« N° PH-2024-69 – 5 mars 2025 »).
    nonisolated(unsafe) static let bareNumber = /(?:^|\s{3})(?:(?:affacturee|cedee|rectificative|d'acompte|de solde|proforma|pro forma|definitive|duplicata)\s+)?(?:n\s?°|nº|numero|num\.?|ref\.?|reference)(?:\s*\/\s*(?:number|no\.?|ref(?:erence)?\.?))?\s*:?\s*([a-z0-9][a-z0-9\-_\/.]{2,})(?:\s*\([^)]{1,20}\))?(?:\s*[-–—,]\s*|\s+du\s+)?(?:\d{1,2}(?:er)? [a-zéû]{3,9}\.? \d{4}|\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}|\d{4}-\d{2}-\d{2})?$/
    /// A title followed by the number without "n°": "Facture FA-2017-0010", "Avoir AV-2017-0005".
    /// Or set under the title word as its heading (« Facture : FA028151 », read from a row of headings).
    /// The title may end a cell that the letterhead's name begins (« ACME Proposition commerciale DE2412-0001 »).
    nonisolated(unsafe) static let titledNumber =
        /(?:^|\s)(facture|devis|avoir|bon de commande|proposition commerciale|invoice|quote|credit note)\s*:?\s+([a-z0-9][a-z0-9\-_\/.]{3,})$/
    nonisolated(unsafe) static let numericDate = /\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}/
    nonisolated(unsafe) static let ejNumber =
        /(?:engagement juridique|n\s?° ?(?:de l'|d')?e[j\]\)|]{1,2}|ej ?n\s?°|numero (?:de l'|d')?ej|n\s?° d'engagement|bon de commande|commande|\bej\b|\(ej\))(?:\s*\([^)]{0,60}\))?\D{0,25}?(\d{10})(?!\d)/
    /// What a supplier calls the State's order number on its invoice (« Réf. client », « Engagement »): an EJ when
    /// it has an EJ's shape, ten digits starting with 1 or 2. OCR reads the f of « Réf. » as s.
    nonisolated(unsafe) static let clientReference =
        /(?:re[fs]\.? client|reference client|votre reference|vos references|votre ref\.?|engagement|n\s?° client)\s*:?\s*([12]\d{9})(?!\d)/
    nonisolated(unsafe) static let marcheNumber =
        /(?:(?:n\s?°|nº|numero|num\.?|ref\.?|references?)\s*(?:de |du |d')?(?:la |l')?marche(?: public| subsequent)?|marche(?: [a-z]{3,12})? (?:n\s?°|nº|numero)|mapa\s*(?:n\s?°|nº|numero)|n\s?° (?:de |du )?contrat|contrat n\s?°|agreement ref\.?|contract (?:ref\.?|no\.?|number))\s*:?\s*([a-z0-9][a-z0-9\-_\/.]{2,})/
    /// A consultation's reference numbers the marché it gives rise to, on the marché's own pieces (acte
    /// d'engagement, CCTP). OCR may read the table's border before the value as a letter (« c CA-DIJ-2025-874 »).
    nonisolated(unsafe) static let consultationNumber =
        /(?:(?:reference|ref\.?|numero|n\s?°)\s*(?:de la |du )?(?:consultation|procedure)|consultation\s*(?:n\s?°|nº|numero))\s*:?\s*(?:\S\s+)??([a-z0-9][a-z0-9\-_\/.]{2,})/
    /// A form's row: « Marché   M2024723 », « Marché public : 2025-0594-00 », « Marché de référence …… 2023-017 »:
    /// up to two words qualify the label, the value holds a digit.
    nonisolated(unsafe) static let marcheRow = /^marche(?:\s+[a-z']{2,12}){0,2}\s*(?:n\s?°|no\.?)?\s*:?\s+((?=[a-z\-_\/.]*\d)[a-z0-9][a-z0-9\-_\/.]{2,})/
    /// « Accord-cadre n° AC-2023-017 », « Accord-cadre référencé 2023AC0174 »: up to two words between the label
    /// and the number.
    nonisolated(unsafe) static let accordCadre =
        /accord[- ]cadre(?:\s+|\s*:\s*)(?:(?:n\s?°|nº|no\.|numero|[a-z']{2,12})(?:\s+|\s*:\s*)){0,2}([a-z0-9][a-z0-9\-_\/.]{3,})/
    nonisolated(unsafe) static let titledAccordCadre =
        /accord[- ]cadre(?:\s+[a-z'à]{1,12}){0,5}\s+(?:n\s?°|nº|no\.?|numero)\s*:?\s*([a-z0-9][a-z0-9\-_\/.]{2,})/
    /// A marché's piece by its abbreviation, its number after a dash or « n° » (« CCTP – 2026-193 », « CCAP n° 24-017 »).
    nonisolated(unsafe) static let pieceNumber = /(?:^|\s)(?:cctp|ccap)\s*(?:[-–—:]|n\s?°|nº)\s*([a-z0-9][a-z0-9\-_\/.]{2,})/
    nonisolated(unsafe) static let cpv = /(?:^|\D)(\d{8})(?:-(\d))?(?!\d)/

    /// Words one of which each pattern needs: a line without them is not given to the (slow) regex engine.
    static let documentWords = ["facture", "devis", "commande", "avoir", "proposition", "offre", "invoice", "quot", "piece",
                                "purchase order", "credit note"]
    /// « MAPA n° … »: a marché à procédure adaptée, by its usual abbreviation.
    static let marcheWords = ["marche", "contrat", "agreement", "contract", "mapa"]
    /// An insurance's or a maintenance's « contrat n° » is not the marché.
    static let otherContracts = ["assurance", "decennale", "police", "abonnement", "maintenance"]

    /// `exact`: fields known from elsewhere (an embedded invoice), not looked for.
    static func find(in document: DocumentLines, into facts: inout DocumentFacts, skipping exact: Set<FieldKey> = []) {
        let r = document.reliability
        let wantsNumber = !exact.contains(.numberDocument), wantsEJ = !exact.contains(.numberEJ)
        let wantsMarche = !exact.contains(.numberMarche), wantsAccordCadre = !exact.contains(.numberAccordCadre)
        // A number right after the title word (« Facture FA-2017-0010 »), not a date or an amount.
        func offerTitledNumber(_ cell: LocatedCell) {
            guard facts[.numberDocument] == nil, wantsNumber, cell.page == 1, cell.line < 30, documentWords.contains(where: cell.folded.has),
                  let match = cell.folded.firstMatch(of: titledNumber), match.output.2.contains(where: \.isNumber),
                  match.output.2.wholeMatch(of: numericDate) == nil, match.output.2.wholeMatch(of: /\d+\.\d{2}/) == nil,
                  // « Bon de commande : 1300799138 » on an invoice is the buyer's order, not the invoice.
                  namesOwnType(String(match.output.1), facts.documentType) else { return }
            facts.offer(field(.numberDocument, original(match.output.2, in: cell), 0.75 * r, cell))
        }
        // A bare « N° » under the title (« FACTURE D'ABONNEMENT » / « N° AB2024-00758 »); on a marché's own piece (a
        // CCTP, an acte d'engagement) the number a « N° » or « Numéro » row gives beside the marché's title is the
        // marché's.
        func offerBareNumber(_ cell: LocatedCell) {
            guard cell.page == 1, cell.line < 40, mayHoldBareNumber(cell), let match = cell.folded.firstMatch(of: bareNumber),
                  match.output.1.contains(where: \.isNumber) else { return }
            if facts[.numberDocument] == nil, wantsNumber, let title = titleAbove(cell, in: document) {
                facts.offer(field(.numberDocument, original(match.output.1, in: cell), 0.8 * r, title))
            }
            if wantsMarche, facts[.numberMarche] == nil, [.acteEngagement, .cctp, .ccap].contains(facts.documentType),
               namesMarcheNearby(cell, in: document) {
                facts.offer(field(.numberMarche, contractNumber(match.output.1, cell), 0.7 * r, cell))
            }
        }
        // A scan's « 2024-A00-356 »: OCR reads the O of an abbreviation (« AOO », appel d'offres ouvert) as 0.
        // OCR reads a number's underscores as spaces (« 2024_106_SAR » → « 2024 106 SAR »): a year alone is no
        // contract's number, the groups of digits or capitals after it are its own.
        func contractNumber(_ match: Substring, _ cell: LocatedCell) -> String {
            let value = original(match, in: cell)
            guard document.extents.indices.contains(cell.line), document.extents[cell.line]?.ocr == true else { return value }
            let rest = cell.text.dropFirst(cell.folded.distance(from: cell.folded.startIndex, to: match.endIndex))
            guard value.allSatisfy(\.isNumber) else { return lettersForZeros(value) }
            // A longer run of digits (the underscore lost, « 2025292 SAR ») keeps a group of capitals after it.
            let groups = value.count <= 4 ? rest.prefixMatch(of: spacedGroups) : rest.prefixMatch(of: spacedCapitals)
            guard let groups, !["EUR", "HT", "TTC", "TVA", "DU", "AU", "LE", "DE", "EN"].contains(groups.output.trimmingCharacters(in: .whitespaces))
            else { return lettersForZeros(value) }
            return lettersForZeros(value + groups.output)
        }
        func offerMarcheRow(_ cell: LocatedCell) {
            guard wantsMarche, facts[.numberMarche] == nil, cell.folded.hasPrefix("marche"), let match = cell.folded.firstMatch(of: marcheRow),
                  match.output.1.contains(where: \.isNumber) else { return }
            facts.offer(field(.numberMarche, contractNumber(match.output.1, cell), 0.8 * r, cell))
        }
        let wrapped = document.wrappedRows.compactMap(DocumentLines.wholeLine)
        for cell in document.wholeLines + document.headedValues + wrapped + document.labelledCells {
            let namesDocument = wantsNumber && documentWords.contains(where: cell.folded.has)
            if facts[.numberDocument] == nil, namesDocument, let match = cell.folded.firstMatch(of: documentNumber) {
                if let value = match.output.1, value.contains(where: \.isNumber) {
                    facts.offer(field(.numberDocument, original(value, in: cell), 0.85 * r, cell))
                } else if let next = document.lines[cell.line].first(where: { $0.index == cell.index + 1 }) ?? document.below(cell, within: 1),
                          let token = next.text.split(separator: " ").first, token.contains(where: \.isNumber), token.count >= 3 {
                    facts.offer(field(.numberDocument, String(token), 0.8 * r, next))
                }
            }
            // « N° de commande » on an invoice is the buyer's order, not the invoice: the word must name this type.
            if facts[.numberDocument] == nil, namesDocument, let match = cell.folded.firstMatch(of: numberOfDocument),
               match.output.2.contains(where: \.isNumber), namesOwnType(String(match.output.1), facts.documentType) {
                facts.offer(field(.numberDocument, original(match.output.2, in: cell), 0.85 * r, cell))
            }
            // « Proposition tarifaire n° 2658482292 », « Facture acquittée n° … »: a word qualifies the title.
            if facts[.numberDocument] == nil, namesDocument, let match = cell.folded.firstMatch(of: qualifiedTitleNumber),
               match.output.2.contains(where: \.isNumber), namesOwnType(String(match.output.1), facts.documentType) {
                facts.offer(field(.numberDocument, original(match.output.2, in: cell), 0.8 * r, cell))
            }
            offerBareNumber(cell)
            if namesDocument { offerTitledNumber(cell) }
            if wantsEJ, cell.folded.mayHoldDigitRun(10) {
                if let match = cell.folded.firstMatch(of: ejNumber) {
                    facts.offer(field(.numberEJ, String(match.output.1), 0.9 * r, cell))
                } else if let match = cell.folded.firstMatch(of: clientReference) {
                    facts.offer(field(.numberEJ, String(match.output.1), 0.7 * r, cell))
                }
            }
            // An insurance's or a maintenance's « contrat n° » is not the marché; a « marché n° » is, whatever the
            // object beside it (« abonnement à … »).
            let cut = wantsMarche && cell.folded.has("marche") ? marcheCutAtLineEnd(cell, in: document) : nil
            if let cut { facts.offer(field(.numberMarche, cut, 0.85 * r, cell)) }
            if wantsMarche, cut == nil, marcheWords.contains(where: cell.folded.has), let match = cell.folded.firstMatch(of: marcheNumber),
               match.output.1.contains(where: \.isNumber),
               DocumentLines.fold(String(match.output.0)).has("marche") || !otherContracts.contains(where: cell.folded.has) {
                facts.offer(field(.numberMarche, contractNumber(match.output.1, cell), 0.85 * r, cell))
            }
            offerMarcheRow(cell)
            if wantsMarche, facts[.numberMarche] == nil, [.acteEngagement, .cctp, .ccap].contains(facts.documentType),
               cell.folded.has("consultation") || cell.folded.has("procedure"), let match = cell.folded.firstMatch(of: consultationNumber),
               match.output.1.contains(where: \.isNumber) {
                facts.offer(field(.numberMarche, contractNumber(match.output.1, cell), 0.7 * r, cell))
            }
            if wantsAccordCadre, cell.folded.has("accord"), let match = cell.folded.firstMatch(of: accordCadre), match.output.1.contains(where: \.isNumber) {
                facts.offer(field(.numberAccordCadre, contractNumber(match.output.1, cell), 0.85 * r, cell))
            }
            if cell.folded.has("cpv"), let match = cell.folded.firstMatch(of: cpv) {
                let code = match.output.2.map { "\(match.output.1)-\($0)" } ?? String(match.output.1)
                facts.offer(field(.cpv, code, 0.9 * r, cell))
            }
        }
        // A line's cells one by one, for the labels that start a cell of their own column (« Marché : … » under a
        // letterhead, « Facture FAC-2412-883 » beside the supplier's name).
        for cell in document.lines.filter({ $0.count > 1 }).joined() {
            offerTitledNumber(cell)
            offerMarcheRow(cell)
            offerBareNumber(cell)
        }
        // A CCTP's running header names the piece and the marché (« Ministère … – CCTP – 2026-193 »).
        if wantsMarche, facts[.numberMarche] == nil, [.cctp, .ccap].contains(facts.documentType) {
            for cell in document.cells where cell.folded.has("cctp") || cell.folded.has("ccap") {
                guard let match = cell.folded.firstMatch(of: pieceNumber), match.output.1.contains(where: \.isNumber),
                      match.output.1.wholeMatch(of: numericDate) == nil else { continue }
                facts.offer(field(.numberMarche, contractNumber(match.output.1, cell), 0.65 * r, cell))
                break
            }
        }
        // An accord-cadre's own piece is titled with its number (« Accord-cadre à bons de commande n° MAR20230717 »):
        // the contract the EJ will cite, when no marché is named otherwise.
        if wantsMarche, facts[.numberMarche] == nil, [.acteEngagement, .cctp, .ccap].contains(facts.documentType) {
            for cell in document.cells where cell.page == 1 && cell.line < 15 && cell.folded.hasPrefix("accord") {
                guard let match = cell.folded.prefixMatch(of: titledAccordCadre), match.output.1.contains(where: \.isNumber) else { continue }
                facts.offer(field(.numberMarche, original(match.output.1, in: cell), 0.75 * r, cell))
                break
            }
        }
        if !exact.contains(.dateIssued) { facts.offer(DateFinder.issueDate(in: document)) }
        // A Chorus purchase order is numbered by its EJ: either gives the other.
        if wantsNumber, facts[.numberDocument] == nil, facts.documentType == .bonDeCommande, let ej = facts.fields[.numberEJ] {
            facts.offer(ExtractedField(key: .numberDocument, value: ej.value, confidence: 0.75 * ej.confidence, source: ej.source))
        }
        if wantsEJ, facts[.numberEJ] == nil, facts.documentType == .bonDeCommande, let number = facts.fields[.numberDocument],
           number.value.wholeMatch(of: ejShape) != nil {
            facts.offer(ExtractedField(key: .numberEJ, value: number.value, confidence: 0.75 * number.confidence, source: number.source))
        }
        // A fiche navette's box whose label OCR lost (« N° EJ »): the one cell that is a number of an EJ's shape, ten
        // digits starting with 1 or 2, said with little confidence.
        if wantsEJ, facts[.numberEJ] == nil, facts.documentType == .ficheNavette {
            let lone = document.cells.filter { $0.text.trimmingCharacters(in: .whitespaces).wholeMatch(of: ejShape) != nil }
            if lone.count == 1, let cell = lone.first {
                facts.offer(field(.numberEJ, cell.text.trimmingCharacters(in: .whitespaces), 0.5 * r, cell))
            }
        }
    }

    /// An EJ's shape in Chorus: ten digits, the first 1 or 2.
    nonisolated(unsafe) static let ejShape = /[12]\d{9}/

    nonisolated(unsafe) static let marcheLabelAtEnd = /marche(?: [a-z]{3,12})? (?:n\s?°|nº|numero)\s*:?\s*([a-z0-9][a-z0-9\-_\/.]*[\-_\/.])?$/

    /// A sentence's line may end on « au titre du marché n° » or inside the number (« 2024/DDTM/ » / « 521, … »):
    /// the number goes on at the start of the next line.
    static func marcheCutAtLineEnd(_ cell: LocatedCell, in document: DocumentLines) -> String? {
        guard let match = cell.folded.firstMatch(of: marcheLabelAtEnd), cell.line + 1 < document.lines.count,
              let next = document.lines[cell.line + 1].first, next.page == cell.page,
              let token = next.text.split(separator: " ").first?.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.)")),
              token.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9\-_\/.]*/) != nil else { return nil }
        let value = (match.output.1.map { original($0, in: cell) } ?? "") + token
        return value.count >= 3 && value.contains(where: \.isNumber) ? value : nil
    }

    /// Whether a cell may hold a bare number label (« N° », « Numéro », « Réf. ») and a digit: most cells do not.
    static func mayHoldBareNumber(_ cell: LocatedCell) -> Bool {
        (cell.folded.has("°") || cell.folded.has("º") || cell.folded.has("num") || cell.folded.has("ref"))
            && cell.text.contains(where: \.isNumber)
    }

    static func namesOwnType(_ word: String, _ type: DocumentType) -> Bool {
        switch type {
        case .facture: ["facture", "invoice", "piece", "document"].contains(word)
        case .avoir: ["avoir", "credit note", "piece", "document"].contains(word)
        case .devis: ["devis", "offre", "proposition", "proposition commerciale", "quote", "document"].contains(word)
        case .bonDeCommande: ["commande", "bon de commande", "document"].contains(word)
        default: true
        }
    }

    /// A line within three of `cell` names the marché (« Intitulé du marché │ … », « Marché public de services »).
    static func namesMarcheNearby(_ cell: LocatedCell, in document: DocumentLines) -> Bool {
        (max(cell.line - 3, 0)...min(cell.line + 3, document.lines.count - 1)).contains { line in
            line != cell.line && document.lines[line].contains { other in
                other.page == cell.page && (other.folded.hasWord("marche") || other.folded.hasWord("consultation"))
            }
        }
    }

    /// The document's title one or two lines above (« DEVIS », « Bon de commande », « Proposition commerciale »).
    /// The title may head the line or stand in the number's column, beside a letterhead (« Université …   BON DE
    /// COMMANDE » over « N° 2300519110 »).
    /// The title may stand three lines up in the number's column, the lines of a block beside it interleaved
    /// (« DEVIS » / « 25 rue Pasteur … » / « SIRET … » / « N° 2026-D-0069 »).
    static func titleAbove(_ cell: LocatedCell, in document: DocumentLines) -> LocatedCell? {
        let inColumn = { (other: LocatedCell) in other.page == cell.page && other.cell.overlaps(cell.cell) }
        let interleaved = cell.line >= 3 && !(cell.line - 2..<cell.line).contains { document.lines[$0].contains(where: inColumn) }
        for line in stride(from: cell.line - 1, through: max(cell.line - (interleaved ? 3 : 2), 0), by: -1) {
            for title in document.lines[line] where title.index == 0 && line >= cell.line - 2 || inColumn(title) {
                guard title.text.count <= 60 else { continue }
                if documentWords.contains(where: title.folded.has) || title.folded.has("note d'honoraires") { return title }
            }
        }
        return nil
    }

    private static func field(_ key: FieldKey, _ value: String, _ confidence: Double, _ cell: LocatedCell) -> ExtractedField {
        ExtractedField(key: key, value: value.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:")),
                       confidence: confidence, source: cell.source)
    }

    /// In a contract's number, a group of capitals followed by zeros only (« A00 ») is letters OCR took for digits:
    /// a group is letters, digits, or letters then digits that are not all zeros (« MP00460 »). So is a lone zero
    /// between a word of capitals and a number (« 2024-SGAMI-0-337 »: the region's letter, Ouest): a number's group
    /// is not a bare zero.
    static func lettersForZeros(_ number: String) -> String {
        number.replacing(/(^|[-\/._ ])([A-Z]+)(0+)(?=$|[-\/._ ])/) { match in
            "\(match.output.1)\(match.output.2)" + String(repeating: "O", count: match.output.3.count)
        }
        .replacing(/([A-Z]{2,}[-\/._ ])0(?=[-\/._ ]\d)/) { match in "\(match.output.1)O" }
    }

    /// The printed form of a match found in the folded copy of a cell (same length, character for character).
    static func original(_ folded: Substring, in cell: LocatedCell) -> String {
        let start = cell.folded.distance(from: cell.folded.startIndex, to: folded.startIndex)
        let from = cell.text.index(cell.text.startIndex, offsetBy: start)
        return String(cell.text[from..<cell.text.index(from, offsetBy: folded.count)])
    }
}

/// The date a document was issued: the date its label names as such, in any usual French or English form; delivery,
/// due, period and validity dates are not it. Numeric dates are read day first unless the document says otherwise:
/// a date whose first number cannot be a day (`03/15/2024`) shows month-first order, and an English document
/// (a foreign supplier's invoice) is month-first unless one of its dates cannot be.
enum DateFinder {
    /// A form's boxes space the slashes out (« 05 / 03 / 2025 »).
    nonisolated(unsafe) static let numeric = /(?:^|[^\d\/.])(\d{1,2})(?:[.\-]| ?\/ ?)(\d{1,2})(?:[.\-]| ?\/ ?)(\d{4}|\d{2})(?![\d\/])/
    nonisolated(unsafe) static let iso = /(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?!\d)/
    /// Months written whole or abbreviated as French typography does (« 14 juil. 2025 », « 3 févr. 2026 »).
    nonisolated(unsafe) static let long =
        /(?:^|\D)(1er|\d{1,2})\s+(janvier|janv\.?|fevrier|fevr\.?|fev\.|mars|avril|avr\.?|mai|juin|juillet|juil\.?|aout|septembre|sept\.?|octobre|oct\.|novembre|nov\.|decembre|dec\.)\s*(\d{4})/
    nonisolated(unsafe) static let englishMonthFirst =
        /(?:^|[^a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/
    nonisolated(unsafe) static let englishDayFirst =
        /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)?[\s\-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[\s\-,]+(\d{4})/
    static let months = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
                         "octobre", "novembre", "decembre"]
    static let shortMonths = ["janv", "fev", "avr", "juil", "sept", "oct.", "nov.", "dec."]
    static let englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let issueLabels = ["date de facture", "date de la facture", "date d'emission", "date du devis",
                              "date de commande", "date de la commande", "date d'edition", "emis le", "etabli le",
                              "fait a", "invoice date", "date of issue", "issue date", "issued on", "date issued",
                              "order date", "quote date", ", le", "date :", "date:", "date", "le ", "dated"]
    static let citingLabels = ["votre ", "vos ", "v/ref", "v/ ", "notre devis", "notre offre", "notre proposition",
                               "accepte le", "acceptee le"]
    static let otherLabels = ["echeance", "livraison", "debut", "fin ", "validite", "valable", "naissance", "paiement",
                              "reglement", "associee", "expiration", "limite", "periode", "du ", "au ", "prestation",
                              "reception", "execution", "jusqu", "avant le", "depuis", "notification", "remise des offres",
                              "due", "delivery", "ship", "period", "expir", "valid", "payment", "paid", "service from"]

    enum NumericOrder { case dayFirst, monthFirst }

    /// Every form of date has at least four digits (`1/1/24`); most lines of a document are skipped on that alone.
    static func mayHoldDate(_ cell: LocatedCell) -> Bool { cell.folded.mayHoldDigits(4) }

    static func dates(in cell: LocatedCell, order: NumericOrder) -> [(LocalDate, Range<String.Index>)] {
        guard mayHoldDate(cell) else { return [] }
        var found: [(LocalDate, Range<String.Index>)] = []
        for match in cell.folded.matches(of: numeric) {
            guard let first = Int(match.output.1), let second = Int(match.output.2), var year = Int(match.output.3)
            else { continue }
            if match.output.3.count == 2 { year += 2000 }
            // The order the document uses, unless this date can only be read the other way.
            var (day, month) = order == .dayFirst ? (first, second) : (second, first)
            if month > 12, day <= 12 { (day, month) = (month, day) }
            if let date = LocalDate(year: year, month: month, day: day) { found.append((date, match.output.1.startIndex..<match.range.upperBound)) }
        }
        for match in cell.folded.matches(of: iso) {
            if let date = LocalDate(year: Int(match.output.1)!, month: Int(match.output.2)!, day: Int(match.output.3)!) {
                found.append((date, match.output.1.startIndex..<match.range.upperBound))
            }
        }
        let french = months.contains(where: cell.folded.has) || shortMonths.contains(where: cell.folded.has)
        for match in french ? cell.folded.matches(of: long) : [] {
            let day = match.output.1 == "1er" ? 1 : Int(match.output.1) ?? 0
            let word = match.output.2.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let month = months.firstIndex(where: { $0.hasPrefix(word) }),
               let date = LocalDate(year: Int(match.output.3)!, month: month + 1, day: day) { found.append((date, match.output.1.startIndex..<match.range.upperBound)) }
        }
        let english = englishMonths.contains(where: cell.folded.has)
        for match in english ? cell.folded.matches(of: englishMonthFirst) : [] {
            if let month = englishMonths.firstIndex(of: String(match.output.1)), let day = Int(match.output.2),
               let date = LocalDate(year: Int(match.output.3)!, month: month + 1, day: day) {
                found.append((date, match.output.1.startIndex..<match.range.upperBound))
            }
        }
        for match in english ? cell.folded.matches(of: englishDayFirst) : [] {
            if let month = englishMonths.firstIndex(of: String(match.output.2)), let day = Int(match.output.1),
               let date = LocalDate(year: Int(match.output.3)!, month: month + 1, day: day) {
                found.append((date, match.output.1.startIndex..<match.range.upperBound))
            }
        }
        return found.filter { (1990...2100).contains($0.0.year) }
    }

    /// Month first when the document's numeric dates show it (a second number above 12 and none first), or when
    /// it is written in English and none of its dates rules it out.
    static func numericOrder(in document: DocumentLines) -> NumericOrder {
        var dayFirst = 0, monthFirst = 0, numericDates = 0
        for cell in document.cells where mayHoldDate(cell) {
            for match in cell.folded.matches(of: numeric) {
                guard let first = Int(match.output.1), let second = Int(match.output.2) else { continue }
                numericDates += 1
                if first > 12, second <= 12 { dayFirst += 1 }
                if second > 12, first <= 12 { monthFirst += 1 }
            }
        }
        if dayFirst != monthFirst { return monthFirst > dayFirst ? .monthFirst : .dayFirst }
        // The language is read only when it decides something: an ambiguous numeric date.
        guard numericDates > 0 else { return .dayFirst }
        return DocumentLanguage.isEnglish(document) ? .monthFirst : .dayFirst
    }

    static func issueDate(in document: DocumentLines) -> ExtractedField? {
        let order = numericOrder(in: document)
        var fallback: ExtractedField?
        // Dates set under their headings (« Date │ Échéance » over two dates) come last, with their heading as label.
        for cell in Array(document.cells) + document.headedValues {
            let found = dates(in: cell, order: order)
            let firstDate = found.map(\.1.lowerBound).min()
            for (date, range) in found {
                var label = String(cell.folded[..<range.lowerBound])
                if label.filter(\.isLetter).count < 3 {
                    label = (document.leftOf(cell).first?.folded ?? "") + " " + label
                }
                let tail = String(label.suffix(40))
                // The label nearest the date governs it: « Date du document : le 22 mars » is an issue date although
                // « du » names periods elsewhere.
                // « le » before a date is an article, not a label: it names the issue date only when nothing else
                // labels the date (« Date d'échéance : le 28 janvier »).
                let labelled = issueLabels.compactMap { label in label == "le " ? nil : tail.lastByteOffset(of: label).map { $0 + 1 } }.max()
                // … and only for the cell's first date: « livraison le 8 janvier – reprise le 10 janvier » is one
                // statement whose label stands before its first date.
                let byArticle = labelled == nil && tail.has("le ") && range.lowerBound == firstDate
                var issue = labelled ?? (byArticle ? 1 : 0)
                // « du » and « au » bound a period only right before its dates (« du 01/01 au 31/01 »), not in
                // « Date du document : »; « du » without an end to the period dates the document (« Bon de commande
                // n° 1300… du 21/03/2026 »).
                let trimmedTail = tail.trimmingCharacters(in: .whitespaces) + " "
                let after = String(cell.folded[range.upperBound...])
                let endsPeriod = after.has(" au ") || after.has("jusqu") || after.hasPrefix("au ")
                // « V/Réf. : votre devis n° D-118 du 04/05/2026 », « accepté le … »: another document's date, the issue
                // date only when no other is labelled so.
                let citing = citingLabels.compactMap { tail.lastByteOffset(of: $0).map { $0 + 1 } }.max() ?? 0
                if citing > issue { issue = 0 }
                if issue == 0, citing == 0, !endsPeriod, trimmedTail.hasSuffix(" du ") || trimmedTail == "du " { issue = tail.utf8.count }
                let other = otherLabels.compactMap { label -> Int? in
                    if label == "au " { return trimmedTail.hasSuffix(label) ? tail.utf8.count : nil }
                    if label == "du " { return trimmedTail.hasSuffix(label) && endsPeriod ? tail.utf8.count : nil }
                    return tail.lastByteOffset(of: label).map { $0 + 1 }
                }.max() ?? 0
                // The article yields to any other label (« Livraison le 12/02 »), wherever it stands.
                if other > issue || byArticle && other > 0 { continue }
                let r = document.reliability
                if issue > 0 {
                    return ExtractedField(key: .dateIssued, value: date.iso, confidence: 0.9 * r, source: cell.source)
                }
                if fallback == nil {
                    fallback = ExtractedField(key: .dateIssued, value: date.iso, confidence: 0.5 * r, source: cell.source)
                }
            }
        }
        return fallback
    }
}

/// Whether a document is written in English rather than French, from words invoices and orders use in each.
enum DocumentLanguage {
    static let english = ["invoice", "bill to", "ship to", "amount due", "subtotal", "total due", "due date",
                          "payment terms", "quantity", "unit price", "thank you", "purchase order", "balance due"]
    static let french = ["facture", "montant", "tva", "total ttc", "total ht", "quantite", "prix unitaire",
                         "designation", "echeance", "reglement", "commande", "devis", "fournisseur"]

    static func isEnglish(_ document: DocumentLines) -> Bool {
        var englishHits = 0, frenchHits = 0
        for line in document.wholeLines {
            englishHits += english.filter { line.folded.has($0) }.count
            frenchHits += french.filter { line.folded.has($0) }.count
        }
        return englishHits >= 2 && englishHits > frenchHits
    }
}
