/// What an anomaly is about, as the contract names it.
public enum AnomalyKind: String, CaseIterable, Sendable, Codable {
    case horsMarche = "hors_marche", fractionnement, imputationProgramme = "imputation_programme"
    case siretMismatch = "siret_mismatch", montantEcart = "montant_ecart", doublon, paiementTardif = "paiement_tardif"
    case montantAtypique = "montant_atypique", coordonneesBancaires = "coordonnees_bancaires"

    public var label: String {
        switch self {
        case .horsMarche: "Achat hors marché"
        case .fractionnement: "Fractionnement"
        case .imputationProgramme: "Erreur d'imputation"
        case .siretMismatch: "SIRET différent des pièces"
        case .montantEcart: "Montant différent des pièces"
        case .doublon: "Facture payée deux fois"
        case .paiementTardif: "Paiement tardif"
        case .montantAtypique: "Montant atypique"
        case .coordonneesBancaires: "Coordonnées bancaires à vérifier"
        }
    }
}

/// One fact supporting an anomaly: a Chorus line, a payment, a document's field.
public struct AnomalyEvidence: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case line, payment, serviceFait = "service_fait", document, rule }

    public let kind: Kind
    /// The EJ (and poste), the DP, the document number…
    public let reference: String
    public let detail: String

    public init(kind: Kind, reference: String, detail: String) {
        self.kind = kind
        self.reference = reference
        self.detail = detail
    }
}

/// An anomaly found by a rule: its kind, the EJs involved, the amount at stake, a plain-French explanation and the
/// evidence behind it.
public struct Anomaly: Sendable, Equatable {
    public let kind: AnomalyKind
    public let ejs: [String]
    public let amount: Money
    public let explanation: String
    public let evidence: [AnomalyEvidence]

    public init(kind: AnomalyKind, ejs: [String], amount: Money, explanation: String, evidence: [AnomalyEvidence]) {
        self.kind = kind
        self.ejs = ejs.sorted()
        self.amount = amount
        self.explanation = explanation
        self.evidence = evidence
    }

    /// Stable across runs (same kind, same EJs): what a dismissal is attached to.
    public var key: String { "\(kind.rawValue):\(ejs.joined(separator: ","))" }
}
