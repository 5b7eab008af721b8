import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set j of the stranger corpus (issue 15, session 22), measured blind before these rules were written:
/// a supplier in a narrow column down the left of the page, a buyer's block set flush right, a CCTP whose pages carry
/// a running header, a fiche navette of several postes closed by a total row, dates in a form's boxes.
@Suite struct SidebarsAndRunningHeadersTests {
    static let row = CloseColumnsTests.row
    static let facts = CloseColumnsTests.facts

    /// Where a cell starts so that it ends at `right`, words being 5 points a letter and 3 between them.
    static func flushRight(_ right: Double, _ text: String) -> (x: Double, text: String) {
        let words = text.split(separator: " ")
        return (right - Double(words.reduce(0) { $0 + $1.count * 5 }) - Double(3 * (words.count - 1)), text)
    }

    static let totals = row(260, [(200, "Montant net HT"), (420, "4 156,10 €")]) + row(275, [(200, "Montant TVA 20 %"), (420, "831,22 €")])
        + row(290, [(200, "Net à payer TTC"), (420, "4 987,32 €")]) + CloseColumnsTests.prose

    /// The supplier's column: its name wrapped over three lines, its identifiers and bank under it, beside the
    /// title and the client's block.
    static func sidebar(iban: (String, String)) -> [PositionedWord] {
        row(20, [(0, "Plomberie"), (200, "FACTURE")]) + row(31, [(0, "Chauffage")]) + row(42, [(0, "Lambert SELAS"), (200, "N° 202401425")])
            + row(53, [(200, "Date : 14/07/2024")]) + row(64, [(0, "95 rue Victor Hugo")]) + row(75, [(0, "17000 La Rochelle"), (330, "Facturé à :")])
            + row(86, [(330, "Ministère des Armées")]) + row(97, [(0, "SIRET"), (330, "Service du commissariat des armées de")])
            + row(108, [(0, "350 337 267 07144"), (330, "Lorient")]) + row(119, [(330, "13 cours Mirabeau")]) + row(130, [(330, "56100 Lorient")])
            + row(150, [(0, "N° TVA")]) + row(161, [(0, "FR32350337267")])
            + row(180, [(0, "Banque"), (200, "Objet : Relevé topographique du terrain de Lorient")])
            + row(200, [(0, iban.0)]) + row(211, [(0, iban.1)]) + totals
    }

    @Test func aNameWrappedOverThreeLinesOfANarrowColumnIsReadWhole() {
        let facts = Self.facts(Self.sidebar(iban: ("IBAN FR25 3000 4000 3201", "0123 4567 890")))
        #expect(facts[.supplierName] == "Plomberie Chauffage Lambert SELAS")
    }

    @Test func anIBANWrappedInItsColumnIsReadWholeEvenWithAWrongKey() {
        // The key is wrong: the number joined is still the one printed, and is flagged.
        let facts = Self.facts(Self.sidebar(iban: ("IBAN FR76 2558 8416", "1418 6209 1427 277")))
        #expect(facts[.iban] == "FR7625588416141862091427277")
        #expect(facts.invalidIDs.contains("iban"))
        let valid = Self.facts(Self.sidebar(iban: ("IBAN FR25 3000 4000 3201", "0123 4567 890")))
        #expect(valid[.iban] == "FR2530004000320101234567890")
        #expect(!valid.invalidIDs.contains("iban"))
    }

    @Test func aSidebarsLabelsDoNotCutTheBuyersBlockBesideThem() {
        let buyer = Self.facts(Self.sidebar(iban: ("IBAN FR25 3000 4000 3201", "0123 4567 890")))[.buyer]
        #expect(buyer == "Ministère des Armées › Service du commissariat des armées de Lorient")
    }

    @Test func aBuyersBlockSetFlushRightKeepsItsLevels() {
        let words = Self.row(20, [(0, "Reprographie Rapide Lorraine SAS"), Self.flushRight(560, "Ministère des Armées")])
            + Self.row(31, [Self.flushRight(560, "Service du commissariat des armées de Lorient")])
            + Self.row(42, [(0, "14 cours Mirabeau"), Self.flushRight(560, "226 rue Victor Hugo")])
            + Self.row(53, [(0, "68100 Mulhouse"), Self.flushRight(560, "76600 Le Havre")])
            + Self.row(80, [(0, "Facture 26040201")]) + Self.totals
        #expect(Self.facts(words)[.buyer] == "Ministère des Armées › Service du commissariat des armées de Lorient")
    }

    static func cctp(reference: Bool) -> [PositionedWord] {
        row(10, [(120, "Ministère de la Justice – CCTP – 2026-193")])
            + row(60, [(100, "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES")])
            + row(100, [(0, "Acheteur"), (180, "Ministère de la Justice")]) + row(111, [(180, "Cour d'appel de Grenoble")])
            + row(130, [(0, "Intitulé de la consultation"), (180, "Entretien des ascenseurs du bâtiment de Lorient")])
            + (reference ? row(145, [(0, "Référence"), (180, "2026-193")]) : [])
            + row(160, [(0, "Procédure"), (180, "Procédure adaptée")])
            + row(200, [(0, "Article 1 – Contexte")])
            + row(215, [(0, "Le présent document décrit les prestations attendues du titulaire et les conditions de leur exécution.")])
            + CloseColumnsTests.prose
    }

    @Test func aRunningHeaderNamesTheMinistryTheBuyersRowItsService() {
        let facts = Self.facts(Self.cctp(reference: true))
        #expect(facts[.buyer] == "Ministère de la Justice › Cour d'appel de Grenoble")
        #expect(facts[.numberMarche] == "2026-193")
    }

    @Test func aRunningHeaderNumbersTheMarcheWhenNothingElseDoes() {
        #expect(Self.facts(Self.cctp(reference: false))[.numberMarche] == "2026-193")
    }

    @Test func aRunningHeadersTitleIsNoLevelOfTheEntity() {
        #expect(StateEntity.levels(of: ["Ministère de la Justice – CCTP – 2026-193"]) == ["Ministère de la Justice"])
    }

    @Test func aRegionOnALineOfItsOwnEndsTheLevelAbove() {
        let levels = StateEntity.levels(of: ["Ministère du Travail",
                                             "Direction régionale de l'économie, de l'emploi, du travail et des solidarités",
                                             "Grand Est"])
        #expect(levels == ["Ministère du Travail", "Direction régionale de l'économie, de l'emploi, du travail et des solidarités Grand Est"])
    }

    @Test func anItemsTablesTotalRowGivesTheTotalsByItsColumns() {
        // Every poste's row adds up (HT + TVA = TTC) as the total row does: the row labelled « Total » is the total.
        let words = Self.row(20, [(0, "FICHE NAVETTE – DEMANDE D'ENGAGEMENT")])
            + Self.row(60, [(0, "Poste"), (60, "Désignation"), (300, "HT"), (400, "TVA"), (500, "TTC")])
            + Self.row(75, [(0, "1"), (60, "Badge sans contact"), (260, "1 905,00 EUR"), (370, "381,00 EUR"), (470, "2 286,00 EUR")])
            + Self.row(90, [(0, "2"), (60, "Lecteur de badge"), (270, "490,94 EUR"), (375, "98,19 EUR"), (480, "589,13 EUR")])
            + Self.row(105, [(60, "Total"), (260, "2 395,94 EUR"), (370, "479,19 EUR"), (470, "2 875,13 EUR")])
            + CloseColumnsTests.prose
        let facts = Self.facts(words)
        #expect(facts[.amountHT] == "2395.94")
        #expect(facts[.amountTVA] == "479.19")
        #expect(facts[.amountTTC] == "2875.13")
    }

    @Test func aFormsBoxesSpaceTheDatesSlashesOut() {
        let facts = DocumentReader.facts(fromLines: ["FACTURE N° F-2025-12", "Date : 05 / 03 / 2025", "Total HT\t1 000,00",
                                                     "TVA 20 %\t200,00", "Total TTC\t1 200,00"])
        #expect(facts[.dateIssued] == "2025-03-05")
    }

    /// The same words as OCR gives them: lines whose boxes hug the ink.
    static func scanned(_ words: [PositionedWord]) -> DocumentFacts {
        let layout = PageLayout(words: words)
        return DocumentReader.facts(from: [PageText(number: 1, method: .ocr, text: layout.text, layout: layout, reliability: 1)])
    }

    @Test func aSIRETsDigitReadAsALetterIsRepairedByItsKey() {
        let words = Self.row(20, [(0, "FICHE NAVETTE")])
            + Self.row(40, [(0, "Fournisseur : ESPACES VERTS CHEVALIER - SIRET 657 924 O15 08472")]) + Self.totals
        #expect(Self.scanned(words)[.supplierSiret] == "65792401508472")
        // A wrong key is no reading of a SIRET: nothing is made up.
        let wrong = Self.row(20, [(0, "FICHE NAVETTE")])
            + Self.row(40, [(0, "Fournisseur : ESPACES VERTS CHEVALIER - SIRET 657 924 O15 08473")]) + Self.totals
        #expect(Self.scanned(wrong)[.supplierSiret] == nil)
    }

    @Test func aLabelOverItsValueWithAnotherColumnsLineBetweenStillLabelsIt() {
        // « SIRET » and its number in the sidebar, a line of the client's block between them: the number's key is
        // wrong, and only a labelled SIRET is kept to be flagged.
        let words = Self.row(20, [(0, "Opinion Plus SELAS"), (200, "FACTURE")]) + Self.row(40, [(0, "32 chemin des Vignes")])
            + Self.row(51, [(0, "54000 Nancy")]) + Self.row(80, [(330, "Facturé à :")]) + Self.row(91, [(330, "Ministère du Travail")])
            + Self.row(100, [(0, "SIRET")]) + Self.row(106, [(330, "Direction régionale de l'économie")])
            + Self.row(112, [(0, "387 037 482 35181")]) + Self.totals
        let facts = Self.scanned(words)
        #expect(facts[.supplierSiret] == "38703748235181")
        #expect(facts.invalidIDs.contains("siret"))
    }

    @Test func aSupplierBlockBesideTheClientsIsReadUpItsOwnColumn() {
        // The client's block, set at other heights, adds lines between the SIRET and the supplier's postcode.
        let words = Self.row(20, [(0, "Institut de Sondage"), (200, "DEVIS")]) + Self.row(31, [(0, "Opinion Plus")])
            + Self.row(45, [(200, "N° DV202517805")]) + Self.row(56, [(0, "77 allée des Tilleuls"), (200, "Date : 14 août 2025")])
            + Self.row(67, [(0, "59000 Lille")]) + Self.row(85, [(330, "Destinataire :")]) + Self.row(90, [(0, "Tél. 05 23 31 78 28")])
            + Self.row(101, [(330, "Ministère des Armées")]) + Self.row(112, [(330, "Service du commissariat des armées de")])
            + Self.row(118, [(0, "SIRET")]) + Self.row(123, [(330, "Lorient")]) + Self.row(129, [(0, "770 660 967 39049")])
            + Self.row(140, [(330, "112 chemin des Vignes")]) + Self.row(151, [(330, "33000 Bordeaux")]) + Self.totals
        #expect(Self.scanned(words)[.supplierName] == "Institut de Sondage Opinion Plus")
    }

    @Test func aNamesSecondLineWithoutDescendersIsStillTheName() {
        // OCR's boxes: « Institut de Sondage Opinion » with its descenders and a large title beside it stands taller
        // than « Plus », which is no tagline in a smaller type for that.
        let words = [PositionedWord(text: "Institut", x0: 0, y0: 20, x1: 40, y1: 33), PositionedWord(text: "de", x0: 43, y0: 20, x1: 53, y1: 33),
                     PositionedWord(text: "Sondage", x0: 56, y0: 20, x1: 91, y1: 34), PositionedWord(text: "Opinion", x0: 94, y0: 20, x1: 129, y1: 34),
                     PositionedWord(text: "DEVIS", x0: 200, y0: 16, x1: 260, y1: 36),
                     PositionedWord(text: "Plus", x0: 0, y0: 36, x1: 20, y1: 47)]
            + Self.row(56, [(0, "77 allée des Tilleuls")]) + Self.row(67, [(0, "59000 Lille")])
            + Self.row(78, [(0, "SIRET 770 660 967 39049")]) + Self.totals
        #expect(Self.scanned(words)[.supplierName] == "Institut de Sondage Opinion Plus")
    }

    @Test func aTaglineUnderANameIsToldByTheLinesHeightsOnAScan() {
        // OCR's boxes: the name's tallest word (« Nettoyage », its descender) is not 1.5 times the tagline's tallest
        // (« Organisme »), but the name's line stands 1.7 times the tagline's.
        let words = [PositionedWord(text: "Nettoyage", x0: 0, y0: 238, x1: 200, y1: 291),
                     PositionedWord(text: "Industriel", x0: 215, y0: 238, x1: 420, y1: 288),
                     PositionedWord(text: "Séquanais", x0: 435, y0: 240, x1: 640, y1: 289),
                     PositionedWord(text: "Organisme", x0: 0, y0: 296, x1: 180, y1: 332),
                     PositionedWord(text: "de", x0: 195, y0: 300, x1: 230, y1: 326),
                     PositionedWord(text: "formation", x0: 245, y0: 296, x1: 420, y1: 326)]
            + Self.row(340, [(0, "95 boulevard Carnot, 72000 Le Mans")]) + Self.row(352, [(0, "SIRET 433 933 173 14878")])
            + Self.row(380, [(0, "FACTURE N° FC-2024-2538")]) + Self.totals.map { word in
                PositionedWord(text: word.text, x0: word.x0, y0: word.y0 + 200, x1: word.x1, y1: word.y1 + 200)
            }
        #expect(Self.scanned(words)[.supplierName] == "Nettoyage Industriel Séquanais")
    }

    @Test func aSmallBorderedTableDroppedByTheFirstReadingIsReadWithoutItsRulings() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/postes-table-scan.pdf"))
        #expect(extraction.facts[.amountHT] == "9400.44")
        #expect(extraction.facts[.amountTVA] == "1880.09")
        #expect(extraction.facts[.amountTTC] == "11280.53")
    }
}

/// Designs of set k of the stranger corpus (issue 15, session 22), measured blind before these rules were written:
/// an acte d'engagement naming « Le titulaire : … – 41 boulevard … », a CCTP set in two columns, a credit note's
/// « Motif : », a court as the buyer, a name wrapped beside a larger title.
@Suite struct TwoColumnsAndCreditNotesTests {
    static let row = CloseColumnsTests.row
    static let facts = CloseColumnsTests.facts
    static let totals = SidebarsAndRunningHeadersTests.totals

    @Test func aHolderLabelledWithItsArticleIsNamedWithoutItsAddress() {
        let facts = DocumentReader.facts(fromLines: [
            "Ministère de l'Intérieur", "Préfecture du Finistère", "ACTE D'ENGAGEMENT",
            "Objet : Remplacement des serrures du bâtiment de Rennes Beauregard",
            "Le titulaire : Cartographie Azimut – 41 boulevard Voltaire, 69003 Lyon – SIRET 570 034 314 81916",
            "Total HT du DQE\t22.791,20 €", "TVA 20 %\t4.558,24 €", "Total TTC du DQE\t27.349,44 €"])
        #expect(facts[.supplierName] == "Cartographie Azimut")
    }

    @Test func aSectionsHeadingIsReadForTheSentenceUnderItNotTheOtherColumn() {
        let words = Self.row(20, [(0, "Ministère de l'Agriculture")]) + Self.row(31, [(0, "Direction départementale des territoires de la Vienne")])
            + Self.row(50, [(250, "CCTP")])
            + Self.row(80, [(0, "Article 1 – Objet"), (300, "Le titulaire exécute les prestations conformément aux")])
            + Self.row(91, [(300, "règles de l'art et aux prescriptions du présent cahier.")])
            + Self.row(97, [(0, "Le présent marché a pour objet : location de véhicules")])
            + Self.row(108, [(0, "utilitaires pour Mémoire des Armées."), (300, "Article 4 – Contrôles")])
            + Self.row(130, [(0, "Article 2 – Description"), (300, "Le titulaire exécute les prestations conformément aux")])
            + CloseColumnsTests.prose
        #expect(Self.facts(words)[.object] == "location de véhicules utilitaires pour Mémoire des Armées")
    }

    @Test func aCreditNotesMotifIsItsObject() {
        let facts = DocumentReader.facts(fromLines: [
            "Imprimerie Numérique Atlantique SAS", "AVOIR N° A-2025-689", "Avoir sur la facture n° F2025-3981 du 07.12.24",
            "Motif : prestation non réalisée – Location de véhicules utilitaires pour Mémoire des Armées",
            "Désignation\tQté\tPU HT\tMontant HT", "Fourgon (jour)\t-4\t95,00\t-380,00",
            "Total HT\t-380,00", "TVA 20 %\t-76,00", "Total TTC de l'avoir\t-456,00"])
        #expect(facts.documentType == .avoir)
        #expect(facts[.object]?.hasSuffix("Location de véhicules utilitaires pour Mémoire des Armées") == true)
    }

    @Test func aCourtIsALevelOfItsMinistry() {
        #expect(PartyFinder.entityPath("Ministère de la Justice – Tribunal judiciaire de Rennes")
            == "Ministère de la Justice › Tribunal judiciaire de Rennes")
    }

    @Test func aNameWrappedBesideALargerTitleIsReadWhole() {
        // « DEVIS » in a larger type stands beside the name's first line, a smaller number beside its second: the
        // lines' heights are their columns', the name's two lines are of one size.
        let words = [PositionedWord(text: "IMPRIMERIE", x0: 0, y0: 20, x1: 60, y1: 34), PositionedWord(text: "NUMÉRIQUE", x0: 64, y0: 20, x1: 120, y1: 34),
                     PositionedWord(text: "DEVIS", x0: 400, y0: 16, x1: 450, y1: 36),
                     PositionedWord(text: "ATLANTIQUE", x0: 0, y0: 35, x1: 60, y1: 49),
                     PositionedWord(text: "N°", x0: 400, y0: 38, x1: 410, y1: 47), PositionedWord(text: "2025-771", x0: 413, y0: 38, x1: 450, y1: 47)]
            + Self.row(52, [(0, "11 boulevard Voltaire")]) + Self.row(63, [(0, "29200 Brest")])
            + Self.row(74, [(0, "SIRET 433 933 173 14878")]) + Self.totals
        #expect(Self.facts(words)[.supplierName] == "IMPRIMERIE NUMÉRIQUE ATLANTIQUE")
    }

    @Test func aLineInLowerCaseUnderANameInCapitalsIsNoPartOfIt() {
        let words = Self.row(20, [(0, "SERRURERIE MÉTALLERIE DUVAL"), (400, "FACTURE")]) + Self.row(31, [(0, "Organisme de formation")])
            + Self.row(42, [(0, "8 parc technologique des Collines, 30000 Nîmes")]) + Self.row(53, [(0, "SIRET 433 933 173 14878")])
            + Self.totals
        #expect(SidebarsAndRunningHeadersTests.scanned(words)[.supplierName] == "SERRURERIE MÉTALLERIE DUVAL")
    }

    @Test func largerTotalsLabelledHTAndTTCWinOverALineThatAddsUpWhenOCRGarbledTheirVAT() {
        // Each line prints its HT, VAT and TTC, which add up; the totals' VAT lost its separators.
        let facts = DocumentReader.facts(fromLines: [
            "FACTURE N° 2024-00123", "Désignation\tPériode\tQté\tMontant HT\tTaux TVA\tMontant TVA\tMontant TTC",
            "Fourgon (jour)\t02/2024\t6\t6.298,50 €\t20 %\t1.259,70 €\t7.558,20 €",
            "Kilomètre supplémentaire\t02/2024\t2000\t49.229,34 €\t20 %\t9.845,87 €\t59.075,21 €",
            "Total HT\t55.527,84 €", "Total TVA\t1110557€", "Total TTC\t66.633,41 €"])
        #expect(facts[.amountHT] == "55527.84")
        #expect(facts[.amountTTC] == "66633.41")
        #expect(facts[.amountTVA] == "11105.57")
    }

    /// A white page 600 pixels wide with dark rows drawn by `dark(x, y)`.
    static func page(_ dark: (Int, Int) -> Bool) -> GrayImage {
        let width = 600, height = 300
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height { for x in 0..<width where dark(x, y) { pixels[y * width + x] = 0 } }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test func aRulingLineCrossesRowsALineOfLettersDoesNot() {
        let ruled = Self.page { _, y in y == 150 || y == 151 }
        #expect(RulingLines.crosses(140..<160, in: ruled, dpi: 300))
        #expect(!RulingLines.crosses(100..<140, in: ruled, dpi: 300))
        // Letters 12 pixels wide, 3 apart: ink on every row, no run a quarter of an inch long.
        let letters = Self.page { x, y in y >= 140 && y < 170 && x % 15 < 12 }
        #expect(!RulingLines.crosses(140..<170, in: letters, dpi: 300))
    }
}
