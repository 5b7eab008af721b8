import EclaireCore
import Storage
import Vapor

/// A document in lists (CLI `documents list --json`, API).
public struct DocumentSummaryJSON: Content {
    public let id: Int
    public let fileName: String
    public let sha256: String
    public let sizeBytes: Int64
    public let status: String
    public let error: String?
    public let ejs: [String]
    public let textMethod: String?
    public let pageCount: Int?
    public let addedAt: String
    public let extractedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, sha256, status, error, ejs
        case fileName = "file_name", sizeBytes = "size_bytes", textMethod = "text_method", pageCount = "page_count"
        case addedAt = "added_at", extractedAt = "extracted_at"
    }

    public init(_ document: StoredDocument) {
        id = document.id
        fileName = document.fileName
        sha256 = document.sha256
        sizeBytes = document.sizeBytes
        status = document.status.rawValue
        error = document.error
        ejs = document.ejs
        textMethod = document.textMethod
        pageCount = document.pageCount
        addedAt = document.addedAt
        extractedAt = document.extractedAt
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(fileName, forKey: .fileName)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(sizeBytes, forKey: .sizeBytes)
        try container.encode(status, forKey: .status)
        try container.encode(error, forKey: .error)
        try container.encode(ejs, forKey: .ejs)
        try container.encode(textMethod, forKey: .textMethod)
        try container.encode(pageCount, forKey: .pageCount)
        try container.encode(addedAt, forKey: .addedAt)
        try container.encode(extractedAt, forKey: .extractedAt)
    }
}

/// One stored fact with its confidence, source and correction.
public struct FieldJSON: Content {
    public let key: String
    public let value: String
    public let confidence: Double
    public let page: Int?
    public let sourceText: String?
    public let correctedBy: String?

    enum CodingKeys: String, CodingKey {
        case key, value, confidence, page, sourceText = "source_text", correctedBy = "corrected_by"
    }

    public init(_ stored: StoredField) {
        key = stored.field.key.rawValue
        value = stored.field.value
        confidence = (stored.field.confidence * 100).rounded() / 100
        page = stored.field.source?.page
        sourceText = stored.field.source?.text
        correctedBy = stored.correctedBy
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(value, forKey: .value)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(page, forKey: .page)
        try container.encode(sourceText, forKey: .sourceText)
        try container.encode(correctedBy, forKey: .correctedBy)
    }
}

/// A document with its facts in the contract's extraction shape and field by field.
public struct DocumentDetailJSON: Content {
    public let document: DocumentSummaryJSON
    public let extraction: ExtractionReport?
    public let fields: [FieldJSON]

    public init(_ document: StoredDocument, _ fields: [StoredField]) {
        self.document = DocumentSummaryJSON(document)
        let facts = DocumentFacts(stored: fields, invalidIDs: document.invalidIDs)
        extraction = document.status == .done || !fields.isEmpty
            ? ExtractionReport(file: document.fileName, facts: facts, textMethod: document.textMethod ?? "",
                               typedFacts: document.typedFacts) : nil
        self.fields = fields.map(FieldJSON.init)
    }

    enum CodingKeys: String, CodingKey { case document, extraction, fields }

    /// `extraction` is written as null before the document is read: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(extraction, forKey: .extraction)
        try container.encode(fields, forKey: .fields)
    }

    public init(from decoder: Decoder) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "output only")) }
}

/// The per-EJ synthesis in JSON: designation, supplier and beneficiary, each with its document and conflicts.
public struct SynthesisJSON: Content {
    public struct Decision: Content {
        public let value: String
        public let confidence: Double
        public let documentID: Int
        public let documentType: String
        public let conflicts: [[String: String]]

        enum CodingKeys: String, CodingKey {
            case value, confidence, conflicts, documentID = "document_id", documentType = "document_type"
        }

        init(_ decision: EJSynthesis.Decision) {
            value = decision.value
            confidence = (decision.confidence * 100).rounded() / 100
            documentID = decision.documentID
            documentType = decision.documentType.rawValue
            conflicts = decision.conflicts.map { ["value": $0.value, "document_id": String($0.documentID),
                                                  "document_type": $0.documentType.rawValue] }
        }
    }

    public let designation: Decision?
    public let supplierName: Decision?
    public let supplierSiret: Decision?
    public let beneficiary: Decision?
    public let complete: Bool
    /// Co-traitants and sous-traitants named by the documents.
    public let parties: [PartyJSON]

    public struct PartyJSON: Content, Sendable {
        public let role: String
        public let name: String?
        public let siret: String?
        public let document_id: Int
    }

    enum CodingKeys: String, CodingKey {
        case designation, beneficiary, complete, parties, supplierName = "supplier_name", supplierSiret = "supplier_siret"
    }

    public init(_ synthesis: EJSynthesis) {
        designation = synthesis.designation.map(Decision.init)
        supplierName = synthesis.supplierName.map(Decision.init)
        supplierSiret = synthesis.supplierSiret.map(Decision.init)
        beneficiary = synthesis.beneficiary.map(Decision.init)
        complete = synthesis.isComplete
        parties = synthesis.parties.map { PartyJSON(role: $0.role.rawValue, name: $0.name, siret: $0.siret, document_id: $0.documentID) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(designation, forKey: .designation)
        try container.encode(supplierName, forKey: .supplierName)
        try container.encode(supplierSiret, forKey: .supplierSiret)
        try container.encode(beneficiary, forKey: .beneficiary)
        try container.encode(complete, forKey: .complete)
        try container.encode(parties, forKey: .parties)
    }
}

extension EJSynthesis {
    /// The synthesis of an EJ from its stored documents (corrections included).
    public init(documents: [(StoredDocument, [StoredField])]) {
        self.init(sources: documents.map { document, fields in
            Source(documentID: document.id, facts: DocumentFacts(stored: fields), typedFacts: document.typedFacts)
        })
    }
}

/// One EJ's synthesis, flat for lists and spreadsheets: what is bought, from whom, for whom, and how sure.
public struct SynthesisRowJSON: Content, Sendable {
    public let ej: String
    public let designation: String?
    public let designationConfidence: Double?
    public let designationDocumentID: Int?
    public let supplierName: String?
    public let supplierSiret: String?
    public let beneficiary: String?
    public let complete: Bool
    /// Values other documents give for the same facts (shown on the EJ's page and in `/api/v1/ejs/{ej}`).
    public let conflicts: Int

    enum CodingKeys: String, CodingKey {
        case ej, designation, beneficiary, complete, conflicts
        case designationConfidence = "designation_confidence", designationDocumentID = "designation_document_id"
        case supplierName = "supplier_name", supplierSiret = "supplier_siret"
    }

    public init(ej: String, _ synthesis: EJSynthesis) {
        self.ej = ej
        designation = synthesis.designation?.value
        designationConfidence = synthesis.designation.map { ($0.confidence * 100).rounded() / 100 }
        designationDocumentID = synthesis.designation?.documentID
        supplierName = synthesis.supplierName?.value
        supplierSiret = synthesis.supplierSiret?.value
        beneficiary = synthesis.beneficiary?.value
        complete = synthesis.isComplete
        conflicts = [synthesis.designation, synthesis.supplierName, synthesis.supplierSiret, synthesis.beneficiary]
            .compactMap { $0?.conflicts.count }.reduce(0, +)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ej, forKey: .ej)
        try container.encode(designation, forKey: .designation)
        try container.encode(designationConfidence, forKey: .designationConfidence)
        try container.encode(designationDocumentID, forKey: .designationDocumentID)
        try container.encode(supplierName, forKey: .supplierName)
        try container.encode(supplierSiret, forKey: .supplierSiret)
        try container.encode(beneficiary, forKey: .beneficiary)
        try container.encode(complete, forKey: .complete)
        try container.encode(conflicts, forKey: .conflicts)
    }

    public init(from decoder: Decoder) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "output only")) }
}

/// `GET /api/v1/documents/suppliers/{siret}`: what the registers and the corrections say of a SIRET.
public struct SupplierLookupJSON: Content {
    public let siret: String
    public let siretValid: Bool
    public let name: String?
    public let source: String?
    public let aliases: [SupplierAliasJSON]

    enum CodingKeys: String, CodingKey {
        case siret, siretValid = "siret_valid", name, source, aliases
    }

    public init(siret: String, siretValid: Bool, name: String?, source: String?, aliases: [SupplierAliasJSON]) {
        self.siret = siret
        self.siretValid = siretValid
        self.name = name
        self.source = source
        self.aliases = aliases
    }

    /// Unknown names are written as null, as the description says, not left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(siret, forKey: .siret)
        try container.encode(siretValid, forKey: .siretValid)
        try container.encode(name, forKey: .name)
        try container.encode(source, forKey: .source)
        try container.encode(aliases, forKey: .aliases)
    }
}

public struct SupplierAliasJSON: Content {
    public let name: String
    public let source: String
}
