import EclaireCore
import Foundation
import Storage
import TestSupport
import Testing

@Suite("Anomalies over the stored Chorus facts and documents, and their dismissals")
struct AnomalyStoreTests {
    @Test(arguments: Backend.available)
    func aDocumentsSiretAgainstChorusAndADismissalThatLasts(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            let documents = DocumentStore(database: storage.database, files: DocumentFileStore(
                root: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")), actor: "test:ines")
            _ = try await documents.attach(ej: "2103105755", file: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            let job = try #require(try await documents.claim(worker: "w"))
            try await documents.complete(job, with: ExtractionRecord(textMethod: "office", pages: [], fields: [
                ExtractedField(key: .documentType, value: "facture", confidence: 0.9, source: nil),
                ExtractedField(key: .supplierSiret, value: "73282932000074", confidence: 0.95, source: FieldSource(page: 1, text: "SIRET : 732 829 320 00074")),
            ], invalidIDs: []))

            let store = AnomalyStore(database: storage.database, actor: "test:ines")
            let today = LocalDate(year: 2025, month: 12, day: 1)!
            let found = try await store.anomalies(asOf: today).filter { $0.anomaly.kind == .siretMismatch }
            let mismatch = try #require(found.first)
            #expect(mismatch.anomaly.ejs == ["2103105755"] && mismatch.dismissal == nil)
            #expect(mismatch.anomaly.explanation.contains("85129663200017") && mismatch.anomaly.explanation.contains("73282932000074"))

            await #expect(throws: AnomalyError.reasonRequired) { try await store.dismiss(key: mismatch.anomaly.key, reason: " ") }
            try await store.dismiss(key: mismatch.anomaly.key, reason: "Cession du marché à une autre entreprise (avenant n° 2)")
            let again = try await store.anomalies(asOf: today).first { $0.anomaly.key == mismatch.anomaly.key }
            #expect(again?.dismissal?.reason == "Cession du marché à une autre entreprise (avenant n° 2)")
            #expect(again?.dismissal?.actor == "test:ines")
            let audit = try await BudgetStore(database: storage.database, actor: "t").audit(productID: nil)
            #expect(audit.contains { $0.entity == "anomaly" && $0.action == "dismiss" })
        }
    }
}
