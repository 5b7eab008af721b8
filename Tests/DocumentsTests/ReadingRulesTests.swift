import Testing
import EclaireCore
@testable import Documents

/// Rules that must hold on any layout (issue 15): totals by arithmetic, labels in their own column, the supplier's
/// identifiers apart from the buyer's, labels in their usual French variants. Each text is laid out as a page
/// would give it (a tab separates two cells of a line).
@Suite struct ReadingRulesTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    @Test func stackedTotalsAreAssignedByArithmeticNotByTheirLabels() {
        // No label says HT: « Prix total » is HT because 1 000,00 + 200,00 = 1 200,00 at 20 %.
        let facts = Self.facts(["DEVIS", "Récapitulatif", "Prix total\t1 000,00 €", "Montant TVA\t200,00 €",
                                "Net à payer\t1 200,00 €"])
        #expect(facts[.amountHT] == "1000.00")
        #expect(facts[.amountTVA] == "200.00")
        #expect(facts[.amountTTC] == "1200.00")
        #expect((facts.fields[.amountHT]?.confidence ?? 0) >= 0.9)
    }

    @Test func unlabelledTotalsThatAddUpAreRead() {
        let facts = Self.facts(["FACTURE", "Désignation\tQté\tMontant", "Audit\t1\t4 250,00", "", "4 250,00 €",
                                "850,00 €", "5 100,00 €"])
        #expect(facts[.amountHT] == "4250.00")
        #expect(facts[.amountTVA] == "850.00")
        #expect(facts[.amountTTC] == "5100.00")
    }

    @Test func aDiscountAndADepositAreNotTotals() {
        let facts = Self.facts(["FACTURE", "Total des prestations HT\t2 000,00 €", "Remise 5 %\t-100,00 €",
                                "Total HT\t1 900,00 €", "TVA 10 %\t190,00 €", "Total TTC\t2 090,00 €",
                                "Acompte versé\t-627,00 €", "Reste à payer\t1 463,00 €"])
        #expect(facts[.amountHT] == "1900.00")
        #expect(facts[.amountTVA] == "190.00")
        #expect(facts[.amountTTC] == "2090.00")
    }

    @Test func severalRatesAddUpToTheirTotal() {
        let facts = Self.facts(["FACTURE", "Base HT 20 %\t600,00", "TVA 20 %\t120,00", "Base HT 5,5 %\t400,00",
                                "TVA 5,5 %\t22,00", "Total HT\t1 000,00", "Total TTC\t1 142,00"])
        #expect(facts[.amountHT] == "1000.00")
        #expect(facts[.amountTTC] == "1142.00")
        #expect(facts[.amountTVA] == "142.00")
    }

    @Test func aTotalNotPrintedIsImpliedByTheOtherTwoWhenTheRateHolds() {
        let receipt = Self.facts(["FACTURE", "Désignation\tMontant", "Abonnement annuel", "Total TTC 1 440,00 € dont TVA 240,00 €"])
        #expect(receipt[.amountHT] == "1200.00")
        #expect(receipt[.amountTVA] == "240.00")
        #expect(receipt[.amountTTC] == "1440.00")
        let order = Self.facts(["BON DE COMMANDE", "Montant hors taxes\t2 500,00 €", "TVA 5,5 %\t137,50 €"])
        #expect(order[.amountHT] == "2500.00")
        #expect(order[.amountTTC] == "2637.50")
        #expect((order.fields[.amountTTC]?.confidence ?? 1) < 0.9)
        // 37,00 is no French rate of 463,00: no HT is made up.
        let odd = Self.facts(["FACTURE", "Total TTC\t500,00 €", "TVA\t37,00 €"])
        #expect(odd[.amountHT] == nil)
        #expect((odd.fields[.amountTTC]?.confidence ?? 1) < 0.7)
    }

    @Test func anExemptInvoiceWithItsTotalsUnderHeadingsFourLinesUp() {
        // A scan's speck line (« : ») between the headings and the values is no distance; the VAT is zero and the
        // net to pay after a deposit is not the TTC.
        let facts = Self.facts(["FACTURE", "TOTAL HT\tTOTAL TVA\tTOTAL TTC",
                                "de trois fois le taux d'intérêt légal, exigible à compter de l'échéance.",
                                "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement",
                                ":", "1 250,00\t0,00\t1 250,00", "Acompte :\t125,00", "NET À PAYER\t1 125,00 EUR"])
        #expect(facts[.amountHT] == "1250.00")
        #expect(facts[.amountTVA] == "0.00")
        #expect(facts[.amountTTC] == "1250.00")
        #expect((facts.fields[.amountTTC]?.confidence ?? 0) >= 0.8)
        // The same page where OCR glued « TOTAL HT » into one word.
        let glued = Self.facts(["FACTURE", "TOTALHT\tTOTAL TVA\tTOTAL TTC", "-1 250,00\t0,00\t-1 250,00",
                                "Acompte :\t-125,00", "NET À PAYER\t-1 125,00 EUR"])
        #expect(glued[.amountHT] == "-1250.00")
        #expect(glued[.amountTTC] == "-1250.00")
    }

    @Test func theAmountsOfASentenceAreRead() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT",
                                "Le montant total s'élève à 12 500,00 € hors taxes, soit 15 000,00 € TTC (TVA de 2 500,00 € incluse)."])
        #expect(facts[.amountHT] == "12500.00")
        #expect(facts[.amountTVA] == "2500.00")
        #expect(facts[.amountTTC] == "15000.00")
    }

    @Test func aLabelInItsOwnColumnGivesTheValueBesideIt() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "le signataire engage la", "société",
                                "Raison sociale\tAlizé Partners SARL", "Adresse\t10 place Bellecour, 13008 Marseille",
                                "Objet de la dépense\tAudit de sécurité du système d'information",
                                "Marché\tM2024723"])
        #expect(facts[.supplierName] == "Alizé Partners SARL")
        #expect(facts[.object] == "Audit de sécurité du système d'information")
        #expect(facts[.numberMarche] == "M2024723")
    }

    @Test func aTableHeadingIsNoName() {
        let facts = Self.facts(["Émetteur\tFacturé à", "Orée Réseaux SAS\tMinistère des Armées",
                                "125 cours Lafayette\tService du commissariat des armées", "38000 Grenoble\t31000 Toulouse"])
        #expect(facts[.supplierName] != "Facturé à")
    }

    @Test func aBuyersWrongSIRENDoesNotFlagTheSuppliersFields() {
        // 987 654 321 fails Luhn; the supplier's 123 456 782 passes.
        let facts = Self.facts(["Vendeur\tClient", "SIREN : 123 456 782\tSIREN : 987 654 321",
                                "N° TVA : FR 11 123 456 782\tDestinataire : Ma boutique"])
        #expect(facts[.supplierSiren] == "123456782")
        #expect(!facts.invalidIDs.contains("siren"))
    }

    @Test func theSuppliersWrongSIRETIsFlaggedAndKept() {
        // 974 235 500 28202: one digit off the SIRET of the SIREN its VAT number carries.
        let facts = Self.facts(["Orée Réseaux SAS", "125 cours Lafayette", "38000 Grenoble",
                                "Numéro SIRET : 97423550028202", "Identifiant TVA : FR73974235590"])
        #expect(facts[.supplierSiret] == "97423550028202")
        #expect(facts.invalidIDs.contains("siret"))
        #expect(!facts.invalidIDs.contains("vat_number"))
    }

    @Test func aPublicBodysSIRETIsNotTheSuppliers() {
        let facts = Self.facts(["MINISTÈRE DES ARMÉES", "Service du commissariat des armées", "SIRET : 177 813 557 55212",
                                "BON DE COMMANDE", "N° 1300505125", "Fournisseur\tOrée Réseaux SAS",
                                "SIRET : 974 235 590 28203"])
        #expect(facts[.supplierSiret] == "97423559028203")
        #expect(facts[.buyer] == "MINISTÈRE DES ARMÉES › Service du commissariat des armées")
        #expect(facts[.numberDocument] == "1300505125")
    }

    @Test func theAddresseeOfAPurchaseOrderIsItsSupplier() {
        let lines = ["MINISTÈRE DE LA JUSTICE", "Secrétariat général", "115 avenue Jean Jaurès", "59000 Lille",
                     "SIRET : 198 961 021 60496", "BON DE COMMANDE", "Numéro de commande : 1500617637",
                     "Destinataire de la commande", "Ligne Études", "139 rue Nationale", "76000 Rouen",
                     "SIRET 49500052368687", "Établi le 01/08/24"]
        let order = Self.facts(lines)
        #expect(order.documentType == .bonDeCommande)
        #expect(order[.supplierSiret] == "49500052368687")
        #expect(order[.supplierName] == "Ligne Études")
        #expect(order[.buyer]?.lowercased().contains("justice") == true)
        // On an invoice the addressee is the buyer, and its SIRET is not the supplier's.
        let invoice = Self.facts(["FACTURE N° F-2025-0012", "Destinataire", "Ligne Études", "139 rue Nationale",
                                  "76000 Rouen", "SIRET 49500052368687"])
        #expect(invoice[.supplierSiret] == nil)
    }

    @Test func documentNumbersInTheirUsualForms() {
        #expect(Self.facts(["Devis", "N° de devis : D20260351"])[.numberDocument] == "D20260351")
        #expect(Self.facts(["Devis estimatif", "Numéro : DEV-2024-9514"])[.numberDocument] == "DEV-2024-9514")
        // An invoice's « N° de commande » is the buyer's order, not the invoice.
        let invoice = Self.facts(["FACTURE", "N° de commande : PO201925478", "Facture n° FA-2025-0012"])
        #expect(invoice[.numberDocument] == "FA-2025-0012")
        // A qualified title (factoring, correction), on one line or with the title on the line above.
        #expect(Self.facts(["Facture rectificative n° FR-2025-0007"])[.numberDocument] == "FR-2025-0007")
        #expect(Self.facts(["FACTURE", "LOGO LE FOURNISSEUR\tAFFACTURÉE N°\tUC1_2023020_AFF", "Date :\t01/01/2023"])[.numberDocument] == "UC1_2023020_AFF")
        // A purchase order numbered by its « N° d'EJ ».
        let order = Self.facts(["Bon de commande", "N° d'EJ : 1500223588", "Cocontractant", "Sillon Consulting"])
        #expect(order[.numberEJ] == "1500223588")
        #expect(order[.numberDocument] == "1500223588")
        // « N° client » under the title is the buyer's account, not the invoice's number.
        #expect(Self.facts(["FACTURE", "CLIENT N° : C-20391"])[.numberDocument] == nil)
    }

    @Test func referencesWithWordsBetweenLabelAndNumber() {
        #expect(Self.facts(["Accord-cadre référencé 2023AC0174"])[.numberAccordCadre] == "2023AC0174")
        #expect(Self.facts(["Au titre de l'accord-cadre UGAP-2022-0548"])[.numberAccordCadre] == "UGAP-2022-0548")
        #expect(Self.facts(["Accord-cadre n° AC2022.083"])[.numberAccordCadre] == "AC2022.083")
        #expect(Self.facts(["Marché subséquent n° 2024-0597-00"])[.numberMarche] == "2024-0597-00")
        #expect(Self.facts(["FACTURE", "N° de pièce : INV-2026-0952"])[.numberDocument] == "INV-2026-0952")
    }

    @Test func aLegalFooterNamesTheSupplier() {
        let facts = Self.facts(["Client :", "Ministère du Travail", "28 allée des Tilleuls", "75011 Paris", "FACTURE",
                                "Pivot Technologies — au capital de 150 000 € 134 cours Lafayette, 92100 Boulogne — RCS Nanterre",
                                "382 490 118 — SIRET : 382 490 118 00009"])
        #expect(facts[.supplierName] == "Pivot Technologies")
    }

    @Test func aRegistryLineIsNoNameAndAGluedDashStillSeparates() {
        // As a scan reads a legal footer: the dash glued to the legal form, the APE code opening the next line.
        let facts = Self.facts(["DEVIS N° D-2025-0042", "Bon pour accord, date et signature du client :",
                                "Océan Bureautique SA— au capital de 5 000 € 137 rue Victor Hugo, 76000 Rouen — RCS Rouen 698 811 098",
                                "Code APE 7112B — N° de TVA intracommunautaire : FR48 698 811 098"])
        #expect(facts[.supplierName] == "Océan Bureautique SA")
        // Words glued by OCR in the footer, printed apart in the letterhead.
        let glued = Self.facts(["Strate Solutions SA", "FACTURE N° F-2025-0042", "Total TTC 1 200,00 €",
                                "StrateSolutionsSA— au capitalde 150 000 € 142 avenuedelaGare, 13008 Marseille—RCSMarseille 447 524 349"])
        #expect(glued[.supplierName] == "Strate Solutions SA")
    }

    @Test func theIssueDateIsTheOneItsNearestLabelNames() {
        #expect(Self.facts(["Date du document : 14/04/2026"])[.dateIssued] == "2026-04-14")
        #expect(Self.facts(["Période du 01/01/2025 au 31/01/2025", "Émis le 3 février 2025"])[.dateIssued] == "2025-02-03")
    }

    @Test func aMinistryWrappedOverTwoLinesIsOneName() {
        let facts = Self.facts(["Facturé à", "Ministère du Travail, de la Santé et des", "Solidarités",
                                "Délégation générale à l'emploi et à la", "formation professionnelle", "14 avenue Duquesne",
                                "75007 Paris"])
        #expect(facts[.buyer] == "Ministère du Travail, de la Santé et des Solidarités › Délégation générale à l'emploi et à la formation professionnelle")
    }
}

/// Pages as OCR gives them: askew, with dashes whose boxes are a fraction of a letter's height.
@Suite struct ScannedLayoutTests {
    /// Words of one line of text starting at `x`, `y`, each 60 units wide with 15 between, tilted by `slope`.
    static func line(_ texts: [String], y: Double, slope: Double, height: Double = 30) -> [PositionedWord] {
        texts.enumerated().map { index, text in
            let x0 = 100 + Double(index) * 75
            let lift = slope * (x0 + 30)
            // A dash sits at mid-height with a box a fifth as tall.
            let (top, bottom) = text == "-" ? (y + 0.4 * height, y + 0.6 * height) : (y, y + height)
            return PositionedWord(text: text, x0: x0, y0: top + lift, x1: x0 + 60, y1: bottom + lift)
        }
    }

    @Test func aTiltedPageKeepsEachLineWhole() {
        // 1.5°: the last word of a 24-word line sits 47 units lower than the first, more than a line's height.
        let words = (0..<6).flatMap { row in
            Self.line((0..<24).map { "w\(row)x\($0)" }, y: 100 + Double(row) * 60, slope: 0.026)
        }
        let layout = PageLayout(words: words)
        #expect(layout.lines.count == 6)
        #expect(layout.lines.allSatisfy { $0.text.split(separator: " ").count == 24 })
    }

    @Test func aTiltIsMeasuredAlongWholeLinesNotBetweenNeighbours() {
        // 2°, and each word's box a few units higher or lower than its neighbour's (a blurred 150 dpi scan): the
        // slopes between neighbours say 0° as often as 4°, a line's words fitted together say 2°.
        let words = (0..<3).flatMap { row in
            Self.line((0..<12).map { "w\(row)x\($0)" }, y: 100 + Double(row) * 60, slope: 0.035).enumerated().map { index, word in
                let noise = index.isMultiple(of: 2) ? 1.3 : -1.3
                return PositionedWord(text: word.text, x0: word.x0, y0: word.y0 + noise, x1: word.x1, y1: word.y1 + noise)
            }
        }
        let layout = PageLayout(words: words)
        #expect(layout.lines.count == 3)
        #expect(layout.lines.allSatisfy { $0.text.split(separator: " ").count == 12 })
    }

    @Test func aDashDoesNotSplitItsLine() {
        let words = Self.line(["B", "-", "Objet", "du", "marché"], y: 100, slope: 0.004)
            + Self.line(["Objet", "de", "la", "commande", "Audit"], y: 160, slope: 0.004)
            + Self.line(["Total", "HT", "2423,50", "€", "net"], y: 220, slope: 0.004)
        let layout = PageLayout(words: words)
        #expect(layout.lines.first?.text == "B - Objet du marché")
        #expect(layout.lines.count == 3)
    }

    @Test func twoAmountsReadAsOneCellTakeTheHeadingAboveEachOfThem() {
        // A header row whose labels ran together in two cells, and two totals close enough to make one cell: each
        // amount takes the words above it (« Total net H.T. », « TVA », « Montant TTC »).
        func line(_ cells: [(String, Double, Double)]) -> LayoutLine { LayoutLine(cells: cells.map { LayoutCell(text: $0.0, x0: $0.1, x1: $0.2) }) }
        let layout = PageLayout(lines: [
            line([("BON DE COMMANDE", 0, 200)]),
            line([("Total des prestations HT Remise commerciale 10 % Total net H.T.", 0, 600), ("TVA Montant TTC", 640, 900)]),
            line([("4519,64 €", 0, 100), ("-451,96 €", 250, 350), ("4067,68 € 813,54 €", 480, 700), ("4881,22 €", 800, 900)]),
        ])
        let facts = DocumentReader.facts(from: [PageText(number: 1, method: .textLayer, text: "", layout: layout, reliability: 1)])
        #expect(facts[.amountHT] == "4067.68")
        #expect(facts[.amountTVA] == "813.54")
        #expect(facts[.amountTTC] == "4881.22")
    }

    @Test func anAmountWithoutThousandsSeparatorIsAnAmount() {
        let facts = DocumentReader.facts(fromLines: ["FACTURE", "Total H.T.\t2423,50€", "TVA (20 %)\t484,70 €",
                                                     "Total TTC\t2 908,20 €"])
        #expect(facts[.amountHT] == "2423.50")
        #expect(facts[.amountTTC] == "2908.20")
    }

    @Test func ocrsUsualSlipsInLabelsAndKeysAreRead() {
        // « N° E]J » and « N° E] » are « N° EJ » read by OCR; « FRO9 » is the key 09 of a VAT number.
        #expect(DocumentReader.facts(fromLines: ["N° E]J : 1300395588"])[.numberEJ] == "1300395588")
        #expect(DocumentReader.facts(fromLines: ["N° E]\t1300431203"])[.numberEJ] == "1300431203")
        let facts = DocumentReader.facts(fromLines: ["Trièdre Informatique SA", "TVA intracom. FRO9524558442"])
        #expect(facts[.supplierVAT] == "FR09524558442")
        #expect(facts.invalidIDs.isEmpty)
    }

    @Test func aSentenceAboveAnAddressIsNoSuppliersName() {
        let facts = DocumentReader.facts(fromLines: ["Conditions de paiement à trente jours",
                                                     "Pénalités : trois fois le taux légal", "12 rue des Lilas", "75011 Paris",
                                                     "SIRET : 974 235 590 28203"])
        #expect(facts[.supplierName] == nil)
    }

    /// Public contracts state their object in a sentence; an inline « Désignation : » names it too, while a
    /// « Désignation » column heading does not.
    @Test func anObjectStatedInASentenceOrAfterAnInlineLabel() {
        let cctp = ReadingRulesTests.facts(["CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", "Article 1 – Généralités",
                               "Le présent cahier a pour objet de définir les conditions d'exécution relatives aux",
                               "prestations de nettoyage des locaux de la préfecture. Il complète le CCAP."])
        #expect(cctp[FieldKey.object] == "prestations de nettoyage des locaux de la préfecture")
        let order = ReadingRulesTests.facts(["BON DE COMMANDE", "Le présent marché a pour objet la fourniture de mobilier de bureau."])
        #expect(order[FieldKey.object] == "la fourniture de mobilier de bureau")
        let invoice = ReadingRulesTests.facts(["FACTURE", "Désignation : Maintenance annuelle des ascenseurs", "Désignation\tQté\tMontant",
                                  "Visite trimestrielle\t4\t1 200,00"])
        #expect(invoice[FieldKey.object] == "Maintenance annuelle des ascenseurs")
        let items = ReadingRulesTests.facts(["FACTURE", "Article\tQté\tMontant", "Licences bureautiques annuelles\t10\t900,00"])
        #expect(items[FieldKey.object] == "Licences bureautiques annuelles")
    }

    @Test func aLegalFooterSplitByAGapNamesTheSupplierWhateverRegistryWordsOCRKept() {
        // « RCS » read « RES », « Code APE6202A » glued, the SIRET past a wide gap, and an OCR fragment (« LA ») above.
        let facts = ReadingRulesTests.facts(["FACTURE N° F202401792", "Adressé à", "Premier ministre",
                                             "Direction interministérielle du numérique", "39 rue du Faubourg Saint-Antoine", "69003 Lyon",
                                             "Total TTC\t1 200,00 €", "LA",
                                             "Nova Conseil — 166 avenue Jean Jaurès, 35000 Rennes RES Rennes 758 150\tSIRET n° 75815021305033 — Code APE6202A",
                                             "VA intracommunautaire : FR83 758 150 213"])
        #expect(facts[FieldKey.supplierName] == "Nova Conseil")
    }

    @Test func aVATNumberPrintedCutIsCompletedFromTheSuppliersSIRENWhenItsKeyAgrees() {
        // Wrapped at the end of its line, a town set in the column beside it: « FR77 976 581 ». The key 77 is the
        // one SIREN 976 581 504 gives, and the digits printed are its start.
        let cut = ReadingRulesTests.facts(["DEVIS N° D-2025-118", "Nova Conseil SAS", "SIRET : 976 581 504 97377",
                              "N° de TVA intracommunautaire : FR77 976 581\t31000 Toulouse"])
        #expect(cut[FieldKey.supplierVAT] == "FR77976581504")
        #expect(cut.invalidIDs.isEmpty)
        // A key that does not agree, or digits of another SIREN, complete nothing.
        let otherKey = ReadingRulesTests.facts(["DEVIS N° D-2025-118", "Nova Conseil SAS", "SIRET : 976 581 504 97377",
                                   "N° de TVA intracommunautaire : FR12 976 581\t31000 Toulouse"])
        #expect(otherKey[FieldKey.supplierVAT] == nil)
        let otherDigits = ReadingRulesTests.facts(["DEVIS N° D-2025-118", "Nova Conseil SAS", "SIRET : 976 581 504 97377",
                                      "N° de TVA intracommunautaire : FR77 123 456\t31000 Toulouse"])
        #expect(otherDigits[FieldKey.supplierVAT] == nil)
    }
}
