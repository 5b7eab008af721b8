import DemoData
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The administrators follow the synchronisation with the AIFE on `/admin/synchronisation` (issue 17).
@Suite("The synchronisation page")
struct SyncAdminPageTests {
    @Test func administratorsSeeTheRunsTheirFiguresProblemsAndTheEJsToTryAgain() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 4)) { app, location in
            try await StorageContainer.using(location, migrate: false) { storage in
                let store = SyncStore(database: storage.database)
                let run = try await store.begin(actor: "cli:ines", from: Date(timeIntervalSince1970: 1_735_689_600),
                                                to: Date(timeIntervalSince1970: 1_740_787_200))
                try await store.update(run: run, figures: SyncFigures(ejsSeen: 1234, filesNew: 7, filesKnown: 2, filesRefused: 1,
                                                                      filesFailed: 1, bytes: 1_234_567,
                                                                      problems: ["plans.pdf : 10000000 octets, au-delà de la limite"]),
                                       status: .done)
                try await store.markForRetry(ej: "1300000003", reason: "pièces de l'EJ 1300000003 : AIFE indisponible")
            }
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/admin/synchronisation") { response in
                let page = response.body.string
                #expect(response.status == .ok)
                #expect(page.contains("cli:ines") && page.contains("terminée"))
                #expect(page.contains("01/01/2025") && page.contains("1\u{202F}234<") && page.contains("1\u{202F}234\u{202F}567"))
                #expect(page.contains("1 problème(s)") && page.contains("plans.pdf"))
                #expect(page.contains(#"<a href="/ej/1300000003">1300000003</a>"#) && page.contains("AIFE indisponible"))
                #expect(page.contains(#"href="/admin/synchronisation" aria-current="page""#))
            }
            var budget = try await Visitor.signedIn(app, as: "budget")
            try await budget.get("/admin/synchronisation") { #expect($0.status == .forbidden) }
            try await budget.get("/") { #expect(!$0.body.string.contains("/admin/synchronisation")) }
        }
    }
}
