/// Where an amount is charged in the State's budget (the imputation of a Chorus line).
public struct Imputation: Hashable, Sendable, Codable {
    /// Programme code as printed (`103`, `0354`).
    public var programme: String?
    /// Centre financier: programme-BOP-UO (`0354-CDMA-CDAT`, `BG00/…` prefixes kept as printed).
    public var centreFinancier: String?
    /// Domaine fonctionnel: programme-action[-sous-action] (`0103-01-01`).
    public var domaineFonctionnel: String?
    public var centreCouts: String?
    /// Référentiel de programmation (activité).
    public var referentielProgrammation: String?
    public var compteBudgetaire: String?
    /// Compte général of the PCE (plan comptable de l'État).
    public var compteGeneral: String?
    public var groupeMarchandises: String?
    public var localisation: String?
    public var societe: String?
    public var fonds: String?

    public init(
        programme: String? = nil, centreFinancier: String? = nil, domaineFonctionnel: String? = nil,
        centreCouts: String? = nil, referentielProgrammation: String? = nil, compteBudgetaire: String? = nil,
        compteGeneral: String? = nil, groupeMarchandises: String? = nil, localisation: String? = nil,
        societe: String? = nil, fonds: String? = nil
    ) {
        self.programme = programme
        self.centreFinancier = centreFinancier
        self.domaineFonctionnel = domaineFonctionnel
        self.centreCouts = centreCouts
        self.referentielProgrammation = referentielProgrammation
        self.compteBudgetaire = compteBudgetaire
        self.compteGeneral = compteGeneral
        self.groupeMarchandises = groupeMarchandises
        self.localisation = localisation
        self.societe = societe
        self.fonds = fonds
    }
}

/// The supplier as Chorus knows it: its n° tiers, its SIRET (code taxe 1) and its name.
public struct SupplierRef: Hashable, Sendable, Codable {
    public var tiers: String?
    public var siret: CheckedIdentifier?
    public var name: String?

    public init(tiers: String? = nil, siret: CheckedIdentifier? = nil, name: String? = nil) {
        self.tiers = tiers
        self.siret = siret
        self.name = name
    }

    public var isEmpty: Bool { tiers == nil && siret == nil && name == nil }
}

/// The amount types of the INF-BUD-53 restitution, in the order of the spending circuit.
public enum AmountKind: String, Sendable, Codable, CaseIterable {
    case engage, receptionne, certifieNonSolde = "certifie_non_solde", preEnregistre = "pre_enregistre",
         facture, paye

    /// Reads the "Type montant" labels (`Montant engagé`, `Montant certifié non soldé`…).
    public static func fromLabel(_ label: String) -> AmountKind? {
        let text = Text.foldedKey(label)
        if text.contains("engage") { return .engage }
        if text.contains("receptionne") { return .receptionne }
        if text.contains("certifie") { return .certifieNonSolde }
        if text.contains("pre enregistre") || text.contains("preenregistre") { return .preEnregistre }
        if text.contains("facture") { return .facture }
        if text.contains("paye") { return .paye }
        return nil
    }

    public var frenchLabel: String {
        switch self {
        case .engage: "Engagé"
        case .receptionne: "Réceptionné"
        case .certifieNonSolde: "Certifié non soldé"
        case .preEnregistre: "Pré-enregistré"
        case .facture: "Facturé"
        case .paye: "Payé"
        }
    }
}

/// One line (poste) of an engagement juridique, as described by a Chorus export.
public struct EJLineFacts: Hashable, Sendable {
    public var ej: String
    public var poste: Int
    public var supplier: SupplierRef
    public var imputation: Imputation
    public var dateCreation: LocalDate?
    public var dateModification: LocalDate?
    /// Amount of the poste as ordered (AIFE daily file), distinct from the amount engaged in one exercice.
    public var orderedAmount: Money?
    /// Chorus purchase-order status where the export gives it (`C` = closed in the AIFE daily file).
    public var status: String?

    public init(ej: String, poste: Int, supplier: SupplierRef = .init(), imputation: Imputation = .init(),
                dateCreation: LocalDate? = nil, dateModification: LocalDate? = nil,
                orderedAmount: Money? = nil, status: String? = nil) {
        self.ej = ej
        self.poste = poste
        self.supplier = supplier
        self.imputation = imputation
        self.dateCreation = dateCreation
        self.dateModification = dateModification
        self.orderedAmount = orderedAmount
        self.status = status
    }
}

/// A service fait (certification that the service was delivered).
public struct ServiceFaitFacts: Hashable, Sendable {
    public var number: String
    public var ej: String?
    public var poste: Int?
    public var dateComptable: LocalDate?

    public init(number: String, ej: String?, poste: Int?, dateComptable: LocalDate?) {
        self.number = number
        self.ej = ej
        self.poste = poste
        self.dateComptable = dateComptable
    }
}

/// A payment: an amount paid on a demande de paiement (DP), possibly with no EJ ("DP sans EJ").
public struct PaymentFacts: Hashable, Sendable {
    public var dp: String
    public var posteDP: Int?
    public var ej: String?
    public var posteEJ: Int?
    public var serviceFait: String?
    public var exercice: Int?
    public var dateBase: LocalDate?
    public var dateDerniereOperation: LocalDate?
    public var supplier: SupplierRef
    public var imputation: Imputation
    public var amount: Money

    public init(dp: String, posteDP: Int? = nil, ej: String? = nil, posteEJ: Int? = nil, serviceFait: String? = nil,
                exercice: Int? = nil, dateBase: LocalDate? = nil, dateDerniereOperation: LocalDate? = nil,
                supplier: SupplierRef = .init(), imputation: Imputation = .init(), amount: Money) {
        self.dp = dp
        self.posteDP = posteDP
        self.ej = ej
        self.posteEJ = posteEJ
        self.serviceFait = serviceFait
        self.exercice = exercice
        self.dateBase = dateBase
        self.dateDerniereOperation = dateDerniereOperation
        self.supplier = supplier
        self.imputation = imputation
        self.amount = amount
    }

    /// What identifies a payment across exports: (N° DP, N° EJ, N° poste EJ). The DP poste is not part of it
    /// because the Business Objects CP restitution does not print it while the national one does.
    public var key: String { "\(dp)|\(ej ?? "")|\(posteEJ.map(String.init) ?? "")" }
}

/// An amount of one type for one exercice, attached to an EJ poste and, where known, an SF and a DP.
public struct AmountFact: Hashable, Sendable {
    public var kind: AmountKind
    public var ej: String
    public var poste: Int
    public var exercice: Int
    public var serviceFait: String?
    public var dp: String?
    public var posteDP: Int?
    public var amount: Money

    public init(kind: AmountKind, ej: String, poste: Int, exercice: Int, serviceFait: String? = nil,
                dp: String? = nil, posteDP: Int? = nil, amount: Money) {
        self.kind = kind
        self.ej = ej
        self.poste = poste
        self.exercice = exercice
        self.serviceFait = serviceFait
        self.dp = dp
        self.posteDP = posteDP
        self.amount = amount
    }

    /// What identifies the fact across files: an engagement by (EJ, poste, exercice); the other types also by
    /// their SF and DP, which the long form prints.
    public var key: String {
        switch kind {
        case .engage: "engage|\(ej)|\(poste)|\(exercice)"
        default: "\(kind.rawValue)|\(ej)|\(poste)|\(exercice)|\(serviceFait ?? "")|\(dp ?? "")|\(posteDP.map(String.init) ?? "")"
        }
    }
}

/// Everything one row of a Chorus export says, in domain terms.
public struct ChorusRecord: Hashable, Sendable {
    public var ejLine: EJLineFacts?
    public var amounts: [AmountFact]
    public var serviceFait: ServiceFaitFacts?
    public var payment: PaymentFacts?

    public init(ejLine: EJLineFacts? = nil, amounts: [AmountFact] = [], serviceFait: ServiceFaitFacts? = nil,
                payment: PaymentFacts? = nil) {
        self.ejLine = ejLine
        self.amounts = amounts
        self.serviceFait = serviceFait
        self.payment = payment
    }
}
