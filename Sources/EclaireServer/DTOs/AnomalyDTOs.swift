import EclaireCore
import Storage
import Vapor

/// `eclaire anomalies --json` and `/api/v1/anomalies`: the contract's keys, plus the key a dismissal uses and the
/// dismissal itself (null when the anomaly stands).
public struct AnomalyJSON: Content {
    public struct Evidence: Content {
        public let kind: String
        public let reference: String
        public let detail: String
    }

    public struct Dismissal: Content {
        public let reason: String
        public let by: String
        public let at: String
    }

    public let key: String
    public let kind: String
    public let ejs: [String]
    public let amount: Double
    public let explanation: String
    public let evidence: [Evidence]
    public let dismissed: Dismissal?

    public init(_ listed: ListedAnomaly) {
        key = listed.anomaly.key
        kind = listed.anomaly.kind.rawValue
        ejs = listed.anomaly.ejs
        amount = listed.anomaly.amount.euros
        explanation = listed.anomaly.explanation
        evidence = listed.anomaly.evidence.map { Evidence(kind: $0.kind.rawValue, reference: $0.reference, detail: $0.detail) }
        dismissed = listed.dismissal.map { Dismissal(reason: $0.reason, by: $0.actor, at: $0.at) }
    }

    enum CodingKeys: String, CodingKey { case key, kind, ejs, amount, explanation, evidence, dismissed }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(kind, forKey: .kind)
        try container.encode(ejs, forKey: .ejs)
        try container.encode(amount, forKey: .amount)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(dismissed, forKey: .dismissed)
    }
}
