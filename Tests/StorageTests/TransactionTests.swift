import ChorusImport
import DemoData
import EclaireCore
import Foundation
import Storage
import TestSupport
import Testing

@Suite("A refused file leaves the database as it was")
struct TransactionTests {
    @Test(arguments: Backend.available)
    func strictModeRollsTheWholeFileBack(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let importer = ChorusImporter(database: storage.database)
            _ = try await importer.importFile(Fixtures.path("national_aife_ae.csv"))
            let before = try await ChorusQueries(sql: storage.sql).stats()
            await #expect(throws: ImportFailure.self) {
                try await importer.importFile(Fixtures.path("chorus_ae.csv"), strict: true)
            }
            #expect(try await ChorusQueries(sql: storage.sql).stats() == before)
            #expect(try await ChorusQueries(sql: storage.sql).importHistory().count == 1)
            // Refused, not remembered: the same file can be imported once fixed, or without --strict.
            let report = try await importer.importFile(Fixtures.path("chorus_ae.csv"))
            #expect(!report.alreadyImported)
        }
    }

    @Test(arguments: Backend.available)
    func unreadableFilesChangeNothing(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let importer = ChorusImporter(database: storage.database)
            for name in ["errors_sample.csv", "errors_chorus_ae_missing_column.csv"] {
                await #expect(throws: ImportFailure.self) { try await importer.importFile(Fixtures.path(name)) }
            }
            let stats = try await ChorusQueries(sql: storage.sql).stats()
            #expect(stats.ejCount == 0 && stats.paymentCount == 0)
            #expect(try await ChorusQueries(sql: storage.sql).importHistory().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func demoLedgerStagesSurviveTheRoundTrip(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let ledger = DemoLedger(orderCount: 30)
            for path in try DemoFiles.write(ledger, to: directory) {
                _ = try await ChorusImporter(database: storage.database).importFile(path)
            }
            let overviews = try await ChorusQueries(sql: storage.sql).overviews(of: nil)
            #expect(overviews.count == ledger.orders.count)
            for order in ledger.orders {
                let overview = try #require(overviews.first { $0.ej == order.ej })
                #expect(overview.stage == order.stage, "EJ \(order.ej)")
                #expect(overview.ae == order.total)
            }
        }
    }
}
