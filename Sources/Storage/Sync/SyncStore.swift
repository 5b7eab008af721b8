import FluentKit
import Foundation
import SQLKit

/// What the synchronisation with the AIFE remembers between runs: its runs, the attachments already fetched or
/// refused, where each purchasing scope stopped, and the EJs to try again.
public struct SyncStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// A run that has not shown signs of life for this long was interrupted (a stopped process), and another may start.
    public static let staleAfter: TimeInterval = 15 * 60

    public init(database: any Database) { self.database = database }

    // MARK: Runs

    /// Starts a run, unless another one is alive; runs that stopped without finishing are marked interrupted.
    public func begin(actor: String, from: Date, to: Date, now: Date = Date()) async throws -> Int {
        try await database.writeTransaction { transaction in
            let sql = transaction as! any SQLDatabase
            let running = try await sql.select().columns("id", "heartbeat_at", "started_at", "owner").from("aife_sync_runs")
                .where("status", .equal, SyncRunStatus.running.rawValue).all()
            for row in running {
                let heartbeat = try row.decode(column: "heartbeat_at", as: String.self)
                let alive = try Self.ownerMayBeAlive(row.decode(column: "owner", as: String.self))
                if alive, let last = try? Date(heartbeat, strategy: .iso8601), now.timeIntervalSince(last) < Self.staleAfter {
                    throw SyncStoreError.alreadyRunning(since: try row.decode(column: "started_at", as: String.self))
                }
                try await sql.update("aife_sync_runs").set("status", to: SyncRunStatus.interrupted.rawValue)
                    .where("id", .equal, try row.decode(column: "id", as: Int.self)).run()
            }
            let stamp = Timestamp.iso(now)
            let row = try await sql.insert(into: "aife_sync_runs")
                .columns("started_at", "heartbeat_at", "actor", "owner", "window_from", "window_to", "status", "ejs_seen",
                         "files_new", "files_known", "files_refused", "files_failed", "bytes", "problems")
                .values(SQLBind(stamp), SQLBind(stamp), SQLBind(actor), SQLBind(Self.owner), SQLBind(Timestamp.iso(from)),
                        SQLBind(Timestamp.iso(to)), SQLBind(SyncRunStatus.running.rawValue), SQLBind(0), SQLBind(0), SQLBind(0),
                        SQLBind(0), SQLBind(0), SQLBind(Int64(0)), SQLBind(""))
                .returning("id").first()
            return try row!.decode(column: "id", as: Int.self)
        }
    }

    /// This process, as `host:pid`.
    static let owner = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    /// A run started on this machine by a process that has gone is over, whatever its last sign of life says.
    static func ownerMayBeAlive(_ owner: String) -> Bool {
        let parts = owner.split(separator: ":")
        guard parts.count == 2, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// The figures so far (and a sign of life); `status` when the run ends.
    public func update(run: Int, figures: SyncFigures, status: SyncRunStatus = .running) async throws {
        let query = sql.update("aife_sync_runs")
            .set("heartbeat_at", to: SQLBind(Timestamp.now()))
            .set("ejs_seen", to: SQLBind(figures.ejsSeen)).set("files_new", to: SQLBind(figures.filesNew))
            .set("files_known", to: SQLBind(figures.filesKnown)).set("files_refused", to: SQLBind(figures.filesRefused))
            .set("files_failed", to: SQLBind(figures.filesFailed))
            .set("bytes", to: SQLBind(figures.bytes))
            .set("problems", to: SQLBind(figures.problems.prefix(200).joined(separator: "\n")))
            .set("status", to: SQLBind(status.rawValue))
        if status != .running { query.set("finished_at", to: SQLBind(Timestamp.now())) }
        try await query.where("id", .equal, run).run()
    }

    public func recentRuns(limit: Int = 20) async throws -> [SyncRunRecord] {
        try await sql.select().column("*").from("aife_sync_runs").orderBy("id", .descending).limit(max(1, min(limit, 1000)))
            .all().map { row in
                SyncRunRecord(
                    id: try row.decode(column: "id", as: Int.self), startedAt: try row.decode(column: "started_at", as: String.self),
                    finishedAt: try RowDecoding.string(row, "finished_at"), actor: try row.decode(column: "actor", as: String.self),
                    windowFrom: try row.decode(column: "window_from", as: String.self),
                    windowTo: try row.decode(column: "window_to", as: String.self),
                    status: SyncRunStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
                    figures: SyncFigures(
                        ejsSeen: try row.decode(column: "ejs_seen", as: Int.self), filesNew: try row.decode(column: "files_new", as: Int.self),
                        filesKnown: try row.decode(column: "files_known", as: Int.self),
                        filesRefused: try row.decode(column: "files_refused", as: Int.self),
                        filesFailed: try row.decode(column: "files_failed", as: Int.self),
                        bytes: try row.decode(column: "bytes", as: Int64.self),
                        problems: try row.decode(column: "problems", as: String.self).split(separator: "\n").map(String.init)))
            }
    }

    // MARK: Attachments

    /// What became of an attachment in an earlier run: nil when never fetched.
    public func attachment(_ id: String) async throws -> KnownAttachment? {
        guard let row = try await sql.select().columns("state", "bytes", "document_id").from("aife_attachments")
            .where("id_pj", .equal, id).first() else { return nil }
        return KnownAttachment(refused: try row.decode(column: "state", as: String.self) == "refused",
                               bytes: try row.decode(column: "bytes", as: Int64?.self),
                               documentID: try RowDecoding.int(row, "document_id"))
    }

    /// Stores a fetched attachment as a document of its EJ (queued for reading) and records it as fetched, both in
    /// one transaction: a run stopped in between leaves neither, and the next run fetches it again.
    public func storeFetched(_ file: URL, id: String, ej: String, name: String, bytes: Int64, run: Int,
                             documents: DocumentStore) async throws -> (document: StoredDocument, isNew: Bool) {
        try await documents.attach(ej: ej, file: file, name: name) { sql, documentID in
            try await Self.record(on: sql, id: id, ej: ej, name: name, state: "stored", documentID: documentID, bytes: bytes,
                                  reason: nil, run: run)
        }
    }

    /// An attachment fetched (`stored`, with its document) or refused (with the reason), replacing what an earlier
    /// run recorded of it.
    static func record(on sql: any SQLDatabase, id: String, ej: String, name: String, state: String, documentID: Int?,
                       bytes: Int64, reason: String?, run: Int) async throws {
        try await sql.delete(from: "aife_attachments").where("id_pj", .equal, id).run()
        try await sql.insert(into: "aife_attachments")
            .columns("id_pj", "num_ej", "file_name", "state", "document_id", "bytes", "reason", "run_id", "fetched_at")
            .values(SQLBind(id), SQLBind(ej), SQLBind(name), SQLBind(state), SQLBind(documentID), SQLBind(bytes), SQLBind(reason),
                    SQLBind(run), SQLBind(Timestamp.now()))
            .run()
    }

    /// Records a refused attachment (over the size limit), so that it is not fetched again while the limit stays.
    public func recordRefused(id: String, ej: String, name: String, bytes: Int64, reason: String, run: Int) async throws {
        try await database.transaction { transaction in
            try await Self.record(on: transaction as! any SQLDatabase, id: id, ej: ej, name: name, state: "refused", documentID: nil,
                                  bytes: bytes, reason: reason, run: run)
        }
    }

    // MARK: Where each scope stopped, and EJs to try again

    public func cursor(scope: String) async throws -> Date? {
        try await sql.select().column("reached").from("aife_cursors").where("scope", .equal, scope).first()
            .flatMap { try? Date($0.decode(column: "reached", as: String.self), strategy: .iso8601) }
    }

    public func setCursor(scope: String, reached: Date) async throws {
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.delete(from: "aife_cursors").where("scope", .equal, scope).run()
            try await sql.insert(into: "aife_cursors").columns("scope", "reached", "updated_at")
                .values(SQLBind(scope), SQLBind(Timestamp.iso(reached)), SQLBind(Timestamp.now())).run()
        }
    }

    /// The EJs to try again, with why and since when, oldest first.
    public func retriesWithReasons(limit: Int = 200) async throws -> [(ej: String, reason: String, since: String)] {
        try await sql.select().columns("num_ej", "reason", "since").from("aife_ej_retries").orderBy("since").orderBy("num_ej")
            .limit(max(1, min(limit, 10_000))).all()
            .map { (try $0.decode(column: "num_ej", as: String.self), try $0.decode(column: "reason", as: String.self),
                    try $0.decode(column: "since", as: String.self)) }
    }

    public func retries() async throws -> [String] {
        try await sql.select().column("num_ej").from("aife_ej_retries").orderBy("since").orderBy("num_ej").all()
            .map { try $0.decode(column: "num_ej", as: String.self) }
    }

    public func markForRetry(ej: String, reason: String) async throws {
        try await database.writeTransaction { transaction in
            let sql = transaction as! any SQLDatabase
            let known = try await sql.select().column("num_ej").from("aife_ej_retries").where("num_ej", .equal, ej).first()
            if known == nil {
                try await sql.insert(into: "aife_ej_retries").columns("num_ej", "reason", "since")
                    .values(SQLBind(ej), SQLBind(reason), SQLBind(Timestamp.now())).run()
            } else {
                try await sql.update("aife_ej_retries").set("reason", to: SQLBind(reason)).where("num_ej", .equal, ej).run()
            }
        }
    }

    public func clearRetry(ej: String) async throws {
        try await sql.delete(from: "aife_ej_retries").where("num_ej", .equal, ej).run()
    }
}

public enum SyncRunStatus: String, Sendable, Codable {
    case running, done, failed, interrupted

    public var label: String {
        switch self {
        case .running: "en cours"
        case .done: "terminée"
        case .failed: "échouée"
        case .interrupted: "interrompue"
        }
    }
}

/// A run's count: EJs seen; files new, already there (by AIFE id or by content), refused (over the size limit) and
/// failed (to be tried again by the next run); bytes downloaded; what went wrong.
public struct SyncFigures: Sendable, Equatable, Codable {
    public var ejsSeen = 0
    public var filesNew = 0
    public var filesKnown = 0
    public var filesRefused = 0
    public var filesFailed = 0
    public var bytes: Int64 = 0
    public var problems: [String] = []

    public init(ejsSeen: Int = 0, filesNew: Int = 0, filesKnown: Int = 0, filesRefused: Int = 0, filesFailed: Int = 0,
                bytes: Int64 = 0, problems: [String] = []) {
        self.ejsSeen = ejsSeen
        self.filesNew = filesNew
        self.filesKnown = filesKnown
        self.filesRefused = filesRefused
        self.filesFailed = filesFailed
        self.bytes = bytes
        self.problems = problems
    }
}

public struct SyncRunRecord: Sendable {
    public let id: Int
    public let startedAt: String
    public let finishedAt: String?
    public let actor: String
    public let windowFrom: String
    public let windowTo: String
    public let status: SyncRunStatus
    public let figures: SyncFigures
}

public struct KnownAttachment: Sendable, Equatable {
    public let refused: Bool
    public let bytes: Int64?
    public let documentID: Int?
}

public enum SyncStoreError: Error, Equatable, CustomStringConvertible {
    case alreadyRunning(since: String)

    public var description: String {
        switch self {
        case .alreadyRunning(let since): "une synchronisation avec l'AIFE est déjà en cours (depuis \(since))"
        }
    }
}
