import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// An anomaly as listed: what the rules found, and whether an analyst dismissed it.
public struct ListedAnomaly: Sendable {
    public let anomaly: Anomaly
    public let dismissal: Dismissal?

    public init(anomaly: Anomaly, dismissal: Dismissal?) {
        self.anomaly = anomaly
        self.dismissal = dismissal
    }

    public struct Dismissal: Sendable, Equatable {
        public let reason: String
        public let actor: String
        public let at: String
    }
}

/// Gathers every EJ's Chorus facts and documents, runs the rules, and keeps the analysts' dismissals.
public struct AnomalyStore: Sendable {
    let database: any Database
    public let actor: String

    public init(database: any Database, actor: String) {
        self.database = database
        self.actor = actor
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The anomalies of the whole base (or of some EJs), newest rules' order: by kind, then amount at stake.
    public func anomalies(asOf today: LocalDate, ejs: [String]? = nil) async throws -> [ListedAnomaly] {
        try await listed(try await found(asOf: today), ejs: ejs)
    }

    /// What the rules find on the whole base, by kind then amount at stake; the same for the same `version()`
    /// and day, so that a server may keep it.
    public func found(asOf today: LocalDate) async throws -> [Anomaly] {
        AnomalyRules.all(try await inputs(ejs: nil), asOf: today)
            .sorted { (AnomalyKind.allCases.firstIndex(of: $0.kind)!, -$0.amount.cents, $0.key)
                < (AnomalyKind.allCases.firstIndex(of: $1.kind)!, -$1.amount.cents, $1.key) }
    }

    /// `found` anomalies involving some of `ejs` (all when nil), with the analysts' dismissals.
    public func listed(_ found: [Anomaly], ejs: [String]? = nil) async throws -> [ListedAnomaly] {
        let wanted = ejs.map(Set.init)
        let dismissals = try await self.dismissals()
        return found.filter { anomaly in wanted.map { anomaly.ejs.contains(where: $0.contains) } ?? true }
            .map { ListedAnomaly(anomaly: $0, dismissal: dismissals[$0.key]) }
    }

    /// Changes whenever what the rules read changes: an import, a document read, attached or corrected.
    public func version() async throws -> String {
        let row = try await sql.raw("""
            SELECT (SELECT MAX(id) FROM import_files) AS imports, (SELECT COUNT(*) FROM ej_documents) AS links,
                   (SELECT MAX(extracted_at) FROM documents) AS extracted, (SELECT MAX(corrected_at) FROM document_fields) AS corrected,
                   (SELECT COUNT(*) FROM document_fields) AS fields
            """).first()!
        return [try row.decode(column: "imports", as: Int?.self).map(String.init), String(try row.decode(column: "links", as: Int.self)),
                try row.decode(column: "extracted", as: String?.self), try row.decode(column: "corrected", as: String?.self),
                String(try row.decode(column: "fields", as: Int.self))].map { $0 ?? "-" }.joined(separator: "|")
    }

    /// The anomalies one EJ shows by itself (the rules comparing it with other EJs run on the whole base only).
    public func anomalies(ofEJ ej: String, asOf today: LocalDate) async throws -> [ListedAnomaly] {
        try await anomalies(ofEJs: [ej], asOf: today)
    }

    /// The same for several EJs (a product's orders).
    public func anomalies(ofEJs ejs: [String], asOf today: LocalDate) async throws -> [ListedAnomaly] {
        guard !ejs.isEmpty else { return [] }
        let dismissals = try await self.dismissals()
        return try await inputs(ejs: ejs).flatMap { AnomalyRules.ofOneEJ($0, asOf: today) }
            .map { ListedAnomaly(anomaly: $0, dismissal: dismissals[$0.key]) }
    }

    /// Dismisses an anomaly with a reason (audited); it stays dismissed when the rules run again.
    public func dismiss(key: String, reason: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AnomalyError.reasonRequired }
        let actor = actor
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.delete(from: "anomaly_dismissals").where("key", .equal, key).run()
            try await sql.insert(into: "anomaly_dismissals").columns("key", "reason", "actor", "at")
                .values(SQLBind(key), SQLBind(reason), SQLBind(actor), SQLBind(Timestamp.now())).run()
            try await AuditWriter(sql: sql, actor: actor).record(product: nil, entity: "anomaly", id: key, action: "dismiss",
                                                                 before: nil, after: reason)
        }
    }

    func dismissals() async throws -> [String: ListedAnomaly.Dismissal] {
        var result: [String: ListedAnomaly.Dismissal] = [:]
        for row in try await sql.select().column("*").from("anomaly_dismissals").all() {
            result[try row.decode(column: "key", as: String.self)] = ListedAnomaly.Dismissal(
                reason: try row.decode(column: "reason", as: String.self), actor: try row.decode(column: "actor", as: String.self),
                at: try row.decode(column: "at", as: String.self))
        }
        return result
    }

    /// Every EJ with its lines, engaged amount, services faits, payments and documents' facts, in a few queries.
    func inputs(ejs: [String]?) async throws -> [AnomalyInput] {
        let queries = ChorusQueries(sql: sql)
        let lines = Dictionary(grouping: try await queries.ejLines(of: ejs).map(\.0), by: \.ej)
        let sums = try await queries.amountSums(of: ejs)
        let sfQuery = sql.select().column("*").from("services_faits").where("ej", .isNot, SQLLiteral.null)
        let paymentQuery = sql.select().column("*").from("payments").where("ej", .isNot, SQLLiteral.null)
        if let ejs {
            sfQuery.where("ej", .in, ejs)
            paymentQuery.where("ej", .in, ejs)
        }
        let servicesFaits = Dictionary(grouping: try await sfQuery.all().map(RowDecoding.serviceFait), by: { $0.ej ?? "" })
        let payments = Dictionary(grouping: try await paymentQuery.all().map(RowDecoding.payment), by: { $0.ej ?? "" })
        let documents = try await AttachedFacts(sql: sql).byEJ(ejs)
        return lines.keys.sorted().map { ej in
            AnomalyInput(ej: ej, lines: lines[ej] ?? [], engaged: sums[ej]?[.engage] ?? .zero,
                         servicesFaits: servicesFaits[ej] ?? [], payments: payments[ej] ?? [], documents: documents[ej] ?? [])
        }
    }

}

public enum AnomalyError: Error, Equatable, CustomStringConvertible {
    case reasonRequired

    public var description: String { "Donnez la raison pour laquelle l'anomalie est écartée." }
}
