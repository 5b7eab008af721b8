import ChorusImport
import DemoData
import EclaireCore
import Foundation
import Storage
import TestSupport
import Testing

@Suite("EJ lists: filters by stage and documents, every sort walked by cursor, scopes of confined tokens")
struct EJQueryTests {
    static func withDemo(_ backend: Backend, _ body: (StorageContainer, ChorusQueries, [EJOverview]) async throws -> Void)
        async throws
    {
        try await TestDatabase.with(backend) { storage in
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            for file in try DemoFiles.write(DemoLedger(), to: directory) {
                _ = try await ChorusImporter(database: storage.database).importFile(file)
            }
            let queries = ChorusQueries(sql: storage.sql)
            try await body(storage, queries, try await queries.overviews(of: nil))
        }
    }

    @Test(arguments: Backend.available)
    func stageInSQLMatchesTheDomain(backend: Backend) async throws {
        try await Self.withDemo(backend) { _, queries, overviews in
            let stages = Set(overviews.map(\.circuit.stage))
            #expect(stages.count >= 4, "the demo should hold orders at most stages: \(stages)")
            for stage in CircuitStage.allCases {
                let filtered = try await queries.ejNumbers(limit: 1000, filter: EJFilter(stages: [stage]))
                #expect(filtered == overviews.filter { $0.circuit.stage == stage }.map(\.ej), "stage \(stage.rawValue)")
                #expect(try await queries.ejCount(filter: EJFilter(stages: [stage])) == filtered.count)
            }
            let both = try await queries.ejNumbers(limit: 1000, filter: EJFilter(stages: [.paye, .solde]))
            #expect(both == overviews.filter { [.paye, .solde].contains($0.circuit.stage) }.map(\.ej))
        }
    }

    @Test(arguments: Backend.available)
    func everySortIsWalkedCompletelyByCursor(backend: Backend) async throws {
        try await Self.withDemo(backend) { _, queries, overviews in
            for key in EJSort.Key.allCases {
                for descending in [false, true] {
                    let sort = EJSort(key: key, descending: descending)
                    var walked: [String] = [], after: String?
                    repeat {
                        let page = try await queries.ejPage(limit: 7, after: after, sort: sort)
                        walked += page.ejs
                        after = page.next
                    } while after != nil
                    #expect(walked.count == overviews.count && Set(walked).count == walked.count, "\(key) \(descending)")
                    let whole = try await queries.ejPage(limit: 1000, sort: sort).ejs
                    #expect(walked == whole, "\(key) \(descending): pages differ from one whole list")
                    let byEJ = Dictionary(uniqueKeysWithValues: overviews.map { ($0.ej, $0) })
                    if key == .montant || key == .ej {
                        let keys = walked.map { ej in
                            key == .ej ? ej : String(format: "%020lld", byEJ[ej]!.amounts[.engage]?.cents ?? 0)
                        }
                        #expect(keys == (descending ? keys.sorted(by: >) : keys.sorted()), "\(key) \(descending) not in order")
                    }
                }
            }
            let dearest = try await queries.ejPage(limit: 1, sort: EJSort("-montant")!).ejs.first
            #expect(dearest == overviews.max { ($0.amounts[.engage]?.cents ?? 0) < ($1.amounts[.engage]?.cents ?? 0) }?.ej)
        }
    }

    @Test(arguments: Backend.available)
    func aTokenConfinedToAProgrammeSeesOnlyItsEJs(backend: Backend) async throws {
        try await Self.withDemo(backend) { _, queries, overviews in
            let programme = try #require(overviews.compactMap(\.imputation.programme).first)
            let user = User(id: 0, login: "jeton:t", name: "t", role: .budgetOffice, programmes: [programme])
            let scope = EJScope(AccessPolicy(user))
            #expect(!AccessPolicy(user).wholeBase && AccessPolicy(user).isAnalyst)
            let seen = try await queries.ejNumbers(limit: 1000, scope: scope)
            let expected = overviews.filter { $0.imputation.programme == programme
                || ($0.imputation.centreFinancier ?? "").hasPrefix(programme + "-") }.map(\.ej)
            #expect(!seen.isEmpty && seen == expected)
            #expect(seen.count < overviews.count)
            // The policy's view of each EJ agrees with the query's: in reach exactly when the scope lists it.
            let reaches = try await queries.reaches(of: overviews.map(\.ej))
            #expect(reaches.count == overviews.count)
            let policy = AccessPolicy(user)
            #expect(overviews.map(\.ej).filter { policy.ej(reaches[$0]!, .read) } == expected)
        }
    }

    @Test(arguments: Backend.available)
    func supplierNameAndUnknownCursor(backend: Backend) async throws {
        try await Self.withDemo(backend) { _, queries, overviews in
            let name = try #require(overviews.compactMap(\.supplier.name).first)
            let part = String(name.lowercased().split(separator: " ").max { $0.count < $1.count }!)
            let found = try await queries.ejNumbers(limit: 1000, filter: EJFilter(supplierName: part.uppercased()))
            #expect(!found.isEmpty)
            #expect(found == overviews.filter { ($0.supplier.name ?? "").lowercased().contains(part) }.map(\.ej))
            await #expect(throws: QueryError.self) {
                try await queries.ejPage(limit: 5, after: "sans-tilde", sort: EJSort("montant")!)
            }
        }
    }

    @Test(arguments: Backend.available)
    func coverageCountsEveryEJOnceUnderItsProgramme(backend: Backend) async throws {
        try await Self.withDemo(backend) { storage, _, overviews in
            let documents = DocumentStore(database: storage.database, files: DocumentFileStore(
                root: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")), actor: "t")
            let ej = overviews[0].ej
            _ = try await documents.attach(ej: ej, file: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            let job = try #require(try await documents.claim(worker: "w"))
            try await documents.complete(job, with: ExtractionRecord(textMethod: "office", pages: [], fields: [
                ExtractedField(key: .object, value: "Audit de sécurité", confidence: 0.8, source: nil),
                ExtractedField(key: .supplierName, value: "ACME", confidence: 0.8, source: nil),
                ExtractedField(key: .buyer, value: "DINUM", confidence: 0.8, source: nil),
            ], invalidIDs: []))
            let coverage = try await documents.coverageByProgramme()
            #expect(coverage.reduce(0) { $0 + $1.ejCount } == overviews.count)
            #expect(coverage.reduce(0) { $0 + $1.documentedEJs } == 1 && coverage.reduce(0) { $0 + $1.completeEJs } == 1)
            let programme = overviews[0].imputation.programme.map { String($0.drop { $0 == "0" }) }
            let row = try #require(coverage.first { $0.completeEJs == 1 })
            #expect(row.programme == programme)
            #expect(row.ejCount == overviews.filter { $0.imputation.programme == overviews[0].imputation.programme }.count)
        }
    }
}
