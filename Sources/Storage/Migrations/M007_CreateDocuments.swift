import FluentKit
import SQLKit

/// 007 — documents attached to EJs, their pages' text, the facts extracted from them (with corrections), the job
/// queue that extracts them, and supplier names confirmed by people (aliases of a SIRET).
struct M007_CreateDocuments: AsyncMigration {
    var name: String { "007_create_documents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("documents")
            .field("id", .int, .identifier(auto: true))
            .field("sha256", .string, .required)
            .field("file_name", .string, .required)
            .field("size_bytes", .int64, .required)
            .field("stored_path", .string, .required)
            .field("added_at", .string, .required)
            .field("added_by", .string, .required)
            .field("status", .string, .required)
            .field("error", .string)
            .field("text_method", .string)
            .field("page_count", .int)
            .field("invalid_ids", .string)
            .field("extracted_at", .string)
            .unique(on: "sha256")
            .create()
        try await database.schema("ej_documents")
            .field("ej", .string, .required)
            .field("document_id", .int, .required, .references("documents", "id", onDelete: .cascade))
            .unique(on: "ej", "document_id")
            .create()
        try await database.schema("document_pages")
            .field("document_id", .int, .required, .references("documents", "id", onDelete: .cascade))
            .field("page", .int, .required)
            .field("method", .string, .required)
            .field("text", .string, .required)
            .unique(on: "document_id", "page")
            .create()
        try await database.schema("document_fields")
            .field("document_id", .int, .required, .references("documents", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("value", .string, .required)
            .field("confidence", .double, .required)
            .field("page", .int)
            .field("source_text", .string)
            .field("corrected_by", .string)
            .field("corrected_at", .string)
            .unique(on: "document_id", "key")
            .create()
        try await database.schema("document_jobs")
            .field("id", .int, .identifier(auto: true))
            .field("document_id", .int, .required, .references("documents", "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("run_after", .int64, .required)
            .field("locked_by", .string)
            .field("locked_at", .int64)
            .field("last_error", .string)
            .create()
        try await database.schema("supplier_aliases")
            .field("siret", .string, .required)
            .field("name", .string, .required)
            .field("source", .string, .required)
            .unique(on: "siret", "name")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "document_jobs_state_run_after").on("document_jobs").column("state").column("run_after").run()
        try await sql.create(index: "ej_documents_document").on("ej_documents").column("document_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["supplier_aliases", "document_jobs", "document_fields", "document_pages", "ej_documents", "documents"] {
            try await database.schema(table).delete()
        }
    }
}
