import EclaireCore

/// A document as kept in the store, with the EJs it is attached to.
public struct StoredDocument: Sendable, Equatable {
    public let id: Int
    public let sha256: String
    public let fileName: String
    public let sizeBytes: Int64
    public let storedPath: String
    public let addedAt: String
    public let addedBy: String
    public let status: DocumentStatus
    public let error: String?
    public let textMethod: String?
    public let pageCount: Int?
    public let invalidIDs: [String]
    public let extractedAt: String?
    public var ejs: [String]
    /// The facts of the document's type, as read (`{}` before reading or when none was found).
    public var typedFacts = TypedFacts()
}

/// A fact as stored: the extraction's, or a person's correction (which re-extraction keeps).
public struct StoredField: Sendable, Equatable {
    public let field: ExtractedField
    public let correctedBy: String?
    public let correctedAt: String?

    public var isCorrected: Bool { correctedBy != nil }
}

/// A claimed extraction job.
public struct DocumentJob: Sendable, Equatable {
    public let id: Int
    public let documentID: Int
    public let attempts: Int
    /// The worker holding it: only that worker may complete or fail it (its lease).
    public let worker: String
}

/// A worker's `complete` or `fail` of a job it no longer holds (taken back after it was thought gone): nothing is
/// written, the job belongs to its new holder.
public struct LeaseLost: Error, CustomStringConvertible {
    public let jobID: Int
    public var description: String { "la tâche \(jobID) a été reprise par un autre lecteur : résultat ignoré" }
}

/// How many documents stand at each status.
public struct QueueCounts: Sendable, Equatable {
    public var counts: [DocumentStatus: Int]
    public var total: Int { counts.values.reduce(0, +) }
    public subscript(status: DocumentStatus) -> Int { counts[status] ?? 0 }
}

extension DocumentFacts {
    /// The facts as stored (corrections included), for the synthesis, the anomaly rules and the JSON.
    public init(stored: [StoredField], invalidIDs: [String] = []) {
        self.init(fields: Dictionary(stored.map { ($0.field.key, $0.field) }, uniquingKeysWith: { first, _ in first }),
                  invalidIDs: invalidIDs)
    }
}
