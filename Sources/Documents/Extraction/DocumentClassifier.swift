import Foundation
import EclaireCore

/// The document's type from its title and vocabulary: each type has signals, weighted more on the first lines of
/// the first page where titles are.
public enum DocumentClassifier {
    static let signals: [(DocumentType, [(String, Double)])] = [
        // « avoir » alone is also the verb (« après avoir pris connaissance… »): it counts only heading a cell.
        (.avoir, [("^avoir", 4), ("avoir n", 4), ("l'avoir", 3), ("un avoir", 3), ("facture d'avoir", 5), ("note de credit", 5), ("credit note", 4)]),
        (.facture, [("facture", 4), ("invoice", 3), ("net a payer", 2), ("date d'echeance", 1.5), ("total ttc", 1),
                    ("conditions de paiement", 1), ("penalites de retard", 1), ("indemnite forfaitaire", 1)]),
        (.devis, [("devis", 5), ("proposition commerciale", 4), ("offre de prix", 4), ("bon pour accord", 3),
                  ("validite de l'offre", 3), ("valable", 1), ("proposition financiere", 3),
                  // « Proposition financière », « Proposition d'abonnement », « Proposition de prix » as a title.
                  ("^proposition", 4)]),
        (.bonDeCommande, [("bon de commande", 5), ("commande n", 3), ("purchase order", 3), ("lettre de commande", 4),
                          ("adresse de livraison", 1), ("engagement juridique", 2), ("lettre de mission", 3)]),
        (.acteEngagement, [("acte d'engagement", 6), ("ae - ", 1), ("le titulaire s'engage", 3), ("signature du candidat", 2),
                           ("offre du candidat", 2), ("identification du pouvoir adjudicateur", 2), ("atti", 2),
                           ("pieces constitutives du marche", 3), ("m'engage", 2), ("engage la societe", 3),
                           ("candidat individuel", 2), ("candidat groupe", 2)]),
        (.ficheNavette, [("fiche navette", 6), ("fiche de liaison", 4), ("demande d'achat", 3),
                         // What a navette asks for, also as the subject of a mail to the budget office.
                         ("demande d'engagement", 4),
                         // The certificate a service sends back to its budget office once the work is done.
                         ("attestation de service fait", 5), ("certificat de service fait", 5), ("constatation du service fait", 5), ("service fait", 2),
                         ("imputation budgetaire", 2), ("centre financier", 2), ("visa", 1)]),
        // A procedure adaptée's single specification is often titled « Cahier des charges ».
        (.cctp, [("cctp", 6), ("cahier des clauses techniques particulieres", 6), ("specifications techniques", 2), ("^cahier des charges", 5),
                 ("exigences", 1), ("livrables", 1)]),
        (.ccap, [("ccap", 6), ("cahier des clauses administratives particulieres", 6), ("penalites", 1),
                 ("clauses administratives", 2), ("resiliation", 1)]),
        (.rib, [("releve d'identite bancaire", 6), ("rib", 4), ("iban", 2), ("bic", 2), ("titulaire du compte", 3),
                ("domiciliation", 2), ("code banque", 2), ("code guichet", 2)]),
        (.kbis, [("extrait kbis", 6), ("kbis", 5), ("registre du commerce et des societes", 4), ("greffe", 3),
                 ("immatriculation", 2), ("extrait d'immatriculation", 5)]),
        (.avenant, [("avenant", 6), ("modification du marche", 3), ("modification de contrat", 3)]),
        (.sousTraitance, [("dc4", 6), ("declaration de sous-traitance", 6), ("sous-traitant", 3), ("acte special", 4),
                          ("paiement direct", 2)]),
        (.avisMarche, [("avis de marche", 6), ("avis d'appel public", 6), ("boamp", 4), ("date limite de reception des offres", 3),
                       ("procedure", 1), ("criteres d'attribution", 2), ("avis d'attribution", 5), ("joue", 2)]),
    ]

    /// A signal of at least 3 points heading a cell of the first lines scores 3 × 3 × 3.
    static let titleScore = 27.0

    /// Which evidence decides: the title and vocabulary signals, the statistical model, or both (the default).
    public enum Mode: Sendable { case rules, model, combined }

    static func classify(_ document: DocumentLines, mode: Mode = .combined, model: TypeModel = .shipped) -> ExtractedField {
        let (scores, evidence) = ruleScores(document)
        var probabilities: [DocumentType: Double] = [:]
        let ruleTotal = scores.orderedTotal
        let strongestRule = scores.values.max() ?? 0
        // A title on the first lines ("FACTURE", "Acte d'engagement") is the strongest evidence there is: it
        // decides; without one, the rules and the model, which reads the vocabulary as a whole, share the vote.
        let ruleWeight = switch mode {
        case .rules: 1.0
        case .model: 0.0
        case .combined: ruleTotal == 0 ? 0 : strongestRule >= Self.titleScore ? 1 : 0.5
        }
        if mode != .model, ruleTotal > 0 {
            for (type, score) in scores { probabilities[type, default: 0] += score / ruleTotal * ruleWeight }
        }
        if mode != .rules {
            let text = document.lines.prefix(80).map { $0.map(\.text).joined(separator: " | ") }.joined(separator: " | ")
            for (type, p) in model.posterior(text) { probabilities[type, default: 0] += p * (1 - ruleWeight) }
        }
        // Ties go to the type listed first, so that a document is always classified the same way.
        guard let top = probabilities.top,
              mode == .model || strongestRule >= 6 || top.value >= 0.8 else {
            return ExtractedField(key: .documentType, value: DocumentType.autre.rawValue, confidence: 0.4, source: nil)
        }
        return ExtractedField(key: .documentType, value: top.key.rawValue, confidence: min(top.value, 0.99) * document.reliability,
                              source: evidence[top.key]?.source)
    }

    /// The type of a document already read.
    public static func classify(pages: [PageText], mode: Mode = .combined, model: TypeModel = .shipped) -> DocumentType {
        DocumentType(rawValue: classify(DocumentLines(pages: pages), mode: mode, model: model).value) ?? .autre
    }

    /// The type of a text without positions (the labelled examples, a pasted text).
    public static func classify(text: String, mode: Mode = .combined, model: TypeModel = .shipped) -> DocumentType {
        let page = PageText.plain(text.components(separatedBy: " | "))
        return DocumentType(rawValue: classify(DocumentLines(pages: [page]), mode: mode, model: model).value) ?? .autre
    }

    /// Acronyms written with dots read as the acronym: « c.c.a.p. » is « ccap », « r.i.b. » « rib ». A short title
    /// of letters and marks is read by its letters alone, as OCR turns the dots of a scan into « : », « - » or
    /// « ' » (« C:C:T-P. », « C'C:TP:. » are « cctp »).
    nonisolated(unsafe) static let dottedLetters = /(?:^|[^a-z])[a-z]\.[a-z]\./
    nonisolated(unsafe) static let dottedWord = /(^|[^a-z])((?:[a-z]\.){2,}[a-z]?\.?)/

    static func undotted(_ folded: String) -> String {
        if folded.count <= 12, folded.count(where: { ".:-'’".contains($0) }) >= 2,
           folded.allSatisfy({ $0.isLetter || $0.isNumber || " .:-'’".contains($0) }) {
            let letters = folded.filter { $0.isLetter || $0.isNumber }
            if let acronym = dottedAcronyms.first(where: { letters == $0 }) { return acronym }
        }
        guard folded.contains("."), folded.contains(dottedLetters) else { return folded }
        return folded.replacing(dottedWord) { match in
            String(match.output.1) + String(match.output.2.filter { $0 != "." })
        }
    }

    static let dottedAcronyms = ["cctp", "ccap", "ccag", "rib", "dc4", "ae"]

    /// Words that make a type's name that follows them another document's: « du devis », « conformément à votre
    /// devis », « sur notre devis n° … ». « Le présent devis », « cette facture » name the document itself, and so
    /// does a title addressed to its reader (« Votre facture du … »).
    nonisolated(unsafe) static let citingWords = /(?:^|[^a-z])(?:votre|vos|notre|nos|sur|selon|d'un|d'une)\s*$/
    nonisolated(unsafe) static let weakCitingWords = /(?:^|[^a-z])(?:du|au)\s*$/

    /// Whether every mention of `word` in the cell cites another document; `weakly`: « du », « au » cite too.
    static func citesAnother(_ word: String, in folded: String, weakly: Bool) -> Bool {
        var searched = folded[...]
        var cited = false
        while let range = searched.range(of: word) {
            let before = folded[..<range.lowerBound].suffix(14)
            // « Votre facture du 18 janvier » heading its cell is the bill's own title, addressed to its reader.
            let addressed = ["votre", "vos", "notre", "nos"].contains(folded[..<range.lowerBound].trimmingCharacters(in: .whitespaces))
            guard !addressed, before.contains(citingWords) || weakly && before.contains(weakCitingWords) else { return false }
            cited = true
            searched = folded[range.upperBound...]
        }
        return cited
    }

    static func ruleScores(_ document: DocumentLines) -> ([DocumentType: Double], [DocumentType: LocatedCell]) {
        var scores: [DocumentType: Double] = [:]
        var evidence: [DocumentType: LocatedCell] = [:]
        // The types the title names, once it is read (nil before).
        var titleTypes: Set<DocumentType>?
        for (rank, cell) in document.cells.enumerated() {
            let weight = cell.page == 1 && rank < 25 ? 3.0 : 1.0
            var leads = false
            var headed: Set<DocumentType> = []
            // A title that wraps (« CAHIER DES CLAUSES TECHNIQUES » / « PARTICULIÈRES ») is read with its next line.
            let own = undotted(cell.folded)
            var folded = own
            // A line that continues the sentence above (« … conformément à votre » / « devis : ») heads nothing: the
            // words before it are read with it.
            // OCR's boxes hug the ink: a short line in lower case stands further below a full one than a text
            // layer's, and the line above reaching the right margin says the sentence wrapped.
            let continues = cell.index == 0 && cell.text.first?.isLowercase == true && cell.line > 0
                && (document.runsOn(cell.line) || document.lines[cell.line - 1].count == 1
                    && document.lines[cell.line - 1][0].page == cell.page && document.reachesRightEdge(document.lines[cell.line - 1][0]))
            let before = continues ? (document.lines[cell.line - 1].last?.folded ?? "") + " " : ""
            if weight > 1, document.lines[cell.line].count == 1, document.runsOn(cell.line + 1), document.lines[cell.line + 1].count == 1 {
                folded = undotted(cell.folded + " " + document.lines[cell.line + 1][0].folded)
            }
            for (type, words) in signals {
                for (signal, points) in words {
                    // "^word" is a signal only where it heads a cell.
                    let word = signal.hasPrefix("^") ? String(signal.dropFirst()) : signal
                    guard signal.hasPrefix("^") ? folded.hasPrefix(word) : folded.hasWord(word) else { continue }
                    // « Total HT du devis », « V/Réf. : votre devis n° … », « conformément à votre devis »: another
                    // document this one cites, not what it is.
                    // « du devis » may name the document itself (« Date du devis »): it cites another only under
                    // another type's title.
                    if continues || !folded.hasPrefix(word),
                       citesAnother(word, in: before + folded, weakly: titleTypes.map { !$0.contains(type) } ?? false) { continue }
                    // A word heading a cell counts more ("FACTURE N°…", "Devis"), and most in the document's title:
                    // the first such cell of the first lines. Later headings ("Factures à déposer sur Chorus Pro"
                    // on an order) are vocabulary.
                    // The page's first cells may end with the title, set so close after the letterhead's name that
                    // both read as one cell (« Presse Territoriale Diffusion   Facture »).
                    let heads = !continues && folded.hasPrefix(word) || (rank < 4 && cell.page == 1 && own.hasSuffix(word) && !signal.hasPrefix("^"))
                    let lead = heads ? (weight > 1 && titleTypes == nil ? 3 : 1.5) : 1
                    leads = leads || heads
                    if heads { headed.insert(type) }
                    scores[type, default: 0] += points * weight * lead
                    if evidence[type] == nil || (heads && weight > 1 && titleTypes == nil) { evidence[type] = cell }
                }
            }
            if leads && weight > 1 && titleTypes == nil { titleTypes = headed }
        }
        return (scores, evidence)
    }
}
