@testable import EclaireServer
import FluentKit
import Foundation
import Logging
import SQLKit
import Storage
import TestSupport
import Testing

/// The API call log is written behind the answers; on SQLite, while an import holds the file, its writes must not
/// take the connections the pages read with (SQLiteNIO retries a locked write in a loop on its thread): under load
/// during imports, every page waited behind a call log write (issue 16, load).
@Suite("The API call log during an import")
struct CallLogTests {
    static func call(_ path: String) -> APICall {
        APICall(at: Timestamp.now(), caller: "jeton n° 1", tokenID: 1, method: "GET", path: path, query: nil, status: 200,
                durationMilliseconds: 1)
    }

    @Test func callsWaitInMemoryWhileAnImportHoldsTheFileAndReadsGoOn() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = DatabaseLocation.sqlite(path: directory + "/calls.sqlite")
        let server = try StorageContainer(location: location)
        let importer = try StorageContainer(location: location)
        try await server.migrate()
        let logger = Logger(label: "test")
        let main = server.database
        let writer = server.databases.database(.backgroundWrites, logger: logger, on: main.eventLoop)!
        let log = CallLog(database: { main }, writer: { writer }, logger: logger, retryDelay: .milliseconds(50))

        // Another process's import: a write transaction held open until released.
        let (held, signalHeld) = AsyncStream<Void>.makeStream()
        let (release, signalRelease) = AsyncStream<Void>.makeStream()
        let importing = Task {
            try await importer.database.transaction { transaction in
                try await (transaction as! any SQLDatabase).raw("DELETE FROM api_calls").run()
                signalHeld.yield()
                for await _ in release { break }
            }
        }
        for await _ in held { break }
        await log.record(Self.call("/api/v1/ejs"))
        await log.record(Self.call("/api/v1/anomalies"))
        try await Task.sleep(for: .milliseconds(400))

        // The server's connection still reads at once, though the calls could not be written yet.
        let first = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try await APITokenStore(database: main).calls(limit: 10).count }
            group.addTask {
                // A read stuck behind the write cannot be cancelled: end the import so that the test ends.
                try await Task.sleep(for: .seconds(3))
                signalRelease.yield()
                return -1
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
        #expect(first == 0, "a read waited behind the call log's write (-1: still waiting after 3 s)")

        // Once the import ends, the calls kept in memory are written.
        signalRelease.yield()
        try await importing.value
        var written = 0
        for _ in 0..<100 where written < 2 {
            try await Task.sleep(for: .milliseconds(50))
            written = try await APITokenStore(database: main).calls(limit: 10).count
        }
        #expect(written == 2)
        #expect(await log.dropped == 0)
        // As the server does before closing its databases: the prune that follows the batch may still be running
        // (closing under it stopped the test process: « leaking promise » in AsyncKit's pool).
        await log.stop()
        await importer.shutdown()
        await server.shutdown()
    }

    /// `stop()` returns once the log has finished everything it started, the prune after a batch included: the
    /// server closes its databases right after, and a statement still under way then stopped the test process.
    @Test func stoppingWaitsForThePruneStartedAfterABatch() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try StorageContainer(location: .sqlite(path: directory + "/calls.sqlite"))
        try await server.migrate()
        let logger = Logger(label: "test")
        let main = server.database
        let writer = server.databases.database(.backgroundWrites, logger: logger, on: main.eventLoop)!
        let store = APITokenStore(database: main)
        for round in 0..<20 {
            try await store.pruneCalls(before: Timestamp.iso(Date().addingTimeInterval(86_400)))
            try await store.log(APICall(at: Timestamp.iso(Date().addingTimeInterval(-400 * 86_400)), caller: "jeton n° 1",
                                        tokenID: 1, method: "GET", path: "/ancien", query: nil, status: 200, durationMilliseconds: 1))
            let log = CallLog(database: { main }, writer: { writer }, logger: logger, retentionDays: 90)
            let path = "/api/v1/ejs/\(round)"
            await log.record(Self.call(path))
            var paths: [String] = []
            for _ in 0..<400 where !paths.contains(path) {
                try await Task.sleep(for: .milliseconds(5))
                paths = try await store.calls(limit: 10).map(\.path)
            }
            #expect(paths.contains(path), "round \(round): the call was never written")
            await log.stop()
            // The prune may have been refused (the file busy): then it is tried with the next batch, but nothing
            // may change once stop() has returned.
            let atStop = try await store.calls(limit: 10).map(\.path)
            try await Task.sleep(for: .milliseconds(50))
            let after = try await store.calls(limit: 10).map(\.path)
            #expect(atStop == after, "round \(round): stop() returned before the prune ended")
        }
        await server.shutdown()
    }
}
