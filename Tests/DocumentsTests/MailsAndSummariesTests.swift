import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set f of the stranger corpus (issue 15, session 20), measured blind before these rules were written:
/// a fiche navette written as a mail, invoices that sum themselves up first, a seminar venue's invoice whose event
/// wraps beside the client's box, an old accounting system's invoice in capitals, a company named « Agence … ».
@Suite struct MailsAndSummariesTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let row = CloseColumnsTests.row
    static let totals = ["Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €"]
    static let items = ["Désignation\tQté\tP.U. HT\tMontant HT", "Maquette (forfait)\t1\t1 000,00 €\t1 000,00 €"]

    // MARK: Objects

    @Test func aLabelledPhraseAboveTheItemsIsTheObjectWhateverItsLabel() {
        let facts = Self.facts(["Ateliers Graphiques Morvan", "FACTURE FC2609487", "Date : 05/03/2026",
                                "Votre demande : Conception graphique du rapport d'activité"] + Self.items + Self.totals)
        #expect(facts[.object] == "Conception graphique du rapport d'activité")
    }

    @Test func aPlaceOrAReferenceAboveTheItemsIsNoObject() {
        let facts = Self.facts(["Ateliers Graphiques Morvan", "FACTURE FC2609487", "Date : 05/03/2026",
                                "Lieu de livraison : Bâtiment principal du site de Metz Queuleu",
                                "Réf. : Dossier 2026 du service Budget et Achats"] + Self.items + Self.totals)
        #expect(facts[.object] == "Maquette (forfait)")
    }

    /// The client's box beside the event's cell: its lines stand between the event's two lines.
    static func venue(_ event: [String]) -> [PositionedWord] {
        Self.row(0, [(0, "PROPOSITION COMMERCIALE n° PRO-2026-1080")]) + Self.row(5, [(300, "Base de défense de Bordeaux-Mérignac")])
            + Self.row(12, [(0, "Date : le 4 mai 2026")]) + Self.row(17, [(300, "122 cours Mirabeau")])
            + Self.row(24, [(0, event[0])]) + Self.row(29, [(300, "21000 Dijon")]) + Self.row(36, [(0, event[1])])
            + Self.row(70, [(0, "Prestation"), (200, "Qté"), (300, "Total TTC")])
            + Self.row(84, [(0, "Ramette A4 80 g"), (200, "100"), (300, "526,00 €")])
            + Self.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + Self.row(170, [(0, "Total TTC"), (300, "1 200,00 €")]) + CloseColumnsTests.prose
    }

    @Test func anEventWrappedBesideTheClientsBoxRunsOnPastTheBoxsLines() {
        let facts = CloseColumnsTests.facts(Self.venue(["Événement : Fourniture de papeterie pour les services", "de Poitiers Beaulieu"]))
        #expect(facts[.object] == "Fourniture de papeterie pour les services de Poitiers Beaulieu")
    }

    @Test func aNamesLastWordWrappedAloneEndsTheObject() {
        let facts = CloseColumnsTests.facts(Self.venue(["Événement : Expertise comptable du dispositif Cap", "Emploi"]))
        #expect(facts[.object] == "Expertise comptable du dispositif Cap Emploi")
    }

    // MARK: A fiche navette written as a mail

    static let mail = ["De :\tSecrétariat – Direction régionale des douanes et droits indirects de Metz",
                       "À :\tBureau du budget et des achats", "Date :\t17 septembre 2026",
                       "Objet :\tDemande d'engagement – Renouvellement des postes de travail de Metz Queuleu",
                       "Ministère de l'Économie et des Finances", "Direction régionale des douanes et droits indirects de Metz",
                       "Bonjour,",
                       "Je vous remercie de bien vouloir engager la somme de 9 120,47 € TTC, soit 7 600,39 € HT, au profit de la",
                       "société Ateliers Graphiques Morvan EURL (SIRET 401 578 752 23356) au titre du marché n° 2024/DDTM/",
                       "521, pour l'opération suivante : renouvellement des postes de travail de Metz Queuleu.",
                       "Le devis signé est joint. Cordialement,", "Le secrétariat",
                       "Réponse du bureau du budget : l'engagement juridique n° 2103142057 a été créé dans Chorus ; le bon de commande est transmis au fournisseur."]

    @Test func aMailAskingForAnEngagementIsAFicheNavette() {
        let facts = Self.facts(Self.mail)
        #expect(facts[.documentType] == DocumentType.ficheNavette.rawValue)
        #expect(facts[.object] == "Renouvellement des postes de travail de Metz Queuleu")
        #expect(facts[.numberEJ] == "2103142057")
    }

    @Test func theCompanyAMailAsksToPayIsTheSupplierWithItsSIRET() {
        let facts = Self.facts(Self.mail)
        #expect(facts[.supplierName] == "Ateliers Graphiques Morvan EURL")
        #expect(facts[.supplierSiret] == "40157875223356")
    }

    @Test func aSalutationIsNoLevelOfTheSender() {
        #expect(Self.facts(Self.mail)[.buyer]
                == "Ministère de l'Économie et des Finances › Direction régionale des douanes et droits indirects de Metz")
    }

    @Test func aMarchesNumberCutByTheLinesEndIsJoined() {
        #expect(Self.facts(Self.mail)[.numberMarche] == "2024/DDTM/521")
        var lines = Self.mail
        lines[8] = "société Ateliers Graphiques Morvan EURL (SIRET 401 578 752 23356) au titre du marché n°"
        lines[9] = "M2024-0803-P, pour l'opération suivante : renouvellement des postes de travail de Metz Queuleu."
        #expect(Self.facts(lines)[.numberMarche] == "M2024-0803-P")
    }

    @Test func aRequestsNameBeforeTheObjectIsDropped() {
        #expect(ObjectFinder.clean("Demande d'engagement – Maintenance des installations") == "Maintenance des installations")
        #expect(ObjectFinder.clean("RE : Demande de devis : Sonorisation de la cérémonie") == "Sonorisation de la cérémonie")
        #expect(ObjectFinder.clean("Demande de subvention pour le festival") == "Demande de subvention pour le festival")
    }

    // MARK: Numbers and names

    @Test func aNumberAfterAnAbbreviatedNIsTheDocuments() {
        let facts = Self.facts(["ROULAND FRERES COUVERTURE SELARL", "FACTURE N. 292660   DU 24/06/26",
                                "OBJET : RELEVE GEODESIQUE DES OUVRAGES PORTUAIRES"] + Self.totals)
        #expect(facts[.numberDocument] == "292660")
    }

    @Test func aTitleThreeLinesUpInTheNumbersColumnNamesIt() {
        let words = Self.row(0, [(0, "Sonorisation Événements Rhône")]) + Self.row(12, [(300, "DEVIS")])
            + Self.row(24, [(0, "25 rue Pasteur, 45000 Orléans")]) + Self.row(48, [(0, "SIRET 661 160 804 19869")])
            + Self.row(60, [(300, "N° 2026-D-0069")])
            + Self.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + Self.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + Self.row(170, [(0, "Total TTC"), (300, "1 200,00 €")]) + CloseColumnsTests.prose
        #expect(CloseColumnsTests.facts(words)[.numberDocument] == "2026-D-0069")
    }

    @Test func howToPayOpeningAnIBANsLineIsNoName() {
        #expect(PartyFinder.legalLineName(DocumentLines(pages: [.plain(["Paiement par virement – IBAN : FR7644571845126073611726563 – BIC : CCBPFRPPXXX"])]).lines[0][0],
                                          onIdentifiersLine: true) == nil)
        #expect(PartyFinder.legalLineName(DocumentLines(pages: [.plain(["Berthier Climatisation – 12 rue Pasteur, 21000 Dijon – SIRET 66116080419869"])]).lines[0][0],
                                          onIdentifiersLine: true) == "Berthier Climatisation")
    }

    @Test func aSentencesLastWordWrappedAloneIsNoLabel() {
        // « titulaire. » ends the sentence above; the line under it is no titulaire's name.
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Article 4 - Paiement",
                                "Les sommes dues sont versées au compte IBAN FR76 4457 1845 1260 7361 1726 563 ouvert au nom du",
                                "titulaire.", "Fait en un seul original, à Poitiers, le 22 avril 2025."] + Self.totals)
        #expect(facts[.supplierName] != "Fait en un seul original, à Poitiers, le 22 avril 2025")
        #expect(facts[.iban] == "FR7644571845126073611726563")
    }

    @Test func aSectionsHeadingAboveAnAddressIsNoName() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Marché public n° 2024008-PA", "Article 2 - Identification du titulaire",
                                "Adresse du siège\t101 avenue de Verdun, 63000 Clermont-Ferrand",
                                "N° de TVA intracommunautaire\tFR13500568662", "Article 3 - Prix"] + Self.totals)
        #expect(facts[.supplierName] != "Article 2 - Identification du titulaire")
        #expect(PartyFinder.looksLikeAName("Article 2 - Identification du titulaire") == false)
        #expect(PartyFinder.looksLikeAName("Atelier Reliure Patrimoine"))
    }

    @Test func aCompanyNamedAgenceIsNoStateAgency() {
        let facts = Self.facts(["AGENCE PIXELS ET PAGES", "97 rue Gambetta – 33000 Bordeaux", "FACTURE n° FA-2024-1680",
                                "\tBase de défense de Bordeaux-Mérignac", "\t178 ZA du Moulin", "\t57000 Metz"] + Self.totals)
        #expect(facts[.buyer] == "Base de défense de Bordeaux-Mérignac")
        #expect(StateEntity.find(in: DocumentLines(pages: [.plain(["Agence nationale de la cohésion des territoires"])]))?.name
                == "Agence nationale de la cohésion des territoires")
    }
}

/// A reading that leaves rows of ink without words is read again as one block (`DroppedRows`).
@Suite struct DroppedRowsTests {
    /// A white page with bands of ink (rows `top..<top + height`, across the text's width) and the words read.
    static func page(inked bands: [(top: Int, height: Int)], width: Int = 400, height: Int = 300) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for band in bands {
            for y in band.top..<band.top + band.height { for x in stride(from: 20, to: 380, by: 3) { pixels[y * width + x] = 0 } }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    static func words(at tops: [Int]) -> [PositionedWord] {
        tops.flatMap { top in
            [PositionedWord(text: "MONTANT", x0: 20, y0: Double(top), x1: 180, y1: Double(top + 10)),
             PositionedWord(text: "16.899,86", x0: 220, y0: Double(top), x1: 380, y1: Double(top + 10))]
        }
    }

    @Test func linesOfInkWithoutWordsBetweenReadLinesAreAHole() {
        let kept = [20, 40, 160]
        let image = Self.page(inked: kept.map { ($0, 10) } + [(70, 10), (90, 10), (110, 10)])
        #expect(DroppedRows.hasHole(in: image, words: Self.words(at: kept)))
    }

    @Test func rulesALogoAndASignatureAreNoHole() {
        let kept = [40, 60, 160]
        // A row of dashes under each line (two pixel rows), a logo above the first line, a signature under the last.
        let image = Self.page(inked: kept.map { ($0, 10) } + [(53, 2), (75, 2), (100, 2), (0, 30), (200, 40)])
        #expect(!DroppedRows.hasHole(in: image, words: Self.words(at: kept)))
    }

    @Test func aFixedWidthPrintRuledByDashesIsReadWhole() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/fixed-width-scan.pdf"))
        #expect(pages.count == 1 && pages[0].method == .ocr)
        let facts = DocumentReader.facts(from: pages)
        #expect(facts[.amountHT] == "16899.86")
        #expect(facts[.amountTTC] == "20279.83")
    }
}

@Suite struct SpacedTitlesTests {
    @Test func aTitleOCRSplitInItsCapitalsIsReadWhole() {
        #expect(DocumentLines.titleWhole("FACTU RE") == "FACTURE")
        #expect(DocumentLines.titleWhole("D EVIS") == "DEVIS")
        #expect(DocumentLines.titleWhole("SA RL") == "SA RL")
        #expect(DocumentLines.titleWhole("Factu re") == "Factu re")
    }

    @Test func aSplitTitleGivesTheTypeAndTheNumberUnderIt() {
        let words = CloseColumnsTests.row(0, [(0, "ATELIERS GRAPHIQUES MORVAN"), (300, "FACTU RE")])
            + CloseColumnsTests.row(20, [(0, "50 ZA du Moulin, 21000 Dijon"), (300, "N° 2025-F-2745")])
            + CloseColumnsTests.row(130, [(0, "Total HT"), (300, "1 000,00 €")]) + CloseColumnsTests.row(150, [(0, "TVA 20 %"), (300, "200,00 €")])
            + CloseColumnsTests.row(170, [(0, "Total TTC"), (300, "1 200,00 €")])
        let layout = PageLayout(words: words)
        let facts = DocumentReader.facts(from: [PageText(number: 1, method: .ocr, text: layout.text, layout: layout, reliability: 0.9)])
        #expect(facts[.documentType] == DocumentType.facture.rawValue)
        #expect(facts[.numberDocument] == "2025-F-2745")
    }
}

/// Designs of set g of the stranger corpus (issue 15, session 20), measured blind before these rules were written:
/// amounts with apostrophes, Chorus supplier codes, an accord-cadre's maximum, a certificate of service fait, a lot's
/// CCTP, footers set apart or centred.
@Suite struct CodesLotsAndCertificatesTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    @Test func thousandsPartedByApostrophesAreRead() {
        let facts = Self.facts(["Imprimerie des Trois Rivières SAS", "FACTURE 2025-13604",
                                "TOTAL HORS TAXES\t50'224,45 EUR", "TVA AU TAUX DE 20 %\t10'044,89 EUR",
                                "TOTAL TOUTES TAXES COMPRISES\t60'269,34 EUR"])
        #expect(facts[.amountHT] == "50224.45")
        #expect(facts[.amountTVA] == "10044.89")
        #expect(facts[.amountTTC] == "60269.34")
    }

    @Test func aChorusSupplierCodeBeforeTheNameIsNoPartOfIt() {
        #expect(PartyFinder.cleanName("1000458732 – ACME SAS") == "ACME SAS")
        #expect(PartyFinder.cleanName("3D Ingénierie SAS") == "3D Ingénierie SAS")
        #expect(PartyFinder.cleanName("1000576938 —- ELIOR RESTAURATION") == "ELIOR RESTAURATION")
        let facts = Self.facts(["Ministère de la Justice", "Tribunal judiciaire de Limoges", "BON DE COMMANDE N° 1300445378",
                                "Fournisseur : 1000050241 – Imprimerie des Trois Rivières SARL", "12 rue du Commerce, 49000 Angers",
                                "SIRET : 36463245529449", "Montant total de la commande : 1 000,00 € HT – TVA 200,00 € – 1 200,00 € TTC"])
        #expect(facts[.supplierName] == "Imprimerie des Trois Rivières SARL")
    }

    @Test func aTaxMarkOpeningTheNextLineIsTheAmountsAndAMaximumIsAnAccordCadresPrice() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Accord-cadre à bons de commande n° MAR20230717",
                                "Objet : Transport frigorifique des denrées de Angers Saint-Serge",
                                "L'accord-cadre est conclu sans montant minimum et avec un montant maximum de 345 000,00 €",
                                "HT sur sa durée totale (trois-cent-quarante-cinq-mille euros hors taxes)."])
        #expect(facts[.amountHT] == "345000.00")
        #expect(facts[.numberMarche] == "MAR20230717")
    }

    @Test func aCertificateOfServiceFaitIsANavetteAndItsPrestationsRowTheObject() {
        let facts = Self.facts(["Ministère de l'Agriculture", "Direction départementale des territoires du Morbihan",
                                "ATTESTATION DE SERVICE FAIT", "Engagement juridique\t1400134974",
                                "Fournisseur\tBureau d'Études Structure Alpes", "Facture du fournisseur\tn° F2024-9165 du 24/02/2024",
                                "Prestations\tMaintenance des ascenseurs de Auxerre Saint-Siméon",
                                "Montant HT\t618,35", "Montant TTC\t742,02",
                                "Je certifie que les prestations ont été exécutées conformément à la commande et peuvent être payées."])
        #expect(facts[.documentType] == DocumentType.ficheNavette.rawValue)
        #expect(facts[.object] == "Maintenance des ascenseurs de Auxerre Saint-Siméon")
        #expect(facts[.numberEJ] == "1400134974")
    }

    @Test func aLotsTitleIsItsCCTPsObject() {
        let facts = Self.facts(["Ministère du Travail\tMarché n° 2024-300", "Direction régionale de l'économie\tLot n° 6", "CCTP",
                                "Cahier des clauses techniques particulières", "Lot 6 : Diagnostic structurel du bâtiment de Auxerre",
                                "Article 1 – Allotissement", "La consultation comprend 7 lots ; le présent cahier concerne le lot n° 6.",
                                "Le titulaire du lot exécute ses prestations en coordination avec les titulaires des autres lots."])
        #expect(facts[.object] == "Diagnostic structurel du bâtiment de Auxerre")
        #expect(facts[.numberMarche] == "2024-300")
    }

    @Test func anAddresseesPublicBlockAboveTheFooterIsNoSupplier() {
        // OCR lost every line between the addressee's block and the footer that names the supplier.
        let facts = Self.facts(["Devis établi pour :", "Ministère de l'Intérieur",
                                "Direction départementale de la sécurité publique du Maine-et-Loire", "26 avenue Jean Jaurès",
                                "26000 Valence", "DEVIS N° 24102543 du 07/10/2024", "Total HT\t14 702,10 €", "Net à payer\t17 642,52 €",
                                "Arcane Sécurité Privée au capital de 50 000 € - 42 quai Saint-Pierre, 71000 Mâcon - SIRET 770 483 360 49942 - RCS Mâcon 770 483 360"])
        #expect(facts[.supplierName] == "Arcane Sécurité Privée")
    }

    @Test func aSIRETCutInACentredFooterIsJoined() {
        let row = CloseColumnsTests.row
        let words = row(0, [(0, "DEVIS N° 25030042")]) + row(130, [(0, "Total HT"), (300, "1 000,00 €")])
            + row(150, [(0, "TVA 20 %"), (300, "200,00 €")]) + row(170, [(0, "Net à payer"), (300, "1 200,00 €")])
        // The footer's two lines are centred: the second starts further right than the first.
        let first = row(300, [(0, "MENUISERIE BOIS ET LUMIÈRE SA au capital de 120 000 € – 51 rue de Strasbourg, 87000 Limoges – SIRET 821")])
        let second = "565 603 63930 – RCS Limoges 821 565 603 – APE 8559A"
        let probe = row(312, [(0, second)])
        let shift = ((first.last!.x1 - first[0].x0) - (probe.last!.x1 - probe[0].x0)) / 2
        #expect(CloseColumnsTests.facts(words + first + row(312, [(shift, second)]))[.supplierSiret] == "82156560363930")
    }

    @Test func aFootersNameApartFromItsAddressIsTheSupplier() {
        let facts = Self.facts(["Facture adressée à :", "Ministère de la Culture", "Archives nationales", "FACTURE N° 25030042"]
            + ["Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Net à payer\t1 200,00 €",
               "Atelier Reliure Patrimoine\t18 quai Saint-Pierre, 89000 Auxerre SIRET 96550780989454 RCS Auxerre 965 507 809"])
        #expect(facts[.supplierName] == "Atelier Reliure Patrimoine")
        #expect(facts[.supplierSiret] == "96550780989454")
    }
}
