import FluentKit
import SQLKit

/// 008 — the supplier registers (SIRENE stocks, DECP holders) that confirm a supplier's name from its SIRET and
/// find a SIRET from a name.
struct M008_CreateSupplierReference: AsyncMigration {
    var name: String { "008_create_supplier_reference" }

    func prepare(on database: any Database) async throws {
        try await database.schema("supplier_reference")
            .field("siren", .string, .required)
            .field("siret", .string)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("source", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "supplier_reference_siret").on("supplier_reference").column("siret").run()
        try await sql.create(index: "supplier_reference_siren").on("supplier_reference").column("siren").run()
        try await sql.create(index: "supplier_reference_name_key").on("supplier_reference").column("name_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("supplier_reference").delete()
    }
}
