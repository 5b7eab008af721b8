import FluentKit
import SQLKit

/// 002 — indexes for the lookups pages and reports make: payments and facts by EJ.
struct M002_IndexChorusLookups: AsyncMigration {
    var name: String { "002_index_chorus_lookups" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "payments_ej_idx").on("payments").column("ej").run()
        try await sql.create(index: "amount_facts_ej_idx").on("amount_facts").column("ej").run()
        try await sql.create(index: "services_faits_ej_idx").on("services_faits").column("ej").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["payments_ej_idx", "amount_facts_ej_idx", "services_faits_ej_idx"] {
            try await sql.drop(index: index).run()
        }
    }
}
