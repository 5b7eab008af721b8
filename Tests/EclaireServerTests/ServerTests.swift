import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The server on a real SQLite file holding the demo ledger, as `eclaire demo` builds it.
@Suite("Pages and API over the demo data", .serialized)
struct ServerTests {
    static let ledger = DemoLedger(orderCount: 20)

    func withDemoApp(_ body: (Application) async throws -> Void) async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, _ in try await body(app) }
    }

    func withDemoApp(_ body: (Application, DatabaseLocation) async throws -> Void) async throws {
        try await DemoApp.with(ledger: Self.ledger, body)
    }

    @Test func healthAnswersWhenTheDatabaseDoes() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "health") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("\"status\":\"ok\""))
            }
        }
    }

    @Test func theEJListIsInFrenchWithFrenchAmounts() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let order = Self.ledger.orders[0]
            try await admin.get("/") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<html lang=\"fr\">"))
                #expect(page.contains("Engagements juridiques"))
                #expect(page.contains("href=\"/ej/\(order.ej)\""))
                #expect(page.contains(order.total.french))
                #expect(page.contains("EJ 1 à 20 sur 20"))
            }
        }
    }

    @Test func searchFiltersBySupplier() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let supplier = Self.ledger.orders[3].supplier
            let expected = Self.ledger.orders.filter { $0.supplier.siret == supplier.siret }
            try await admin.get("/?q=\(supplier.siret)") { response in
                let page = response.body.string
                #expect(page.contains("sur \(expected.count)</p>") || page.contains("sur \(expected.count)\n"))
                for order in Self.ledger.orders {
                    #expect(page.contains("/ej/\(order.ej)\"") == expected.contains { $0.ej == order.ej })
                }
            }
        }
    }

    @Test func anEJPageExplainsWhereTheMoneyStands() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let order = try #require(Self.ledger.orders.first { $0.stage == .paye })
            try await admin.get("/ej/\(order.ej)") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("Engagement juridique n° \(order.ej)"))
                #expect(page.contains(order.supplier.name))
                // The demo's AE restitution, like many Business Objects ones, prints the programme, not the centre financier.
                #expect(page.contains("— programme \(order.programme.code)</p>"))
                #expect(page.contains("<li class=\"en-cours\">Payé en partie</li>"))
                #expect(page.contains("<li class=\"fait\">Service fait</li>"))
                #expect(page.contains(order.payment!.dp))
                #expect(page.contains("demo_inf_bud_53_ae.csv, ligne"))
                // The steps say who acts and when; the payment clock is explained.
                #expect(page.contains("<td>Service fait certifié</td>"))
                #expect(page.contains("saisi par le CSP</td><td>\(FrenchFormat.date(order.serviceFait!.date))</td>"))
                #expect(page.contains("Délai global de paiement"))
                #expect(page.contains("href=\"/glossaire#dgp\""))
            }
            // A late order says what the delay costs.
            if let late = Self.ledger.orders.first(where: { $0.stage == .serviceFait }) {
                try await admin.get("/ej/\(late.ej)") { response in
                    #expect(response.body.string.contains("Délai global de paiement dépassé"))
                    #expect(response.body.string.contains("intérêts moratoires"))
                }
            }
        }
    }

    @Test func anUnknownEJIsAFrench404() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/ej/9999999999") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Aucun engagement juridique n° 9999999999"))
            }
            try await admin.get("/api/v1/ejs/9999999999") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == .json)
            }
        }
    }

    @Test func theAPIServesTheSameFacts() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/api/v1/stats") { response in
                let stats = try response.content.decode(StatsDTO.self)
                #expect(stats.ejCount == Self.ledger.orders.count)
                #expect(stats.aeTotal == Self.ledger.orders.reduce(Money.zero) { $0 + $1.total }.euros)
            }
            try await admin.get("/api/v1/ejs?limit=5&offset=5") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let items = json["items"] as! [[String: Any]]
                #expect(items.map { $0["ej"] as! String } == Self.ledger.orders[5..<10].map(\.ej))
                #expect(json["total"] as? Int == Self.ledger.orders.count)
                #expect(items.allSatisfy { $0.keys.contains("supplier_siret") && $0.keys.contains("stage") })
            }
            try await admin.get("/api/v1/ejs?limit=0") { response in
                #expect(response.status == .badRequest)
            }
            // Reusers' filters: programme, supplier, period; each list is exactly the ledger's orders that match.
            let programme = Self.ledger.orders[0].programme.code
            try await admin.get("/api/v1/ejs?limit=500&programme=\(Int(programme)!)") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let ejs = (json["items"] as! [[String: Any]]).map { $0["ej"] as! String }
                #expect(ejs == Self.ledger.orders.filter { $0.programme.code == programme }.map(\.ej))
                #expect(json["total"] as? Int == ejs.count)
            }
            let supplier = Self.ledger.orders[3].supplier.siret
            try await admin.get("/api/v1/ejs?limit=500&supplier_siret=\(supplier)&created_from=01/03/2025&created_to=2025-08-31") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let ejs = (json["items"] as! [[String: Any]]).map { $0["ej"] as! String }
                let expected = Self.ledger.orders.filter {
                    $0.supplier.siret == supplier && $0.created >= LocalDate(year: 2025, month: 3, day: 1)!
                        && $0.created <= LocalDate(year: 2025, month: 8, day: 31)!
                }.map(\.ej)
                #expect(ejs == expected)
            }
            try await admin.get("/api/v1/ejs?created_from=hier") { response in
                #expect(response.status == .badRequest)
            }
            // A ministry stands for its programmes in the finance bill (Intérieur: 216, 354…).
            try await admin.get("/api/v1/ejs?limit=500&ministere=int%C3%A9rieur") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let ejs = (json["items"] as! [[String: Any]]).map { $0["ej"] as! String }
                let interior = Set(StatePrograms.programs(ofMinistry: "Intérieur").map(\.code))
                #expect(ejs == Self.ledger.orders.filter { interior.contains($0.programme.code) }.map(\.ej) && !ejs.isEmpty)
            }
            try await admin.get("/api/v1/ejs?ministere=Atlantide") { response in
                #expect(response.status == .badRequest)
            }
            try await admin.get("/api/v1/documents/coverage?by=ministere") { response in
                let rows = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(rows.reduce(0) { $0 + ($1["ejs"] as! Int) } == Self.ledger.orders.count)
                #expect(rows.contains { $0["ministere"] as? String == "Intérieur" })
            }
        }
    }

    @Test func cachedTotalsFollowANewImport() async throws {
        try await withDemoApp { app, location in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/api/v1/stats") { response in
                let stats = try response.content.decode(StatsDTO.self)
                #expect(stats.ejCount == Self.ledger.orders.count)
            }
            // Another process (the command line) imports a file into the same base.
            try await StorageContainer.using(location) { storage in
                _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path("national_aife_ae.csv"))
            }
            // The server looks at the latest import's number at most once a second.
            try await Task.sleep(for: .milliseconds(1100))
            try await admin.get("/api/v1/stats") { response in
                let stats = try response.content.decode(StatsDTO.self)
                #expect(stats.ejCount == Self.ledger.orders.count + 2)
            }
        }
    }

    @Test func theAPIWalksTheBaseByCursor() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            var seen: [String] = []
            var after: String?
            for _ in 0..<10 {
                let path = "/api/v1/ejs?limit=7" + (after.map { "&after=\($0)" } ?? "")
                var next: String?
                try await admin.get(path) { response in
                    let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    seen += (json["items"] as! [[String: Any]]).map { $0["ej"] as! String }
                    next = json["next_after"] as? String
                }
                guard let next else { break }
                after = next
            }
            #expect(seen == Self.ledger.orders.map(\.ej).sorted())
        }
    }

    @Test func theImportHistoryListsTheDemoFiles() async throws {
        try await withDemoApp { app in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/imports") { response in
                let page = response.body.string
                for name in ["demo_inf_bud_53_ae.csv", "demo_inf_bud_53_cp.csv", "demo_inf_bud_53_type_montant.csv"] {
                    #expect(page.contains(name))
                }
            }
        }
    }

    @Test func metricsAreExposedForPrometheus() async throws {
        EclaireMetrics.bootstrap()
        try await withDemoApp { app in
            try await app.testing().test(.GET, "/health") { _ in }
            try await app.testing().test(.GET, "/metrics") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("http_requests_total"))
            }
        }
    }
}
