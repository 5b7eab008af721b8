import FluentKit
import SQLKit

/// 012 — the queue's jobs indexed by state then id, so that a claim walks the waiting jobs in order and stops at the
/// first one. With 007's index by (state, run_after) the oldest waiting job was found by sorting all of them at
/// every claim: the time of a claim grew with the queue (18 documents/s at 100 000 queued).
struct M012_IndexJobsInOrder: AsyncMigration {
    var name: String { "012_index_jobs_in_order" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "document_jobs_state_id").on("document_jobs").column("state").column("id").run()
        try await sql.drop(index: "document_jobs_state_run_after").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "document_jobs_state_run_after").on("document_jobs").column("state").column("run_after").run()
        try await sql.drop(index: "document_jobs_state_id").run()
    }
}
