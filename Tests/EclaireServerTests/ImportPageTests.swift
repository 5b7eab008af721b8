import DemoData
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The budget office imports a Chorus export from `/imports` (issue 18): the same report as `eclaire import`,
/// followed while it runs, the author and date in the history.
@Suite("Imports from the page")
struct ImportPageTests {
    /// Uploads `fixture` and follows the page until the import has ended; returns the final page.
    static func importing(_ visitor: inout Visitor, _ fixture: String, as name: String? = nil) async throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture)))
        var location = ""
        try await visitor.upload("/imports", field: "fichier", fileName: name ?? fixture, data: data, fields: ["csrf": visitor.csrf]) { response in
            #expect(response.status == .seeOther)
            location = response.headers.first(name: .location) ?? ""
        }
        #expect(location.hasPrefix("/imports?suivi="))
        var page = ""
        for _ in 0..<200 {
            try await visitor.get(location) { page = $0.body.string }
            if !page.contains("en cours") { break }
            #expect(page.contains(#"<meta http-equiv="refresh""#))
            try await Task.sleep(for: .milliseconds(50))
        }
        return page
    }

    @Test func theBudgetOfficeImportsAnExportAndReadsTheReport() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 6)) { app, location in
            var budget = try await Visitor.signedIn(app, as: "budget")
            try await budget.get("/imports") { response in
                #expect(response.body.string.contains(#"enctype="multipart/form-data""#))
            }
            let page = try await Self.importing(&budget, "chorus_ae.csv")
            #expect(page.contains("chorus_ae.csv</strong> : ") && page.contains("lignes lues"), "\(page.suffix(3000))")
            #expect(page.contains("par budget"))
            let stored = try await StorageContainer.using(location, migrate: false) { storage in
                try await ChorusQueries(sql: storage.sql).importHistory().first { $0.fileName == "chorus_ae.csv" }
            }
            #expect(stored?.importedBy == "budget" && stored?.importedAt != nil && (stored?.rowsStored ?? 0) > 0)

            // The same file again changes nothing; a file that is no export is refused, naming it, nothing stored.
            #expect(try await Self.importing(&budget, "chorus_ae.csv", as: "copie.csv").contains("déjà importé"))
            let refused = try await Self.importing(&budget, "errors_chorus_ae_missing_column.csv")
            #expect(refused.contains("Import refusé") && refused.contains("errors_chorus_ae_missing_column.csv"))
            #expect(!refused.contains("eclaire-import-"))

            // A sponsor may not import, nor follow someone else's import.
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.upload("/imports", field: "fichier", fileName: "x.csv", data: Data("a;b\n".utf8),
                                     fields: ["csrf": sponsor.csrf]) { #expect($0.status == .forbidden) }
        }
    }

    /// The server stopping while an import from the page runs waits for it: the import is stored whole, and the
    /// process does not reach its closed databases (that stopped it).
    @Test func aServerStoppedDuringAnImportFinishesItFirst() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("chorus_ae.csv")))
        try await DemoApp.with(ledger: DemoLedger(orderCount: 6), afterShutdown: { location in
            let stored = try await StorageContainer.using(location, migrate: false) { storage in
                try await ChorusQueries(sql: storage.sql).importHistory().first { $0.fileName == "arret.csv" }
            }
            #expect(stored?.importedBy == "budget" && (stored?.rowsStored ?? 0) > 0, "\(String(describing: stored))")
        }) { app, _ in
            var budget = try await Visitor.signedIn(app, as: "budget")
            try await budget.upload("/imports", field: "fichier", fileName: "arret.csv", data: data, fields: ["csrf": budget.csrf]) {
                #expect($0.status == .seeOther)
            }
        }
    }

    /// A file of a few megabytes, sent over a socket, reaches the import with its form token: the token is read
    /// once the body is collected (a middleware reading it earlier refused every such upload with a 403).
    @Test func aLargeExportSentByABrowserIsAccepted() async throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("chorus_ae.csv")))
        data.append(Data(repeating: 0x0A, count: 1_000_000))
        try await DemoApp.with(ledger: DemoLedger(orderCount: 6)) { app, _ in
            var budget = try await Visitor.signedIn(app, as: "budget")
            let port = Int.random(in: 20_000...60_000)
            try await budget.upload("/imports", field: "fichier", fileName: "gros.csv", data: data, fields: ["csrf": budget.csrf],
                                    over: .running(hostname: "127.0.0.1", port: port)) { response in
                // The client follows the redirection to the import's page.
                #expect(response.status == .ok && response.body.string.contains("gros.csv"),
                        "\(response.status): \(response.body.string.prefix(300))")
            }
        }
    }
}
