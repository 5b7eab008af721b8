import FluentKit

/// 001 — the Chorus backbone: imported files, EJ lines, amount facts, services faits and payments.
/// Amounts are integer cents (`bigint`) and dates ISO `yyyy-mm-dd` text, identical on SQLite and PostgreSQL.
struct M001_CreateChorusTables: AsyncMigration {
    var name: String { "001_create_chorus_tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_files")
            .field("id", .int, .identifier(auto: true))
            .field("sha256", .string, .required)
            .field("file_name", .string, .required)
            .field("layout", .string, .required)
            .field("encoding", .string, .required)
            .field("rows_read", .int, .required)
            .field("rows_stored", .int, .required)
            .field("rows_skipped", .int, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "sha256")
            .create()
        try await database.schema("import_errors")
            .field("id", .int, .identifier(auto: true))
            .field("file_id", .int, .required, .references("import_files", "id", onDelete: .cascade))
            .field("line", .int, .required)
            .field("field", .string, .required)
            .field("message", .string, .required)
            .create()
        try await createEJLines(database)
        try await database.schema("amount_facts")
            .field("id", .int, .identifier(auto: true))
            .field("fact_key", .string, .required)
            .field("kind", .string, .required)
            .field("ej", .string, .required)
            .field("poste", .int, .required)
            .field("exercice", .int, .required)
            .field("service_fait", .string)
            .field("dp", .string)
            .field("poste_dp", .int)
            .field("amount_cents", .int64, .required)
            .field("source_file_id", .int, .required, .references("import_files", "id"))
            .field("source_line", .int, .required)
            .unique(on: "fact_key")
            .create()
        try await database.schema("services_faits")
            .field("id", .int, .identifier(auto: true))
            .field("number", .string, .required)
            .field("ej", .string)
            .field("poste", .int)
            .field("date_comptable", .string)
            .field("source_file_id", .int, .required, .references("import_files", "id"))
            .field("source_line", .int, .required)
            .unique(on: "number")
            .create()
        try await createPayments(database)
    }

    private func createEJLines(_ database: any Database) async throws {
        try await withSupplierAndImputation(database.schema("ej_lines"))
            .field("id", .int, .identifier(auto: true))
            .field("ej", .string, .required)
            .field("poste", .int, .required)
            .field("date_creation", .string)
            .field("date_modification", .string)
            .field("ordered_cents", .int64)
            .field("status", .string)
            .field("source_file_id", .int, .required, .references("import_files", "id"))
            .field("source_line", .int, .required)
            .unique(on: "ej", "poste")
            .create()
    }

    private func createPayments(_ database: any Database) async throws {
        try await withSupplierAndImputation(database.schema("payments"))
            .field("id", .int, .identifier(auto: true))
            .field("payment_key", .string, .required)
            .field("dp", .string, .required)
            .field("poste_dp", .int)
            .field("ej", .string)
            .field("poste_ej", .int)
            .field("service_fait", .string)
            .field("exercice", .int)
            .field("date_base", .string)
            .field("date_derniere_operation", .string)
            .field("amount_cents", .int64, .required)
            .field("source_file_id", .int, .required, .references("import_files", "id"))
            .field("source_line", .int, .required)
            .unique(on: "payment_key")
            .create()
    }

    private func withSupplierAndImputation(_ builder: SchemaBuilder) -> SchemaBuilder {
        var builder = builder
            .field("supplier_tiers", .string)
            .field("supplier_siret", .string)
            .field("supplier_siret_valid", .bool)
            .field("supplier_name", .string)
        for column in ImputationColumns.all { builder = builder.field(.string(column), .string) }
        return builder
    }

    func revert(on database: any Database) async throws {
        for table in ["payments", "services_faits", "amount_facts", "ej_lines", "import_errors", "import_files"] {
            try await database.schema(table).delete()
        }
    }
}

/// The imputation columns shared by `ej_lines` and `payments`, in `Imputation`'s order.
enum ImputationColumns {
    static let all = [
        "programme", "centre_financier", "domaine_fonctionnel", "centre_couts", "referentiel_programmation",
        "compte_budgetaire", "compte_general", "groupe_marchandises", "localisation", "societe", "fonds",
    ]
}
