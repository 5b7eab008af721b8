/// The French names of the facts of each type, for the pages and the command line (`lots.0.intitule` → « Lot 1 ›
/// intitulé »), and their values as a civil servant reads them (amounts in euros, dates JJ/MM/AAAA, choices in words).
public enum TypedFactLabels {
    static let names: [String: String] = [
        "imputation": "Imputation", "centre_financier": "centre financier", "centre_couts": "centre de coûts",
        "activite": "activité", "domaine_fonctionnel": "domaine fonctionnel", "groupe_marchandises": "groupe de marchandises",
        "localisation_interministerielle": "localisation interministérielle", "accord_cadre": "Accord-cadre", "marche": "Marché",
        "lignes": "Ligne", "designation": "désignation", "quantite": "quantité", "unite": "unité", "prix_unitaire": "prix unitaire",
        "montant": "montant", "reference_marche": "Référence du marché", "service_acheteur": "Service acheteur",
        "validite": "Validité", "signataire": "Signataire", "lots": "Lot", "numero": "numéro", "intitule": "intitulé",
        "forme_marche": "Forme du marché", "mode_consultation": "Mode de consultation", "titulaire": "Titulaire", "nom": "nom",
        "siret": "SIRET", "iban": "IBAN", "cotraitants": "Co-traitant", "sous_traitants": "Sous-traitant", "montants": "Montants",
        "ht": "HT", "tva": "TVA", "ttc": "TTC", "duree": "Durée", "reconduction": "Reconductions", "dates": "Dates",
        "signature_titulaire": "signature du titulaire", "signature_administration": "signature de l'administration",
        "notification": "notification", "avance": "Avance", "avance_taux": "Taux de l'avance (%)", "cpv": "CPV", "objet": "Objet",
        "identifiant_marche": "Identifiant du marché", "ccag": "CCAG", "prix": "Prix", "formule_revision": "Formule de révision",
        "index": "Indice", "mois_zero": "Mois zéro", "retenue_garantie": "Retenue de garantie", "penalites": "Pénalité",
        "motif": "motif", "livrables": "Livrable", "bic": "BIC", "domiciliation": "Domiciliation", "rib": "RIB",
        "code_banque": "code banque", "code_guichet": "code guichet", "numero_compte": "n° de compte", "cle_rib": "clé RIB",
        "cle_valide": "clé juste", "denomination": "Dénomination", "siren": "SIREN", "activite_principale": "Activité principale",
        "adresse": "Adresse", "date": "Date", "sous_traitant": "Sous-traitant", "nature": "Nature", "paiement_direct": "Paiement direct",
        "montant_initial": "Montant initial", "maximum": "maximum", "minimum": "minimum", "montant_modification": "Modification du montant", "nouveau_montant": "Nouveau montant",
    ]

    static let choices: [String: String] = [
        "oui": "oui", "non": "non", "marche_ordinaire": "marché ordinaire", "accord_cadre": "accord-cadre",
        "accord_cadre_bons_de_commande": "accord-cadre à bons de commande", "marche_subsequent": "marché subséquent",
        "procedure_adaptee": "procédure adaptée", "appel_offres_ouvert": "appel d'offres ouvert",
        "appel_offres_restreint": "appel d'offres restreint", "procedure_negociee": "procédure négociée",
        "dialogue_competitif": "dialogue compétitif", "ugap": "centrale d'achat (UGAP)", "revisables": "révisables",
        "fermes": "fermes", "fermes_actualisables": "fermes et actualisables",
    ]

    static let amounts: Set<String> = ["montant", "maximum", "minimum", "prix_unitaire", "ht", "tva", "ttc", "montant_initial", "montant_modification", "nouveau_montant"]

    /// « lots.0.intitule » → « Lot 1 › intitulé ».
    public static func label(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: ".") {
            if let index = Int(part), let last = parts.popLast() { parts.append("\(last) \(index + 1)"); continue }
            parts.append(names[String(part)] ?? part.split(separator: "_").joined(separator: " "))
        }
        return parts.joined(separator: " › ")
    }

    public static func display(_ path: String, _ value: String) -> String {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        if amounts.contains(last), let money = try? AmountParser.parse(value) { return money.french }
        if value.count == 10, let date = LocalDate.parse(value), value.contains("-") { return FrenchFormat.date(date) }
        if let choice = choices[value] { return choice }
        return value
    }
}
