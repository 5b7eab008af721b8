import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The product teams' pages and API over the demo portfolio.
@Suite("Portfolio, product pages and their API", .serialized)
struct BudgetPagesTests {
    static let ledger = DemoLedger(orderCount: 30)
    static let portfolio = DemoPortfolio(ledger: ledger)

    @Test func thePortfolioShowsEveryProductWithItsFiguresAndAlerts() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/produits?exercice=\(Self.portfolio.exercice)") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("Portefeuille des produits — exercice \(Self.portfolio.exercice)"))
                for entry in Self.portfolio.entries {
                    #expect(page.contains(entry.name))
                    #expect(page.contains(entry.budget.ae.french))
                }
                #expect(page.contains("Engagé au-delà du prévisionnel"))
                #expect(page.contains("<svg class=\"graphique\""))
                #expect(page.contains("EJ rattachés à aucun produit"))
                // Tables sort and filter (tables.js, served by Eclaire, no external asset).
                #expect(page.contains("<table class=\"triable\">"))
                #expect(page.contains("<script src=\"/tables.js\" defer></script>"))
                #expect(!page.contains("https://"))
            }
            // The sponsor filter keeps one product.
            let sponsor = Self.portfolio.entries[1].sponsor
            let query = sponsor.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await admin.get("/api/v1/portfolio?sponsor=\(query)") { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let products = body["products"] as! [[String: Any]]
                #expect(products.count == 1)
                #expect((products[0]["product"] as! [String: Any])["sponsor"] as? String == sponsor)
            }
        }
    }

    @Test func aProductPageExplainsItsYear() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let (product, year) = try await StorageContainer.using(location, migrate: false) { storage in
                let store = BudgetStore(database: storage.database, actor: "test")
                let product = try await store.product(named: Self.portfolio.entries[0].name)
                let year = try await BudgetQueries(store: store).productYear(
                    product.id, exercice: Self.portfolio.exercice, asOf: LocalDate(year: 2026, month: 1, day: 1)!)
                return (product, year)
            }
            #expect(!year.linked.isEmpty)
            try await admin.get("/produits/\(product.id)?exercice=\(Self.portfolio.exercice)") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("\(product.name) — exercice \(Self.portfolio.exercice)"))
                #expect(page.contains(year.execution.engaged.french))
                #expect(page.contains(year.forecastAE.french))
                for linked in year.linked { #expect(page.contains("href=\"/ej/\(linked.overview.ej)\"")) }
                #expect(page.contains("par règle"))
                #expect(page.contains("Journal des modifications"))
                #expect(page.contains("href=\"/glossaire#ae\""))
                // Sections a reader can jump to, each link with its target.
                for section in ["synthese", "execution", "commandes", "rapprochement", "consommation", "previsionnel", "journal"] {
                    #expect(page.contains("href=\"#\(section)\"") && page.contains("id=\"\(section)\""), "\(section)")
                }
            }
            // The history: the latest 20 changes, then all of them on demand.
            let entries = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "test").audit(productID: product.id).count
            }
            func journalRows(_ page: String) -> Int {
                guard let journal = page.range(of: "id=\"journal\"") else { return -1 }
                return page[journal.upperBound...].components(separatedBy: "<tr><td>").count - 1
            }
            try await admin.get("/produits/\(product.id)?exercice=\(Self.portfolio.exercice)") { response in
                #expect(journalRows(response.body.string) == min(entries, 20))
                #expect(response.body.string.contains("tout afficher") == (entries > 20))
            }
            try await admin.get("/produits/\(product.id)?exercice=\(Self.portfolio.exercice)&journal=tout") { response in
                #expect(journalRows(response.body.string) == entries)
                #expect(response.body.string.contains("Allocation fixée"))
            }
            try await admin.get("/api/v1/products/\(product.id)?exercice=\(Self.portfolio.exercice)") { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect(body["allocated_ae"] as? Double == year.allocatedAE.euros)
                #expect((body["execution"] as! [String: Any])["engage"] as? Double == year.execution.engaged.euros)
                #expect((body["ejs"] as! [Any]).count == year.linked.count)
            }
            try await admin.get("/produits/9999") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("produit inconnu : 9999"))
            }
            try await admin.get("/api/v1/products/9999") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func suggestionsListUnlinkedOrdersWithTheirReasons() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            var suggested: [String] = []
            try await admin.get("/api/v1/suggestions") { response in
                #expect(response.status == .ok)
                let items = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(!items.isEmpty)
                for item in items {
                    #expect((item["reasons"] as! [String]).count >= 2)
                    #expect((item["score"] as! Double) >= LinkSuggester.minimumScore)
                }
                suggested = items.map { $0["ej"] as! String }
            }
            try await admin.get("/rapprochement") { response in
                #expect(response.status == .ok)
                for ej in suggested.prefix(50) { #expect(response.body.string.contains("href=\"/ej/\(ej)\"")) }
                // How many proposals there are, and why the other unlinked EJs have none.
                #expect(response.body.string.contains("propose un produit pour <strong>\(FrenchFormat.integer(suggested.count))</strong>"))
                #expect(response.body.string.contains("aucun signal suffisant"))
            }
            try await admin.get("/glossaire") { response in
                for anchor in ["ae", "cp", "ej", "sf", "dp", "csp", "bascule", "fin-de-gestion", "bc", "montants", "tjm", "reste"] {
                    #expect(response.body.string.contains("id=\"\(anchor)\""))
                }
            }
        }
    }
}
