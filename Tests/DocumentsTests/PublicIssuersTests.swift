import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set i of the stranger corpus (issue 15, session 21), measured blind before these rules were written:
/// an établissement public's invoice to a ministry, a fiche navette whose rows are labelled « Service », amounts
/// written « EUR 3 194,64 », a CCTP numbered « MAPA n° … » whose object is « L'opération consiste en : … ».
@Suite struct PublicIssuersTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let row = CloseColumnsTests.row

    static func publicInvoice(_ name: String) -> [PositionedWord] {
        Self.row(20, [(0, name)]) + Self.row(31, [(0, "Établissement public")])
            + Self.row(42, [(0, "38 impasse du Four – 72000 Le Mans")])
            + Self.row(53, [(0, "SIRET : 24022374373914 – N° TVA : FR41240223743")])
            + Self.row(80, [(250, "Client :")]) + Self.row(91, [(250, "Ministère de la Transition écologique")])
            + Self.row(102, [(250, "Direction régionale de l'environnement Grand Est")]) + Self.row(113, [(250, "86000 Poitiers")])
            + Self.row(140, [(0, "FACTURE N° FC2024355864")]) + Self.row(155, [(0, "Objet : Archivage des dossiers de Strasbourg Meinau")])
            + Self.row(180, [(0, "Total HT"), (300, "4 486,26 €")]) + Self.row(195, [(0, "TVA 20 %"), (300, "897,25 €")])
            + Self.row(210, [(0, "Total TTC"), (300, "5 383,51 €")]) + CloseColumnsTests.prose
    }

    @Test func aPublicBodysInvoiceIsItsOwn() {
        let facts = CloseColumnsTests.facts(Self.publicInvoice("Centre national des œuvres universitaires et scolaires"))
        #expect(facts[.supplierSiret] == "24022374373914")
        #expect(facts[.supplierVAT] == "FR41240223743")
        #expect(facts[.supplierName] == "Centre national des œuvres universitaires et scolaires")
        #expect(facts[.buyer]?.contains("Direction régionale de l'environnement") == true)
    }

    @Test func aStateAgencysInvoiceNamesTheAgency() {
        let facts = CloseColumnsTests.facts(Self.publicInvoice("Agence pour l'informatique financière de l'État"))
        #expect(facts[.supplierName] == "Agence pour l'informatique financière de l'État")
    }

    @Test func aPublicBodysSIRETBesideACompanysIsStillTheBuyers() {
        // A company's invoice printing the service's SIRET for Chorus Pro: the company is the supplier.
        let facts = Self.facts(["ACME SAS", "12 rue Pasteur, 75011 Paris", "SIRET 80653372597087", "FACTURE N° F-12",
                                "Client : Ministère de la Culture – SIRET du service 24022374373914",
                                "Total HT\t1 000,00", "TVA 20 %\t200,00", "Total TTC\t1 200,00"])
        #expect(facts[.supplierSiret] == "80653372597087")
    }

    @Test func aCurrencyBeforeTheAmountIsNoLabel() {
        let facts = Self.facts(["FICHE NAVETTE", "Montant HT\tEUR 3 194,64", "Montant TTC\tEUR 3 833,57",
                                "AE à engager\tEUR 3 833,57", "CP 2026\tEUR 958,39"])
        #expect(facts[.amountHT] == "3194.64")
        #expect(facts[.amountTTC] == "3833.57")
    }

    @Test func aRowLabelledServiceNamesTheServiceNotALevel() {
        let words = Self.row(20, [(0, "Ministère de l'Économie et des Finances")]) + Self.row(40, [(200, "FICHE NAVETTE")])
            + Self.row(60, [(0, "Service"), (150, "Service des impôts des entreprises de Pau")])
            + Self.row(75, [(0, "Date"), (150, "18 octobre 2026")]) + Self.row(90, [(0, "Fournisseur"), (150, "Groupe Ecovert Énergie")])
            + CloseColumnsTests.prose
        let buyer = CloseColumnsTests.facts(words)[.buyer]
        #expect(buyer == "Ministère de l'Économie et des Finances › Service des impôts des entreprises de Pau")
    }

    @Test func aLevelAloneOnItsLineIsStillALevel() {
        let words = Self.row(20, [(0, "Ministère de l'Agriculture et de la Souveraineté alimentaire")])
            + Self.row(31, [(0, "Secrétariat général")]) + Self.row(60, [(200, "Fiche de demande d'achat")])
            + Self.row(90, [(0, "Date de la demande"), (150, "22/08/2025")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.buyer] == "Ministère de l'Agriculture et de la Souveraineté alimentaire › Secrétariat général")
    }

    @Test func aMAPAsNumberIsTheMarches() {
        let facts = Self.facts(["Ministère des Armées", "Direction de la maintenance aéronautique",
                                "Cahier des clauses techniques particulières", "MAPA n° 2025-DMAé-492"])
        #expect(facts[.numberMarche] == "2025-DMAé-492")
    }

    @Test func whatTheOperationConsistsOfIsTheObject() {
        let facts = Self.facts(["Cahier des clauses techniques particulières", "1. Présentation de l'opération",
                                "L'opération consiste en : sonorisation et éclairage du colloque Territoires 2030.",
                                "2. Consistance des prestations"])
        #expect(facts[.object] == "sonorisation et éclairage du colloque Territoires 2030")
    }
}
