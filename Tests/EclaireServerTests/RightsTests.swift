import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// Who sees what, route by route: a person never reaches, through a page or the API, a product they have no
/// right to, nor the EJs linked to it.
@Suite("Accounts, sessions, CSRF and rights on every route", .serialized)
struct RightsTests {
    static let ledger = DemoLedger(orderCount: 30)

    struct World {
        var products: [String: Int] = [:]
        var ejs: [String: [String]] = [:]
        var unlinked: String?
    }

    func world(_ location: DatabaseLocation) async throws -> World {
        try await StorageContainer.using(location, migrate: false) { storage in
            let store = BudgetStore(database: storage.database, actor: "test")
            var world = World()
            for product in try await store.products() {
                world.products[product.name] = product.id
                world.ejs[product.name] = try await store.links(productID: product.id).map(\.ej)
            }
            world.unlinked = try await store.unlinkedEJs().first?.ej
            return world
        }
    }

    static let protectedPages = ["/", "/imports", "/produits", "/produits/1", "/rapprochement", "/ej/2105000000"]
    static let protectedAPI = ["/api/v1/stats", "/api/v1/imports", "/api/v1/ejs", "/api/v1/ejs/2105000000",
                               "/api/v1/products", "/api/v1/products/1", "/api/v1/products/1/reconciliation",
                               "/api/v1/products/1/consumptions", "/api/v1/products/1/forecast",
                               "/api/v1/products/1/audit", "/api/v1/portfolio", "/api/v1/suggestions"]

    @Test func anonymousVisitorsAreSentToSignIn() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            var visitor = Visitor.anonymous(app)
            for path in Self.protectedPages {
                try await visitor.get(path) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers.first(name: .location)?.hasPrefix("/connexion?suite=") == true, "\(path)")
                }
            }
            for path in Self.protectedAPI {
                try await visitor.get(path) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(response.headers.first(name: .wwwAuthenticate) == "Bearer realm=\"Eclaire\", Basic realm=\"Eclaire\"")
                }
            }
            for path in ["/health", "/glossaire", "/connexion", "/eclaire.css", "/tables.js"] {
                try await visitor.get(path) { response in #expect(response.status == .ok, "\(path)") }
            }
        }
    }

    @Test(arguments: [("sponsor", "Mon Espace Agriculteur"), ("equipe", "Démarches Transformation")])
    func aSponsorOrATeamMemberSeesOnlyTheirProduct(login: String, own: String) async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let world = try await world(location)
            var visitor = try await Visitor.signedIn(app, as: login)
            let others = world.products.keys.filter { $0 != own }
            let ownID = try #require(world.products[own])
            let ownEJ = try #require(world.ejs[own]?.first)
            try await visitor.get("/produits") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(own))
                for other in others { #expect(!response.body.string.contains(other), "\(other) shown to \(login)") }
            }
            try await visitor.get("/produits/\(ownID)") { response in #expect(response.status == .ok) }
            try await visitor.get("/ej/\(ownEJ)") { response in #expect(response.status == .ok) }
            try await visitor.get("/api/v1/ejs/\(ownEJ)") { response in #expect(response.status == .ok) }
            if let unlinked = world.unlinked {
                try await visitor.get("/ej/\(unlinked)") { response in #expect(response.status == .ok) }
            }
            for other in others {
                let id = try #require(world.products[other])
                try await visitor.get("/produits/\(id)") { response in #expect(response.status == .notFound) }
                for suffix in ["", "/reconciliation", "/consumptions", "/forecast", "/audit"] {
                    try await visitor.get("/api/v1/products/\(id)\(suffix)") { response in
                        #expect(response.status == .notFound, "\(suffix)")
                    }
                }
                for table in ["ejs", "previsionnel", "rapprochement", "journal"] {
                    try await visitor.get("/export/produits/\(id)/\(table).xlsx") { response in
                        #expect(response.status == .notFound, "\(table)")
                    }
                }
                for ej in world.ejs[other] ?? [] {
                    try await visitor.get("/ej/\(ej)") { response in #expect(response.status == .notFound, "\(ej)") }
                    try await visitor.get("/api/v1/ejs/\(ej)") { response in
                        #expect(response.status == .notFound)
                        // The same answer as for an EJ that does not exist: nothing tells it apart.
                        #expect(response.body.string.contains("EJ inconnu : \(ej)"))
                    }
                }
            }
            let hidden = Set(others.flatMap { world.ejs[$0] ?? [] })
            try await visitor.get("/?limit=500") { response in
                #expect(response.body.string.contains("href=\"/ej/\(ownEJ)\""))
                for ej in hidden { #expect(!response.body.string.contains("href=\"/ej/\(ej)\"")) }
                #expect(!response.body.string.contains("fournisseurs</span>"))  // no whole-base totals
            }
            try await visitor.get("/api/v1/ejs?limit=500") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let listed = Set((body["items"] as! [[String: Any]]).map { $0["ej"] as! String })
                #expect(listed.contains(ownEJ))
                #expect(listed.isDisjoint(with: hidden))
            }
            try await visitor.get("/api/v1/products") { response in
                let items = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(items.map { $0["name"] as! String } == [own])
            }
            try await visitor.get("/api/v1/portfolio") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect((body["products"] as! [Any]).count == 1)
            }
            try await visitor.get("/api/v1/suggestions") { response in
                let items = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(items.allSatisfy { $0["product_id"] as? Int == ownID })
            }
            try await visitor.get("/rapprochement") { response in
                for other in others { #expect(!response.body.string.contains(other)) }
            }
            try await visitor.get("/imports") { response in #expect(response.status == .forbidden) }
            try await visitor.get("/api/v1/stats") { response in #expect(response.status == .forbidden) }
            try await visitor.get("/api/v1/imports") { response in #expect(response.status == .forbidden) }
        }
    }

    @Test func theBudgetOfficeReadsEverything() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let world = try await world(location)
            var visitor = try await Visitor.signedIn(app, as: "budget")
            try await visitor.get("/produits") { response in
                for name in world.products.keys { #expect(response.body.string.contains(name)) }
            }
            for (name, id) in world.products {
                try await visitor.get("/produits/\(id)") { response in #expect(response.status == .ok, "\(name)") }
                for ej in world.ejs[name] ?? [] {
                    try await visitor.get("/api/v1/ejs/\(ej)") { response in #expect(response.status == .ok) }
                }
            }
            try await visitor.get("/imports") { response in #expect(response.status == .ok) }
            try await visitor.get("/api/v1/stats") { response in #expect(response.status == .ok) }
        }
    }

    @Test func signInRefusesBadPasswordsForgedFormsAndForeignRedirects() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            var visitor = Visitor.anonymous(app)
            var token = ""
            try await visitor.get("/connexion?suite=https%3A%2F%2Fexemple.org%2F") { response in
                token = Visitor.hiddenField("csrf", in: response.body.string) ?? ""
                #expect(response.body.string.contains("name=\"suite\" value=\"/produits\""))
            }
            try await visitor.post("/connexion", form: ["login": "admin", "password": "mauvais-mot-de-passe",
                                                        "csrf": token]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("Identifiant ou mot de passe incorrect."))
                token = Visitor.hiddenField("csrf", in: response.body.string) ?? ""
            }
            #expect(visitor.cookies["eclaire_session"] == nil)
            // A form posted from elsewhere carries no matching form cookie.
            var forger = Visitor.anonymous(app)
            try await forger.post("/connexion", form: ["login": "admin", "password": "admin-demo-eclaire",
                                                       "csrf": "forged"]) { response in
                #expect(response.status == .forbidden)
            }
            #expect(forger.cookies["eclaire_session"] == nil)
            try await visitor.post("/connexion", form: ["login": "admin", "password": "admin-demo-eclaire",
                                                        "csrf": token, "suite": "//exemple.org"]) { response in
                #expect(response.headers.first(name: .location) == "/produits")
            }
        }
    }

    @Test func formsNeedTheSessionsToken() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            var visitor = try await Visitor.signedIn(app, as: "admin")
            #expect(!visitor.csrf.isEmpty)
            try await visitor.post("/deconnexion", form: [:]) { response in #expect(response.status == .forbidden) }
            try await visitor.post("/deconnexion", form: ["csrf": "autre"]) { response in
                #expect(response.status == .forbidden)
            }
            try await visitor.get("/produits") { response in #expect(response.status == .ok) }
            try await visitor.post("/deconnexion", form: ["csrf": visitor.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            try await visitor.get("/produits") { response in #expect(response.status == .seeOther) }
        }
    }

    @Test func scriptsUseBasicCredentialsOnTheAPIOnly() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in
            let good = "Basic " + Data("sponsor:sponsor-demo-eclaire".utf8).base64EncodedString()
            let bad = "Basic " + Data("sponsor:faux-mot-de-passe".utf8).base64EncodedString()
            try await app.testing().test(.GET, "/api/v1/products", headers: ["Authorization": good]) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/products", headers: ["Authorization": bad]) { response in
                #expect(response.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/produits", headers: ["Authorization": good]) { response in
                #expect(response.status == .seeOther)
            }
        }
    }
}
