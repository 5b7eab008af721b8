import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set h of the stranger corpus (issue 15, session 21), measured blind before these rules were written:
/// pieces that cite another piece (an invoice for a deposit recalling its quote's totals, an order quoting the
/// supplier's quote), a subcontractor's invoice paid directly with its VAT self-assessed, an acte d'engagement in
/// lettered sections, a CCTP whose cover title is its object, two-page invoices carrying their sum forward.
@Suite struct CitedPiecesTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let row = CloseColumnsTests.row

    // MARK: A piece citing another

    static let deposit = ["CABINET FONTAINE INGÉNIERIE", "49 route de Lyon", "38000 Grenoble",
                          "FACTURE D'ACOMPTE N° FA202600280", "Émise le 07/06/2026",
                          "Objet : Réfection de la charpente du bâtiment de Blois Vienne",
                          "Acompte de 30 % sur notre devis n° D2026-3546 accepté le 07/05/2026.",
                          "Rappel du devis\tMontant", "Total HT du devis\t€ 99 950,56", "TVA 20 %\t€ 19 990,11",
                          "Total TTC du devis\t€ 119 940,67", "Acompte 30 % HT\t€ 29 985,16", "TVA 20 %\t€ 5 997,03",
                          "Acompte TTC\t€ 35 982,19", "Net à payer\t€ 35 982,19",
                          "CABINET FONTAINE INGÉNIERIE au capital de 1 000 € | SIRET 447 952 730 31834 | RCS Grenoble 447 952 730"]

    @Test func anInvoiceForADepositIsAnInvoiceWhateverItSaysOfItsQuote() {
        #expect(Self.facts(Self.deposit)[.documentType] == "facture")
    }

    @Test func anInvoiceForADepositBillsTheDepositNotTheQuote() {
        let facts = Self.facts(Self.deposit)
        #expect(facts[.amountHT] == "29985.16")
        #expect(facts[.amountTVA] == "5997.03")
        #expect(facts[.amountTTC] == "35982.19")
    }

    static let letterOrder = ["RÉPUBLIQUE FRANÇAISE", "Ministère de la Santé", "Agence régionale de santé Auvergne-Rhône-Alpes",
                              "N/Réf. : bon de commande n° 1400751276", "V/Réf. : votre devis n° DEV2025320 du 18/11/2025",
                              "Affaire suivie par : Mme Garnier", "Avignon, le 18/12/2025",
                              "Objet : Étanchéité de la toiture-terrasse de Nancy Charles III",
                              "Madame, Monsieur, je vous prie de bien vouloir exécuter la commande suivante, conformément à votre devis :",
                              "Désignation\tQté\tP.U. HT\tTotal HT", "Membrane bitumineuse (m²)\t12\t51,54 €\t618,48 €",
                              "Total HT\t618,48 €", "TVA 20 %\t123,70 €", "Total TTC\t742,18 €"]

    @Test func anOrderQuotingTheSuppliersQuoteIsAnOrder() {
        #expect(Self.facts(Self.letterOrder)[.documentType] == "bon_de_commande")
    }

    @Test func theQuotedQuotesDateIsNotTheOrders() {
        #expect(Self.facts(Self.letterOrder)[.dateIssued] == "2025-12-18")
    }

    @Test func aBillAddressedToItsReaderKeepsItsTitle() {
        let facts = Self.facts(["Télécom Horizon", "Votre facture du 18 janvier 2026", "N° de facture : 260118357128",
                                "Total hors taxes\t11 954,67 EUR", "TVA à 20 %\t2 390,93 EUR", "Total TTC\t14 345,60 EUR"])
        #expect(facts[.documentType] == "facture")
    }

    @Test func aSentenceWrappedBeforeATypesNameHeadsNothing() {
        // « … conformément à votre » / « devis : »: the wrapped line's first word is no title.
        let head = Self.letterOrder.prefix(8).enumerated().flatMap { index, line in Self.row(Double(20 + 15 * index), [(0, line)]) }
        let words = head + Self.row(150, [(0, "Madame, Monsieur, je vous prie de bien vouloir exécuter la commande suivante, conformément à votre")])
            + Self.row(161, [(0, "devis :")])
            + Self.row(190, [(0, "Désignation"), (200, "Qté"), (300, "Total HT")]) + Self.row(205, [(0, "Membrane bitumineuse (m²)"), (200, "12"), (300, "618,48 €")])
            + Self.row(230, [(0, "Total HT"), (300, "618,48 €")]) + Self.row(245, [(0, "TVA 20 %"), (300, "123,70 €")])
            + Self.row(260, [(0, "Total TTC"), (300, "742,18 €")])
        #expect(CloseColumnsTests.facts(words)[.documentType] == "bon_de_commande")
    }

    // MARK: A subcontractor's invoice

    static let subcontractor = ["Traiteur Saveurs d'Auvergne", "94 boulevard Carnot – 54000 Nancy",
                                "SIRET 37674471003656 – TVA FR36376744710", "FACTURE N° ST24-3439",
                                "Sous-traitance avec paiement direct", "Date de facture : 07/05/2024",
                                "Maître d'ouvrage\tMinistère de la Culture", "Entreprise titulaire\tDéménagements Lebrun SASU – SIRET 77321243651245",
                                "Marché n°\t2023-DIR-485-00", "Objet : Peinture des couloirs et bureaux de Lyon Gerland",
                                "Désignation\tQté\tP.U. HT\tTotal HT", "Peinture murale (m²)\t250\t16,20\t4050,00",
                                "Total HT\t4050,00", "TVA\tAutoliquidation", "Net à payer HT\t4050,00",
                                "Autoliquidation de la TVA par le preneur – article 283-2 nonies du code général des impôts."]

    @Test func aSubcontractorsInvoiceIsTheSubcontractorsNotTheTitulaires() {
        let facts = Self.facts(Self.subcontractor)
        #expect(facts[.supplierSiret] == "37674471003656")
        #expect(facts[.supplierName] == "Traiteur Saveurs d'Auvergne")
    }

    @Test func aSelfAssessedVATIsNoneAndTheTTCIsTheHT() {
        let facts = Self.facts(Self.subcontractor)
        #expect(facts[.amountHT] == "4050.00")
        #expect(facts[.amountTVA] == "0.00")
        #expect(facts[.amountTTC] == "4050.00")
    }

    @Test func aTitulairesInvoiceKeepsItsTitulaire() {
        // Without the subcontracting title, the titulaire named in the table is the supplier.
        let facts = Self.facts(["FACTURE N° 2024-118", "Maître d'ouvrage\tMinistère de la Culture",
                                "Titulaire\tDéménagements Lebrun SASU – SIRET 77321243651245",
                                "Total HT\t1 000,00", "TVA 20 %\t200,00", "Total TTC\t1 200,00"])
        #expect(facts[.supplierSiret] == "77321243651245")
        #expect(facts[.supplierName] == "Déménagements Lebrun SASU")
    }

    @Test func aNameInACellEndsBeforeItsIdentifiers() {
        #expect(PartyFinder.cleanName("Déménagements Lebrun SASU – SIRET 77321243651245") == "Déménagements Lebrun SASU")
        #expect(PartyFinder.cleanName("ACME, SIRET 77321243651245") == "ACME")
        #expect(PartyFinder.cleanName("Siretech Conseil") == "Siretech Conseil")
    }

    @Test func aDeclaredSubcontractorsNameIsReadWithoutItsLabel() {
        let typed = TypedFactsTests.read(["ACTE D'ENGAGEMENT", "E – Sous-traitance",
                                          "Sous-traitant : Bâtiment Génie Climatique Lorrain EURL, SIRET 33848996616705, admis au paiement direct."]).1
        #expect(typed.value(at: "sous_traitants.0.nom")?.value == "Bâtiment Génie Climatique Lorrain EURL")
    }

    // MARK: Names and blocks

    @Test func anOrdersAddresseeIsNamedAboveItsContact() {
        let words = Self.row(20, [(0, "RÉPUBLIQUE FRANÇAISE")])
            + Self.row(35, [(0, "Ministère de la Culture"), (300, "Plâtrerie Isolation Morin")])
            + Self.row(46, [(0, "Centre des monuments nationaux"), (300, "À l'attention de M. Fabre")])
            + Self.row(57, [(0, "90 route de Lyon"), (300, "5 rue Victor Hugo")])
            + Self.row(68, [(0, "13001 Marseille"), (300, "84000 Avignon")])
            + Self.row(100, [(0, "N/Réf. : bon de commande n° 2103404790")])
            + Self.row(130, [(0, "Total HT"), (300, "618,48 €")]) + Self.row(145, [(0, "TVA 20 %"), (300, "123,70 €")])
            + Self.row(160, [(0, "Total TTC"), (300, "742,18 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "Plâtrerie Isolation Morin")
    }

    @Test func aTradeInACompanysNameIsNoAddress() {
        let facts = Self.facts(["DEVIS N° DEV-2601-118", "Total HT\t1 000,00", "TVA 20 %\t200,00", "Total TTC\t1 200,00",
                                "Contrôle Technique Bâtiment Ouest au capital de 8 000 € – 113 rue du Moulin à Vent, 54000 Nancy – SIRET 895 575 546 09290 – RCS Nancy 895 575 546"])
        #expect(facts[.supplierName] == "Contrôle Technique Bâtiment Ouest")
        #expect(PartyFinder.hasAddressWord("batiment b, 12 rue pasteur") && PartyFinder.hasAddressWord("batiment 3"))
    }

    /// Words `height` high from `y`, 5 units a character (a letterhead's larger type).
    static func tall(_ y: Double, _ height: Double, _ cells: [(x: Double, text: String)]) -> [PositionedWord] {
        Self.row(y, cells).map { PositionedWord(text: $0.text, x0: $0.x0, y0: y, x1: $0.x1, y1: y + height) }
    }

    @Test func aNameWrappedOnALegalFormIsReadWholeBesideASmallerBox() {
        // The client's box beside it sets its lines in a smaller type, lower: the lines' medians make the name's
        // second line look smaller than its first.
        let words = Self.tall(40, 13, [(0, "LABORATOIRE ANALYSES ENVIRONNEMENT")]) + Self.row(46, [(300, "Client :")])
            + Self.tall(53, 13, [(0, "NORD SASU")]) + Self.row(56, [(300, "Ministère de l'Intérieur")])
            + Self.row(67, [(0, "28 rue de la République"), (300, "Préfecture des Vosges")])
            + Self.row(78, [(0, "15000 Aurillac"), (300, "10 boulevard Carnot")])
            + Self.row(89, [(0, "SIRET : 355 627 530 47818"), (300, "13001 Marseille")])
            + Self.row(120, [(0, "DEVIS N° FV-2024-06588")])
            + Self.row(150, [(0, "Total HT"), (300, "618,48 €")]) + Self.row(165, [(0, "TVA 20 %"), (300, "123,70 €")])
            + Self.row(180, [(0, "Total TTC"), (300, "742,18 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "LABORATOIRE ANALYSES ENVIRONNEMENT NORD SASU")
    }

    @Test func aTotalsLabelAboveAFooterIsNoName() {
        // The footer's line holds the postcode but too few characters to read as a legal line; the totals stand
        // far above it.
        let words = Self.row(20, [(0, "FACTURE N° FA202600280")])
            + Self.row(100, [(200, "Acompte TTC"), (400, "35 982,19")]) + Self.row(115, [(200, "Net à payer"), (400, "35 982,19")])
            + Self.row(150, [(0, "FONTAINE INGÉNIERIE au capital de 1 000 €"), (240, "49 route de Lyon, 38000 Grenoble SIRET 447 952 730 31834 RCS")])
            + Self.row(160, [(10, "Grenoble 447 952 730 APE 8559A TVA intracommunautaire FR26447952730 IBAN FR7632212657630800922201185")])
            + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "FONTAINE INGÉNIERIE")
    }

    // MARK: Buyers

    @Test func aRegionWrappedUnderItsDirectionIsNoLevel() {
        #expect(StateEntity.levels(of: ["Ministère de la Transition écologique", "Direction interdépartementale des routes", "Centre-Est"])
            == ["Ministère de la Transition écologique", "Direction interdépartementale des routes Centre-Est"])
        #expect(StateEntity.levels(of: ["Ministère de la Culture", "Centre des monuments nationaux"]).count == 2)
    }

    @Test func aBuyersBoxBesideItsLabelGivesItsLevelsWithoutItsAddress() {
        let words = Self.row(20, [(0, "FACTURE N° ST24-9310")])
            + Self.row(60, [(0, "Maître d'ouvrage"), (200, "Ministère de la Transition écologique")])
            + Self.row(71, [(200, "Direction interdépartementale des routes Centre-Est")])
            + Self.row(82, [(200, "44000 Nantes")])
            + Self.row(100, [(0, "Marché n°"), (200, "2023-316-MAPA")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.buyer] == "Ministère de la Transition écologique › Direction interdépartementale des routes Centre-Est")
    }

    // MARK: Objects

    @Test func aLetteredSectionsObjectIsItsValueNotTheSectionAbove() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Marché public n° 2025-206", "A – Identification de l'acheteur",
                                "Ministère des Armées", "B – Objet du marché", "Peinture des couloirs et bureaux de Grenoble Europole",
                                "C – Engagement du titulaire"])
        #expect(facts[.object] == "Peinture des couloirs et bureaux de Grenoble Europole")
    }

    @Test func aCoversTitleAboveThePiecesNameIsItsObject() {
        let facts = Self.facts(["RÉPUBLIQUE FRANÇAISE", "Ministère de l'Intérieur", "Préfecture des Vosges",
                                "PEINTURE DES COULOIRS ET BUREAUX DE GRENOBLE EUROPOLE",
                                "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES (C.C.T.P.)",
                                "Procédure adaptée – article R. 2123-1 du code de la commande publique",
                                "Référence de la consultation : 2025-SGAMI-641"])
        #expect(facts[.object] == "PEINTURE DES COULOIRS ET BUREAUX DE GRENOBLE EUROPOLE")
        #expect(facts[.numberMarche] == "2025-SGAMI-641")
    }

    @Test func anAmountInEurosIsNoObjectButEuropoleIs() {
        let phrase = { (text: String) in ObjectFinder.isStatedPhrase(DocumentLines(pages: [.plain([text])]).lines[0][0]) }
        #expect(phrase("Nettoyage des bureaux du site de Grenoble Europole"))
        #expect(!phrase("Quatre mille deux cents euros hors taxes"))
    }
}
