import EclaireCore
import Foundation
import SQLKit

/// What the documents attached to EJs say, gathered for many EJs in two queries (the anomaly rules, the syntheses).
public struct AttachedFacts: Sendable {
    let sql: any SQLDatabase

    public init(sql: any SQLDatabase) { self.sql = sql }

    /// The documents of the given EJs (all when nil), each with its facts.
    public func byEJ(_ ejs: [String]?) async throws -> [String: [AnomalyInput.Document]] {
        if let ejs, ejs.isEmpty { return [:] }
        let linkQuery = sql.select().column("ej").column("document_id").column("file_name").column("typed_facts")
            .from("ej_documents").join("documents", on: SQLColumn("document_id", table: "ej_documents"), .equal, SQLColumn("id", table: "documents"))
        if let ejs { linkQuery.where(SQLColumn("ej", table: "ej_documents"), .in, SQLBind.group(ejs)) }
        let links = try await linkQuery.all()
        let ids = try links.map { try $0.decode(column: "document_id", as: Int.self) }
        let fieldQuery = sql.select().column("*").from("document_fields")
        if ejs != nil { fieldQuery.where("document_id", .in, ids.isEmpty ? [-1] : ids) }
        var fields: [Int: DocumentFacts] = [:]
        for row in try await fieldQuery.all() {
            guard let stored = try DocumentStore.field(row) else { continue }
            fields[try row.decode(column: "document_id", as: Int.self), default: DocumentFacts()].fields[stored.field.key] = stored.field
        }
        var result: [String: [AnomalyInput.Document]] = [:]
        let decoder = JSONDecoder()
        for link in links {
            let id = try link.decode(column: "document_id", as: Int.self)
            // Only the types whose facts the rules and syntheses read: an invoice's lines are not decoded for nothing.
            let typed = Self.typesRead.contains(fields[id]?.documentType ?? .autre)
                ? try RowDecoding.string(link, "typed_facts").flatMap { try? decoder.decode(TypedFacts.self, from: Data($0.utf8)) } : nil
            result[try link.decode(column: "ej", as: String.self), default: []].append(
                AnomalyInput.Document(id: id, fileName: try link.decode(column: "file_name", as: String.self), facts: fields[id] ?? DocumentFacts(),
                                      typedFacts: typed ?? TypedFacts()))
        }
        return result
    }

    /// The document types whose own facts the anomaly rules (imputation, bank details, Kbis) and the syntheses
    /// (parties) read.
    static let typesRead: Set<DocumentType> = [.ficheNavette, .bonDeCommande, .acteEngagement, .rib, .kbis, .sousTraitance]

    /// EJs with documents, in order, a page at a time after `after`.
    public func documentedEJs(after: String?, limit: Int) async throws -> [String] {
        let query = sql.select().distinct().column("ej").from("ej_documents")
        if let after { query.where("ej", .greaterThan, after) }
        return try await query.orderBy("ej").limit(limit).all().map { try $0.decode(column: "ej", as: String.self) }
    }

    /// The synthesis of each EJ that has documents, a page at a time.
    public func syntheses(after: String?, limit: Int) async throws -> [(ej: String, synthesis: EJSynthesis)] {
        let ejs = try await documentedEJs(after: after, limit: limit)
        let documents = try await byEJ(ejs)
        return ejs.map { ej in
            (ej, EJSynthesis(sources: (documents[ej] ?? []).map { EJSynthesis.Source(documentID: $0.id, facts: $0.facts, typedFacts: $0.typedFacts) }))
        }
    }
}
