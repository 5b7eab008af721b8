import EclaireCore
import Testing
@testable import Documents

/// The purchase category of an object, with consulting (the circular of 19 January 2022) kept to what is consulting.
@Suite("Purchase categories: consulting only where it is")
struct CategoryTests {
    static func category(_ object: String, cpv: String? = nil) -> String? {
        DocumentReader.facts(fromLines: ["Objet : \(object)"] + (cpv.map { ["Code CPV : \($0)"] } ?? []))[.category]
    }

    @Test(arguments: [
        // Real objects of the DECP, where « organisation » names an event or a trip.
        ("Organisation de séjours de vacances durant les congés scolaires d'hiver", nil),
        ("Organisation d'animations et de la parade de Noël Lot 5 : Fanfare", nil),
        ("Expertise et management des risques auprès de la SOLIDEO", nil),
        ("Assistance à maîtrise d'ouvrage pour la rénovation du gymnase municipal", nil),
        ("Prestation d'organisation et de gestion du colloque RADECS 2019", "79952000"),
    ] as [(String, String?)])
    func eventsTripsAndWorksAreNotConsulting(_ object: String, _ cpv: String?) {
        let found = Self.category(object, cpv: cpv).flatMap(PurchaseCategory.init(rawValue:))
        #expect(found?.isConsulting != true, "\(object) → \(found?.rawValue ?? "aucune")")
    }

    @Test func consultingIsStillRead() {
        #expect(Self.category("Mission de conseil en organisation pour la direction des achats") == "conseil_organisation")
        #expect(Self.category("Diagnostic de l'organisation du service des ressources humaines") == "conseil_organisation")
        #expect(Self.category("Accompagnement à la conduite du changement") == "conseil_organisation")
        #expect(Self.category("Assistance à maîtrise d'ouvrage pour le système d'information RH") == "amoa_si")
        #expect(Self.category("Assistance à maîtrise d'ouvrage pour le projet Portail Emploi Inclusion") == "amoa_si")
        #expect(Self.category("Prestations de conseil", cpv: "79411000-8") == "conseil_organisation")
    }

    @Test func suppliesAndWorks() {
        #expect(Self.category("Fourniture de produits d'entretien et de matériels de nettoyage") == "fournitures")
        #expect(Self.category("Prestation de conseil juridique", cpv: "79110000") == "autre")
    }
}

/// Signals are words: « rib » is not read inside « tribunal » or « attribution ».
@Suite("Document types: signals are whole words")
struct SignalWordTests {
    @Test func aRegulationNamingTheCourtIsNoRIB() {
        let text = "Règlement de la consultation | Tout litige relève du tribunal administratif de Paris | "
            + "Critères d'attribution | Contribution à la distribution des documents"
        #expect(DocumentClassifier.classify(text: text) != .rib)
    }
}
