import EclaireCore
import Foundation
import Storage
import TestSupport
import Testing

@Suite("Documents attached to EJs, their extraction queue and corrections, in the database")
struct DocumentStoreTests {
    static func store(_ storage: StorageContainer) throws -> DocumentStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-store-\(UUID().uuidString)")
        return DocumentStore(database: storage.database, files: DocumentFileStore(root: folder), actor: "test:ines")
    }

    static func record(_ fields: [(EclaireCore.FieldKey, String)]) -> ExtractionRecord {
        ExtractionRecord(textMethod: "text_layer", pages: [.init(number: 1, method: "text_layer", text: "FACTURE n° 12")],
                         fields: fields.map { ExtractedField(key: $0.0, value: $0.1, confidence: 0.8, source: FieldSource(page: 1, text: $0.1)) },
                         invalidIDs: ["iban"])
    }

    @Test(arguments: Backend.available)
    func aFileIsStoredOnceAndAttachedOncePerEJ(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let store = try Self.store(storage)
            let file = URL(fileURLWithPath: Fixtures.path("documents/lettre.odt"))
            let (first, isNew) = try await store.attach(ej: "2103105755", file: file)
            #expect(isNew && first.status == .queued && first.ejs == ["2103105755"])
            #expect(FileManager.default.fileExists(atPath: store.files.path(of: first.storedPath)))
            let (again, againNew) = try await store.attach(ej: "2103105755", file: file)
            #expect(!againNew && again.id == first.id)
            #expect(try await store.pendingJobs().ready == 1)
            await #expect(throws: DocumentStoreError.unknownEJ("1234567890")) {
                _ = try await store.attach(ej: "1234567890", file: file)
            }
            #expect(try await store.counts()[.queued] == 1)
        }
    }

    @Test(arguments: Backend.available)
    func workersNeverTakeTheSameJobTwice(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let store = try Self.store(storage)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for index in 0..<12 {
                let file = folder.appendingPathComponent("piece-\(index).txt")
                try Data("pièce \(index)".utf8).write(to: file)
                _ = try await store.attach(ej: "2103105755", file: file)
            }
            let claimed = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [Int] = []
                        while let job = try await store.claim(worker: "w\(worker)") { mine.append(job.documentID) }
                        return mine
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(claimed.count == 12)
            #expect(Set(claimed).count == 12)
            #expect(try await store.counts()[.running] == 12)
        }
    }

    @Test(arguments: Backend.available)
    func failuresAreRetriedThenKeptWithTheirReason(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let store = try Self.store(storage)
            let (document, _) = try await store.attach(ej: "2103105755", file: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            var now = Date()
            for attempt in 1...DocumentStore.maxAttempts {
                let job = try #require(try await store.claim(worker: "w", now: now))
                #expect(job.attempts == attempt)
                try await store.fail(job, reason: "lecture interrompue après 120 s", now: now)
                // Not before its back-off.
                #expect(try await store.claim(worker: "w", now: now) == nil)
                now = now.addingTimeInterval(3600)
            }
            let failed = try await store.document(document.id)
            #expect(failed.status == .failed && failed.error == "lecture interrompue après 120 s")
            #expect(try await store.claim(worker: "w", now: now) == nil)
            // Read again on demand.
            try await store.requeue(document.id)
            #expect(try await store.claim(worker: "w", now: now.addingTimeInterval(60)) != nil)
        }
    }

    @Test(arguments: Backend.available)
    func correctionsSurviveReExtractionAndBecomeAliases(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let store = try Self.store(storage)
            let (document, _) = try await store.attach(ej: "2103105755", file: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            let job = try #require(try await store.claim(worker: "w"))
            try await store.complete(job, with: Self.record([(.supplierName, "ACME SA5"), (.supplierSiret, "73282932000074"),
                                                            (.object, "Audit"), (.buyer, "Ministère de l'Intérieur")]))
            #expect(try await store.document(document.id).status == .done)
            #expect(try await store.document(document.id).invalidIDs == ["iban"])
            #expect(try await store.completeness() == (1, 1))
            try await store.correct(documentID: document.id, key: .supplierName, value: "ACME SAS", namingSupplier: true)
            #expect(try await SupplierReferenceStore(database: storage.database).aliases(siret: "73282932000074").map(\.name) == ["ACME SAS"])

            try await store.requeue(document.id)
            let again = try #require(try await store.claim(worker: "w"))
            try await store.complete(again, with: Self.record([(.supplierName, "ACME SA5"), (.object, "Audit des processus")]))
            let fields = try await store.fields(of: document.id)
            let name = try #require(fields.first { $0.field.key == .supplierName })
            #expect(name.field.value == "ACME SAS" && name.correctedBy == "test:ines")
            #expect(fields.first { $0.field.key == .object }?.field.value == "Audit des processus")
            #expect(fields.first { $0.field.key == .supplierSiret } == nil)
            #expect(try await store.pages(of: document.id).map(\.text) == ["FACTURE n° 12"])

            // The facts of its type are kept whole with the document, and replaced by the next reading.
            let typed = TypedFacts(["imputation": .group(["centre_financier": .value("0129-CDBU-0001", 0.92, FieldSource(page: 1, text: "CF"))]),
                                    "lignes": .list([.group(["montant": .value("100.00", 0.9, nil)])])])
            try await store.requeue(document.id)
            let third = try #require(try await store.claim(worker: "w"))
            let navette = ExtractedField(key: .documentType, value: DocumentType.ficheNavette.rawValue, confidence: 0.9, source: nil)
            try await store.complete(third, with: ExtractionRecord(textMethod: "office", pages: [], fields: [navette], invalidIDs: [],
                                                                   typedFacts: typed))
            #expect(try await store.document(document.id).typedFacts == typed)
            let documents = try await AttachedFacts(sql: storage.sql).byEJ(["2103105755"])
            #expect(documents["2103105755"]?.first?.typedFacts.value(at: "imputation.centre_financier")?.value == "0129-CDBU-0001",
                    "a fiche navette's facts are read for the anomaly rules")
        }
    }

    /// A worker of this machine whose process is gone: its job is taken back at once, not after 15 minutes; a file
    /// that stops every reader is failed after `maxAttempts`; a worker that lost its lease writes nothing.
    @Test(arguments: Backend.available)
    func aVanishedWorkersJobIsTakenBackAtOnceAndLeasesAreChecked(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let store = try Self.store(storage)
            let (document, _) = try await store.attach(ej: "2103105755", file: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            let me = WorkerIdentity.current()
            #expect(me.isAlive == true && WorkerIdentity(lockedBy: me.name(index: 3)) == me)
            // A process that no longer runs: same host, a pid past the kernel's maximum.
            let gone = WorkerIdentity(host: me.host, pid: 99_999_999, start: 1)
            #expect(gone.isAlive == false && WorkerIdentity(host: "autre-machine", pid: 1, start: 1).isAlive == nil)
            let first = try #require(try await store.claim(worker: gone.name(index: 0)))
            #expect(try await store.document(document.id).status == .running)
            let taken = try #require(try await store.claim(worker: me.name(index: 0)))
            #expect(taken.id == first.id && taken.attempts == 2)
            #expect(try await store.claim(worker: me.name(index: 1)) == nil, "a live worker's job is not taken")
            // The vanished worker comes back with a result: its lease is gone, nothing is written.
            await #expect(throws: LeaseLost.self) { try await store.complete(first, with: Self.record([(.object, "Périmé")])) }
            await #expect(throws: LeaseLost.self) { try await store.fail(first, reason: "périmé") }
            #expect(try await store.fields(of: document.id).isEmpty)
            #expect(try await store.document(document.id).status == .running)
            try await store.complete(taken, with: Self.record([(.object, "Audit")]))
            #expect(try await store.document(document.id).status == .done)

            // A file whose reading kills its worker every time ends failed, with the reason.
            try await store.requeue(document.id)
            for attempt in 1...DocumentStore.maxAttempts {
                let job = try #require(try await store.claim(worker: gone.name(index: attempt)))
                #expect(job.attempts == attempt)
            }
            #expect(try await store.claim(worker: me.name(index: 0)) == nil)
            let failed = try await store.document(document.id)
            #expect(failed.status == .failed && failed.error?.contains("s'est arrêté") == true)
        }
    }
}
