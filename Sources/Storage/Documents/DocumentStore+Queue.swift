import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// The extraction queue: a table of jobs that workers claim one at a time. On PostgreSQL a claim skips the rows
/// other workers hold (`FOR UPDATE SKIP LOCKED`); SQLite runs one writer at a time, so its single `UPDATE … RETURNING`
/// is already exclusive. A failed job is retried with a growing delay, then marked failed with its reason.
extension DocumentStore {
    public static let maxAttempts = 3
    /// A job held longer than this by a worker that vanished is taken again.
    public static let staleAfterSeconds: Int64 = 15 * 60

    /// Takes a job held too long by a vanished worker first, else the oldest job ready to run. Each lookup walks
    /// the index by (state, id) and stops at its first row, whatever the length of the queue.
    public func claim(worker: String, now: Date = Date()) async throws -> DocumentJob? {
        let epoch = Int64(now.timeIntervalSince1970)
        let stale = epoch - Self.staleAfterSeconds
        var row = try await take(worker: worker, at: epoch, state: "running", condition: "locked_at < \(stale)")
        if row == nil { row = try await take(worker: worker, at: epoch, state: "queued", condition: "run_after <= \(epoch)") }
        guard let row else { return nil }
        let job = DocumentJob(id: try row.decode(column: "id", as: Int.self),
                              documentID: try row.decode(column: "document_id", as: Int.self),
                              attempts: try row.decode(column: "attempts", as: Int.self))
        try await sql.update("documents").set("status", to: DocumentStatus.running.rawValue)
            .where("id", .equal, job.documentID).run()
        return job
    }

    /// `condition` compares a column with an integer computed here, never with outside text.
    private func take(worker: String, at epoch: Int64, state: String, condition: String) async throws -> (any SQLRow)? {
        let skipLocked = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw("""
            UPDATE document_jobs SET state = 'running', locked_by = \(bind: worker), locked_at = \(bind: epoch),
                   attempts = attempts + 1
            WHERE id = (SELECT id FROM document_jobs WHERE state = \(bind: state) AND \(unsafeRaw: condition)
                        ORDER BY id LIMIT 1 \(unsafeRaw: skipLocked))
              AND state = \(bind: state) AND \(unsafeRaw: condition)
            RETURNING id, document_id, attempts
            """).first()
    }

    /// Stores what the extraction read, confirmed by the supplier registers, keeping the fields people corrected,
    /// and closes the job.
    public func complete(_ job: DocumentJob, with read: ExtractionRecord) async throws {
        let record = try await SupplierReferenceStore(database: database).enrich(read)
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            let corrected = try await sql.select().column("key").from("document_fields")
                .where("document_id", .equal, job.documentID).where(SQLColumn("corrected_by"), .isNot, SQLLiteral.null).all()
                .map { try $0.decode(column: "key", as: String.self) }
            try await sql.delete(from: "document_fields").where("document_id", .equal, job.documentID)
                .where(SQLColumn("corrected_by"), .is, SQLLiteral.null).run()
            // One statement per table, whatever the number of fields and pages: a worker stores ~100 documents/s.
            let fields = record.fields.filter { !corrected.contains($0.key.rawValue) }
            if !fields.isEmpty {
                let insert = sql.insert(into: "document_fields")
                    .columns("document_id", "key", "value", "confidence", "page", "source_text")
                for field in fields {
                    insert.values(SQLBind(job.documentID), SQLBind(field.key.rawValue), SQLBind(field.value),
                                  SQLBind(field.confidence), SQLBind(field.source?.page), SQLBind(field.source?.text))
                }
                try await insert.run()
            }
            try await sql.delete(from: "document_pages").where("document_id", .equal, job.documentID).run()
            if !record.pages.isEmpty {
                let insert = sql.insert(into: "document_pages").columns("document_id", "page", "method", "text")
                for page in record.pages {
                    insert.values(SQLBind(job.documentID), SQLBind(page.number), SQLBind(page.method), SQLBind(page.text))
                }
                try await insert.run()
            }
            try await sql.update("documents")
                .set("status", to: DocumentStatus.done.rawValue).set("error", to: SQLLiteral.null)
                .set("text_method", to: record.textMethod).set("page_count", to: record.pages.count)
                .set("invalid_ids", to: record.invalidIDs.joined(separator: ","))
                .set("extracted_at", to: Timestamp.now())
                .where("id", .equal, job.documentID).run()
            try await sql.update("document_jobs").set("state", to: "done").set("last_error", to: SQLLiteral.null)
                .where("id", .equal, job.id).run()
        }
    }

    /// Records the failure; retries after 30 s, 2 min, 8 min until `maxAttempts`, then the document is failed. A
    /// permanent failure (the file is no document) is not retried.
    public func fail(_ job: DocumentJob, reason: String, permanent: Bool = false, now: Date = Date()) async throws {
        let final = permanent || job.attempts >= Self.maxAttempts
        let delay = Int64(30 * (1 << (2 * (job.attempts - 1))))
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.update("document_jobs").set("state", to: final ? "failed" : "queued")
                .set("run_after", to: Int64(now.timeIntervalSince1970) + delay).set("last_error", to: reason)
                .set("locked_by", to: SQLLiteral.null)
                .where("id", .equal, job.id).run()
            try await sql.update("documents").set("status", to: (final ? DocumentStatus.failed : .queued).rawValue)
                .set("error", to: reason).where("id", .equal, job.documentID).run()
        }
    }

    /// Jobs waiting now, or later after a failure (`eclaire work --until-empty` stops when none is left).
    public func pendingJobs() async throws -> (ready: Int, later: Int) {
        let epoch = Int64(Date().timeIntervalSince1970)
        let rows = try await sql.select().column("run_after").from("document_jobs").where("state", .equal, "queued").all()
        let times = try rows.map { try $0.decode(column: "run_after", as: Int64.self) }
        return (times.filter { $0 <= epoch }.count, times.filter { $0 > epoch }.count)
    }

    public func nextRetry() async throws -> Int64? {
        try await sql.select().column(SQLFunction("MIN", args: SQLColumn("run_after")), as: "t").from("document_jobs")
            .where("state", .equal, "queued").first()
            .flatMap { try $0.decodeNil(column: "t") ? nil : $0.decode(column: "t", as: Int64.self) }
    }
}
