import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set d of the stranger corpus (issue 15, session 19), measured blind before these rules were written:
/// typed forms with dot leaders, orders and actes d'engagement written in prose, address blocks that name the
/// service before the direction, builders' progress invoices, training bodies' and software publishers' invoices.
@Suite struct LeadersAndProseTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let row = CloseColumnsTests.row
    static let totals = ["Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €"]

    // MARK: Leaders

    @Test func dotLeadersPartALabelFromItsValue() {
        let words = Self.row(0, [(0, "Fournisseur retenu .............. ACME SAS")])
            + Self.row(20, [(0, "Montant HT ........ 1 000,00 €")])
            + [PositionedWord(text: "N°", x0: 0, y0: 40, x1: 10, y1: 50),
               PositionedWord(text: "SIRET.........", x0: 13, y0: 40, x1: 80, y1: 50),
               PositionedWord(text: "55242239699145", x0: 83, y0: 40, x1: 150, y1: 50)]
        let layout = PageLayout(words: words)
        #expect(layout.lines.map { $0.cells.map(\.text) } == [["Fournisseur retenu", "ACME SAS"],
                                                              ["Montant HT", "1 000,00 €"], ["N° SIRET", "55242239699145"]])
    }

    @Test func anEllipsisIsNoLeader() {
        let layout = PageLayout(words: Self.row(0, [(0, "Fournitures diverses, papeterie, etc... livrées")]))
        #expect(layout.lines.map { $0.cells.map(\.text) } == [["Fournitures diverses, papeterie, etc... livrées"]])
        #expect(PageLayout(plainLines: ["Objet de l'achat ........ Audit de la dépense"]).lines[0].cells.map(\.text)
                == ["Objet de l'achat", "Audit de la dépense"])
    }

    @Test func aFormsRowsWithLeadersAreReadAsLabelledValues() {
        let facts = Self.facts(["Rectorat de l'académie de Lyon", "Fiche de demande d'achat",
                                "Objet de l'achat .............. Levé topographique de la parcelle de Caen",
                                "Fournisseur retenu ....... Data Boréal SARL",
                                "Marché de référence .......... 2023-MPS-968",
                                "Montant HT ................... 1 000,00 €", "Montant TTC .................. 1 200,00 €",
                                "Engagement juridique (saisi par le centre de services partagés) ...... 1400522046"])
        #expect(facts[.supplierName] == "Data Boréal SARL")
        #expect(facts[.object] == "Levé topographique de la parcelle de Caen")
        #expect(facts[.numberMarche] == "2023-MPS-968")
        #expect(facts[.numberEJ] == "1400522046")
    }

    @Test func aSIRETsRoleIsReadInTheLabelsColumn() {
        // The values' column above the SIRET reaches the buyer's letterhead; the labels' column says « Fournisseur ».
        let words = Self.row(0, [(0, "Ministère des Armées – Service du commissariat des armées")])
            + Self.row(20, [(0, "Objet de l'achat"), (150, "Déménagement des services de Rennes")])
            + Self.row(40, [(0, "Fournisseur retenu"), (150, "Transports Chevalier")])
            + Self.row(60, [(0, "N° SIRET"), (150, "552 422 396 99145")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierSiret] == "55242239699145")
    }

    // MARK: References

    @Test func aConsultationsNumberIsTheMarchesOnItsCCTP() {
        let facts = Self.facts(["Préfecture de la région Bretagne\tConsultation n° 2023_112_SAR",
                                "Intitulé de la consultation :", "Déménagement des services de Rennes",
                                "Cahier des clauses techniques particulières (CCTP)"])
        #expect(facts.documentType == .cctp)
        #expect(facts[.numberMarche] == "2023_112_SAR")
    }

    @Test func aMarcheNumberBesideASubscriptionIsStillTheMarches() {
        let facts = Self.facts(["BON DE COMMANDE N° 1300755423",
                                "Je vous prie de bien vouloir exécuter, en application du marché n° M2023/708, la prestation suivante : abonnement à",
                                "la solution de gestion des rendez-vous Place des Achats."] + Self.totals)
        #expect(facts[.numberMarche] == "M2023/708")
        #expect(facts[.object] == "abonnement à la solution de gestion des rendez-vous Place des Achats")
    }

    @Test func aShortPrefixApartFromTheNumberIsKept() {
        let facts = Self.facts(["Marchal Plomberie SARL\tFacture n° SIT 2024-7755", "Situation de travaux n° 4"] + Self.totals)
        #expect(facts[.numberDocument] == "SIT 2024-7755")
    }

    // MARK: Parties

    @Test func aServiceNamedAboveItsDirectionIsItsLevel() {
        let facts = Self.facts(["Logiciels Calame", "Facture n° INV-2025-67588", "Client", "Service risques naturels",
                                "Direction régionale de l'environnement, de l'aménagement et du logement Occitanie",
                                "97400 Saint-Denis"] + Self.totals)
        #expect(facts[.buyer] == "Direction régionale de l'environnement, de l'aménagement et du logement Occitanie › Service risques naturels")
    }

    @Test func aLevelWrappedBeforeADashEndsTheLevelAbove() {
        #expect(StateEntity.levels(of: ["Direction régionale de l'environnement, de l'aménagement et du logement",
                                        "Occitanie – Service risques naturels"])
                == ["Direction régionale de l'environnement, de l'aménagement et du logement Occitanie", "Service risques naturels"])
        #expect(StateEntity.levels(of: ["Ministère des Armées – Service du commissariat des armées"])
                == ["Ministère des Armées", "Service du commissariat des armées"])
        #expect(StateEntity.levels(of: ["Ministère de la Culture", "DRAC Bretagne"]) == ["Ministère de la Culture", "DRAC Bretagne"])
        #expect(StateEntity.levels(of: ["Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur", "Sud"])
                == ["Ministère de l'Intérieur", "Secrétariat général pour l'administration du ministère de l'Intérieur Sud"])
    }

    @Test func aBuyersBlockInterleavedWithTheSuppliersIsReadWhole() {
        // The two blocks side by side: their lines alternate, each block's lines are still one entity.
        let words = Self.row(0, [(0, "Client"), (300, "PLOMBERIE MARCHAL")])
            + Self.row(20, [(0, "Ministère de la Justice")]) + Self.row(30, [(300, "74 rue du 8 Mai 1945")])
            + Self.row(40, [(0, "Service administratif régional de la cour")]) + Self.row(50, [(300, "14000 Caen")])
            + Self.row(60, [(0, "d'appel de Rennes")]) + Self.row(70, [(300, "SIRET 57696245085508")])
            + Self.row(80, [(0, "142 rue de la République")]) + Self.row(100, [(0, "37000 Tours")])
            + Self.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + Self.row(170, [(0, "Total TTC"), (300, "1 200,00 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.buyer] == "Ministère de la Justice › Service administratif régional de la cour d'appel de Rennes")
    }

    @Test func aStatedBuyersNameIsReadWithItsLevels() {
        let facts = Self.facts(["Menuiserie Lefebvre SARL", "Facture n° SIT 2025-7206", "Maître d'ouvrage\tChantier",
                                "Institut national de la statistique et des études\tRéfection des sanitaires",
                                "économiques", "Direction régionale des Hauts-de-France", "25 avenue de la Libération",
                                "59000 Lille"] + Self.totals)
        #expect(facts[.buyer] == "Institut national de la statistique et des études économiques › Direction régionale des Hauts-de-France")
    }

    @Test func anOrdersAddresseeIsItsSupplier() {
        let facts = Self.facts(["MINISTÈRE DES ARMÉES", "Service du commissariat des armées", "BON DE COMMANDE N° 1300755423",
                                "Destinataire : Traduction Polyglotte, 13 rue Victor Hugo, 37000 Tours (SIRET 552 422 396 99145)"] + Self.totals)
        #expect(facts[.supplierName] == "Traduction Polyglotte")
    }

    @Test func theCompanyWordBeforeANameIsNoPartOfIt() {
        #expect(PartyFinder.cleanName("société CARTOGRAPHIE NUMÉRIQUE ALPINE SASU") == "CARTOGRAPHIE NUMÉRIQUE ALPINE SASU")
        #expect(PartyFinder.cleanName("la société Atelier Morel") == "Atelier Morel")
        #expect(PartyFinder.cleanName("Société Générale") == "Société Générale")
    }

    @Test func aLineInSmallerTypeUnderTheNameIsNoPartOfIt() {
        // « Organisme de formation » in a smaller type under the name, then the address.
        let words = [PositionedWord(text: "Institut", x0: 0, y0: 0, x1: 60, y1: 16),
                     PositionedWord(text: "Pyrène", x0: 66, y0: 0, x1: 110, y1: 16),
                     PositionedWord(text: "Formation", x0: 116, y0: 0, x1: 180, y1: 16)]
            + Self.row(18, [(0, "Organisme de formation")]) + Self.row(30, [(0, "8 rue Victor Hugo, 30000 Nîmes")])
            + Self.row(60, [(300, "FACTURE N° FC-2024-9729")]) + Self.row(80, [(0, "Total HT"), (300, "1 000,00 €")])
            + Self.row(100, [(0, "Net à payer"), (300, "1 000,00 €")]) + CloseColumnsTests.prose
            + Self.row(400, [(0, "SIRET 552 422 396 99145 – Code NAF 8559A")])
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "Institut Pyrène Formation")
    }

    @Test func aLetterheadsNameWrappedBeforeItsLegalFormIsReadWhole() {
        // The title set close to the name's first line runs into its cell.
        let words = Self.row(0, [(0, "AUDIT & STRATÉGIE PROPOSITION DE FORMATION")]) + Self.row(12, [(0, "PUBLIQUE SCOP")])
            + Self.row(40, [(300, "N° PROP-2024-9049")]) + Self.row(80, [(0, "Total HT"), (300, "1 000,00 €")])
            + Self.row(100, [(0, "Net à payer"), (300, "1 000,00 €")]) + CloseColumnsTests.prose
            + Self.row(400, [(0, "SIRET 302 789 433 25262 – Code NAF 8559A")])
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "AUDIT & STRATÉGIE PUBLIQUE SCOP")
    }

    // MARK: Prose

    @Test func aPriceStatedInASentenceWrappedInsideItsMarks() {
        for (first, second) in [("forfaitaire de 14 650,87 € hors", "taxes, soit une TVA au taux de 20 % de 2 930,17 €, et un montant toutes taxes comprises de"),
                                ("forfaitaire de 14 650,87 €", "hors taxes, soit une TVA au taux de 20 % de 2 930,17 €, et un montant toutes taxes comprises de")] {
            let facts = Self.facts(["ACTE D'ENGAGEMENT", "Article 2 – Prix",
                                    "Les prestations seront rémunérées par application d'un prix global et " + first, second,
                                    "17 581,04 € (dix-sept-mille cinq-cent-quatre-vingt-un euros)."])
            #expect(facts[.amountHT] == "14650.87")
            #expect(facts[.amountTVA] == "2930.17")
            #expect(facts[.amountTTC] == "17581.04")
        }
    }

    @Test func anIBANCutByTheLinesEndIsJoined() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Article 4 – Paiement",
                                "compte ouvert au nom de Audit & Stratégie Publique SA : IBAN FR76 6728 7790 5381 6587 8202",
                                "866, BIC AGRIFRPP881."])
        #expect(facts[.iban] == "FR7667287790538165878202866")
        #expect(!facts.invalidIDs.contains("iban"))
    }

    @Test func anOrdersAnnouncedPurchaseIsItsObjectWhereverItsLineEnds() {
        let facts = Self.facts(["BON DE COMMANDE N° 1300755423",
                                "Je vous prie de bien vouloir exécuter, en application du marché n° 2023-MPS-977, la prestation",
                                "suivante : déménagement des", "services de Rennes Beaumont.",
                                "Le montant de la présente commande s'élève à 1 000,00 € HT, soit 1 200,00 € TTC."])
        #expect(facts[.object] == "déménagement des services de Rennes Beaumont")
    }

    @Test func whatASiteHeadingHoldsIsTheObjectUnlessAnAddress() {
        func invoice(_ site: String) -> DocumentFacts {
            Self.facts(["Marchal Plomberie SARL", "Facture n° SIT 2025-7206", "Maître d'ouvrage\tChantier",
                        "Rectorat de l'académie de Lyon\t" + site, "Division des affaires financières",
                        "12 rue Victor Hugo", "69000 Lyon", "Bon de commande : 2103652774", "N° marché : 2023-MPS-937",
                        "Désignation\tMontant HT", "Dépose des équipements existants\t1 000,00 €"] + Self.totals)
        }
        #expect(invoice("Réfection des sanitaires du bâtiment de Tours")[.object] == "Réfection des sanitaires du bâtiment de Tours")
        #expect(invoice("12 rue Pasteur, 37000 Tours")[.object] == "Dépose des équipements existants")
    }

    @Test func aPhraseAboveTheReferencesOverTheItemsIsTheObject() {
        let facts = Self.facts(["Logiciels Calame", "Facture n° INV-2025-67588", "Client", "Service risques naturels",
                                "Abonnement à la solution de gestion des rendez-vous Dossier Facile",
                                "N° engagement juridique : 1300945717", "Marché : BOP2024-809",
                                "Produit\tUtilisateurs\tPrix mensuel HT\tPrix annuel HT",
                                "Licence utilisateur (mois)\t12\t29,00 €\t348,00 €"] + Self.totals)
        #expect(facts[.object] == "Abonnement à la solution de gestion des rendez-vous Dossier Facile")
    }
}

/// What OCR makes of set d's scans: leaders that make Tesseract drop their rows, a sole trader's « EI » read « El »,
/// dashes glued to the next word, underscores read as spaces, « TTC » read « TIC », an IBAN split by a gap.
@Suite struct LeadersOnScansTests {
    static let row = CloseColumnsTests.row

    /// A white page with dark squares of `size` pixels at the given places.
    static func page(_ squares: [(x: Int, y: Int)], size: Int = 4, width: Int = 400, height: Int = 100) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for square in squares {
            for y in square.y..<(square.y + size) { for x in square.x..<(square.x + size) { pixels[y * width + x] = 0 } }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test func aChainOfDotsIsErasedAndAnEllipsisKept() {
        let leader = (0..<8).map { (x: 100 + $0 * 12, y: 50) }
        let ellipsis = (0..<3).map { (x: 300 + $0 * 12, y: 50) }
        let word = [(x: 20, y: 40), (x: 24, y: 40), (x: 28, y: 40), (x: 20, y: 44), (x: 20, y: 48), (x: 20, y: 52)]
        let image = Self.page(leader + ellipsis + word)
        let erased = DotLeaders.erased(from: image, dpi: 300)
        let cleared = try! #require(erased)
        #expect(leader.allSatisfy { cleared.pixels[($0.y + 1) * 400 + $0.x + 1] == 255 })
        #expect(ellipsis.allSatisfy { cleared.pixels[($0.y + 1) * 400 + $0.x + 1] == 0 })
        #expect(cleared.pixels[41 * 400 + 21] == 0)
        #expect(DotLeaders.erased(from: Self.page(ellipsis), dpi: 300) == nil)
    }

    @Test func whatOCRKeepsOfALeaderHintsAtOne() {
        func words(_ texts: [String]) -> [PositionedWord] {
            texts.map { PositionedWord(text: $0, x0: 0, y0: 0, x1: 10, y1: 10) }
        }
        #expect(DotLeaders.hintsAtLeaders(words(["Objet", "de", "l'achat", "…"])))
        #expect(DotLeaders.hintsAtLeaders(words(["N°", "SIRET........"])))
        #expect(!DotLeaders.hintsAtLeaders(words(["Fin", "de", "la", "phrase."])))
    }

    static func ocrFacts(_ words: [PositionedWord]) -> DocumentFacts {
        let layout = PageLayout(words: words, whole: true)
        return DocumentReader.facts(from: [PageText(number: 1, method: .ocr, text: layout.text, layout: layout, reliability: 0.9)])
    }

    @Test func aContractNumbersUnderscoresReadAsSpacesAreKept() {
        let words = Self.row(0, [(0, "ACTE D'ENGAGEMENT")]) + Self.row(20, [(0, "Marché n° 2024 106 SAR - Acte d'engagement - page 1/2")])
            + CloseColumnsTests.prose
        #expect(Self.ocrFacts(words)[.numberMarche] == "2024 106 SAR")
        let text = CloseColumnsTests.facts(words)
        #expect(text[.numberMarche] == "2024")
    }

    @Test func aSoleTradersFormAndAGluedDashAreReadAsPrinted() {
        #expect(PartyFinder.cleanName("Logiciels Calame El") == "Logiciels Calame EI")
        #expect(StateEntity.levels(of: ["Ministère des Armées -Service du commissariat des armées"])
                == ["Ministère des Armées", "Service du commissariat des armées"])
        #expect(PartyFinder.entityPath("Direction départementale des territoires de l'Isère -Service eau, environnement et forêt")
                == "Direction départementale des territoires de l'Isère › Service eau, environnement et forêt")
    }

    @Test func aTotalMarkedTICAndAVATWrappedBeforeItsPercentAreRead() {
        let facts = DocumentReader.facts(fromLines: ["BON DE COMMANDE N° 1300755423",
                                                     "Le montant de la présente commande s'élève à 16410,00 € HT, soit 19692,00 € TIC (TVA à 20",
                                                     "% : 3282,00 €), conformément à votre devis du 15/3/2025."])
        #expect(facts[.amountHT] == "16410.00")
        #expect(facts[.amountTVA] == "3282.00")
        #expect(facts[.amountTTC] == "19692.00")
    }

    @Test func aTaglineUnderTheNamePastTheTitleBesideIt() {
        // OCR's lines: the name, the title of the right column, the tagline, the address.
        let words = [PositionedWord(text: "SERRURERIE", x0: 0, y0: 0, x1: 90, y1: 16),
                     PositionedWord(text: "DUVAL", x0: 96, y0: 0, x1: 140, y1: 16)]
            + Self.row(17, [(300, "FACTURE")]) + Self.row(26, [(0, "Organisme de formation")])
            + Self.row(38, [(0, "8 rue Victor Hugo, 30000 Nîmes"), (300, "N° FC-2024-9729")])
            + Self.row(80, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(100, [(0, "Net à payer"), (300, "1 000,00 €")])
            + CloseColumnsTests.prose + Self.row(400, [(0, "SIRET 552 422 396 99145 - Code NAF 8559A")])
        #expect(Self.ocrFacts(words)[.supplierName] == "SERRURERIE DUVAL")
    }

    @Test func aFootersSoleTraderReadElIsTheSupplier() {
        let facts = DocumentReader.facts(fromLines: ["Facture n° INV-2025-43499", "Total HT\t1 000,00 €", "TVA 20 %\t200,00 €",
                                                     "Total TTC\t1 200,00 €",
                                                     "ÉLECTRICITÉ GÉNÉRALE BENOÎT El : El au capital de 12 000 € - RCS Mulhouse 400 046 975 : TVA FR95400046975"])
        #expect(facts[.supplierName] == "ÉLECTRICITÉ GÉNÉRALE BENOÎT EI")
    }

    @Test func specksBetweenABlocksLinesDoNotEndIt() {
        let words = Self.row(0, [(0, "Client"), (300, "DATA BORÉAL EURL")]) + Self.row(20, [(0, "Préfecture de la région Bretagne")])
            + Self.row(30, [(300, "77 rue du 8 Mai 1945")]) + Self.row(40, [(0, "PE RU À à")])
            + Self.row(50, [(0, "Secrétariat général pour les affaires régionales")]) + Self.row(60, [(300, "17000 La Rochelle")])
            + Self.row(70, [(0, "234 chemin des Vignes")]) + Self.row(90, [(0, "68100 Mulhouse")])
            + Self.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + Self.row(170, [(0, "Total TTC"), (300, "1 200,00 €")]) + CloseColumnsTests.prose
        #expect(Self.ocrFacts(words)[.buyer] == "Préfecture de la région Bretagne › Secrétariat général pour les affaires régionales")
    }

    @Test func aContractNumbersGlueddigitsKeepTheirCapitals() {
        let words = Self.row(0, [(0, "ACTE D'ENGAGEMENT")]) + Self.row(20, [(0, "Marché n° 2025292 SAR - page 1/2")])
            + Self.row(40, [(0, "Accord-cadre n° 2024001 DU 12 MARS")]) + CloseColumnsTests.prose
        let facts = Self.ocrFacts(words)
        #expect(facts[.numberMarche] == "2025292 SAR")
        #expect(facts[.numberAccordCadre] == "2024001")
    }

    @Test func anImageFilesRowsWithLeadersAreReadAgain() throws {
        // With its table finder off, Tesseract drops the rows that hold leaders; an image file is read again
        // without them, as a PDF's scanned page is.
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/navette-leaders-scan.jpg"))
        #expect(pages.count == 1 && pages[0].method == .ocr)
        let facts = DocumentReader.facts(from: pages)
        #expect(facts[.amountHT] == "8963.68")
        #expect(facts[.amountTTC] == "10756.42")
        #expect(facts[.numberMarche] == "BOP2024-980")
    }

    @Test func aClientReferenceWhoseFOCRReadAsSIsTheEJ() {
        let words = Self.row(0, [(0, "Facture n° INV-2025-43499")]) + Self.row(20, [(0, "Rés. client : 2300681365")])
            + CloseColumnsTests.prose
        #expect(Self.ocrFacts(words)[.numberEJ] == "2300681365")
    }

    @Test func anIBANSplitByAGapIsJoined() {
        let facts = DocumentReader.facts(fromLines: ["FACTURE N° FA-2025-001",
                                                     "Règlement par virement : IBAN FR762533153512151 1205911452"])
        #expect(facts[.iban] == "FR7625331535121511205911452")
    }
}

/// Set e of the stranger corpus (issue 15, session 19), measured blind before these rules were written: energy and
/// bilingual invoices, VAT summaries, architects' fees, joint groups, single-row navettes, title blocks.
@Suite struct EnergyAndTitleBlocksTests {
    static let row = CloseColumnsTests.row
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    @Test func aServiceWrappedInTheAddresseesBoxIsReadWhole() {
        let words = Self.row(0, [(0, "VERT HORIZON PAYSAGE S.A.")]) + Self.row(12, [(0, "13 route nationale 7 – 06400 Cannes")])
            + Self.row(24, [(0, "SIRET 99238080830597 – TVA FR06992380808")])
            + Self.row(40, [(0, "DEVIS D2024-97253"), (300, "Service des impôts des entreprises de")])
            + Self.row(52, [(300, "Troyes")]) + Self.row(64, [(0, "Date : 11/07/2024"), (300, "12 avenue du Maréchal Foch")])
            + Self.row(76, [(300, "16000 Angoulême")])
            + Self.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + Self.row(170, [(0, "Total TTC"), (300, "1 200,00 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.buyer] == "Service des impôts des entreprises de Troyes")
    }

    static let jointGroup = row(0, [(0, "ACTE D'ENGAGEMENT")]) + row(20, [(0, "B – Engagement du groupement titulaire")])
        + row(40, [(0, "Membre"), (80, "Raison sociale"), (180, "Adresse"), (360, "SIRET"), (460, "N° TVA")])
        + row(60, [(0, "Mandataire"), (80, "LUMIÈRE & SON"), (180, "34 rue de l'Industrie, 18000"), (360, "347 423 147"), (460, "FR88347423147")])
        + row(72, [(80, "AUDIOVISUEL SAS"), (180, "Bourges"), (360, "52137")])
        + row(90, [(0, "Cotraitant"), (80, "Géotech Ouest SAS"), (180, "38 ZA des Landes, 29200"), (360, "85084950636367"), (460, "FR29850849506")])
        + row(102, [(180, "Brest")]) + CloseColumnsTests.prose

    @Test func aJointGroupsRowWrappedInItsCellsGivesTheMandatairesNameAndSIRET() {
        let facts = CloseColumnsTests.facts(Self.jointGroup)
        #expect(facts[.supplierName] == "LUMIÈRE & SON AUDIOVISUEL SAS")
        #expect(facts[.supplierSiret] == "34742314752137")
    }

    @Test func anEnergyContractsHolderIsTheBuyerAndItsTaglineNoLabel() {
        let words = Self.row(0, [(300, "Titulaire du contrat")]) + Self.row(12, [(0, "Soleil Levant Énergie")])
            + Self.row(14, [(300, "Direction régionale des affaires culturelles d'Occitanie")])
            + Self.row(26, [(0, "Fournisseur d'énergie"), (300, "Ministère de la Culture")])
            + Self.row(38, [(300, "144 rue Lamartine")]) + Self.row(50, [(300, "06400 Cannes")])
            + Self.row(70, [(0, "Facture n° 2547915762 du 02/01/2025")])
            + Self.row(90, [(0, "Abonnement (puissance souscrite 36 kVA)"), (300, "5,5 %"), (400, "502,11 €")])
            + Self.row(102, [(0, "Consommation heures pleines (kWh)"), (300, "20 %"), (400, "27 777,60 €")])
            + Self.row(120, [(0, "Montant total HT"), (400, "28 279,71 €")])
            + Self.row(132, [(0, "TVA à 5,5 % sur 502,11 €"), (400, "27,62 €")])
            + Self.row(144, [(0, "TVA à 20 % sur 27 777,60 €"), (400, "5 555,52 €")])
            + Self.row(156, [(0, "Montant total TTC"), (400, "33 862,85 €")]) + CloseColumnsTests.prose
            + Self.row(400, [(0, "Soleil Levant Énergie S.A.S. au capital de 2 500 000 € – RCS Cannes 345 378 889 – SIRET 34537888921302")])
        let facts = CloseColumnsTests.facts(words)
        #expect(facts[.supplierName] == "Soleil Levant Énergie S.A.S.")
        #expect(facts[.buyer] == "Ministère de la Culture › Direction régionale des affaires culturelles d'Occitanie")
        #expect(facts[.amountHT] == "28279.71")
        #expect(facts[.amountTVA] == "5583.14")
        #expect(facts[.amountTTC] == "33862.85")
    }

    @Test func aQualifiedTitlesOrGlossedLabelsNumberIsTheDocuments() {
        #expect(Self.facts(["Proposition tarifaire n° 2658482292 du 2026-01-13", "Objet : fourniture d'électricité"]
                           + LeadersAndProseTests.totals)[.numberDocument] == "2658482292")
        #expect(Self.facts(["Cloudwise Europe\tDevis / Quote", "N° / Number\tQUO-006186", "Date\t2026-03-01"]
                           + LeadersAndProseTests.totals)[.numberDocument] == "QUO-006186")
        #expect(Self.facts(["Atelier Ourson Architectes SAS", "PROPOSITION D'HONORAIRES", "N° PH-2024-69 – 5 mars 2025",
                            "Opération : Maîtrise d'œuvre pour la réhabilitation du bâtiment de Tarbes"]
                           + LeadersAndProseTests.totals)[.numberDocument] == "PH-2024-69")
    }

    @Test func anOperationIsTheObjectAndAWrappedTitleTheType() {
        let words = Self.row(100, [(100, "CAHIER DES CLAUSES TECHNIQUES")]) + Self.row(112, [(160, "PARTICULIÈRES")])
            + Self.row(130, [(180, "Lot unique")])
            + Self.row(200, [(0, "Maître d'ouvrage"), (120, "Ministère de la Culture – Direction régionale des affaires culturelles")])
            + Self.row(220, [(0, "Opération"), (120, "Fourniture de mobilier pour les bureaux de Bourges")])
            + Self.row(240, [(0, "Marché n°"), (120, "MA20250934")]) + Self.row(260, [(0, "Phase"), (120, "DCE – indice B")])
            + CloseColumnsTests.prose
        let facts = CloseColumnsTests.facts(words)
        #expect(facts.documentType == .cctp)
        #expect(facts[.object] == "Fourniture de mobilier pour les bureaux de Bourges")
        #expect(facts[.numberMarche] == "MA20250934")
        #expect(facts[.buyer] == "Ministère de la Culture › Direction régionale des affaires culturelles")
    }

    @Test func aStatedBuyerAfterItsColonIsReadWithItsLevelsAndWrappedEnd() {
        let facts = Self.facts(["Atelier Ourson Architectes SAS", "NOTE D'HONORAIRES N° NH-2024-083",
                                "Maître d'ouvrage : Ministère de l'Intérieur – Secrétariat général pour l'administration du ministère",
                                "de l'Intérieur Sud", "Opération : Captation vidéo du colloque"] + LeadersAndProseTests.totals)
        #expect(facts[.buyer] == "Ministère de l'Intérieur › Secrétariat général pour l'administration du ministère de l'Intérieur Sud")
    }

    @Test func aServiceWrappedAboveItsMinistryIsItsLevel() {
        let words = Self.row(0, [(300, "Titulaire du contrat")])
            + Self.row(12, [(0, "Formasup Occitanie"), (300, "Établissement du service d'infrastructure de la défense de")])
            + Self.row(24, [(300, "Lyon")]) + Self.row(36, [(300, "Ministère des Armées")])
            + Self.row(48, [(300, "168 rue Lamartine")]) + Self.row(60, [(300, "84000 Avignon")])
            + Self.row(80, [(0, "Total HT"), (400, "1 000,00 €")]) + Self.row(92, [(0, "TVA 20 %"), (400, "200,00 €")])
            + Self.row(104, [(0, "Total TTC"), (400, "1 200,00 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.buyer] == "Ministère des Armées › Établissement du service d'infrastructure de la défense de Lyon")
    }

    @Test func aCoContractorsSIRETIsNotTheSuppliers() {
        let words = Self.row(0, [(0, "ACTE D'ENGAGEMENT")])
            + Self.row(40, [(0, "Membre"), (80, "Raison sociale"), (200, "SIRET")])
            + Self.row(60, [(0, "Cotraitant"), (80, "Acoustique Plus SARL"), (200, "42923265523830")])
            + Self.row(80, [(0, "Mandataire"), (80, "Dupont & Fils SAS"), (200, "88319976295088")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierSiret] == "88319976295088")
    }

    @Test func aPhraseUnderTheMarchesNumberIsNoEntityAndDemarchesNoMarche() {
        let facts = Self.facts(["Direction générale des finances publiques\tMarché n° 2026-461", "Service des impôts des entreprises de Troyes",
                                "ACTE D'ENGAGEMENT", "Traduction en espagnol et portugais du portail Démarches Simplifiées",
                                "B – Engagement du titulaire"])
        #expect(facts[.object] == "Traduction en espagnol et portugais du portail Démarches Simplifiées")
    }

    @Test func aSingleRowUnderItsHeadingsIsReadWithItsWrappedValues() {
        let words = Self.row(0, [(0, "FICHE NAVETTE – DEMANDE D'ENGAGEMENT")])
            + Self.row(20, [(0, "Date"), (80, "Objet"), (220, "Fournisseur"), (340, "SIRET"), (420, "Montant"), (500, "Montant"), (580, "N° EJ")])
            + Self.row(32, [(420, "HT"), (500, "TTC")])
            + Self.row(50, [(0, "1 juillet"), (80, "Fourniture de mobilier"), (220, "Biotope Études"), (340, "482 876"),
                            (420, "417"), (500, "501"), (580, "1300077112")])
            + Self.row(62, [(0, "2026"), (80, "pour les bureaux de"), (220, "Environnement"), (340, "281"), (420, "710,46 €"), (500, "252,55 €")])
            + Self.row(74, [(80, "Avignon"), (220, "SCOP"), (340, "72303")]) + CloseColumnsTests.prose
        let facts = CloseColumnsTests.facts(words)
        #expect(facts[.object] == "Fourniture de mobilier pour les bureaux de Avignon")
        #expect(facts[.supplierName] == "Biotope Études Environnement SCOP")
        #expect(facts[.supplierSiret] == "48287628172303")
        #expect(facts[.amountHT] == "417710.46")
        #expect(facts[.amountTTC] == "501252.55")
    }

    @Test func aTableOfOneItemIsNoFormsRow() {
        // One line under items' headings is a line: its amount is no total, the totals below are.
        let words = Self.row(0, [(0, "BON DE COMMANDE N° 1400572571")])
            + Self.row(20, [(0, "Poste"), (60, "Désignation"), (200, "Qté"), (260, "PU HT"), (330, "Montant HT"), (420, "TVA")])
            + Self.row(40, [(0, "10"), (60, "Prise RJ45 posée"), (200, "il"), (260, "77,58 €"), (330, "77,58 €"), (420, "10 %")])
            + Self.row(60, [(0, "Montant total HT"), (330, "73,71 €")]) + Self.row(80, [(0, "Montant TVA"), (330, "TL STE")])
            + Self.row(100, [(0, "Montant total TTC"), (330, "81,08 €")]) + CloseColumnsTests.prose
        let facts = LeadersOnScansTests.ocrFacts(words)
        #expect(facts[.amountHT] == "73.71")
        #expect(facts[.amountTTC] == "81.08")
    }

    @Test func aRegistrationUnderTheNameIsNoName() {
        let facts = Self.facts(["Atelier Ourson Architectes", "Architectes DPLG – Ordre des architectes n° S01183",
                                "12 rue des Forges, 18000 Bourges", "NOTE D'HONORAIRES N° NH-2024-083"]
                               + LeadersAndProseTests.totals + ["SIRET 552 422 396 99145 – TVA FR25552422396"])
        #expect(facts[.supplierName] == "Atelier Ourson Architectes")
    }

    @Test func aJointGroupsMandataireRowWithoutItsHeadingsNamesTheSupplier() {
        let words = Self.row(0, [(0, "ACTE D'ENGAGEMENT")])
            + Self.row(40, [(0, "Mandataire"), (80, "Securitas Gardiennage Loire"), (260, "938 467 578 36188")])
            + Self.row(60, [(0, "Cotraitant"), (80, "Acoustique Plus SAS"), (260, "44547210331441")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.supplierName] == "Securitas Gardiennage Loire")
    }

    @Test func OCRsBorderMarksAreNoWordsButATextLayersBoxIs() {
        let words = Self.row(0, [(0, "N° d'engagement"), (120, "Date"), (200, "Centre financier __] Service")])
        #expect(PageLayout(words: words, whole: true).lines[0].cells.map(\.text) == ["N° d'engagement", "Date", "Centre financier", "Service"])
        let box = Self.row(0, [(0, "[ ] Candidat individuel")])
        #expect(PageLayout(words: box).lines[0].cells.map(\.text) == ["[ ] Candidat individuel"])
    }
}
