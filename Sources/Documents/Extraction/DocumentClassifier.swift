import Foundation
import EclaireCore

/// The document's type from its title and vocabulary: each type has signals, weighted more on the first lines of
/// the first page where titles are.
enum DocumentClassifier {
    static let signals: [(DocumentType, [(String, Double)])] = [
        (.avoir, [("avoir", 4), ("facture d'avoir", 5), ("note de credit", 5), ("credit note", 4)]),
        (.facture, [("facture", 4), ("invoice", 3), ("net a payer", 2), ("date d'echeance", 1.5), ("total ttc", 1),
                    ("conditions de paiement", 1), ("penalites de retard", 1), ("indemnite forfaitaire", 1)]),
        (.devis, [("devis", 5), ("proposition commerciale", 4), ("offre de prix", 4), ("bon pour accord", 3),
                  ("validite de l'offre", 3), ("valable", 1), ("proposition financiere", 3)]),
        (.bonDeCommande, [("bon de commande", 5), ("commande n", 3), ("purchase order", 3), ("lettre de commande", 4),
                          ("adresse de livraison", 1), ("engagement juridique", 2), ("lettre de mission", 3)]),
        (.acteEngagement, [("acte d'engagement", 6), ("ae - ", 1), ("le titulaire s'engage", 3), ("signature du candidat", 2),
                           ("offre du candidat", 2), ("identification du pouvoir adjudicateur", 2), ("atti", 2)]),
        (.ficheNavette, [("fiche navette", 6), ("fiche de liaison", 4), ("demande d'achat", 3), ("service fait", 2),
                         ("imputation budgetaire", 2), ("centre financier", 2), ("visa", 1)]),
        (.cctp, [("cctp", 6), ("cahier des clauses techniques particulieres", 6), ("specifications techniques", 2),
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

    static func classify(_ document: DocumentLines) -> ExtractedField {
        var scores: [DocumentType: Double] = [:]
        var evidence: [DocumentType: LocatedCell] = [:]
        for (rank, cell) in document.cells.enumerated() {
            let weight = cell.page == 1 && rank < 25 ? 3.0 : 1.0
            for (type, words) in signals {
                for (word, points) in words where cell.folded.has(word) {
                    // A title word counts more when it heads the cell ("FACTURE N°…", "Devis").
                    let lead = cell.folded.hasPrefix(word) ? (weight > 1 ? 3 : 1.5) : 1
                    scores[type, default: 0] += points * weight * lead
                    if evidence[type] == nil || lead > 1 && weight > 1 { evidence[type] = evidence[type] ?? cell }
                }
            }
        }
        let ranked = scores.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 6 else {
            return ExtractedField(key: .documentType, value: DocumentType.autre.rawValue, confidence: 0.4, source: nil)
        }
        let second = ranked.dropFirst().first?.value ?? 0
        let margin = (top.value - second) / top.value
        return ExtractedField(key: .documentType, value: top.key.rawValue,
                              confidence: (0.55 + 0.4 * margin) * document.reliability, source: evidence[top.key]?.source)
    }
}
