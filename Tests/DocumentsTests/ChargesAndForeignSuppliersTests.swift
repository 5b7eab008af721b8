import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set l of the stranger corpus (issue 15, session 23), measured blind before these rules were written:
/// a hotel's invoice whose tourist tax is outside VAT, a supplier of another member state, an order's object under a
/// label with a complement, a consultancy's cover, a cahier des charges and its summary table.
@Suite struct ChargesAndForeignSuppliersTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    // MARK: Charges outside VAT

    static let hotel = ["LUMIÈRE ÉCLAIRAGE TECHNIQUE", "93 rue Victor Hugo", "76000 Rouen",
                        "FACTURE N° H-2024-70954", "Date : 07/10/2024",
                        "Prestation\tQté\tPrix unitaire HT\tTVA\tTotal HT",
                        "Chambre single – 3 nuit(s) × 7 personne(s)\t21\t128.00 €\t10 %\t2688.00 €",
                        "Petit-déjeuner\t21\t14.50 €\t10 %\t304.50 €", "Dîner\t21\t32.00 €\t10 %\t672.00 €",
                        "Taxe de séjour (non soumise à TVA)\t21\t0.88 €\t–\t18.48 €",
                        "Total HT\t3664.50 €", "TVA 10 % sur 3664.50 €\t366.45 €", "Taxe de séjour\t18.48 €",
                        "Total TTC\t4049.43 €"]

    @Test func aTouristTaxOutsideVATIsPartOfTheTTCButNotTheVAT() {
        let facts = Self.facts(Self.hotel)
        #expect(facts[.amountHT] == "3664.50")
        #expect(facts[.amountTVA] == "366.45")
        #expect(facts[.amountTTC] == "4049.43")
        #expect((facts.fields[.amountTTC]?.confidence ?? 0) >= 0.9)
    }

    @Test func perRateVATAndAChargeOutsideItAddUpToTheTTC() {
        // No total VAT printed: the two rates' VAT and the tax make the difference between HT and TTC.
        let facts = Self.facts(["Hôtel du Parc et des Thermes SARL", "FACTURE N° 2025000417", "Date : 12/03/2025",
                                "Total HT\t1 000,00 €", "TVA 10 % sur 600,00 €\t60,00 €", "TVA 20 % sur 400,00 €\t80,00 €",
                                "Taxe de séjour\t12,00 €", "Total TTC\t1 152,00 €"])
        #expect(facts[.amountHT] == "1000.00")
        #expect(facts[.amountTVA] == "140.00")
        #expect(facts[.amountTTC] == "1152.00")
    }

    @Test func aTaxOutsideVATWhoseAmountOCRGarbledLeavesThePrintedTTC() {
        // « 21,12 € » read « 2112€ »: HT + TVA is not the TTC; the VAT labelled with its base is still the VAT.
        let facts = Self.facts(["Nettoyage Vitres Azur SNC", "FACTURE N° FACT2026/38209", "Date : 15 décembre 2026",
                                "Prestation\tQté\tPrix unitaire HT\tTVA\tTotal HT", "Chambre\t24\t89,00 €\t10%\t2 136,00 €",
                                "Dîner\t24\t24,00 €\t10%\t576,00 €", "Petit-déjeuner\t24\t14,50 €\t10%\t348,00 €",
                                "Taxe de séjour (non soumise à TVA)\t24\t0,88 €\t=\t2112€",
                                "Total HT\t3 060,00 €", "TVA 10 % sur 3 060,00 €\t306,00 €", "Taxe de séjour\t2112€",
                                "Total TTC\t3 387,12 €"])
        #expect(facts[.amountHT] == "3060.00")
        #expect(facts[.amountTVA] == "306.00")
        #expect(facts[.amountTTC] == "3387.12")
    }

    @Test func oneRatesVATShortOfTheDifferenceIsAPartOfTheVAT() {
        // The 20 % row garbled by OCR: the VAT is the difference between the HT and the TTC, not the 5,5 % row's.
        let facts = Self.facts(["Soleil Levant Énergie S.A.S.", "FACTURE N° FA2025-0412", "Date : 12/03/2025",
                                "Montant total HT\t28 279,71 €", "TVA à 5,5 % sur 502,11 €\t27,62 €",
                                "TVA à 20 % sur 27 777,60 €\t5I555,521€", "Montant total TTC\t33 862,85 €"])
        #expect(facts[.amountHT] == "28279.71")
        #expect(facts[.amountTVA] == "5583.14")
        #expect(facts[.amountTTC] == "33862.85")
    }

    // MARK: A supplier of another member state

    @Test func aLuxembourgCompanysNameIsNotItsTownLine() {
        let facts = Self.facts(["Kanal Digital S.à r.l.\tFacture", "77 Avenue de la Liberté\tN° RE-2026-0412",
                                "L-1724 Luxembourg – Luxembourg\tDate : 04/02/2026", "N° TVA : LU27654321",
                                "Client : Ministère de la Culture – Archives nationales – 75003 Paris (France)",
                                "Prestation : Abonnement aux bases juridiques en ligne pour Lille Fives",
                                "Total HT\t4 200,00 €", "TVA (autoliquidation)\t0,00 €", "Total à payer\t4 200,00 €",
                                "Autoliquidation – TVA due par le preneur, article 283-2 du CGI."])
        #expect(facts[.supplierName] == "Kanal Digital S.à r.l.")
        #expect(facts[.supplierVAT] == "LU27654321")
        #expect(facts[.buyer] == "Ministère de la Culture › Archives nationales")
    }

    @Test func aBelgianCompanyWithAnEnglishStreetIsNamedAlone() {
        let facts = Self.facts(["Brabant Services SRL\tFacture", "61 Grand Canal Street\tN° INV-2025-19650",
                                "1000 Bruxelles — Belgique\tDate : 15 novembre 2025", "N° TVA : BE0685770507",
                                "Total HT\t29 688,09", "TVA (autoliquidation)\t0,00", "Total à payer\t29 688,09"])
        #expect(facts[.supplierName] == "Brabant Services SRL")
    }

    @Test func foreignAddressesAreAddresses() {
        for line in ["L-1724 Luxembourg", "1000 Bruxelles – Belgique", "D02 X285 Dublin 2, Irlande", "4000 Liège — Belgique"] {
            #expect(line.contains(PartyFinder.postcodeLine), "\(line)")
        }
        for line in ["Brabant Services SRL", "Marché n° CA-DIJ-2024-130", "Nordlicht Software GmbH"] {
            #expect(!line.contains(PartyFinder.postcodeLine), "\(line)")
        }
    }

    @Test func aClientsLineWrappedBeforeItsAddressKeepsTheWholeService() {
        let facts = Self.facts(["Datenwerk GmbH", "N° TVA : DE812345678", "Facture n° INV-2025-00412",
                                "Client : Ministère du Travail – Direction régionale de l'économie, de l'emploi, du travail et des",
                                "solidarités de Normandie – 76000 Rouen (France)",
                                "Total HT\t1 000,00 €", "TVA (autoliquidation)\t0,00 €", "Total à payer\t1 000,00 €"])
        #expect(facts[.buyer] == "Ministère du Travail › Direction régionale de l'économie, de l'emploi, du travail et des solidarités de Normandie")
    }

    // MARK: Objects

    static let order = ["Ministère de la Justice", "Cour d'appel de Dijon", "BON DE COMMANDE",
                        "Engagement juridique n° 2300294296 du 21 AOÛT 2025",
                        "Fournisseur", "Archives et Numérisation Services EURL", "9 avenue des Thermes", "37000 Tours",
                        "SIRET : 81240150368219",
                        "Désignation de la commande : Fourniture de postes de travail assis-debout pour Tours Deux-Lions",
                        "Poste\tArticle\tQuantité\tPrix unitaire HT\tTVA\tValeur HT",
                        "10\tBureau réglable électrique (Lille Fives)\t1\t693,38\t20 %\t693,38",
                        "Valeur totale HT\t693,38", "Montant TVA\t138,68", "Montant total TTC 832,06"]

    @Test func aLabelWithAComplementNamesTheObject() {
        #expect(Self.facts(Self.order)[.object] == "Fourniture de postes de travail assis-debout pour Tours Deux-Lions")
        let hotel = Array(Self.hotel.prefix(5)) + ["Motif du séjour : Service de traiteur pour le séminaire Mes Aides Sport"] + Self.hotel.dropFirst(5)
        #expect(Self.facts(hotel)[.object] == "Service de traiteur pour le séminaire Mes Aides Sport")
    }

    @Test func aLabelAddressedToTheReaderNamesTheObject() {
        let quote = ["Mobilier Bureau Confort SAS", "Devis n° DV2026-00412", "Établi le 08 AVRIL 2026 – valable jusqu'au 08 JUIN 2026",
                     "Votre projet : Service de traiteur pour le séminaire Mes Aides Sport",
                     "Référence\tArticle\tQté\tPrix net HT\tTotal net HT", "REF-00412\tDéjeuner (couvert)\t40\t30,00\t1 200,00",
                     "Total HT\t1 200,00", "TVA 20 %\t240,00", "Total TTC\t1 440,00"]
        #expect(Self.facts(quote)[.object] == "Service de traiteur pour le séminaire Mes Aides Sport")
    }

    @Test func aPartysDesignationIsNoObject() {
        let order = Self.order.map { $0.hasPrefix("Désignation de la commande") ? "Désignation du titulaire : Archives et Numérisation Services EURL" : $0 }
        #expect(Self.facts(order)[.object] != "Archives et Numérisation Services EURL")
    }

    @Test func aConsultancysCoverTitleIsTheObject() {
        let facts = Self.facts(["CONSEIL STRATÉGIE PUBLIQUE SAS", "Accompagnement à la conduite du changement du projet Signal Conso",
                                "Proposition commerciale n° PC-2025-0012 – version 2", "Remise le 12/05/2025",
                                "1. Contexte", "Vous nous avez sollicités pour vous accompagner dans ce projet.",
                                "Profil\tJours\tTJM HT\tMontant HT", "Consultant senior\t10\t980,00 €\t9 800,00 €",
                                "Total HT : 9 800,00 €", "TVA 20 % : 1 960,00 €", "Total TTC : 11 760,00 €"])
        #expect(facts[.documentType] == "devis")
        #expect(facts[.object] == "Accompagnement à la conduite du changement du projet Signal Conso")
    }

    // MARK: A cahier des charges

    static let cahier = ["CAHIER DES CHARGES", "(cahier des clauses techniques particulières)", "Fiche synthétique",
                         "Acheteur\tMinistère de la Justice – Cour d'appel de Dijon",
                         "Objet de la consultation\tVérification des équipements de sécurité incendie de Lille Fives",
                         "Procédure\tProcédure adaptée (article R2123-1 du code de la commande publique)",
                         "Durée\t36 mois à compter de la notification", "Référence de la consultation\tCA-DIJ-2025-874",
                         "Date limite de remise des offres\t01 novembre 2026"]
        + ["1. Contexte", "2. Description des prestations", "3. Modalités d'exécution", "4. Suivi et pilotage"].flatMap { title in
            [title] + Array(repeating: "Le titulaire réalise les prestations décrites dans la fiche synthétique ci-dessus, selon les règles de l'art.", count: 2)
        }

    @Test func aCahierDesChargesIsACCTP() {
        #expect(Self.facts(Self.cahier)[.documentType] == "cctp")
    }

    @Test func aConsultationsReferenceAfterABordersSpeckNumbersTheMarche() {
        let scanned = Self.cahier.map { $0.hasPrefix("Référence de la consultation") ? "Référence de la consultation\tc CA-DIJ-2025-874" : $0 }
        #expect(Self.facts(scanned)[.numberMarche] == "CA-DIJ-2025-874")
    }
}
