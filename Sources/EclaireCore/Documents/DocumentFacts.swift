/// The kinds of documents attached to an EJ (the contract's `document_type` values).
public enum DocumentType: String, CaseIterable, Sendable, Codable {
    case devis, bonDeCommande = "bon_de_commande", acteEngagement = "acte_engagement", facture, avoir
    case ficheNavette = "fiche_navette", cctp, ccap, rib, kbis, avenant, sousTraitance = "sous_traitance"
    case avisMarche = "avis_marche", autre

    public var label: String {
        switch self {
        case .devis: "Devis"
        case .bonDeCommande: "Bon de commande"
        case .acteEngagement: "Acte d'engagement"
        case .facture: "Facture"
        case .avoir: "Avoir"
        case .ficheNavette: "Fiche navette"
        case .cctp: "CCTP"
        case .ccap: "CCAP"
        case .rib: "RIB"
        case .kbis: "Extrait Kbis"
        case .avenant: "Avenant"
        case .sousTraitance: "Déclaration de sous-traitance (DC4)"
        case .avisMarche: "Avis de marché"
        case .autre: "Autre"
        }
    }
}

/// What is bought, with the consulting categories of the Prime Minister's circular of 19 January 2022 apart.
public enum PurchaseCategory: String, CaseIterable, Sendable, Codable {
    case conseilStrategie = "conseil_strategie", conseilOrganisation = "conseil_organisation", amoaSI = "amoa_si"
    case developpementLogiciel = "developpement_logiciel", etudesExpertise = "etudes_expertise", formation
    case communicationEvenementiel = "communication_evenementiel", maintenance, fournitures, autre

    public var label: String {
        switch self {
        case .conseilStrategie: "Conseil en stratégie"
        case .conseilOrganisation: "Conseil en organisation"
        case .amoaSI: "Assistance à maîtrise d'ouvrage (SI)"
        case .developpementLogiciel: "Développement logiciel"
        case .etudesExpertise: "Études et expertise"
        case .formation: "Formation"
        case .communicationEvenementiel: "Communication et événementiel"
        case .maintenance: "Maintenance"
        case .fournitures: "Fournitures"
        case .autre: "Autre"
        }
    }

    /// Prestations intellectuelles de conseil in the circular's sense.
    public var isConsulting: Bool { [.conseilStrategie, .conseilOrganisation, .amoaSI].contains(self) }
}

/// The facts read from a document, named as in the contract's JSON (`supplier.siret`, `amounts.ht`…).
public enum FieldKey: String, CaseIterable, Sendable, Codable {
    case documentType = "document_type"
    case supplierName = "supplier.name", supplierSiret = "supplier.siret", supplierSiren = "supplier.siren"
    case supplierVAT = "supplier.vat_number"
    case buyer = "buyer.administration"
    case object, category
    case amountHT = "amounts.ht", amountTVA = "amounts.tva", amountTTC = "amounts.ttc"
    case dateIssued = "date_issued"
    case numberDocument = "numbers.document", numberEJ = "numbers.ej", numberMarche = "numbers.marche"
    case numberAccordCadre = "numbers.accord_cadre"
    case iban, cpv

    public var isAmount: Bool { [.amountHT, .amountTVA, .amountTTC].contains(self) }

    /// A value as a French reader reads it: amounts « 12 345,67 € », the date « 31/12/2025 », a type or a category
    /// by its label; any other value as stored.
    public func french(_ value: String) -> String {
        switch self {
        case .amountHT, .amountTVA, .amountTTC: (try? AmountParser.parse(value))?.french ?? value
        case .dateIssued: LocalDate.parse(value).map(FrenchFormat.date) ?? value
        case .documentType: DocumentType(rawValue: value)?.label ?? value
        case .category: PurchaseCategory(rawValue: value)?.label ?? value
        default: value
        }
    }

    public var label: String {
        switch self {
        case .documentType: "Type de document"
        case .supplierName: "Fournisseur"
        case .supplierSiret: "SIRET du fournisseur"
        case .supplierSiren: "SIREN du fournisseur"
        case .supplierVAT: "N° TVA intracommunautaire"
        case .buyer: "Administration bénéficiaire"
        case .object: "Objet"
        case .category: "Catégorie d'achat"
        case .amountHT: "Montant HT"
        case .amountTVA: "TVA"
        case .amountTTC: "Montant TTC"
        case .dateIssued: "Date d'émission"
        case .numberDocument: "N° du document"
        case .numberEJ: "N° EJ"
        case .numberMarche: "N° de marché"
        case .numberAccordCadre: "N° d'accord-cadre"
        case .iban: "IBAN"
        case .cpv: "Code CPV"
        }
    }
}

/// Where on the document a fact was read: the page and the text around it.
public struct FieldSource: Sendable, Equatable, Codable {
    public let page: Int
    public let text: String

    public init(page: Int, text: String) {
        self.page = page
        self.text = text
    }
}

/// One fact with how sure the reader is (0…1) and where it came from. Values are in a canonical text form: amounts
/// `1234.50`, dates `2025-03-12`, identifiers compact, enums by their raw value.
public struct ExtractedField: Sendable, Equatable, Codable {
    public let key: FieldKey
    public let value: String
    public let confidence: Double
    public let source: FieldSource?

    public init(key: FieldKey, value: String, confidence: Double, source: FieldSource?) {
        self.key = key
        self.value = value
        self.confidence = min(max(confidence, 0), 1)
        self.source = source
    }
}

/// Every fact read from one document, with the identifiers whose check digits are wrong.
public struct DocumentFacts: Sendable, Equatable {
    public var fields: [FieldKey: ExtractedField]
    /// `siret`, `siren`, `vat_number`, `iban`: printed on the document with wrong check digits.
    public var invalidIDs: [String]

    public init(fields: [FieldKey: ExtractedField] = [:], invalidIDs: [String] = []) {
        self.fields = fields
        self.invalidIDs = invalidIDs
    }

    public subscript(key: FieldKey) -> String? { fields[key]?.value }

    /// The type read (`autre` when none was).
    public var documentType: DocumentType { self[.documentType].flatMap(DocumentType.init(rawValue:)) ?? .autre }

    /// Keeps the more confident of two readings of a field.
    public mutating func offer(_ field: ExtractedField?) {
        guard let field, !field.value.isEmpty else { return }
        if let known = fields[field.key], known.confidence >= field.confidence { return }
        fields[field.key] = field
    }

    public mutating func flagInvalid(_ kind: String) {
        if !invalidIDs.contains(kind) { invalidIDs.append(kind) }
    }
}
