import EclaireCore
import TestSupport
import Testing
@testable import Storage

/// Migration 011 rebuilds the two largest tables: every stored fact must come through, both ways.
@Suite("Migration 011 keeps every fact")
struct NaturalKeysMigrationTests {
    @Test(arguments: Backend.available)
    func factsSurviveTheRebuildAndItsRevert(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let importer = ChorusImporter(database: storage.database)
            for name in ["chorus_ae.csv", "national_aife_ae.csv", "split_chorus_ae.csv", "apisubv_infbud-53.tests.csv"] {
                _ = try await importer.importFile(Fixtures.path(name))
            }
            let queries = ChorusQueries(sql: storage.sql)
            func snapshot() async throws -> (SpendingStats, [String]) {
                let ejs = try await queries.ejNumbers(limit: 10_000)
                var details: [String] = []
                for ej in ejs { details.append(String(describing: try await queries.detail(ej: ej))) }
                return (try await queries.stats(), details)
            }
            let before = try await snapshot()
            #expect(before.1.count > 3)
            try await M011_NaturalKeys().revert(on: storage.database)
            let reverted = try await snapshot()
            #expect(reverted.0 == before.0)
            #expect(reverted.1 == before.1)
            try await M011_NaturalKeys().prepare(on: storage.database)
            let again = try await snapshot()
            #expect(again.0 == before.0)
            #expect(again.1 == before.1)
        }
    }
}
