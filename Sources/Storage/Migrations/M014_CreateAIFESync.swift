import FluentKit
import SQLKit

/// 014 — the synchronisation of attachments from the AIFE: its runs (for the administrators' page), each attachment
/// fetched or refused (so that none is downloaded twice), where each purchasing scope stopped (so that an
/// interrupted run resumes there) and the EJs to try again.
struct M014_CreateAIFESync: AsyncMigration {
    var name: String { "014_create_aife_sync" }

    func prepare(on database: any Database) async throws {
        try await database.schema("aife_sync_runs")
            .field("id", .int, .identifier(auto: true))
            .field("started_at", .string, .required)
            .field("heartbeat_at", .string, .required)
            .field("finished_at", .string)
            .field("actor", .string, .required)
            .field("owner", .string, .required)
            .field("window_from", .string, .required)
            .field("window_to", .string, .required)
            .field("status", .string, .required)
            .field("ejs_seen", .int, .required)
            .field("files_new", .int, .required)
            .field("files_known", .int, .required)
            .field("files_refused", .int, .required)
            .field("files_failed", .int, .required)
            .field("bytes", .int64, .required)
            .field("problems", .string, .required)
            .create()
        try await database.schema("aife_attachments")
            .field("id_pj", .string, .required)
            .field("num_ej", .string, .required)
            .field("file_name", .string, .required)
            .field("state", .string, .required)
            .field("document_id", .int, .references("documents", "id", onDelete: .setNull))
            .field("bytes", .int64)
            .field("reason", .string)
            .field("run_id", .int, .required)
            .field("fetched_at", .string, .required)
            .unique(on: "id_pj")
            .create()
        try await database.schema("aife_cursors")
            .field("scope", .string, .required)
            .field("reached", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "scope")
            .create()
        try await database.schema("aife_ej_retries")
            .field("num_ej", .string, .required)
            .field("reason", .string, .required)
            .field("since", .string, .required)
            .unique(on: "num_ej")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "aife_sync_runs_started").on("aife_sync_runs").column("started_at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["aife_ej_retries", "aife_cursors", "aife_attachments", "aife_sync_runs"] {
            try await database.schema(table).delete()
        }
    }
}
