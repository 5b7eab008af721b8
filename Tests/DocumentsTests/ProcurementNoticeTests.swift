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

/// The facts of a notice's type (issue 17): procedure, form of the contract, duration, lots — as each notice states
/// them (read by hand from the notices).
@Suite("Public procurement notices: procedure, form, duration, lots")
struct ProcurementNoticeFactsTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String, form: String?, duration: String?, lots: [String]
        var testDescription: String { file }
    }

    static let notices = [
        Expected(file: "hackathonenergia_boamp-avis-20-100260.pdf", form: nil, duration: nil, lots: []),
        Expected(file: "hackathonenergia_boamp-avis-20-100721.pdf", form: "accord_cadre", duration: "11 mois",
                 lots: ["1", "2", "3"]),
        // « accord-Cadre à bons de commande et/ou marché(s) subséquent(s) ».
        Expected(file: "hackathonenergia_boamp-avis-20-101053.pdf", form: "accord_cadre_bons_de_commande", duration: "60 mois", lots: []),
        // An accord-cadre whose « bons de commande seront dispensés de retenue de garantie ».
        Expected(file: "hackathonenergia_boamp-avis-20-101609.pdf", form: "accord_cadre_bons_de_commande", duration: "4 ans", lots: []),
    ]

    @Test(arguments: notices)
    func theNoticeStatesItsProcedureFormDurationAndLots(_ expected: Expected) throws {
        let read = try DocumentReader().read(Fixtures.path("documents/\(expected.file)"))
        let facts = read.typedFacts
        #expect(read.facts[.documentType] == "avis_marche")
        #expect(facts.value(at: "mode_consultation")?.value == "procedure_adaptee")
        #expect(facts.value(at: "forme_marche")?.value == expected.form)
        #expect(facts.value(at: "duree")?.value == expected.duration)
        let lots: [String] = if case .list(let items)? = facts["lots"] { items.compactMap { $0.value(at: "numero")?.value } } else { [] }
        #expect(lots == expected.lots)
    }
}
