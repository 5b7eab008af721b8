import EclaireCore
import Foundation
import Storage
import TestSupport
import Testing

@Suite("Supplier registers: SIRENE stocks and the DECP confirm names and find SIRETs")
struct SupplierReferenceTests {
    static func record(_ fields: [(EclaireCore.FieldKey, String)]) -> ExtractionRecord {
        ExtractionRecord(textMethod: "text_layer", pages: [], fields: fields.map {
            ExtractedField(key: $0.0, value: $0.1, confidence: 0.7, source: FieldSource(page: 1, text: $0.1))
        }, invalidIDs: [])
    }

    @Test(arguments: Backend.available)
    func registersConfirmNamesAndFindSirets(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let reference = SupplierReferenceStore(database: storage.database)
            let legal = try await reference.importFile(Fixtures.path("reference/StockUniteLegale_extrait.csv"))
            #expect(legal.source == .sireneUniteLegale && legal.count == 2)  // the wrong SIREN is not kept
            let establishments = try await reference.importFile(Fixtures.path("reference/StockEtablissement_extrait.csv"))
            #expect(establishments.source == .sireneEtablissement && establishments.count == 1)  // no name, no entry
            let decp = try await reference.importFile(Fixtures.path("reference/decp_aife_json_2019-04-04.zip"))
            #expect(decp.source == .decp && decp.count > 1000, "\(decp.count)")
            // Importing again replaces, never doubles.
            #expect(try await reference.importFile(Fixtures.path("reference/StockUniteLegale_extrait.csv")).count == 2)

            // The establishment's own name first, else its legal unit's; a person's name for an individual.
            #expect(try await reference.name(siret: "73282932000074")?.name == "ACME LYON")
            #expect(try await reference.name(siret: "73282932000090")?.name == "ACME CONSEIL, ETUDES ET DEVELOPPEMENT")
            #expect(try await reference.name(siret: "55210055400019")?.name == "JEAN DUPONT")

            let confirmed = try await reference.enrich(Self.record([(.supplierSiret, "73282932000090"), (.supplierName, "ACME C0NSEIL")]))
            let name = try #require(confirmed.facts.fields[.supplierName])
            #expect(name.value == "ACME CONSEIL, ETUDES ET DEVELOPPEMENT" && name.confidence > 0.9 && name.source?.page == 0)

            // A name alone: the DECP gives the SIRET of the one holder of that name.
            let found = try await reference.enrich(Self.record([(.supplierName, "DS AVOCATS")]))
            #expect(found.facts[.supplierSiret] == "78471226700060")
            #expect(found.facts[.supplierSiren] == "784712267")
            #expect(found.facts.fields[.supplierSiret]!.confidence < 0.7)
        }
    }

    @Test(arguments: Backend.available)
    func aFileThatIsNoRegisterIsRefused(backend: Backend) async throws {
        _ = try await TestDatabase.with(backend) { storage in
            await #expect(throws: (any Error).self) {
                _ = try await SupplierReferenceStore(database: storage.database).importFile(Fixtures.path("chorus_ae.csv"))
            }
        }
    }
}
