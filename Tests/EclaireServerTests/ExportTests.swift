import OfficeFiles
import DemoData
import EclaireCore
import EclaireServer
import Foundation
import Storage
import TestSupport
import Testing
import VaporTesting

/// Every table exports as CSV and XLSX, under the rights of its page.
@Suite("CSV and XLSX exports", .serialized)
struct ExportTests {
    static let ledger = DemoLedger(orderCount: 30)

    @Test func csvIsWhatAFrenchSpreadsheetOpensAndFollowsTheRights() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let products = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").products()
            }
            let own = try #require(products.first { $0.name == "Mon Espace Agriculteur" })
            let other = try #require(products.first { $0.name == "Démarches Transformation" })
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/export/portefeuille.csv?exercice=2025") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "csv")
                #expect(response.headers.first(name: .contentDisposition)?.contains("eclaire-portefeuille.csv") == true)
                let bytes = Array(response.body.readableBytesView)
                #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                let lines = text.split(separator: "\r\n")
                #expect(lines[0].hasPrefix("\"Produit\";\"Équipe\";\"Sponsor\""))
                #expect(lines.count == 2)
                #expect(lines[1].hasPrefix("\"Mon Espace Agriculteur\";"))
                #expect(!text.contains("Démarches Transformation"))
                // Amounts are plain numbers with a decimal comma.
                let allocated = lines[1].split(separator: ";")[4]
                #expect(allocated.range(of: #"^-?\d+,\d\d$"#, options: .regularExpression) != nil)
            }
            try await sponsor.get("/export/produits/\(other.id)/ejs.csv") { response in #expect(response.status == .notFound) }
            try await sponsor.get("/export/produits/\(own.id)/ejs.csv") { response in #expect(response.status == .ok) }
            try await sponsor.get("/export/produits/\(own.id)/ejs.pdf") { response in #expect(response.status == .notFound) }
            try await sponsor.get("/export/ejs.csv") { response in
                let links = try await StorageContainer.using(location, migrate: false) { storage in
                    try await BudgetStore(database: storage.database, actor: "t").links(productID: other.id)
                }
                for link in links { #expect(!response.body.string.contains("\"\(link.ej)\"")) }
            }
            // An EJ's tables follow the EJ page's rule; the import history is the budget office's.
            let otherEJ = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").links(productID: other.id).first!.ej
            }
            let ownEJ = try await StorageContainer.using(location, migrate: false) { storage in
                try await BudgetStore(database: storage.database, actor: "t").links(productID: own.id).first!.ej
            }
            for table in ["postes", "services-faits", "paiements"] {
                try await sponsor.get("/export/ej/\(otherEJ)/\(table).csv") { response in #expect(response.status == .notFound) }
                try await sponsor.get("/export/ej/\(ownEJ)/\(table).xlsx") { response in #expect(response.status == .ok) }
            }
            try await sponsor.get("/export/ej/\(ownEJ)/postes.csv") { response in
                #expect(response.body.string.contains("demo_inf_bud_53_ae.csv"))
            }
            try await sponsor.get("/export/imports.csv") { response in #expect(response.status == .forbidden) }
            var anonymous = Visitor.anonymous(app)
            try await anonymous.get("/export/portefeuille.csv") { response in #expect(response.status == .seeOther) }
        }
    }

    @Test func xlsxOpensWithItsNumbers() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            let (product, lines) = try await StorageContainer.using(location, migrate: false) { storage in
                let store = BudgetStore(database: storage.database, actor: "t")
                let product = try await store.product(named: "Démarches Transformation")
                return (product, try await BudgetQueries(store: store).reconciliation(productID: product.id))
            }
            var admin = try await Visitor.signedIn(app, as: "admin")
            var data = Data()
            try await admin.get("/export/produits/\(product.id)/rapprochement.xlsx") { response in
                #expect(response.status == .ok)
                data = Data(response.body.readableBytesView)
            }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
            try data.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            // Read back with Eclaire's own XLSX reader, the one that imports Chorus extractions.
            let workbook = try XLSXWorkbook(path: path)
            let rows = try workbook.rows(of: try #require(workbook.sheets.first))
            #expect(rows.count == lines.count + 1)
            #expect(rows[0].1 == ["N° EJ", "Montant", "Exercice", "N° SF", "Chorus", "Équipe", "Verdict"])
            let first = try #require(rows.dropFirst().first?.1)
            #expect(first[0] == lines[0].ej)
            #expect(Double(first[4]) == lines[0].chorusAmount.euros)
            #expect(first[6] == lines[0].verdict.label)
        }
    }
}
