import Foundation
import ChorusImport
import EclaireCore
import Storage
import TestSupport
import Testing

@Suite("Importing into the database: one transaction per file, idempotent, never doubling a total")
struct ImportSemanticsTests {
    func importing(_ names: [String], into storage: StorageContainer, strict: Bool = false) async throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for name in names {
            reports.append(try await ChorusImporter(database: storage.database).importFile(Fixtures.path(name), strict: strict))
        }
        return reports
    }

    @Test(arguments: Backend.available)
    func aeRestitutionTotals(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let report = try await importing(["chorus_ae.csv"], into: storage)[0]
            #expect(report.layout == "inf_bud_53_ae_bo")
            #expect((report.rowsRead, report.rowsStored, report.rowsSkipped) == (3, 2, 1))
            #expect(report.errors.first?.line == 11)
            let stats = try await ChorusQueries(sql: storage.sql).stats()
            #expect(stats.ejCount == 1)
            #expect(stats.ejLineCount == 2)
            #expect(stats.supplierCount == 1)
            #expect(stats.aeTotal == Money(cents: 2_250_012 + 1_500_000))
        }
    }

    @Test(arguments: Backend.available)
    func reimportingTheSameFileChangesNothing(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await importing(["financial_cp.csv", "national_aife_ae.csv"], into: storage)
            let before = try await ChorusQueries(sql: storage.sql).stats()
            let again = try await importing(["financial_cp.csv", "national_aife_ae.csv"], into: storage)
            #expect(again.allSatisfy { $0.alreadyImported && $0.rowsStored == 0 })
            let after = try await ChorusQueries(sql: storage.sql).stats()
            #expect(before == after)
            #expect(try await ChorusQueries(sql: storage.sql).importHistory().count == 2)
        }
    }

    @Test(arguments: Backend.available)
    func theSameFactFromTwoExportsIsStoredOnce(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            // national_nation_ej_1.csv repeats EJ 2104453606 poste 1 (12 615 940,52 €, 2024) of national_aife_ae.csv.
            _ = try await importing(["national_aife_ae.csv", "national_nation_ej_1.csv"], into: storage)
            let stats = try await ChorusQueries(sql: storage.sql).stats()
            #expect(stats.aeTotal == Money(cents: 1_261_594_052 + 915_957_518))
            #expect(stats.ejLineCount == 2)
            let detail = try #require(try await ChorusQueries(sql: storage.sql).detail(ej: "2104453606"))
            #expect(detail.amountFacts.count == 1)
            #expect(detail.amountFacts[0].1.fileName == "national_nation_ej_1.csv")
        }
    }

    @Test(arguments: Backend.available)
    func splitLinesOfOneFileAreAdded(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            // Poste 1 of EJ 2104273645 appears twice in the file (1 000,00 and 200,0): two split lines, one fact.
            _ = try await importing(["national_aife_ae_double_ej.csv"], into: storage)
            let queries = ChorusQueries(sql: storage.sql)
            let overview = try #require(try await queries.overviews(of: ["2104273645"]).first)
            #expect(overview.ae == Money(cents: 100_000 + 20_000 + 13_893_667_856))
            #expect(overview.lineCount == 2)
            #expect(try await queries.stats().aeTotal == overview.ae)
        }
    }

    @Test(arguments: Backend.available)
    func paymentsAndTheCircuit(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await importing(["chorus_ae.csv", "financial_cp.csv"], into: storage)
            let queries = ChorusQueries(sql: storage.sql)
            let stats = try await queries.stats()
            #expect(stats.cpTotal == Money(cents: 2826 + 2796 + 25_200 + 15_000 + 80_728))
            #expect(stats.paymentCount == 4)  // DP 100011636 is reported by two rows of the same file
            let detail = try #require(try await queries.detail(ej: "2103105755"))
            #expect(detail.overview.ae == Money(cents: 3_750_012))
            #expect(detail.overview.cp == Money(cents: 25_200 + 15_000 + 80_728))
            #expect(detail.overview.stage == .paye)
            #expect(detail.payments.map(\.0.dp).sorted() == ["100011552", "100011636"])
            #expect(detail.lines.map(\.1.fileName).contains("chorus_ae.csv"))
        }
    }

    @Test(arguments: Backend.available)
    func everyRealLayoutImports(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let names = ["chorus_ae.csv", "financial_cp.csv", "national_aife_ae.csv", "national_aife_cp.csv",
                         "national_aife_ae_double_ej.csv", "national_nation_ej_1.csv",
                         "national_ej_data_etat_quot_2024-09-26.csv", "national_dp_data_etat_quot_2024-09-26.csv",
                         "apisubv_infbud-53.tests.csv", "apisubv_new-chorus-export.xlsx", "apisubv_old-chorus-export.xlsx"]
            let reports = try await importing(names, into: storage)
            #expect(reports.map(\.layout) == [
                "inf_bud_53_ae_bo", "inf_bud_53_cp_bo", "inf_bud_53_ae_national", "inf_bud_53_cp_national",
                "inf_bud_53_ae_national", "inf_bud_53_ae_national", "aife_ej_quotidien", "aife_dp_quotidien",
                "inf_bud_53_cp_bo", "xlsx_extraction_cp", "xlsx_extraction_cp",
            ])
            #expect(reports.map(\.rowsSkipped).reduce(0, +) == 1)
            let history = try await ChorusQueries(sql: storage.sql).importHistory()
            #expect(history.map(\.fileName) == names)
        }
    }

    /// More rows than one prepared statement group holds (32), some split lines of one key inside a group and across
    /// groups, and a remainder written row by row: every total must come out as if read line by line.
    @Test(arguments: Backend.available)
    func splitLinesAcrossStatementGroupsAreAdded(backend: Backend) async throws {
        let fixture = try String(contentsOfFile: Fixtures.path("chorus_ae.csv"), encoding: .utf8)
        let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.prefix(8).joined(separator: "\n")
        let template = String(lines[8])  // EJ 2103105755, poste 5, "22500,12"
        var body: [String] = []
        for index in 0..<75 {  // poste 1 split in 75 lines of 1,01 €, interleaved with postes 100…174 at 2,00 €
            body.append(template.replacingOccurrences(of: ",5,10.01.2023,", with: ",1,10.01.2023,")
                .replacingOccurrences(of: "\"22500,12\"", with: "\"1,01\""))
            body.append(template.replacingOccurrences(of: ",5,10.01.2023,", with: ",\(100 + index),10.01.2023,")
                .replacingOccurrences(of: "\"22500,12\"", with: "2"))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString).csv").path
        try (header + "\n" + body.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestDatabase.with(backend) { storage in
            let report = try await ChorusImporter(database: storage.database).importFile(path)
            #expect((report.rowsRead, report.rowsStored, report.rowsSkipped) == (150, 150, 0))
            let queries = ChorusQueries(sql: storage.sql)
            let overview = try #require(try await queries.overviews(of: ["2103105755"]).first)
            #expect(overview.lineCount == 76)
            #expect(overview.ae == Money(cents: 75 * 101 + 75 * 200))
        }
    }
}
