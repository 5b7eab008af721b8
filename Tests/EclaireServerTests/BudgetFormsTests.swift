import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The forms of the product pages, by role: the team edits its product, a sponsor only reads, others see nothing.
@Suite("Forms of the product pages: links, suggestions, forecast lines", .serialized)
struct BudgetFormsTests {
    static let ledger = DemoLedger(orderCount: 30)

    func ids(_ location: DatabaseLocation) async throws -> (team: Int, sponsored: Int, unlinked: String, sponsoredEJ: String) {
        try await StorageContainer.using(location, migrate: false) { storage in
            let store = BudgetStore(database: storage.database, actor: "test")
            let team = try await store.product(named: "Démarches Transformation").id
            let sponsored = try await store.product(named: "Mon Espace Agriculteur").id
            let unlinked = try #require(try await store.unlinkedEJs().first?.ej)
            let sponsoredEJ = try #require(try await store.links(productID: sponsored).first?.ej)
            return (team, sponsored, unlinked, sponsoredEJ)
        }
    }

    func audit(_ location: DatabaseLocation, product: Int) async throws -> [AuditEntry] {
        try await StorageContainer.using(location, migrate: false) { storage in
            try await BudgetStore(database: storage.database, actor: "test").audit(productID: product)
        }
    }

    /// A refused form sends the browser back to the product page, where the form shows why beside it and keeps
    /// what was typed (issue 18); the page returned is that one.
    static func refused(_ visitor: inout Visitor, _ path: String, form: [String: String], anchor: String) async throws -> String {
        var location = ""
        try await visitor.post(path, form: form) { response in
            #expect(response.status == .seeOther)
            location = response.headers.first(name: .location) ?? ""
        }
        #expect(location.contains("formulaire=") && location.hasSuffix("#formulaire-\(anchor)"), "\(location)")
        var page = ""
        try await visitor.get(String(location.prefix { $0 != "#" })) { response in
            #expect(response.status == .ok)
            page = response.body.string
        }
        // Shown once: the same address again shows the page without the message.
        try await visitor.get(String(location.prefix { $0 != "#" })) { #expect(!$0.body.string.contains("role=\"alert\"")) }
        return page
    }

    @Test func theTeamAcceptsASuggestionInOneClickAndItIsAudited() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (team, _, unlinked, _) = try await ids(location)
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.post("/produits/\(team)/rattacher", form: ["ej": unlinked, "suggestion": "1"]) { response in
                #expect(response.status == .forbidden)  // no CSRF token
            }
            try await member.post("/produits/\(team)/rattacher",
                                  form: ["csrf": member.csrf, "ej": unlinked, "suggestion": "1"]) { response in
                #expect(response.status == .seeOther)
            }
            try await member.get("/produits/\(team)") { response in
                #expect(response.body.string.contains("href=\"/ej/\(unlinked)\""))
                #expect(response.body.string.contains("suggestion acceptée"))
                #expect(response.body.string.contains("Détacher"))
            }
            let entry = try #require(try await audit(location, product: team).first)
            #expect(entry.actor == "equipe" && entry.action == "link" && entry.entityID == unlinked)
            try await member.post("/produits/\(team)/detacher", form: ["csrf": member.csrf, "ej": unlinked]) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await audit(location, product: team).first?.action == "unlink")
        }
    }

    @Test func theTeamEditsItsForecast() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (team, _, _, _) = try await ids(location)
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.post("/produits/\(team)/previsionnel", form: [
                "csrf": member.csrf, "exercice": "2025", "person": "Designer", "month": "9", "tjm": "600", "days": "10,5",
            ]) { response in #expect(response.status == .seeOther) }
            try await member.get("/produits/\(team)?exercice=2025") { response in
                #expect(response.body.string.contains("Designer (septembre)"))
                #expect(response.body.string.contains(Money(cents: 630_000).french))
            }
            let page = try await Self.refused(&member, "/produits/\(team)/previsionnel", form: [
                "csrf": member.csrf, "exercice": "2025", "label": "Hébergement", "ae": "douze",
            ], anchor: "previsionnel-libre")
            #expect(page.contains("role=\"alert\">Montant « AE » illisible"))
            #expect(page.contains(#"name="label" value="Hébergement""#) && page.contains(#"name="ae" value="douze""#))
            #expect(page.contains("exercice 2025"))
            // A time line refused keeps its month too.
            let time = try await Self.refused(&member, "/produits/\(team)/previsionnel", form: [
                "csrf": member.csrf, "exercice": "2025", "person": "Designer", "month": "7", "tjm": "six cents", "days": "2",
            ], anchor: "previsionnel-temps")
            #expect(time.contains(#"<option value="7" selected>"#) && time.contains(#"name="tjm" value="six cents""#))
            let line = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "test").forecast(productID: team).last!.id!
            }
            try await member.post("/produits/\(team)/previsionnel/\(line)/supprimer", form: ["csrf": member.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await audit(location, product: team).first?.action == "delete")
        }
    }

    @Test func readersCannotEditAndOthersCannotReach() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (team, sponsored, unlinked, sponsoredEJ) = try await ids(location)
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/produits/\(sponsored)") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("Détacher"))
                #expect(!response.body.string.contains("Ajouter la ligne"))
            }
            try await sponsor.post("/produits/\(sponsored)/rattacher", form: ["csrf": sponsor.csrf, "ej": unlinked]) { response in
                #expect(response.status == .forbidden)
            }
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.post("/produits/\(sponsored)/rattacher", form: ["csrf": member.csrf, "ej": unlinked]) { response in
                #expect(response.status == .notFound)
            }
            // An EJ of another product cannot be pulled into one's own.
            try await member.post("/produits/\(team)/rattacher", form: ["csrf": member.csrf, "ej": sponsoredEJ]) { response in
                #expect(response.status == .forbidden)
            }
            try await member.post("/produits/\(team)/detacher", form: ["csrf": member.csrf, "ej": sponsoredEJ]) { response in
                #expect(response.status == .notFound)
            }
            var budget = try await Visitor.signedIn(app, as: "budget")
            try await budget.post("/produits/\(team)/rattacher", form: ["csrf": budget.csrf, "ej": unlinked]) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func theTeamRecordsItsFiguresAndSeesTheVerdicts() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (team, _, _, _) = try await ids(location)
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.get("/produits/\(team)") { response in
                let page = response.body.string
                #expect(page.contains("Rapprochement avec les chiffres de l'équipe"))
                #expect(page.contains("KO - BC Écart non expliqué (diff = "))
                #expect(page.contains("OK - SF subdivisé (équipe)"))
            }
            let ej = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").links(productID: team).first!.ej
            }
            try await member.post("/produits/\(team)/bon-de-commande", form: ["csrf": member.csrf, "ej": ej, "ae": "1 000,00"]) { response in
                #expect(response.status == .seeOther)
            }
            try await member.get("/api/v1/products/\(team)/reconciliation") { response in
                let items = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                let engaged = items.filter { $0["ej"] as? String == ej && $0["kind"] as? String == "engage" }
                #expect(!engaged.isEmpty)
                #expect(engaged.allSatisfy { $0["team_amount"] as? Double == 1000 && $0["ok"] as? Bool == false })
            }
            let page = try await Self.refused(&member, "/produits/\(team)/bon-de-commande",
                                              form: ["csrf": member.csrf, "ej": "2105999999", "ae": "1"], anchor: "bon-de-commande")
            #expect(page.contains(#"name="ej" value="2105999999""#) && page.contains("role=\"alert\""))
        }
    }
}

@Suite("Monthly consumption on the product page", .serialized)
struct ConsumptionFormsTests {
    @Test func theTeamRecordsAMonthSplitsItAndValidatesIt() async throws {
        try await DemoApp.with(ledger: BudgetFormsTests.ledger) { app, location in
            let team = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").product(named: "Démarches Transformation").id
            }
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.post("/produits/\(team)/consommation", form: [
                "csrf": member.csrf, "contract": "Marché design", "year": "2025", "month": "7", "tjm": "500", "days": "4",
            ]) { response in #expect(response.status == .seeOther) }
            var consumption = try #require(try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").consumptions(productID: team)
                    .first { $0.contract == "Marché design" }
            })
            #expect(consumption.total == Money(cents: 200_000) && consumption.status == .estimate)
            try await member.post("/produits/\(team)/consommation/\(consumption.id!)/decouper", form: ["csrf": member.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            try await member.post("/produits/\(team)/consommation/\(consumption.id!)/valider", form: ["csrf": member.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            consumption = try #require(try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").consumptions(productID: team)
                    .first { $0.contract == "Marché design" }
            })
            #expect(consumption.status == .validated)
            #expect(consumption.allocated == consumption.total)
            try await member.get("/produits/\(team)?exercice=2025") { response in
                #expect(response.body.string.contains("Consommation mensuelle des contrats"))
                #expect(response.body.string.contains("Marché design"))
            }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.post("/produits/\(team)/consommation/\(consumption.id!)/valider", form: ["csrf": sponsor.csrf]) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

@Suite("Administration of products on the pages", .serialized)
struct ProductAdminTests {
    @Test func anAdministratorCreatesAndFundsAProductAndTeamsCannot() async throws {
        try await DemoApp.with(ledger: BudgetFormsTests.ledger) { app, location in
            var member = try await Visitor.signedIn(app, as: "equipe")
            try await member.post("/produits", form: ["csrf": member.csrf, "name": "X", "team": "x", "sponsor": "y"]) { response in
                #expect(response.status == .forbidden)
            }
            var admin = try await Visitor.signedIn(app, as: "admin")
            var location_: String?
            try await admin.post("/produits", form: ["csrf": admin.csrf, "name": "Signalement", "team": "Équipe S",
                                                     "sponsor": "DINUM", "programme": "129"]) { response in
                #expect(response.status == .seeOther)
                location_ = response.headers.first(name: .location)
            }
            let path = try #require(location_)
            let id = try #require(Int(path.split(separator: "/").last!))
            try await admin.post("/produits/\(id)/budget", form: ["csrf": admin.csrf, "exercice": "2025", "ae": "100 000", "cp": "80 000,50"]) { response in
                #expect(response.status == .seeOther)
            }
            try await admin.post("/produits/\(id)/financement", form: ["csrf": admin.csrf, "exercice": "2025", "source": "FTAP",
                                                                       "amount": "30 000", "forecast": "1"]) { response in
                #expect(response.status == .seeOther)
            }
            let page = try await BudgetFormsTests.refused(&admin, "/produits/\(id)/regle",
                                              form: ["csrf": admin.csrf, "siret": "12345678901234", "centreCouts": "X"], anchor: "regle")
            #expect(page.contains("SIRET invalide") && page.contains(#"name="siret" value="12345678901234""#))
            try await admin.get("/produits/\(id)?exercice=2025") { response in
                let page = response.body.string
                #expect(page.contains("Signalement — exercice 2025"))
                #expect(page.contains(Money(cents: 10_000_000).french))
                #expect(page.contains(Money(cents: 8_000_050).french))
                #expect(page.contains("Financement : FTAP"))
                #expect(page.contains("programme 0129"))
            }
            try await member.post("/produits/\(id)/budget", form: ["csrf": member.csrf, "exercice": "2025", "ae": "1", "cp": "1"]) { response in
                #expect(response.status == .notFound)
            }
            // A team duplicates its own forecast into the next year.
            let team = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").product(named: "Démarches Transformation").id
            }
            try await member.post("/produits/\(team)/budget", form: ["csrf": member.csrf, "exercice": "2025", "ae": "1", "cp": "1"]) { response in
                #expect(response.status == .forbidden)
            }
            try await member.post("/produits/\(team)/previsionnel/dupliquer", form: ["csrf": member.csrf, "from": "2025"]) { response in
                #expect(response.status == .seeOther)
            }
            let (before, after) = try await StorageContainer.using(location, migrate: false) { storage in
                let lines = try await BudgetStore(database: storage.database, actor: "t").forecast(productID: team)
                return (lines.filter { $0.exercice == 2025 }.count, lines.filter { $0.exercice == 2026 }.count)
            }
            #expect(before > 0 && after == before)
        }
    }
}
