import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

@Suite("API tokens: created by an administrator, scoped, confined, rate-limited, every call logged")
struct APITokenTests {
    static func call(_ app: Application, _ path: String, token: String, method: HTTPMethod = .GET, json: String? = nil,
                     _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            try await check(response)
        }
    }

    /// Creates a token on the administrators' page: the form answers with a redirection to the page that shows
    /// the secret once (a refresh neither creates another token nor shows the secret again).
    static func createToken(_ admin: inout Visitor, _ form: [String: String]) async throws -> String {
        var location = ""
        try await admin.post("/admin/jetons", form: form) { response in
            #expect(response.status == .seeOther)
            location = response.headers.first(name: .location) ?? ""
        }
        #expect(location.hasPrefix("/admin/jetons?nouveau="))
        var secret = ""
        try await admin.get(location) { response in
            let page = response.body.string
            if let start = page.range(of: "<code class=\"secret\">") { secret = String(page[start.upperBound...].prefix { $0 != "<" }) }
            #expect(response.headers.first(name: .cacheControl) == "no-store")
        }
        try await admin.get(location) { #expect(!$0.body.string.contains("<code class=\"secret\">")) }
        return secret
    }

    static func items(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
        return json["items"] as! [[String: Any]]
    }

    @Test func anAdministratorCreatesAScopedTokenThatScriptsUse() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 24)) { app, location in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let secret = try await Self.createToken(&admin, ["name": "Observatoire des achats", "scopes[]": "read_spending",
                                                             "rate": "600", "csrf": admin.csrf])
            // Showing the page again created no other token.
            var tokens = 0
            try await StorageContainer.using(location) { storage in tokens = try await APITokenStore(database: storage.database).tokens().count }
            #expect(tokens == 1)
            #expect(secret.hasPrefix("ecl_") && secret.count > 40)
            try await Self.call(app, "/api/v1/ejs?limit=500", token: secret) { response in
                #expect(response.status == .ok)
                let items = try Self.items(response)
                #expect(items.count == 24)
                #expect(response.headers.first(name: "X-RateLimit-Limit") == "600")
            }
            // Scopes: reading spending does not open documents, budgets or corrections.
            for path in ["/api/v1/documents", "/api/v1/products", "/api/v1/portfolio"] {
                try await Self.call(app, path, token: secret) { response in
                    #expect(response.status == .forbidden, "\(path)")
                    #expect(response.body.string.contains("read_"))
                }
            }
            try await Self.call(app, "/api/v1/documents/1/fields/object", token: secret, method: .PUT,
                                json: #"{"value": "x"}"#) { response in
                #expect(response.status == .forbidden)
            }
            // A token opens the API only, never the pages.
            try await Self.call(app, "/produits", token: secret) { response in
                #expect(response.status == .seeOther)
            }
            try await Self.call(app, "/api/v1/ejs", token: secret + "x") { response in
                #expect(response.status == .unauthorized)
            }
            // A person's calls are not the token log's business, nor are a stranger's guesses.
            try await admin.get("/api/v1/stats") { #expect($0.status == .ok) }
            // Every call of the token is in the log, with its answer (written behind the answers; the page writes
            // what is queued before showing it to administrators).
            try await admin.get("/admin/jetons") { response in
                #expect(response.body.string.contains("/api/v1/documents"))
                #expect(!response.body.string.contains(secret))
            }
            try await StorageContainer.using(location) { storage in
                let calls = try await APITokenStore(database: storage.database).calls(limit: 20)
                #expect(calls.contains { $0.path == "/api/v1/ejs" && $0.status == 200 && $0.caller?.contains("Observatoire") == true })
                #expect(calls.contains { $0.path == "/api/v1/documents" && $0.status == 403 })
                #expect(calls.allSatisfy { $0.tokenID != nil && $0.status != 401 && $0.path != "/api/v1/stats" }, "\(calls)")
                let token = try #require(try await APITokenStore(database: storage.database).tokens().first)
                #expect(token.createdBy == "admin" && token.lastUsedAt != nil)
            }
            // Revoked: refused at once.
            try await admin.post("/admin/jetons/1/revoquer", form: ["csrf": admin.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            try await Self.call(app, "/api/v1/ejs", token: secret) { response in
                #expect(response.status == .unauthorized)
            }
            var budget = try await Visitor.signedIn(app, as: "budget")
            try await budget.get("/admin/jetons") { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func confinedTokensAndTheRateLimit() async throws {
        let ledger = DemoLedger(orderCount: 24)
        try await DemoApp.with(ledger: ledger) { app, location in
            let programme = ledger.orders[0].programme.code
            let (product, confined, limited) = try await StorageContainer.using(location) { storage in
                let store = APITokenStore(database: storage.database)
                let product = try #require(try await BudgetStore(database: storage.database, actor: "t").products().first)
                let confined = try await Credentials.createAPIToken(
                    in: store, name: "programme", scopes: [.readSpending], productIDs: [], programmes: [programme],
                    ratePerMinute: 600, createdBy: "test")
                let limited = try await Credentials.createAPIToken(
                    in: store, name: "produit", scopes: [.readSpending, .readBudgets], productIDs: [product.id],
                    programmes: [], ratePerMinute: 3, createdBy: "test")
                return (product, confined.secret, limited.secret)
            }
            try await Self.call(app, "/api/v1/ejs?limit=500", token: confined) { response in
                let ejs = try Self.items(response).map { $0["ej"] as! String }
                #expect(ejs == ledger.orders.filter { $0.programme.code == programme }.map(\.ej))
            }
            let outside = try #require(ledger.orders.first { $0.programme.code != programme })
            try await Self.call(app, "/api/v1/ejs/\(outside.ej)", token: confined) { response in
                #expect(response.status == .notFound)
            }
            try await Self.call(app, "/api/v1/stats", token: confined) { response in
                #expect(response.status == .forbidden)
            }
            // Confined to a product: its EJs only (not those of no product), and three calls a minute.
            let linked = try await StorageContainer.using(location) { storage in
                try await BudgetStore(database: storage.database, actor: "t").links(ejs: ledger.orders.map(\.ej))
                    .filter { $0.productID == product.id }.map(\.ej).sorted()
            }
            try await Self.call(app, "/api/v1/ejs?limit=500", token: limited) { response in
                let ejs = try Self.items(response).map { $0["ej"] as! String }
                #expect(ejs == linked)
                #expect(response.headers.first(name: "X-RateLimit-Remaining") == "2")
            }
            try await Self.call(app, "/api/v1/products/\(product.id)", token: limited) { response in
                #expect(response.status == .ok)
            }
            try await Self.call(app, "/api/v1/products", token: limited) { response in
                #expect(response.status == .ok)
            }
            try await Self.call(app, "/api/v1/ejs", token: limited) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            }
        }
    }

    @Test func aSecretIsStoredAsTheHexOfItsSHA256() {
        // FIPS 180-2's test vectors: the stored digest of tokens written before must not change.
        #expect(Credentials.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Credentials.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// The fields a correction names are exactly the extraction's. (Which scope each route needs is walked by
    /// AccessWalkTests, with tokens lacking each scope.)
    @Test func theCorrectionRouteNamesEveryFieldOfTheExtraction() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/EclaireServer/Resources/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        let correct = ((document["paths"] as! [String: [String: Any]])["/api/v1/documents/{id}/fields/{key}"]!["put"] as! [String: Any])
        let key = (correct["parameters"] as! [[String: Any]]).first { $0["name"] as? String == "key" }
        #expect(Set(((key?["schema"] as? [String: Any])?["enum"] as? [String]) ?? []) == Set(FieldKey.allCases.map(\.rawValue)))
    }
}

@Suite("Lists kept between imports")
struct ListPageCacheTests {
    /// `/api/v1/ejs` is answered from memory while nothing is imported, and computed again after an import (within
    /// the second the server takes to notice it), never mixing what two reaches may see.
    @Test func aListIsComputedAgainAfterAnImport() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 12)) { app, location in
            var analyst = try await Visitor.signedIn(app, as: "budget")
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            func total(_ visitor: inout Visitor) async throws -> Int {
                var found = -1
                try await visitor.get("/api/v1/ejs?limit=5") { response in
                    #expect(response.status == .ok)
                    let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    found = body["total"] as? Int ?? -1
                }
                return found
            }
            let before = try await total(&analyst)
            #expect(try await total(&analyst) == before)
            #expect(try await total(&sponsor) < before, "the sponsor's reach is not the analyst's answer")
            try await StorageContainer.using(location, migrate: false) { storage in
                _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            }
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await total(&analyst) > before)
        }
    }
}
