import ChorusImport
import DemoData
import EclaireCore
import Foundation
import SQLKit
@testable import Storage
import TestSupport
import Testing

/// The SQLite import encodes each batch's facts as bytes and binds them in groups of 32 rows; PostgreSQL binds
/// `BulkValue`s. Both must store every parsed value as parsed, split lines summed.
@Suite("Bulk import stores every parsed fact")
struct BulkImportTests {
    /// 4 321 lines (several batches of 2 000, groups of 32 and a remainder), each data line written twice, so that
    /// a split line meets its twin inside one statement.
    static func doubledRestitution(in directory: String) throws -> String {
        let single = directory + "/single.csv"
        try LargeRestitution.write(lines: 4_321, to: single)
        let lines = try String(contentsOfFile: single, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.firstIndex { $0.contains("N° EJ") }!
        var doubled = lines[...header].map(String.init)
        for line in lines[(header + 1)...] where !line.isEmpty { doubled += [String(line), String(line)] }
        let path = directory + "/doubled.csv"
        try (doubled.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: Backend.available)
    func everyValueAsParsed(backend: Backend) async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Self.doubledRestitution(in: directory)
        var expectedLines: [String: EJLineFacts] = [:]
        var expectedCents: [String: Int64] = [:]
        for table in try ChorusFile.open(path).tables {
            while let row = try table.next() {
                guard case .success(let record?) = row.result, let line = record.ejLine else { continue }
                expectedLines["\(line.ej)/\(line.poste)"] = line
                for fact in record.amounts { expectedCents["\(fact.ej)/\(fact.poste)", default: 0] += fact.amount.cents }
            }
        }
        #expect(expectedLines.count == 4_321)
        try await TestDatabase.with(backend) { storage in
            let report = try await ChorusImporter(database: storage.database).importFile(path)
            #expect(report.rowsStored == 8_642)
            let rows = try await storage.sql.raw("""
                SELECT ej, poste, supplier_siret, supplier_siret_valid, supplier_name, programme, centre_financier,
                domaine_fonctionnel, groupe_marchandises, fonds, date_creation FROM ej_lines
                """).all()
            #expect(rows.count == expectedLines.count)
            var mismatches: [String] = []
            for row in rows {
                let key = "\(try row.decode(column: "ej", as: String.self))/\(try row.decode(column: "poste", as: Int.self))"
                guard let facts = expectedLines[key] else { mismatches.append("unexpected \(key)"); continue }
                let stored = [try row.decode(column: "supplier_siret", as: String?.self),
                              try row.decode(column: "supplier_name", as: String?.self),
                              try row.decode(column: "programme", as: String?.self),
                              try row.decode(column: "centre_financier", as: String?.self),
                              try row.decode(column: "domaine_fonctionnel", as: String?.self),
                              try row.decode(column: "groupe_marchandises", as: String?.self),
                              try row.decode(column: "fonds", as: String?.self),
                              try row.decode(column: "date_creation", as: String?.self)]
                let parsed = [facts.supplier.siret?.normalized, facts.supplier.name, facts.imputation.programme,
                              facts.imputation.centreFinancier, facts.imputation.domaineFonctionnel,
                              facts.imputation.groupeMarchandises, facts.imputation.fonds, facts.dateCreation?.iso]
                if stored != parsed { mismatches.append("\(key): \(stored) ≠ \(parsed)") }
                if try row.decode(column: "supplier_siret_valid", as: Bool?.self) != facts.supplier.siret?.isValid {
                    mismatches.append("\(key): SIRET validity")
                }
            }
            #expect(mismatches.count == 0, "\(mismatches.prefix(3))")
            let amounts = try await storage.sql.raw("SELECT ej, poste, amount_cents FROM amount_facts").all()
            var stored: [String: Int64] = [:]
            for row in amounts {
                let key = "\(try row.decode(column: "ej", as: String.self))/\(try row.decode(column: "poste", as: Int.self))"
                stored[key] = try row.decode(column: "amount_cents", as: Int64.self)
            }
            #expect(stored == expectedCents)
        }
    }

    @Test func newFilesGetLargePagesAndExistingOnesKeepTheirs() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func pageSize(_ path: String) async throws -> Int {
            try await StorageContainer.using(.sqlite(path: path)) { storage in
                try await storage.sql.raw("PRAGMA page_size").first()!.decode(column: "page_size", as: Int.self)
            }
        }
        #expect(try await pageSize(directory + "/new.sqlite") == SQLiteFileFormat.pageSize)
        let old = directory + "/old.sqlite"
        try SQLiteHandle(path: old).execute("PRAGMA page_size = 4096; CREATE TABLE earlier (id INTEGER)")
        #expect(try await pageSize(old) == 4096)
    }
}
