import Documents
import EclaireCore
import Foundation
import Storage

/// Fills a database with the whole demo: the ledger written in real Chorus layouts and imported, then the
/// products with their budgets, forecasts, rules and links. Used by `eclaire demo` and by the tests of the pages.
public enum DemoDatabase {
    public static let actor = "demo"

    /// `hashPassword` is the server's password hashing: the demo accounts are stored as real ones are.
    /// With `documents`, the orders also get their devis, bons de commande and invoices, read as `eclaire work` would.
    public static func fill(_ storage: StorageContainer, ledger: DemoLedger = DemoLedger(),
                            documents: DocumentFileStore? = nil, hashPassword: (String) throws -> String) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("eclaire-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in try DemoFiles.write(ledger, to: directory) {
            _ = try await ChorusImporter(database: storage.database).importFile(file)
        }
        let store = BudgetStore(database: storage.database, actor: actor)
        let portfolio = DemoPortfolio(ledger: ledger)
        for entry in portfolio.entries {
            let product = try await store.createProduct(
                name: entry.name, team: entry.team, sponsor: entry.sponsor, programme: entry.programme.code,
                centreFinancier: "\(entry.programme.code)-\(entry.programme.bop)", centreCouts: entry.centreCouts)
            try await store.setBudget(productID: product.id, exercice: portfolio.exercice, allocatedAE: entry.budget.ae,
                                      allocatedCP: entry.budget.cp)
            for funding in entry.fundings {
                try await store.addFunding(productID: product.id, exercice: portfolio.exercice, funding: funding)
            }
            for line in entry.forecast { _ = try await store.addForecastLine(productID: product.id, line) }
            for criterion in entry.rules {
                _ = try await store.addRule(LinkRule(productID: product.id, criterion: criterion))
            }
            for ej in entry.manualLinks { try await store.link(ej: ej, productID: product.id) }
            _ = try await store.applyRules()
            for order in entry.teamOrders { try await store.setTeamOrder(productID: product.id, order) }
            for sf in entry.teamServicesFaits { try await store.addTeamServiceFait(productID: product.id, sf) }
            for consumption in entry.consumptions {
                let id = try await store.addConsumption(productID: product.id, consumption)
                if consumption.status == .validated {
                    _ = try await store.splitConsumptionAutomatically(id, productID: product.id)
                }
            }
        }
        if let documents { try await attachDocuments(storage, ledger: ledger, files: documents, directory: directory) }
        let products = try await store.products()
        let accounts = AccountStore(database: storage.database)
        for account in DemoAccounts.all {
            let ids = Set(products.filter { account.products.contains($0.name) }.map(\.id))
            _ = try await accounts.createUser(login: account.login, name: account.name, role: account.role,
                                              passwordHash: try hashPassword(account.password), productIDs: ids)
        }
    }
}

extension DemoDatabase {
    /// Writes the orders' documents, attaches them and reads them in this process (the demo's own files need no
    /// isolation), through the same queue as `eclaire work`.
    static func attachDocuments(_ storage: StorageContainer, ledger: DemoLedger, files: DocumentFileStore,
                                directory: String) async throws {
        let store = DocumentStore(database: storage.database, files: files, actor: actor)
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("pieces")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for attachment in DemoDocuments.attachments(for: ledger) {
            let file = folder.appendingPathComponent(attachment.fileName)
            try attachment.data.write(to: file)
            _ = try await store.attach(ej: attachment.ej, file: file)
        }
        let reader = DocumentReader()
        while let job = try await store.claim(worker: "demo") {
            let document = try await store.document(job.documentID)
            do {
                try await store.complete(job, with: try reader.read(files.path(of: document.storedPath)).record)
            } catch let error as DocumentError {
                try await store.fail(job, reason: error.description, permanent: true)
            }
        }
    }
}

/// The demo's accounts, one per role; their passwords are printed by `eclaire demo` (demonstration data only).
public enum DemoAccounts {
    public struct Account: Sendable {
        public let login: String
        public let name: String
        public let role: Role
        public let password: String
        public let products: [String]
    }

    public static let all: [Account] = [
        Account(login: "admin", name: "Camille Administratrice", role: .admin, password: "admin-demo-eclaire", products: []),
        Account(login: "budget", name: "Bruno du bureau budgétaire", role: .budgetOffice, password: "budget-demo-eclaire",
                products: []),
        Account(login: "sponsor", name: "Sophie Sponsor", role: .sponsor, password: "sponsor-demo-eclaire",
                products: ["Mon Espace Agriculteur"]),
        Account(login: "equipe", name: "Eric de l'équipe DT", role: .teamMember, password: "equipe-demo-eclaire",
                products: ["Démarches Transformation"]),
    ]
}
