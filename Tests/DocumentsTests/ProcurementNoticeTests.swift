import Documents
import EclaireCore
import TestSupport
import Testing

/// Real public buyers' documents (BOAMP notices): the buyer, the object and the category, as each notice states them.
@Suite("Public procurement notices: buyer, object, category")
struct ProcurementNoticeTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String, buyer: String, object: String, cpv: String, category: PurchaseCategory
        var testDescription: String { file }
    }

    static let notices = [
        Expected(file: "hackathonenergia_boamp-avis-20-100260.pdf", buyer: "Ville de Nîmes",
                 object: "achat de deux véhicules électriques", cpv: "34110000", category: .fournitures),
        Expected(file: "hackathonenergia_boamp-avis-20-100721.pdf", buyer: "Ville de Vieux Condé",
                 object: "transports collectifs", cpv: "60130000", category: .autre),
        // The object runs on to a second line after « au profit de ».
        Expected(file: "hackathonenergia_boamp-avis-20-101053.pdf", buyer: "MINARM/DGA/DO/S2A",
                 object: "prestations de transport de matières dangereuses et/ou sensibles au profit de DGA Essais de Missiles et de DGA Essais en vol",
                 cpv: "60100000", category: .autre),
        Expected(file: "hackathonenergia_boamp-avis-20-101609.pdf", buyer: "CRW",
                 object: "accord Cadre pour la gestion du risque industriel sur les installations d'assainissement de la station d'épuration de Briey et ses ouvrages annexes",
                 cpv: "45259000", category: .autre),
    ]

    @Test(arguments: notices)
    func theNoticeStatesItsBuyerAndObject(_ expected: Expected) throws {
        let facts = try DocumentReader().read(Fixtures.path("documents/\(expected.file)")).facts
        #expect(facts[.documentType] == DocumentType.avisMarche.rawValue)
        #expect(facts[.buyer] == expected.buyer)
        #expect(facts[.object] == expected.object)
        #expect(facts[.cpv] == expected.cpv)
        #expect(facts[.category] == expected.category.rawValue)
    }
}
