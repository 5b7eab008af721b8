import DemoData
import EclaireServer
import Foundation
import Storage
import TestSupport
import VaporTesting

/// The server on a real SQLite file holding the whole demo (ledger, products, links), as `eclaire demo` builds it.
enum DemoApp {
    /// `afterShutdown` reads the database once the server has stopped.
    static func with(ledger: DemoLedger, afterShutdown: ((DatabaseLocation) async throws -> Void)? = nil,
                     _ body: (Application, DatabaseLocation) async throws -> Void) async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = DatabaseLocation.sqlite(path: directory + "/demo.sqlite")
        try await StorageContainer.using(location) { storage in 
            try await DemoDatabase.fill(storage, ledger: ledger, documents: DocumentFileStore.resolve(option: nil, database: location),
                                        hashPassword: Credentials.hash)
        }
        try await withApp(configure: { try await EclaireApp.configure($0, database: location) }) { app in
            try await body(app, location)
        }
        try await afterShutdown?(location)
    }
}
