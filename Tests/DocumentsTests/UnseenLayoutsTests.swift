import Testing
import EclaireCore
@testable import Documents

/// Layouts of real billing software and forms that the generated corpus never drew (issue 15, session 17): found
/// by `scripts/generate-stranger-corpus.py`, a blind set of other designs. Lines are cells split by tabs.
@Suite struct UnseenLayoutsTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let totals = ["Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €"]

    @Test func referencesSetUnderTheirHeadingsAreRead() {
        // A Sage-like strip: the document's number, its date and its contracts under headings of one row.
        let facts = Self.facts(["Les Ateliers de la Loire", "FACTURE",
                                "Facture\tDate\tN° marché\tAccord cadre\tÉchéance",
                                "FA028151\t23/11/2026\t2025/0931\tAC-2024-466\t23/12/2026"] + Self.totals)
        #expect(facts[.numberDocument] == "FA028151")
        #expect(facts[.dateIssued] == "2026-11-23")
        #expect(facts[.numberMarche] == "2025/0931")
        #expect(facts[.numberAccordCadre] == "AC-2024-466")
    }

    @Test func aTitleAndItsNumberInAColumnBesideTheLetterhead() {
        let facts = Self.facts(["Librairie Papeterie Martin\tFacture FAC-2412-883", "Date facturation : 18/12/2024"] + Self.totals)
        #expect(facts[.numberDocument] == "FAC-2412-883")
        #expect(facts[.dateIssued] == "2024-12-18")
    }

    @Test func aHeadingOverADateIsNoDocumentNumber() {
        let facts = Self.facts(["FACTURE", "Facture\tCode client", "12/03/2025\tC0042"] + Self.totals)
        #expect(facts[.numberDocument] != "12/03/2025")
    }

    @Test func marchéNumbersUnderTheirUsualLabels() {
        #expect(Self.facts(["DEVIS D-2402-780", "Référence marché : 2025/0445"] + Self.totals)[.numberMarche] == "2025/0445")
        #expect(Self.facts(["DEVIS D-2402-780", "N° marché : 2024MP00460"] + Self.totals)[.numberMarche] == "2024MP00460")
        #expect(Self.facts(["Librairie Martin\tMarché : MAPA-2025-756", "DEVIS D-2402-780"] + Self.totals)[.numberMarche] == "MAPA-2025-756")
    }

    @Test func aConsultationNumbersTheMarchéOfItsActeDEngagementOnly() {
        let acte = Self.facts(["ACTE D'ENGAGEMENT", "A - Objet de l'acte d'engagement.", "Référence de la consultation : 2026-278"])
        #expect(acte.documentType == .acteEngagement)
        #expect(acte[.numberMarche] == "2026-278")
        let invoice = Self.facts(["FACTURE N° F-31", "Référence de la consultation : 2026-278"] + Self.totals)
        #expect(invoice[.numberMarche] == nil)
    }

    @Test func anOrderDatedWithDuAndAPeriodIsNot() {
        let order = Self.facts(["BON DE COMMANDE", "N° 2103573424", "du 21/03/2026"] + Self.totals)
        #expect(order[.dateIssued] == "2026-03-21")
        let invoice = Self.facts(["FACTURE N° F-31", "Prestations du 01/02/2026 au 28/02/2026", "Émise le 03/03/2026"] + Self.totals)
        #expect(invoice[.dateIssued] == "2026-03-03")
    }

    @Test func anEJShapedClientReferenceIsTheEJ() {
        #expect(Self.facts(["FACTURE N° F-31", "Réf. client : 1300743756"] + Self.totals)[.numberEJ] == "1300743756")
        // A client code of another shape is not.
        #expect(Self.facts(["FACTURE N° F-31", "Réf. client : 4300743756"] + Self.totals)[.numberEJ] == nil)
    }

    @Test func theSupplierNameEndsWhereItsCapitalIsStated() {
        let facts = Self.facts(["DEVIS N° DE-2025-044"] + Self.totals + [
            "CABINET MOREAU AUDIT au capital de 50 000 € • 80 rue de la Paix, 87000 Limoges • SIRET 807 919 980 41864 • RCS Limoges 807 919 980"])
        #expect(facts[.supplierSiret] == "80791998041864")
        #expect(facts[.supplierName] == "CABINET MOREAU AUDIT")
    }

    @Test func theIssuerBoxBesideTheBuyerBoxNamesTheSupplier() {
        let facts = Self.facts(["Facture FA2502-0500",
                                "Émetteur\tAdressé à",
                                "Librairie Papeterie Martin\tMinistère de l'Éducation nationale",
                                "89 rue des Entrepreneurs\tRectorat de l'académie de Bordeaux",
                                "45000 Orléans\t29200 Brest", "SIRET : 310 906 797 24926"] + Self.totals)
        #expect(facts[.supplierName] == "Librairie Papeterie Martin")
    }

    @Test func theNameBeforeTheAddressInTheTitulairesSentence() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT",
                                "Nettoyage Express Provence, 62 avenue du Général Leclerc, 86000 Poitiers, contact@nep.fr, numéro SIRET 976 742 791 34171",
                                "Montant hors taxes : 1 000,00 €", "Montant TTC : 1 200,00 €"])
        #expect(facts[.supplierSiret] == "97674279134171")
        #expect(facts[.supplierName] == "Nettoyage Express Provence")
    }

    @Test func anObjectLabelAfterAListMarkWithItsValueBelow() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "A - Objet de l'acte d'engagement.", "■ Objet du marché public :",
                                "Traduction en anglais du guide Ma Cantine", "■ Désignation de l'acheteur :",
                                "Ministère de la Culture – Direction régionale des affaires culturelles de Bretagne"])
        #expect(facts[.object] == "Traduction en anglais du guide Ma Cantine")
    }

    @Test func theObjectAConsultationConcerns() {
        let facts = Self.facts(["Cahier des Clauses Techniques Particulières", "2. Objet de la consultation",
                                "La présente consultation concerne : Nettoyage des locaux administratifs du site de Lyon.",
                                "3. Contexte et enjeux"])
        #expect(facts[.object] == "Nettoyage des locaux administratifs du site de Lyon")
    }
}
