import FluentKit
import SQLKit

/// 011 — `ej_lines` and `amount_facts` keyed by their natural keys, without the surrogate `id` no query reads.
/// On SQLite they become WITHOUT ROWID tables: one B-tree per table where there were a rowid table, a unique index
/// and (for amounts) a lookup index by EJ — three B-tree inserts per fact, most of an import's writing. The key
/// starts with the EJ, so lookups by EJ use it on both databases. Rows already stored are copied.
struct M011_NaturalKeys: AsyncMigration {
    var name: String { "011_natural_keys" }

    static let ejLineColumns: [(String, String)] = [
        ("ej", "TEXT NOT NULL"), ("poste", "BIGINT NOT NULL"),
        ("supplier_tiers", "TEXT"), ("supplier_siret", "TEXT"), ("supplier_siret_valid", "BOOLEAN"),
        ("supplier_name", "TEXT"),
    ] + ImputationColumns.all.map { ($0, "TEXT") } + [
        ("date_creation", "TEXT"), ("date_modification", "TEXT"), ("ordered_cents", "BIGINT"), ("status", "TEXT"),
        ("source_file_id", "BIGINT NOT NULL REFERENCES import_files (id)"), ("source_line", "BIGINT NOT NULL"),
    ]

    static let amountColumns: [(String, String)] = [
        ("ej", "TEXT NOT NULL"), ("poste", "BIGINT NOT NULL"), ("fact_key", "TEXT NOT NULL"), ("kind", "TEXT NOT NULL"),
        ("exercice", "BIGINT NOT NULL"), ("service_fait", "TEXT"), ("dp", "TEXT"), ("poste_dp", "BIGINT"),
        ("amount_cents", "BIGINT NOT NULL"),
        ("source_file_id", "BIGINT NOT NULL REFERENCES import_files (id)"), ("source_line", "BIGINT NOT NULL"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let clustered = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
            try await Self.rebuild("ej_lines", on: sql, copying: Self.ejLineColumns.map(\.0)) { table in
                "CREATE TABLE \(table) (\(Self.definitions(Self.ejLineColumns)), PRIMARY KEY (ej, poste))\(clustered)"
            }
            try await Self.rebuild("amount_facts", on: sql, copying: Self.amountColumns.map(\.0)) { table in
                "CREATE TABLE \(table) (\(Self.definitions(Self.amountColumns)), PRIMARY KEY (ej, poste, fact_key))"
                    + clustered
            }
        }
    }

    /// Back to 001's shape (surrogate ids, unique constraints) and 002's index by EJ.
    func revert(on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let id = sql.dialect.name == "sqlite" ? "id INTEGER PRIMARY KEY AUTOINCREMENT" : "id BIGSERIAL PRIMARY KEY"
            try await Self.rebuild("ej_lines", on: sql, copying: Self.ejLineColumns.map(\.0)) { table in
                "CREATE TABLE \(table) (\(id), \(Self.definitions(Self.ejLineColumns)), UNIQUE (ej, poste))"
            }
            try await Self.rebuild("amount_facts", on: sql, copying: Self.amountColumns.map(\.0)) { table in
                "CREATE TABLE \(table) (\(id), \(Self.definitions(Self.amountColumns)), UNIQUE (fact_key))"
            }
            try await sql.create(index: "amount_facts_ej_idx").on("amount_facts").column("ej").run()
        }
    }

    private static func definitions(_ columns: [(String, String)]) -> String {
        columns.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// Creates the new shape beside the table, copies the rows, drops the old table and takes its name.
    private static func rebuild(_ table: String, on sql: any SQLDatabase, copying columns: [String],
                                create: (String) -> String) async throws {
        let next = table + "_next"
        let list = columns.joined(separator: ", ")
        // Names of this migration's own tables and columns, never input: plain text is safe here.
        let statements: [String] = [create(next), "INSERT INTO \(next) (\(list)) SELECT \(list) FROM \(table)",
                                    "DROP TABLE \(table)", "ALTER TABLE \(next) RENAME TO \(table)"]
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }
}
