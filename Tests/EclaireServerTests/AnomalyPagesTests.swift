import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import Testing
import VaporTesting

/// The anomalies page over the demo: analysts see and dismiss, others are refused.
@Suite("Anomalies in the pages and the API", .serialized)
struct AnomalyPagesTests {
    @Test func analystsListAndDismissAnomalies() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 30)) { app, _ in
            var analyst = try await Visitor.signedIn(app, as: "budget")
            var keys: [String] = []
            try await analyst.get("/api/v1/anomalies") { response in
                #expect(response.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                keys = list.compactMap { $0["key"] as? String }
                #expect(list.allSatisfy { ($0["explanation"] as? String)?.isEmpty == false && ($0["evidence"] as? [Any])?.isEmpty == false })
            }
            try #require(!keys.isEmpty, "the demo has anomalies")
            try await analyst.get("/anomalies") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("anomalies ouvertes"))
            }
            try await analyst.post("/anomalies/ecarter", form: ["key": keys[0], "reason": "Vérifié avec le service", "csrf": analyst.csrf]) {
                #expect($0.status == .seeOther)
            }
            try await analyst.get("/api/v1/anomalies") { response in
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(!list.contains { $0["key"] as? String == keys[0] })
            }
            try await analyst.get("/api/v1/anomalies?include_dismissed=true") { response in
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                let dismissed = list.first { $0["key"] as? String == keys[0] }?["dismissed"] as? [String: Any]
                #expect(dismissed?["reason"] as? String == "Vérifié avec le service")
            }
            // Filters: an EJ, a ministry (its programmes at the PLF 2025), words; the page and the API agree.
            var all: [[String: Any]] = []
            try await analyst.get("/api/v1/anomalies?include_dismissed=true") { response in
                all = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
            }
            let ej = try #require((all.first?["ejs"] as? [String])?.first)
            try await analyst.get("/api/v1/anomalies?include_dismissed=true&ej=\(ej)") { response in
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(!list.isEmpty && list.allSatisfy { ($0["ejs"] as! [String]).contains(ej) })
                #expect(list.count == all.filter { ($0["ejs"] as! [String]).contains(ej) }.count)
            }
            let ledger = DemoLedger(orderCount: 30)
            let ministry = try #require(StatePrograms.program(ledger.orders[0].programme.code)?.ministry)
            let ofMinistry = Set(ledger.orders.filter { StatePrograms.program($0.programme.code)?.ministry == ministry }.map(\.ej))
            try await analyst.get("/api/v1/anomalies?include_dismissed=true&ministere=\(Visitor.encode(ministry))") { response in
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(list.count == all.filter { ($0["ejs"] as! [String]).contains(where: ofMinistry.contains) }.count)
            }
            try await analyst.get("/anomalies?ministere=\(Visitor.encode(ministry))") { response in
                #expect(response.body.string.contains("<option selected>\(ministry)</option>"))
            }
            try await analyst.get("/anomalies?q=\(ej)") { response in
                let page = response.body.string
                #expect(page.contains("/ej/\(ej)"))
                let others = Set(all.flatMap { $0["ejs"] as! [String] }).filter { other in
                    !all.contains { ($0["ejs"] as! [String]).contains(ej) && ($0["ejs"] as! [String]).contains(other) }
                }
                #expect(!others.contains { page.contains("/ej/\($0)") })
            }
            try await analyst.get("/api/v1/anomalies?ministere=Atlantide") { #expect($0.status == .badRequest) }
            // The lists export as CSV and XLSX, for analysts only.
            try await analyst.get("/export/anomalies.csv") { response in
                #expect(response.status == .ok)
                let text = response.body.string
                #expect(text.contains("\"Sorte\";\"EJ\";\"Montant en jeu\"") && text.contains(keys[0]))
            }
            try await analyst.get("/export/pieces.xlsx") { response in
                #expect(response.status == .ok && response.body.readableBytes > 1000)
            }
            try await analyst.get("/export/pieces.csv") { response in
                #expect(response.body.string.contains("bon-de-commande-"))
            }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/export/anomalies.csv") { #expect($0.status == .forbidden) }
            try await sponsor.get("/export/pieces.csv") { #expect($0.status == .forbidden) }
            try await sponsor.get("/anomalies") { #expect($0.status == .forbidden) }
            try await sponsor.get("/api/v1/anomalies") { #expect($0.status == .forbidden) }
        }
    }

    /// The full demo (what `eclaire demo` serves) holds a case of every kind.
    @Test func theFullDemoShowsEveryKind() async throws {
        try await DemoApp.with(ledger: DemoLedger()) { app, _ in
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.get("/api/v1/anomalies") { response in
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                let kinds = Set(list.compactMap { $0["kind"] as? String })
                #expect(kinds == Set(AnomalyKind.allCases.map(\.rawValue)), "\(kinds)")
            }
            // The page shows them by pages: two at a time, then the next two, the pager saying where one stands.
            var total = 0
            try await analyst.get("/api/v1/anomalies") { response in
                total = (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]).count
            }
            var firstPage = "", secondPage = ""
            try await analyst.get("/anomalies?limit=2") { response in
                firstPage = response.body.string
                #expect(firstPage.components(separatedBy: "<article class=\"anomalie\">").count - 1 == 2)
                #expect(firstPage.contains("1 à 2 sur \(FrenchFormat.integer(total))"))
                #expect(firstPage.contains("/anomalies?offset=2&amp;limit=2") || firstPage.contains("/anomalies?offset=2&limit=2"))
            }
            try await analyst.get("/anomalies?limit=2&offset=2") { response in
                secondPage = response.body.string
                #expect(secondPage.contains("3 à 4 sur \(FrenchFormat.integer(total))"))
            }
            let keys = { (page: String) in page.components(separatedBy: "name=\"key\" value=\"").dropFirst().map { $0.prefix { $0 != "\"" } } }
            #expect(Set(keys(firstPage)).isDisjoint(with: keys(secondPage)))
            try await analyst.get("/anomalies?limit=0") { #expect($0.status == .badRequest) }

            // Badges on the product pages: at least one product's orders carry anomalies.
            var badges = 0
            for id in 1...3 {
                try await analyst.get("/produits/\(id)") { response in
                    if response.body.string.contains("Anomalies des bons de commande") { badges += 1 }
                }
            }
            #expect(badges > 0)

            // Reuse: EJs filtered by anomaly kind, stage, document type and category, on the same demo.
            var anomalies: [[String: Any]] = []
            try await analyst.get("/api/v1/anomalies") { response in
                anomalies = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
            }
            func ejs(_ query: String) async throws -> [String] {
                var found: [String] = []
                try await analyst.get("/api/v1/ejs?limit=500&\(query)") { response in
                    #expect(response.status == .ok, "\(query)")
                    let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    found = (json["items"] as! [[String: Any]]).map { $0["ej"] as! String }
                }
                return found
            }
            for kind in ["fractionnement", "doublon", "siret_mismatch"] {
                let expected = Set(anomalies.filter { $0["kind"] as? String == kind }.flatMap { $0["ejs"] as! [String] })
                #expect(Set(try await ejs("anomaly=\(kind)")) == expected && !expected.isEmpty, "\(kind)")
            }
            let paid = try await ejs("stage=paye,solde")
            let all = try await ejs("")
            var stages: [String: String] = [:]
            try await analyst.get("/api/v1/ejs?limit=500") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                for item in json["items"] as! [[String: Any]] { stages[item["ej"] as! String] = item["stage"] as? String }
            }
            #expect(paid == all.filter { ["paye", "solde"].contains(stages[$0]) } && !paid.isEmpty)
            let invoiced = try await ejs("document_type=facture")
            let quoted = try await ejs("document_type=devis")
            #expect(!invoiced.isEmpty && invoiced.count < quoted.count && Set(invoiced).isSubset(of: Set(all)))
            let consulting = try await ejs("category=conseil")
            let split = try await ejs("category=conseil_strategie,conseil_organisation,amoa_si")
            #expect(consulting == split)
            try await analyst.get("/api/v1/ejs?category=inconnue") { #expect($0.status == .badRequest) }
            try await analyst.get("/api/v1/ejs?sort=prix") { #expect($0.status == .badRequest) }

            // A token allowed to correct dismisses one; the filter then leaves its EJs out.
            let target = try #require(anomalies.first { $0["kind"] as? String == "doublon" })
            let key = target["key"] as! String
            var admin = try await Visitor.signedIn(app, as: "admin")
            let secret = try await APITokenTests.createToken(&admin, ["name": "Cellule qualité", "scopes[]": "write_corrections",
                                                                      "csrf": admin.csrf])
            let path = "/api/v1/anomalies/\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)/dismiss"
            try await APITokenTests.call(app, path, token: secret, method: .POST, json: #"{"reason": ""}"#) { response in
                #expect(response.status == .badRequest)
            }
            try await APITokenTests.call(app, path, token: secret, method: .POST,
                                         json: #"{"reason": "Deux factures distinctes, vérifié"}"#) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect((json["dismissed"] as? [String: Any])?["reason"] as? String == "Deux factures distinctes, vérifié")
            }
            try await APITokenTests.call(app, "/api/v1/anomalies", token: secret) { response in
                #expect(response.status == .forbidden)
            }
            let stillDoubled = Set(anomalies.filter { $0["kind"] as? String == "doublon" && $0["key"] as? String != key }
                .flatMap { $0["ejs"] as! [String] })
            #expect(Set(try await ejs("anomaly=doublon")) == stillDoubled)
        }
    }
}
