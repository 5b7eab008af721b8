import FluentKit
import SQLKit

extension Database {
    /// A transaction that reads, then writes. On SQLite it takes the write lock when it begins (BEGIN IMMEDIATE),
    /// waiting for it as any write does: a deferred transaction that read first and wrote afterwards failed at once
    /// (SQLITE_BUSY, its snapshot stale) when another connection — a document reader storing its facts — committed
    /// in between, and an upload was answered 500. On PostgreSQL it is Fluent's transaction.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await transaction(body) }
        return try await withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
