@testable import ChorusSync
import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

/// Synchronisations against a fake AIFE the test starts: real HTTP, real database, real document store.
@Suite("Attachments fetched from the AIFE: new ones stored and queued once, faults survived, resumed where stopped")
struct AttachmentSyncTests {
    static let ms: Int64 = 1000
    /// 2025-03-01, 2025-03-02, 2025-03-03 (UTC), in milliseconds.
    static let march1: Int64 = 1_740_787_200 * ms
    static let day: Int64 = 86_400 * ms

    static func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("documents/\(name)"))) }

    static func settings(_ aife: FakeAIFE, secret: String = "s3cret") -> AIFESettings {
        var settings = AIFESettings(authURL: aife.url, baseURL: aife.url, clientID: "eclaire", secret: .init(secret),
                                    purchasingOrganisations: ["ORG1"], purchasingGroups: ["G01"])
        settings.maxFileBytes = 1_000_000
        settings.retry = RetryPolicy(attempts: 3, firstDelay: 0.01, maxDelay: 0.05)
        return settings
    }

    static func sync(_ aife: FakeAIFE, _ storage: StorageContainer, _ folder: URL, secret: String = "s3cret") -> AttachmentSync {
        AttachmentSync(settings: settings(aife, secret: secret), store: SyncStore(database: storage.database),
                       documents: DocumentStore(database: storage.database, files: DocumentFileStore(root: folder), actor: "test:sync"),
                       actor: "test:sync")
    }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Three EJs of ORG1/G01 in March 2025, one of another group, one before the window.
    static func world() throws -> FakeAIFE.World {
        var world = FakeAIFE.World()
        world.ejs = [("1300000001", "ORG1", "G01", march1, "EJ 1300000001 - Création"),
                     ("1300000002", "ORG1", "G01", march1 + day, "EJ 1300000002 - Création"),
                     ("1300000003", "ORG1", "G01", march1 + 2 * day, "EJ 1300000003 - Modification"),
                     ("1300000009", "ORG1", "G02", march1, "EJ 1300000009 - Création"),
                     ("1300000008", "ORG1", "G01", march1 - 90 * day, "EJ 1300000008 - Création"),
                     // Not an EJ's number: refused, said, and the others go on.
                     ("../../1300000001", "ORG1", "G01", march1 + 3 * day, "EJ - Création")]
        let pdf = try bytes("lettre.pdf"), odt = try bytes("lettre.odt"), docx = try bytes("lettre.docx"), png = try bytes("lettre.png")
        world.attachments = [
            "1300000001": [.init(id: "PJ-A", name: "devis.pdf", bytes: pdf, date: march1), .init(id: "PJ-B", name: "bon.odt", bytes: odt, date: march1)],
            // The same bytes as PJ-A under another id; and a file the AIFE says is 10 MB.
            "1300000002": [.init(id: "PJ-C", name: "copie-devis.pdf", bytes: pdf, date: march1 + day),
                           .init(id: "PJ-D", name: "plans.pdf", bytes: Data("x".utf8), date: march1 + day, declaredSize: "10000000")],
            "1300000003": [.init(id: "PJ-E", name: "facture.docx", bytes: docx, date: march1 + 2 * day),
                           .init(id: "PJ-F", name: "scan.png", bytes: png, date: march1 + 2 * day)],
            "1300000009": [.init(id: "PJ-Z", name: "autre.pdf", bytes: Data("%PDF-autre".utf8), date: march1)],
        ]
        // PJ-A comes twice, the second time with an earlier date: one download.
        world.extraMetadata["1300000001"] = [["id_pj": "PJ-A", "nom_pj": "devis.pdf", "num_ej": "1300000001",
                                              "size_pj": String(pdf.count), "date_pj": "/Date(\(march1 - day))/"]]
        world.faults = ["metadata:1300000003": [429], "data:PJ-E": [500]]
        world.truncate = ["PJ-F": 1]
        world.pageSize = 2
        return world
    }

    @Test(arguments: Backend.available)
    func aRunStoresNewFilesOnceAndTheNextDownloadsNothingTwice(backend: Backend) async throws {
        try await FakeAIFE.with { aife in
            aife.world = try Self.world()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await TestDatabase.with(backend) { storage in
                let sync = Self.sync(aife, storage, folder)
                let first = try await sync.run(since: Self.date(Self.march1 - 10 * Self.day), until: Self.date(Self.march1 + 10 * Self.day))
                let pdf = try Self.bytes("lettre.pdf").count, odt = try Self.bytes("lettre.odt").count
                let docx = try Self.bytes("lettre.docx").count, png = try Self.bytes("lettre.png").count
                #expect(first.status == .done)
                #expect(first.figures.ejsSeen == 3)
                #expect(first.figures.filesNew == 4, "PJ-A, PJ-B, PJ-E, PJ-F")
                #expect(first.figures.filesKnown == 1, "PJ-C has PJ-A's bytes")
                #expect(first.figures.filesRefused == 1 && first.figures.filesFailed == 0)
                #expect(first.figures.bytes == Int64(2 * pdf + odt + docx + png))
                #expect(first.figures.problems.count == 2 && first.figures.problems.contains { $0.contains("plans.pdf") })
                #expect(first.figures.problems.contains { $0.contains("num_ej « ../../1300000001 » n'est pas un n° d'EJ") })
                #expect(aife.downloads == ["PJ-A": 1, "PJ-B": 1, "PJ-C": 1, "PJ-E": 1, "PJ-F": 2])
                #expect(aife.requests.filter { $0.hasPrefix("liste_ej_place") }.count == 2, "two pages of two EJs")

                let documents = DocumentStore(database: storage.database, files: DocumentFileStore(root: folder), actor: "test")
                let stored = try await documents.documents(limit: 100)
                #expect(stored.count == 4 && stored.allSatisfy { $0.status == .queued })
                #expect(Set(stored.map(\.fileName)) == ["devis.pdf", "bon.odt", "facture.docx", "scan.png"])
                #expect(stored.first { $0.fileName == "devis.pdf" }?.ejs == ["1300000001", "1300000002"])
                #expect(try await documents.pendingJobs().ready == 4)

                // Nothing new in the AIFE: the next run starts where the first stopped and downloads nothing.
                let second = try await sync.run(until: Self.date(Self.march1 + 11 * Self.day))
                #expect(second.figures == SyncFigures(), "\(second.figures)")
                #expect(second.from == Self.date(Self.march1 + 10 * Self.day))

                // EJ 1 changes: a new attachment; the two it had are known by their AIFE id and not downloaded again.
                var world = aife.world
                world.ejs.append(("1300000001", "ORG1", "G01", Self.march1 + 11 * Self.day + 3_600_000, "EJ 1300000001 - Modification"))
                world.attachments["1300000001"]?.append(.init(id: "PJ-G", name: "avenant.pdf", bytes: Data("%PDF-1.4 avenant".utf8),
                                                              date: Self.march1 + 10 * Self.day))
                aife.world = world
                let third = try await sync.run(until: Self.date(Self.march1 + 12 * Self.day))
                #expect(third.figures.ejsSeen == 1 && third.figures.filesNew == 1 && third.figures.filesKnown == 2)
                #expect(aife.downloads["PJ-A"] == 1 && aife.downloads["PJ-G"] == 1)

                let runs = try await SyncStore(database: storage.database).recentRuns()
                #expect(runs.map(\.status) == [.done, .done, .done] && runs.first?.figures.filesNew == 1)
            }
        }
    }

    @Test(arguments: Backend.available)
    func aRefusedTokenStopsTheRunAndSaysSo(backend: Backend) async throws {
        try await FakeAIFE.with { aife in
            aife.world = try Self.world()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await TestDatabase.with(backend) { storage in
                let sync = Self.sync(aife, storage, folder, secret: "wrong")
                await #expect(throws: AIFEError.tokenRefused(status: 401, detail: #"{"error":"invalid_client"}"#)) {
                    _ = try await sync.run(since: Self.date(Self.march1), until: Self.date(Self.march1 + Self.day))
                }
                let runs = try await SyncStore(database: storage.database).recentRuns()
                #expect(runs.count == 1 && runs[0].status == .failed)
                #expect(runs[0].figures.problems.first?.contains("jeton OAuth refusé") == true)
                #expect(aife.downloads.isEmpty)
            }
        }
    }

    @Test(arguments: Backend.available)
    func anEJWhoseAnswerIsRefusedOrUnreachableIsTriedAgainByTheNextRun(backend: Backend) async throws {
        try await FakeAIFE.with { aife in
            var world = try Self.world()
            world.faults = ["metadata:1300000003": [500, 500, 500], "data:PJ-B": [503, 503, 503]]
            world.truncate = [:]
            world.extraMetadata["1300000002"] = [["id_pj": "PJ-C", "nom_pj": "autre-nom.pdf", "num_ej": "1300000002", "size_pj": "12",
                                                  "date_pj": "/Date(\(Self.march1))/"]]
            aife.world = world
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await TestDatabase.with(backend) { storage in
                let sync = Self.sync(aife, storage, folder)
                let first = try await sync.run(since: Self.date(Self.march1), until: Self.date(Self.march1 + 5 * Self.day))
                #expect(first.status == .done && first.figures.ejsSeen == 3)
                #expect(first.figures.filesNew == 1 && first.figures.filesFailed == 1, "PJ-A stored, PJ-B failed")
                #expect(first.figures.problems.contains { $0.contains("EJ 1300000002 : réponse refusée, la pièce PJ-C y figure deux fois") })
                #expect(first.figures.problems.contains { $0.contains("pièces de l'EJ 1300000003 : AIFE indisponible après 3 essais (HTTP 500)") })
                #expect(first.figures.problems.contains { $0.contains("bon.odt") && $0.contains("HTTP 503") })
                let store = SyncStore(database: storage.database)
                #expect(try await store.retries().sorted() == ["1300000001", "1300000002", "1300000003"])

                // The AIFE mends its answers: the next run, with nothing new in its window, fetches what was missing.
                var mended = aife.world
                mended.extraMetadata["1300000002"] = nil
                aife.world = mended
                let second = try await sync.run(until: Self.date(Self.march1 + 6 * Self.day))
                #expect(second.figures.ejsSeen == 3, "the three EJs tried again")
                #expect(second.figures.filesNew == 3 && second.figures.filesKnown == 2 && second.figures.filesRefused == 1,
                        "PJ-B, PJ-E, PJ-F new; PJ-A known by id, PJ-C by content; PJ-D too large — \(second.figures)")
                #expect(try await store.retries().isEmpty)
                #expect(aife.downloads["PJ-A"] == 1)
            }
        }
    }

    @Test(arguments: Backend.available)
    func anInterruptedRunResumesWithoutDownloadingTwice(backend: Backend) async throws {
        try await FakeAIFE.with { aife in
            var world = try Self.world()
            world.faults = [:]
            world.truncate = [:]
            world.slow = ["PJ-E": 3]
            aife.world = world
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await TestDatabase.with(backend) { storage in
                let sync = Self.sync(aife, storage, folder)
                let running = Task { try await sync.run(since: Self.date(Self.march1), until: Self.date(Self.march1 + 5 * Self.day)) }
                // Stopped while the third EJ's first file is on its way.
                for _ in 0..<500 where aife.requests.filter({ $0 == "data:PJ-E" }).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
                running.cancel()
                await #expect(throws: (any Error).self) { _ = try await running.value }
                let store = SyncStore(database: storage.database)
                #expect(try await store.recentRuns().first?.status == .interrupted)
                #expect(try await store.cursor(scope: "ORG1/G01") == Self.date(Self.march1 + Self.day), "after EJ 1300000002")

                var fast = aife.world
                fast.slow = [:]
                aife.world = fast
                let resumed = try await sync.run(until: Self.date(Self.march1 + 5 * Self.day))
                #expect(resumed.from == Self.date(Self.march1 + Self.day))
                #expect(resumed.figures.filesNew == 2, "PJ-E and PJ-F — \(resumed.figures)")
                #expect(aife.downloads["PJ-A"] == 1 && aife.downloads["PJ-B"] == 1)
                #expect(try await store.recentRuns().first?.status == .done)
            }
        }
    }

    @Test(arguments: Backend.available)
    func anExpiredTokenIsRenewedOnce(backend: Backend) async throws {
        try await FakeAIFE.with { aife in
            var world = try Self.world()
            world.faults = ["data:PJ-A": [401]]
            world.truncate = [:]
            aife.world = world
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-sync-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await TestDatabase.with(backend) { storage in
                let report = try await Self.sync(aife, storage, folder).run(since: Self.date(Self.march1), until: Self.date(Self.march1))
                #expect(report.figures.filesNew == 2 && report.figures.problems.isEmpty)
                #expect(aife.tokensIssued == 2)
            }
        }
    }
}
