import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// The analysts' pages and API over the demo's documents: the list by status, a document's text and facts, the
/// EJ's synthesis, uploads and corrections by role.
@Suite("Documents in the pages and the API", .serialized)
struct DocumentPagesTests {
    static let ledger = DemoLedger(orderCount: 30)

    /// A demo EJ with documents, the product it belongs to (nil when none), and one of its documents.
    func documented(_ location: DatabaseLocation, product: String?) async throws -> (ej: String, document: StoredDocument) {
        try await StorageContainer.using(location, migrate: false) { storage in
            let budget = BudgetStore(database: storage.database, actor: "t")
            let store = DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location), actor: "t")
            for document in try await store.documents(limit: 1000) {
                for ej in document.ejs {
                    let owner = try await budget.productID(ofEJ: ej)
                    let name = try await owner.asyncMap { try await budget.product($0).name }
                    if name == product { return (ej, document) }
                }
            }
            throw CancellationError()
        }
    }

    @Test func analystsSeeEveryDocumentAndTheShareOfCompleteEJs() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.get("/documents") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("de ces EJ ont objet, fournisseur et bénéficiaire"))
                #expect(page.contains("Bon de commande") && page.contains("Devis"))
                #expect(!page.contains("<span class=\"valeur\">0 %</span>"))
                // The share per ministry of the finance bill.
                #expect(page.contains("Services du Premier ministre") && page.contains("Désignations claires par ministère"))
            }
            try await analyst.get("/api/v1/documents/summary") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect((body["total"] as? Int ?? 0) > 10)
                #expect((body["complete_ejs"] as? Int ?? 0) > 0)
            }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/documents") { #expect($0.status == .forbidden) }
        }
    }

    @Test func aFicheNavetteShowsItsImputationOnItsPageAndInTheAPI() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let fiche = try await StorageContainer.using(location, migrate: false) { storage in
                try await DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location), actor: "t")
                    .documents(limit: 1000).first { $0.fileName.hasPrefix("fiche-navette-") }
            }
            let document = try #require(fiche)
            let group = try #require(document.typedFacts.value(at: "imputation.groupe_marchandises")?.value)
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.get("/documents/\(document.id)") { response in
                let page = response.body.string
                #expect(page.contains("Ce que dit ce document (fiche navette)"))
                #expect(page.contains("Imputation › groupe de marchandises</td><td>\(group)</td>"))
            }
            try await analyst.get("/api/v1/documents/\(document.id)") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let facts = (body["extraction"] as? [String: Any])?["facts"] as? [String: Any]
                let imputation = facts?["imputation"] as? [String: Any]
                #expect((imputation?["groupe_marchandises"] as? [String: Any])?["value"] as? String == group)
            }
            try await analyst.get("/export/faits.csv") { response in
                let csv = response.body.string
                #expect(response.status == .ok && csv.contains(document.fileName))
                #expect(csv.contains("Imputation › groupe de marchandises") && csv.contains("imputation.groupe_marchandises"))
            }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/export/faits.csv") { #expect($0.status == .forbidden) }
        }
    }

    @Test func aDocumentShowsItsTextWithTheSourcesMarkedAndItsFacts() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (ej, document) = try await documented(location, product: nil)
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.get("/documents/\(document.id)") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<mark>"))
                #expect(page.contains("SIRET du fournisseur"))
                #expect(page.contains("confiance-haute"))
            }
            try await analyst.get("/ej/\(ej)") { response in
                let page = response.body.string
                #expect(page.contains("Pièces jointes"))
                #expect(page.contains("d'après"))
            }
            try await analyst.get("/api/v1/ejs/\(ej)") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let synthesis = try #require(body["extracted_facts"] as? [String: Any])
                let designation = try #require(synthesis["designation"] as? [String: Any])
                #expect((designation["value"] as? String)?.isEmpty == false)
                #expect((body["documents"] as? [Any])?.isEmpty == false)
            }
        }
    }

    @Test func correctionsAreKeptAuditedAndRefusedToSponsors() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (_, document) = try await documented(location, product: "Mon Espace Agriculteur")
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/documents/\(document.id)") { #expect($0.status == .ok) }
            try await sponsor.post("/documents/\(document.id)/corriger",
                                   form: ["key": "supplier.name", "value": "X", "csrf": sponsor.csrf]) { #expect($0.status == .forbidden) }
            var team = try await Visitor.signedIn(app, as: "equipe")
            try await team.get("/documents/\(document.id)") { #expect($0.status == .notFound) }

            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.post("/documents/\(document.id)/corriger",
                                   form: ["key": "supplier.name", "value": "Nom corrigé SAS", "csrf": analyst.csrf]) { response in
                #expect(response.status == .seeOther)
            }
            try await analyst.send(.PUT, "/api/v1/documents/\(document.id)/fields/object", json: #"{"value": "Objet corrigé"}"#) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                let fields = try #require(body["fields"] as? [[String: Any]])
                #expect(fields.contains { $0["key"] as? String == "object" && $0["value"] as? String == "Objet corrigé" && $0["corrected_by"] as? String == "budget" })
                #expect(fields.contains { $0["key"] as? String == "supplier.name" && $0["value"] as? String == "Nom corrigé SAS" })
            }
            try await StorageContainer.using(location, migrate: false) { storage in
                let audit = try await BudgetStore(database: storage.database, actor: "t").audit(productID: nil)
                #expect(audit.contains { $0.entity == "document_field" && $0.after == "Nom corrigé SAS" && $0.actor == "budget" })
            }
        }
    }

    @Test func analystsSeeTheRegistersLookUpSuppliersAndListAliases() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            // A read document that gives its supplier's SIRET: correcting its name makes an alias.
            let (documentID, siret) = try await StorageContainer.using(location, migrate: false) { storage in
                let reference = SupplierReferenceStore(database: storage.database)
                _ = try await reference.importFile(Fixtures.path("reference/StockUniteLegale_extrait.csv"))
                _ = try await reference.importFile(Fixtures.path("reference/StockEtablissement_extrait.csv"))
                let store = DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location), actor: "t")
                for document in try await store.documents(limit: 1000) {
                    if let siret = try await store.fields(of: document.id).first(where: { $0.field.key == .supplierSiret })?.field.value {
                        return (document.id, siret)
                    }
                }
                throw CancellationError()
            }
            var analyst = try await Visitor.signedIn(app, as: "budget")
            try await analyst.post("/documents/\(documentID)/corriger",
                                   form: ["key": "supplier.name", "value": "Raison Sociale Corrigée", "csrf": analyst.csrf]) {
                #expect($0.status == .seeOther)
            }
            try await analyst.get("/fournisseurs") { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<td>SIRENE (établissement)</td><td class=\"montant\">1</td>"))
                #expect(page.contains("<td>SIRENE (unité légale)</td><td class=\"montant\">2</td>"))
                #expect(page.contains("<code>\(siret)</code></td><td>Raison Sociale Corrigée</td><td>correction du document \(documentID) par budget</td>"))
            }
            try await analyst.get("/fournisseurs?recherche=732%20829%20320%2000074") { response in
                #expect(response.body.string.contains("SIRET 73282932000074 : ACME LYON — SIRENE (établissement)"))
            }
            try await analyst.get("/fournisseurs?recherche=Personne%20Inconnue") { response in
                #expect(response.body.string.contains("« Personne Inconnue » : rien dans les référentiels importés"))
            }
            try await analyst.get("/fournisseurs?alias=corrig%C3%A9e") { response in
                #expect(response.body.string.contains("Raison Sociale Corrigée"))
            }
            try await analyst.get("/fournisseurs?alias=zzzz") { response in
                #expect(response.body.string.contains("Aucun alias."))
            }
            try await analyst.get("/api/v1/documents/suppliers/\(siret)") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect(body["name"] as? String == "Raison Sociale Corrigée")
                #expect(body["source"] as? String == "nom corrigé par un analyste")
                let aliases = try #require(body["aliases"] as? [[String: Any]])
                #expect(aliases.contains { $0["name"] as? String == "Raison Sociale Corrigée" && $0["source"] as? String == "correction du document \(documentID) par budget" })
            }
            try await analyst.get("/api/v1/documents/suppliers/732%20829%20320%2000074") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect(body["siret"] as? String == "73282932000074" && body["siret_valid"] as? Bool == true)
                #expect(body["name"] as? String == "ACME LYON" && (body["aliases"] as? [Any])?.isEmpty == true)
            }
            try await analyst.get("/api/v1/documents/suppliers/11111111111112") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect(body["siret_valid"] as? Bool == false && body["name"] is NSNull)
            }
            try await analyst.get("/api/v1/documents/suppliers/1234") { #expect($0.status == .badRequest) }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/fournisseurs") { #expect($0.status == .forbidden) }
        }
    }

    @Test func aTeamAttachesADocumentToItsOrderAndItIsQueued() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let ej = try await StorageContainer.using(location, migrate: false) { storage in
                let store = BudgetStore(database: storage.database, actor: "t")
                return try await store.links(productID: try await store.product(named: "Démarches Transformation").id)[0].ej
            }
            let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("documents/lettre.odt")))
            var team = try await Visitor.signedIn(app, as: "equipe")
            try await team.upload("/ej/\(ej)/documents", field: "fichier", fileName: "lettre.odt", data: file, fields: ["csrf": "faux"]) {
                #expect($0.status == .forbidden)
            }
            try await team.upload("/ej/\(ej)/documents", field: "fichier", fileName: "lettre.odt", data: file, fields: ["csrf": team.csrf]) {
                #expect($0.status == .seeOther)
            }
            var documentPath = ""
            try await team.get("/ej/\(ej)") { response in
                #expect(response.body.string.contains("lettre.odt"))
                #expect(response.body.string.contains("En attente"))
                let page = response.body.string
                documentPath = "/documents/" + page[page.range(of: "<a href=\"/documents/")!.upperBound...].prefix { $0.isNumber }
            }
            // Its page says in plain words that it waits for its reading, and reloads itself until it is read.
            try await team.get(documentPath) { response in
                let page = response.body.string
                #expect(page.contains("attend sa lecture") && page.contains("se met à jour toute seule"))
                #expect(page.contains(#"<meta http-equiv="refresh" content="5">"#))
                #expect(!page.contains("lue par —") && !page.contains("eclaire work"))
            }
            // Reusers attach through the API: 201 for a new file, 200 for one already stored.
            let pdf = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("documents/lettre.pdf")))
            try await team.upload("/api/v1/ejs/\(ej)/documents", field: "fichier", fileName: "lettre.pdf", data: pdf,
                                  fields: ["csrf": team.csrf]) { response in
                #expect(response.status == .created)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                #expect(body["status"] as? String == "queued" && body["file_name"] as? String == "lettre.pdf")
            }
            try await team.upload("/api/v1/ejs/\(ej)/documents", field: "fichier", fileName: "copie.pdf", data: pdf,
                                  fields: ["csrf": team.csrf]) { #expect($0.status == .ok) }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.upload("/ej/\(ej)/documents", field: "fichier", fileName: "lettre.odt", data: file, fields: ["csrf": sponsor.csrf]) {
                #expect($0.status == .notFound)
            }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
