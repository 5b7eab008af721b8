import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// An anomaly as listed: what the rules found, and whether an analyst dismissed it.
public struct ListedAnomaly: Sendable {
    public let anomaly: Anomaly
    public let dismissal: Dismissal?

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
        let found = AnomalyRules.all(try await inputs(), asOf: today)
            .filter { anomaly in ejs.map { wanted in anomaly.ejs.contains(where: wanted.contains) } ?? true }
            .sorted { (AnomalyKind.allCases.firstIndex(of: $0.kind)!, -$0.amount.cents, $0.key)
                < (AnomalyKind.allCases.firstIndex(of: $1.kind)!, -$1.amount.cents, $1.key) }
        let dismissals = try await self.dismissals()
        return found.map { ListedAnomaly(anomaly: $0, dismissal: dismissals[$0.key]) }
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
                .values(SQLBind(key), SQLBind(reason), SQLBind(actor), SQLBind(AuditWriter.now())).run()
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
    func inputs() async throws -> [AnomalyInput] {
        let queries = ChorusQueries(sql: sql)
        let lines = Dictionary(grouping: try await queries.ejLines(of: nil).map(\.0), by: \.ej)
        let sums = try await queries.amountSums(of: nil)
        let servicesFaits = Dictionary(grouping: try await sql.select().column("*").from("services_faits")
            .where("ej", .isNot, SQLLiteral.null).all().map(RowDecoding.serviceFait), by: { $0.ej ?? "" })
        let payments = Dictionary(grouping: try await sql.select().column("*").from("payments")
            .where("ej", .isNot, SQLLiteral.null).all().map(RowDecoding.payment), by: { $0.ej ?? "" })
        let documents = try await documentsByEJ()
        return lines.keys.sorted().map { ej in
            AnomalyInput(ej: ej, lines: lines[ej] ?? [], engaged: sums[ej]?[.engage] ?? .zero,
                         servicesFaits: servicesFaits[ej] ?? [], payments: payments[ej] ?? [], documents: documents[ej] ?? [])
        }
    }

    private func documentsByEJ() async throws -> [String: [AnomalyInput.Document]] {
        let links = try await sql.select().column("ej").column("document_id").column("file_name")
            .from("ej_documents").join("documents", on: SQLColumn("document_id", table: "ej_documents"), .equal, SQLColumn("id", table: "documents"))
            .all()
        var fields: [Int: DocumentFacts] = [:]
        for row in try await sql.select().column("*").from("document_fields").all() {
            guard let stored = try DocumentStore.field(row) else { continue }
            fields[try row.decode(column: "document_id", as: Int.self), default: DocumentFacts()].fields[stored.field.key] = stored.field
        }
        var result: [String: [AnomalyInput.Document]] = [:]
        for link in links {
            let id = try link.decode(column: "document_id", as: Int.self)
            result[try link.decode(column: "ej", as: String.self), default: []].append(
                AnomalyInput.Document(id: id, fileName: try link.decode(column: "file_name", as: String.self), facts: fields[id] ?? DocumentFacts()))
        }
        return result
    }
}

public enum AnomalyError: Error, Equatable, CustomStringConvertible {
    case reasonRequired

    public var description: String { "Donnez la raison pour laquelle l'anomalie est écartée." }
}
