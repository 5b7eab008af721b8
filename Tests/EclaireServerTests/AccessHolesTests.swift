import DemoData
import EclaireCore
import EclaireServer
import Foundation
import SQLKit
import Storage
import TestSupport
import Testing
import VaporTesting

/// The holes of issue 16, each closed: a team member changes only its own products' EJs, names no supplier for
/// everyone, and a token that may not read documents gets none of what was read from them.
@Suite("Access holes closed", .serialized)
struct AccessHolesTests {
    static let ledger = DemoLedger(orderCount: 30)
    static let letter = URL(fileURLWithPath: Fixtures.path("documents/lettre.pdf"))

    /// An EJ of no product with a document, an EJ of the team's product with a document carrying a SIRET.
    func setUp(_ location: DatabaseLocation) async throws -> (unlinked: String, unlinkedDocument: Int, own: String, ownDocument: Int) {
        try await StorageContainer.using(location, migrate: false) { storage in
            let budget = BudgetStore(database: storage.database, actor: "t")
            let documents = DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location), actor: "t")
            let unlinked = try #require(try await budget.unlinkedEJs().first?.ej)
            let team = try #require(try await budget.products().first { $0.name == "Démarches Transformation" })
            let own = try #require(try await budget.links(productID: team.id).first?.ej)
            let first = try await documents.attach(ej: unlinked, file: Self.letter).document.id
            let second = try await documents.attach(ej: own, file: URL(fileURLWithPath: Fixtures.path("documents/lettre.docx"))).document.id
            try await documents.correct(documentID: second, key: .supplierSiret, value: "35600000000048", namingSupplier: true)
            return (unlinked, first, own, second)
        }
    }

    @Test func aTeamMemberChangesNothingOnAnEJOfNoProduct() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let world = try await setUp(location)
            var team = try await Visitor.signedIn(app, as: "equipe")
            try await team.get("/documents/\(world.unlinkedDocument)") { #expect($0.status == .ok) }
            try await team.post("/documents/\(world.unlinkedDocument)/corriger",
                                form: ["key": "iban", "value": "FR7630006000011234567890189", "csrf": team.csrf]) {
                #expect($0.status == .forbidden)
            }
            try await team.send(.PUT, "/api/v1/documents/\(world.unlinkedDocument)/fields/iban",
                                json: #"{"value": "FR7630006000011234567890189"}"#) { #expect($0.status == .forbidden) }
            try await team.get("/ej/\(world.unlinked)") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("name=\"fichier\""), "the upload form is offered")
            }
            try await team.get("/ej/\(world.own)") { #expect($0.body.string.contains("name=\"fichier\"")) }
            // Its own product's documents it still corrects.
            try await team.post("/documents/\(world.ownDocument)/corriger",
                                form: ["key": "object", "value": "Objet vu par l'équipe", "csrf": team.csrf]) { #expect($0.status == .seeOther) }
        }
    }

    @Test func onlyTheBudgetOfficeNamesASupplierForEveryone() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let world = try await setUp(location)
            var team = try await Visitor.signedIn(app, as: "equipe")
            try await team.post("/documents/\(world.ownDocument)/corriger",
                                form: ["key": "supplier.name", "value": "Nom choisi par l'équipe", "csrf": team.csrf]) { #expect($0.status == .seeOther) }
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.get("/api/v1/documents/suppliers/35600000000048") { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("Nom choisi par l'équipe"), "a team's correction became an alias")
            }
            try await analyst.post("/documents/\(world.ownDocument)/corriger",
                                   form: ["key": "supplier.name", "value": "Nom établi par le bureau", "csrf": analyst.csrf]) { #expect($0.status == .seeOther) }
            try await analyst.get("/api/v1/documents/suppliers/35600000000048") { response in
                #expect(response.body.string.contains("Nom établi par le bureau"))
            }
        }
    }

    @Test func aTokenReadingSpendingGetsNoDocumentFacts() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let world = try await setUp(location)
            let (spending, everything) = try await StorageContainer.using(location, migrate: false) { storage in
                let tokens = APITokenStore(database: storage.database)
                let spending = try await Credentials.createAPIToken(in: tokens, name: "dépenses", scopes: [.readSpending], productIDs: [],
                                                                    programmes: [], ratePerMinute: 600, createdBy: "t").secret
                let everything = try await Credentials.createAPIToken(in: tokens, name: "tout", scopes: [.readSpending, .readDocuments],
                                                                      productIDs: [], programmes: [], ratePerMinute: 600, createdBy: "t").secret
                return (spending, everything)
            }
            func documents(_ token: String) async throws -> [Any] {
                var found: [Any] = []
                try await APITokenTests.call(app, "/api/v1/ejs/\(world.own)", token: token) { response in
                    #expect(response.status == .ok)
                    let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    found = try #require(body["documents"] as? [Any])
                }
                return found
            }
            #expect(try await documents(spending).isEmpty)
            #expect(try await !documents(everything).isEmpty)
        }
    }
}
