import EclaireCore
import Foundation
import SQLKit

/// Writes audit entries on the transaction of the change they record.
struct AuditWriter: Sendable {
    let sql: any SQLDatabase
    let actor: String

    func record(product: Int?, entity: String, id: String?, action: String, before: String?, after: String?)
        async throws
    {
        try await sql.insert(into: "audit_log")
            .columns("at", "actor", "product_id", "entity", "entity_id", "action", "before", "after")
            .values(SQLBind(Timestamp.now()), SQLBind(actor), SQLBind(product), SQLBind(entity), SQLBind(id),
                    SQLBind(action), SQLBind(before), SQLBind(after))
            .run()
    }
}

extension BudgetStore {
    /// The changes to a product, newest first (all changes when nil).
    public func audit(productID: Int?, limit: Int = 200) async throws -> [AuditEntry] {
        let query = sql.select().column("*").from("audit_log").orderBy("id", .descending).limit(limit)
        if let productID { query.where("product_id", .equal, productID) }
        return try await query.all().map { row in
            AuditEntry(at: try row.decode(column: "at", as: String.self),
                       actor: try row.decode(column: "actor", as: String.self),
                       productID: try RowDecoding.int(row, "product_id"),
                       entity: try row.decode(column: "entity", as: String.self),
                       entityID: try RowDecoding.string(row, "entity_id"),
                       action: try row.decode(column: "action", as: String.self),
                       before: try RowDecoding.string(row, "before"), after: try RowDecoding.string(row, "after"))
        }
    }
}
