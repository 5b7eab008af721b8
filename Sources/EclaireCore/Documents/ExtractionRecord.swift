/// Everything the extraction of one document produced, as handed from the isolated reader process to the queue.
public struct ExtractionRecord: Codable, Sendable, Equatable {
    public struct Page: Codable, Sendable, Equatable {
        public let number: Int
        public let method: String
        public let text: String

        public init(number: Int, method: String, text: String) {
            self.number = number
            self.method = method
            self.text = text
        }
    }

    public let textMethod: String
    public let pages: [Page]
    public let fields: [ExtractedField]
    public let invalidIDs: [String]
    public let typedFacts: TypedFacts

    public init(textMethod: String, pages: [Page], fields: [ExtractedField], invalidIDs: [String], typedFacts: TypedFacts = TypedFacts()) {
        self.textMethod = textMethod
        self.pages = pages
        self.fields = fields
        self.invalidIDs = invalidIDs
        self.typedFacts = typedFacts
    }

    private enum CodingKeys: String, CodingKey { case textMethod, pages, fields, invalidIDs, typedFacts }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        textMethod = try container.decode(String.self, forKey: .textMethod)
        pages = try container.decode([Page].self, forKey: .pages)
        fields = try container.decode([ExtractedField].self, forKey: .fields)
        invalidIDs = try container.decode([String].self, forKey: .invalidIDs)
        // Records written before the facts of each type existed have none.
        typedFacts = try container.decodeIfPresent(TypedFacts.self, forKey: .typedFacts) ?? TypedFacts()
    }

    public var facts: DocumentFacts {
        DocumentFacts(fields: Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
                      invalidIDs: invalidIDs)
    }
}

/// Where a document stands in the extraction queue.
public enum DocumentStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, done, failed

    public var label: String {
        switch self {
        case .queued: "En attente"
        case .running: "En cours de lecture"
        case .done: "Lu"
        case .failed: "Échec de lecture"
        }
    }
}
