import EclaireCore
import Storage
import Vapor

/// `eclaire ej show EJ --json` and `GET /api/v1/ejs/:ej`.
public struct EJDetailDTO: Content {
    public let summary: EJSummaryDTO
    public let amounts: [String: Double]
    public let lines: [LineDTO]
    public let amountFacts: [AmountFactDTO]
    public let servicesFaits: [ServiceFaitDTO]
    public let demandesPaiement: [PaymentDTO]
    public let payments: [PaymentDTO]
    /// The attached documents with what was read from each, and the EJ's synthesis from all of them.
    public let documents: [DocumentDetailJSON]
    public let extractedFacts: SynthesisJSON
    /// The anomalies the EJ shows by itself (the rules comparing EJs are in `/api/v1/anomalies`).
    public let anomalies: [AnomalyJSON]

    enum CodingKeys: String, CodingKey {
        case summary, amounts, lines, payments, documents, anomalies
        case amountFacts = "amount_facts", servicesFaits = "services_faits"
        case demandesPaiement = "demandes_paiement", extractedFacts = "extracted_facts"
    }

    public init(_ detail: EJDetail, documents attached: [(StoredDocument, [StoredField])] = [], anomalies found: [ListedAnomaly] = []) {
        summary = EJSummaryDTO(detail.overview)
        amounts = Dictionary(uniqueKeysWithValues: detail.overview.amounts.map { ($0.key.rawValue, $0.value.euros) })
        lines = detail.lines.map { LineDTO($0.0, source: $0.1) }
        amountFacts = detail.amountFacts.map { AmountFactDTO($0.0, source: $0.1) }
        servicesFaits = detail.servicesFaits.map { ServiceFaitDTO($0.0, source: $0.1) }
        let all = detail.payments.map { PaymentDTO($0.0, source: $0.1) }
        demandesPaiement = all
        payments = all.filter { $0.amount != 0 }
        documents = attached.map { DocumentDetailJSON($0.0, $0.1) }
        extractedFacts = SynthesisJSON(EJSynthesis(documents: attached))
        anomalies = found.map(AnomalyJSON.init)
    }
}

public struct LineDTO: Content {
    public let poste: Int
    public let supplierTiers: String?
    public let supplierSiret: String?
    public let supplierSiretValid: Bool?
    public let supplierName: String?
    public let imputation: ImputationDTO
    public let dateCreation: String?
    public let dateModification: String?
    public let orderedAmount: Double?
    public let status: String?
    public let source: SourceDTO

    enum CodingKeys: String, CodingKey {
        case poste, imputation, status, source
        case supplierTiers = "supplier_tiers", supplierSiret = "supplier_siret"
        case supplierSiretValid = "supplier_siret_valid", supplierName = "supplier_name"
        case dateCreation = "date_creation", dateModification = "date_modification", orderedAmount = "ordered_amount"
    }

    /// Every key is written, `null` when unknown: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(poste, forKey: .poste)
        try container.encode(supplierTiers, forKey: .supplierTiers)
        try container.encode(supplierSiret, forKey: .supplierSiret)
        try container.encode(supplierSiretValid, forKey: .supplierSiretValid)
        try container.encode(supplierName, forKey: .supplierName)
        try container.encode(imputation, forKey: .imputation)
        try container.encode(dateCreation, forKey: .dateCreation)
        try container.encode(dateModification, forKey: .dateModification)
        try container.encode(orderedAmount, forKey: .orderedAmount)
        try container.encode(status, forKey: .status)
        try container.encode(source, forKey: .source)
    }

    init(_ line: EJLineFacts, source: SourceRef) {
        poste = line.poste
        supplierTiers = line.supplier.tiers
        supplierSiret = line.supplier.siret?.normalized
        supplierSiretValid = line.supplier.siret?.isValid
        supplierName = line.supplier.name
        imputation = ImputationDTO(line.imputation)
        dateCreation = line.dateCreation?.iso
        dateModification = line.dateModification?.iso
        orderedAmount = line.orderedAmount?.euros
        status = line.status
        self.source = SourceDTO(source)
    }
}

public struct AmountFactDTO: Content {
    public let kind: String
    public let poste: Int
    public let exercice: Int
    public let serviceFait: String?
    public let dp: String?
    public let amount: Double
    public let source: SourceDTO

    enum CodingKeys: String, CodingKey {
        case kind, poste, exercice, dp, amount, source
        case serviceFait = "service_fait"
    }

    /// Every key is written, `null` when unknown: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(poste, forKey: .poste)
        try container.encode(exercice, forKey: .exercice)
        try container.encode(serviceFait, forKey: .serviceFait)
        try container.encode(dp, forKey: .dp)
        try container.encode(amount, forKey: .amount)
        try container.encode(source, forKey: .source)
    }

    init(_ fact: AmountFact, source: SourceRef) {
        kind = fact.kind.rawValue
        poste = fact.poste
        exercice = fact.exercice
        serviceFait = fact.serviceFait
        dp = fact.dp
        amount = fact.amount.euros
        self.source = SourceDTO(source)
    }
}

public struct ServiceFaitDTO: Content {
    public let number: String
    public let poste: Int?
    public let dateComptable: String?
    public let source: SourceDTO

    enum CodingKeys: String, CodingKey {
        case number, poste, source
        case dateComptable = "date_comptable"
    }

    /// Every key is written, `null` when unknown: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(poste, forKey: .poste)
        try container.encode(dateComptable, forKey: .dateComptable)
        try container.encode(source, forKey: .source)
    }

    init(_ sf: ServiceFaitFacts, source: SourceRef) {
        number = sf.number
        poste = sf.poste
        dateComptable = sf.dateComptable?.iso
        self.source = SourceDTO(source)
    }
}

public struct PaymentDTO: Content {
    public let dp: String
    public let posteDP: Int?
    public let posteEJ: Int?
    public let serviceFait: String?
    public let exercice: Int?
    public let dateBase: String?
    public let dateDerniereOperation: String?
    public let supplierName: String?
    public let supplierSiret: String?
    public let amount: Double
    public let source: SourceDTO

    enum CodingKeys: String, CodingKey {
        case dp, exercice, amount, source
        case posteDP = "poste_dp", posteEJ = "poste_ej", serviceFait = "service_fait", dateBase = "date_base"
        case dateDerniereOperation = "date_derniere_operation", supplierName = "supplier_name"
        case supplierSiret = "supplier_siret"
    }

    /// Every key is written, `null` when unknown: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dp, forKey: .dp)
        try container.encode(posteDP, forKey: .posteDP)
        try container.encode(posteEJ, forKey: .posteEJ)
        try container.encode(serviceFait, forKey: .serviceFait)
        try container.encode(exercice, forKey: .exercice)
        try container.encode(dateBase, forKey: .dateBase)
        try container.encode(dateDerniereOperation, forKey: .dateDerniereOperation)
        try container.encode(supplierName, forKey: .supplierName)
        try container.encode(supplierSiret, forKey: .supplierSiret)
        try container.encode(amount, forKey: .amount)
        try container.encode(source, forKey: .source)
    }

    init(_ payment: PaymentFacts, source: SourceRef) {
        dp = payment.dp
        posteDP = payment.posteDP
        posteEJ = payment.posteEJ
        serviceFait = payment.serviceFait
        exercice = payment.exercice
        dateBase = payment.dateBase?.iso
        dateDerniereOperation = payment.dateDerniereOperation?.iso
        supplierName = payment.supplier.name
        supplierSiret = payment.supplier.siret?.normalized
        amount = payment.amount.euros
        self.source = SourceDTO(source)
    }
}
