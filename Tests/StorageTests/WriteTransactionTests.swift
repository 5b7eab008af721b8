import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

/// A transaction that reads then writes, while another connection to the same SQLite file writes (the server and
/// a document reader storing its facts): an upload was answered 500 when the reader committed in between.
@Suite struct WriteTransactionTests {
    @Test func aTransactionThatReadsThenWritesIsNotRefusedWhenAnotherConnectionWritesMeanwhile() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = DatabaseLocation.sqlite(path: directory + "/test.sqlite")
        try await StorageContainer.using(location) { first in
            try await first.sql.raw("CREATE TABLE t (v INTEGER)").run()
            try await StorageContainer.using(location, migrate: false) { second in
                try await second.waitForLocksBySleeping(seconds: 30)
                let other = try await first.database.writeTransaction { transaction in
                    let sql = transaction as! any SQLDatabase
                    _ = try await sql.raw("SELECT COUNT(*) AS n FROM t").first()
                    let other = Task { try await second.sql.raw("INSERT INTO t VALUES (2)").run() }
                    // Given a second, the other connection's write commits unless this transaction holds the lock.
                    try await Task.sleep(for: .seconds(1))
                    try await sql.raw("INSERT INTO t VALUES (1)").run()
                    return other
                }
                try await other.value
                let count = try await first.sql.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
                #expect(count == 2)
            }
        }
    }
}
