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

    /// Takes the oldest job ready to run; when none is, first gives back the jobs of workers that are gone
    /// (`recoverAbandoned`). Each lookup walks the index by (state, run_after) and stops at its first row.
    public func claim(worker: String, now: Date = Date()) async throws -> DocumentJob? {
        let epoch = Int64(now.timeIntervalSince1970)
        var row = try await take(worker: worker, at: epoch)
        if row == nil, try await recoverAbandoned(now: now) > 0 { row = try await take(worker: worker, at: epoch) }
        guard let row else { return nil }
        let job = DocumentJob(id: try row.decode(column: "id", as: Int.self),
                              documentID: try row.decode(column: "document_id", as: Int.self),
                              attempts: try row.decode(column: "attempts", as: Int.self), worker: worker)
        try await sql.update("documents").set("status", to: DocumentStatus.running.rawValue)
            .where("id", .equal, job.documentID).run()
        return job
    }

    private func take(worker: String, at epoch: Int64) async throws -> (any SQLRow)? {
        let skipLocked = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw("""
            UPDATE document_jobs SET state = 'running', locked_by = \(bind: worker), locked_at = \(bind: epoch),
                   attempts = attempts + 1
            WHERE id = (SELECT id FROM document_jobs WHERE state = 'queued' AND run_after <= \(bind: epoch)
                        ORDER BY id LIMIT 1 \(unsafeRaw: skipLocked))
              AND state = 'queued'
            RETURNING id, document_id, attempts
            """).first()
    }

    /// Gives back the jobs of workers that are gone: at once for a worker of this machine whose process ended
    /// (killed, out of memory), after `staleAfterSeconds` for the others. A job whose reading stopped its worker
    /// `maxAttempts` times is failed with the reason, not taken again (a file that kills every reader). Returns how
    /// many jobs were given back or failed.
    public func recoverAbandoned(now: Date = Date()) async throws -> Int {
        let epoch = Int64(now.timeIntervalSince1970)
        let running = try await sql.select().column("id").column("document_id").column("attempts").column("locked_by")
            .column("locked_at").from("document_jobs").where("state", .equal, "running").all()
        var recovered = 0
        for row in running {
            let holder = try row.decode(column: "locked_by", as: String?.self) ?? ""
            let lockedAt = try row.decode(column: "locked_at", as: Int64?.self) ?? 0
            guard WorkerIdentity(lockedBy: holder)?.isAlive == false || lockedAt < epoch - Self.staleAfterSeconds else { continue }
            let id = try row.decode(column: "id", as: Int.self), documentID = try row.decode(column: "document_id", as: Int.self)
            let final = try row.decode(column: "attempts", as: Int.self) >= Self.maxAttempts
            let reason = "lecture interrompue : le lecteur s'est arrêté sans répondre (\(holder))"
            let given = try await database.transaction { transaction -> Bool in
                let sql = transaction as! any SQLDatabase
                // Only if still held by the same worker: another one may have taken it back meanwhile.
                guard try await sql.raw("""
                    UPDATE document_jobs SET state = \(bind: final ? "failed" : "queued"), run_after = \(bind: epoch),
                           locked_by = NULL, last_error = \(bind: reason)
                    WHERE id = \(bind: id) AND state = 'running' AND locked_by = \(bind: holder)
                    RETURNING id
                    """).first() != nil else { return false }
                try await sql.update("documents").set("status", to: (final ? DocumentStatus.failed : .queued).rawValue)
                    .set("error", to: final ? reason : nil).where("id", .equal, documentID).run()
                return true
            }
            if given { recovered += 1 }
        }
        return recovered
    }

    /// Closes the lease: the job is `state` now if `job.worker` still holds it; otherwise `LeaseLost` (and the
    /// caller's transaction writes nothing).
    private static func release(_ job: DocumentJob, to state: String, runAfter: Int64? = nil, error: String?,
                                in sql: any SQLDatabase) async throws {
        let row = try await sql.raw("""
            UPDATE document_jobs SET state = \(bind: state), last_error = \(bind: error), locked_by = NULL,
                   run_after = COALESCE(\(bind: runAfter), run_after)
            WHERE id = \(bind: job.id) AND state = 'running' AND locked_by = \(bind: job.worker)
            RETURNING id
            """).first()
        guard row != nil else { throw LeaseLost(jobID: job.id) }
    }

    /// Stores what the extraction read, confirmed by the supplier registers, keeping the fields people corrected,
    /// and closes the job.
    public func complete(_ job: DocumentJob, with read: ExtractionRecord) async throws {
        let record = try await SupplierReferenceStore(database: database).enrich(read)
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await Self.release(job, to: "done", error: nil, in: sql)
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
                .set("typed_facts", to: SQLBind(record.typedFacts.isEmpty ? nil : String(decoding: try JSONEncoder().encode(record.typedFacts), as: UTF8.self)))
                .set("extracted_at", to: Timestamp.now())
                .where("id", .equal, job.documentID).run()
        }
    }

    /// Records the failure; retries after 30 s, 2 min, 8 min until `maxAttempts`, then the document is failed. A
    /// permanent failure (the file is no document) is not retried.
    public func fail(_ job: DocumentJob, reason: String, permanent: Bool = false, now: Date = Date()) async throws {
        let final = permanent || job.attempts >= Self.maxAttempts
        let delay = Int64(30 * (1 << (2 * (job.attempts - 1))))
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await Self.release(job, to: final ? "failed" : "queued", runAfter: Int64(now.timeIntervalSince1970) + delay,
                                   error: reason, in: sql)
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
