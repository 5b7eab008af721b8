import Foundation
import EclaireCore

/// The purchase category from the object (weighted most), the CPV code, then the whole text. Consulting in the
/// sense of the circular of 19 January 2022 (strategy, organisation, AMOA of information systems) is kept apart.
enum CategoryClassifier {
    static let vocabulary: [(PurchaseCategory, [String])] = [
        (.conseilStrategie, ["conseil en strategie", "strategie", "strategique", "feuille de route", "schema directeur",
                             "prospective", "conseil de direction"]),
        // « Organisation », « management », « transformation » alone name events, trips, risks and buildings as often
        // as consulting (« organisation de séjours », « management des risques »): only phrases of consulting count.
        (.conseilOrganisation, ["conseil en organisation", "organisationnel", "conduite du changement",
                                "accompagnement au changement", "reorganisation", "conseil en management",
                                "mission de conseil", "cabinet conseil", "transformation digitale",
                                "transformation numerique", "transformation des organisations",
                                "cartographie des processus", "lettre de mission", "diagnostic de l'organisation",
                                "audit de l'organisation", "organisation du travail", "organisation des services"]),
        (.amoaSI, ["amoa", "pilotage de projet", "product owner", "chef de projet", "expression de besoin",
                   "recette fonctionnelle"]),
        (.developpementLogiciel, ["developpement", "logiciel", "application", "plateforme", "site internet", "api",
                                  "developpeur", "integration", "tierce maintenance applicative", "hebergement",
                                  "cloud", "licence", "saas", "informatique", "numerique"]),
        (.etudesExpertise, ["etude", "expertise", "audit", "evaluation", "diagnostic", "analyse", "enquete",
                            "recherche"]),
        (.formation, ["formation", "stage", "apprentissage", "enseignement", "session de formation", "e-learning"]),
        (.communicationEvenementiel, ["communication", "evenement", "evenementiel", "campagne", "salon", "colloque",
                                     "impression", "publicite", "video", "graphique", "relations presse", "seminaire"]),
        (.maintenance, ["maintenance", "entretien", "reparation", "depannage", "nettoyage", "contrat de service",
                        "support", "prestation support"]),
        (.fournitures, ["fourniture", "fournitures", "papier", "materiel", "mobilier", "equipement", "achat de",
                        "livraison", "consommables", "ordinateur", "vehicule", "denrees", "huile", "biscuits",
                        "produits d'entretien", "pieces detachees"]),
        // Works (« travaux d'entretien des voiries ») are none of the categories, whatever they maintain.
        (.autre, ["travaux"]),
    ]

    /// Assistance à maîtrise d'ouvrage is the circular's AMOA SI for a project or an information system, not for
    /// works (« AMO pour la rénovation du gymnase », most AMO of local public buyers).
    static let ownerAssistance = ["assistance a maitrise d'ouvrage", "amo ", "maitrise d'ouvrage"]
    static let works = ["travaux", "batiment", "construction", "renovation", "rehabilitation", "amenagement", "voirie",
                        "immobilier", "architectur", "gymnase", "ecole", "piscine", "centre aquatique", "urbain",
                        "demolition", "dechets", "assainissement", "energetique", "paysag", "terminal", "port "]

    /// CPV groups (their first digits) that settle a category, most precise first. Division 79 (business services) is
    /// consulting only in group 7941: the rest is law, accounting, staffing, printing, events…
    static let cpvGroups: [(String, PurchaseCategory)] = [
        ("79416", .communicationEvenementiel), ("79419", .etudesExpertise), ("7941", .conseilOrganisation),
        ("72224", .amoaSI), ("72221", .amoaSI), ("7934", .communicationEvenementiel), ("7995", .communicationEvenementiel),
        ("7931", .etudesExpertise), ("7932", .etudesExpertise),
    ]

    /// CPV divisions (two first digits) that settle a category on their own.
    static let cpvDivisions: [String: PurchaseCategory] = [
        "72": .developpementLogiciel, "48": .developpementLogiciel, "80": .formation, "50": .maintenance,
        "73": .etudesExpertise, "71": .etudesExpertise, "22": .fournitures,
        "30": .fournitures, "39": .fournitures, "15": .fournitures, "18": .fournitures, "34": .fournitures,
        "92": .communicationEvenementiel,
    ]

    static func classify(_ document: DocumentLines, facts: DocumentFacts) -> ExtractedField? {
        var scores: [PurchaseCategory: Double] = [:]
        let object = facts[.object].map(DocumentLines.fold) ?? ""
        for (category, words) in vocabulary {
            for word in words {
                if object.hasWord(word) { scores[category, default: 0] += 3 }
            }
        }
        if ownerAssistance.contains(where: object.hasWord), !works.contains(where: object.hasWord) {
            scores[.amoaSI, default: 0] += 3
        }
        if let cpv = facts[.cpv] {
            if let (_, category) = cpvGroups.first(where: { cpv.hasPrefix($0.0) }) { scores[category, default: 0] += 4 }
            else if let division = cpvDivisions[String(cpv.prefix(2))] { scores[division, default: 0] += 3 }
            // A CPV of another field (transport, works, health, insurance…) is none of the listed categories: the
            // text's scattered words must not pick one.
            else { scores[.autre, default: 0] += 3 }
        }
        // The rest of the text is weak evidence: it counts at most 2 per category, less than the object or the CPV.
        var textScores: [PurchaseCategory: Double] = [:]
        for cell in document.cells.prefix(400) {
            for (category, words) in vocabulary {
                for word in words where cell.folded.hasWord(word) { textScores[category, default: 0] += 0.25 }
            }
        }
        for (category, score) in textScores { scores[category, default: 0] += min(score, 2) }
        // Ties go to the category listed first: the same text, the same category.
        guard let top = scores.top, top.value >= 1 else { return nil }
        let total = scores.orderedTotal
        return ExtractedField(key: .category, value: top.key.rawValue,
                              confidence: min(0.9, 0.4 + 0.5 * top.value / total) * document.reliability,
                              source: facts.fields[.object]?.source)
    }
}
