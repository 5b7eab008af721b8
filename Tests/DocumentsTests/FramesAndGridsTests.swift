import Testing
import EclaireCore
@testable import Documents

/// Designs of set c of the stranger corpus (issue 15, session 18), measured blind before these rules were written:
/// actes d'engagement in frames with a grid of totals, order forms of boxes side by side, Chorus's printed order,
/// fiches navette as two-column tables, hosting, telecom and press invoices, consultancies' proposals.
@Suite struct FramesAndGridsTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }
    static let row = CloseColumnsTests.row
    static let totals = ["Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €"]

    static func grid(_ rows: [(label: String, ht: String, tva: String, ttc: String)]) -> [PositionedWord] {
        let heading = row(100, [(150, "Montant HT"), (300, "TVA (20 %)"), (450, "Montant TTC")])
        return row(50, [(0, "ACTE D'ENGAGEMENT")]) + heading + rows.enumerated().flatMap { index, r in
            row(120 + Double(index) * 20, [(0, r.label), (150, r.ht), (300, r.tva), (450, r.ttc)])
        } + CloseColumnsTests.prose
    }

    @Test func aGridOfTranchesGivesItsTotalRow() {
        let facts = CloseColumnsTests.facts(Self.grid([("Tranche ferme", "21 773,59 €", "4 354,72 €", "26 128,31 €"),
                                                       ("Tranche optionnelle", "9 331,54 €", "1 866,31 €", "11 197,85 €"),
                                                       ("Total", "31 105,13 €", "6 221,03 €", "37 326,16 €")]))
        #expect(facts[.amountHT] == "31105.13")
        #expect(facts[.amountTVA] == "6221.03")
        #expect(facts[.amountTTC] == "37326.16")
    }

    @Test func aGridsOnlyRowIsReadUnderItsColumnsHeadings() {
        let facts = CloseColumnsTests.facts(Self.grid([("Montant", "12 676,84 €", "2 535,37 €", "15 212,21 €")]))
        #expect(facts[.amountHT] == "12676.84")
        #expect(facts[.amountTVA] == "2535.37")
        #expect(facts[.amountTTC] == "15212.21")
    }

    @Test func aSumDueUnderAVATTableIsNoRowOfIt() {
        // The table of rates heads HT and TVA columns; « Montant à payer » below it is the TTC, not a VAT.
        let words = Self.row(50, [(0, "DEVIS N° D-0042")])
            + Self.row(100, [(150, "Taux"), (300, "Base HT"), (450, "Montant TVA")])
            + Self.row(120, [(150, "20 %"), (300, "3 667,08 €"), (450, "733,42 €")])
            + Self.row(140, [(150, "10 %"), (300, "1 833,54 €"), (450, "183,35 €")])
            + Self.row(160, [(0, "Total hors taxe"), (450, "5 500,62 €")])
            + Self.row(180, [(0, "Total TVA"), (450, "916,77 €")])
            + Self.row(200, [(0, "Montant à payer"), (450, "6 417,39 €")]) + CloseColumnsTests.prose
        let facts = CloseColumnsTests.facts(words)
        #expect(facts[.amountHT] == "5500.62")
        #expect(facts[.amountTTC] == "6417.39")
    }

    @Test func aBlocksTitleBesideTheSuppliersIsNoName() {
        let facts = Self.facts(["BON DE COMMANDE N° 2103256820",
                                "Service commanditaire\tFournisseur\tFacturation",
                                "Direction du patrimoine\tPresse Territoriale Diffusion SASU\tChorus Pro",
                                "163 chemin du Port\t101 allée des Sorbiers\tSIRET : 10927339172803",
                                "31000 Toulouse\t59000 Lille", "SIRET : 69706895512028"] + Self.totals)
        #expect(facts[.supplierName] == "Presse Territoriale Diffusion SASU")
    }

    @Test func chorusPrintedOrdersHeaderTextIsItsObject() {
        let facts = Self.facts(["BON DE COMMANDE", "N° de bon de commande : 1300012345",
                                "Texte d'en-tête : Entretien des espaces verts du site de Pessac",
                                "00010\tTONTE ET DÉBROUSSAILLAGE\t2\t420,00\t840,00"] + Self.totals)
        #expect(facts[.object] == "Entretien des espaces verts du site de Pessac")
    }

    @Test func aNumberedSectionsObjectHeading() {
        let frame = Self.facts(["ACTE D'ENGAGEMENT", "Cadre 1 – Objet", "Conseil juridique en droit de la commande publique",
                                "Cadre 2 – Identification du titulaire"])
        #expect(frame[.object] == "Conseil juridique en droit de la commande publique")
        // A labelled line under the heading gives its value, and the next section's heading is not part of it.
        let article = Self.facts(["CCTP", "Article 1 - Objet", "Nature de la prestation : Hébergement de la plateforme",
                                  "Article 2 - Contexte", "Le titulaire assure la continuité du service."])
        #expect(article[.object] == "Hébergement de la plateforme")
    }

    @Test func aFicheNavettesTwoColumnTable() {
        let facts = Self.facts(["Ministère du Travail", "FICHE NAVETTE N° 2025-3229", "Rubrique\tRenseignement",
                                "Service demandeur\tDélégation générale à l'emploi et à la formation professionnelle",
                                "Montant HT\t4 888,37 €", "Montant TTC\t5 377,21 €", "N° de l'EJ\t2300550052"])
        #expect(facts[.numberEJ] == "2300550052")
        #expect(facts[.buyer] == "Ministère du Travail › Délégation générale à l'emploi et à la formation professionnelle")
    }

    @Test func theAddresseeOfAProposalNamesTheBuyer() {
        let facts = Self.facts(["Proposition financière", "Référence : PF-2026-940 (version 2)",
                                "À l'attention de : Ministère des Sports – Institut national du sport, de l'expertise et de la",
                                "performance"] + Self.totals)
        #expect(facts.documentType == .devis)
        #expect(facts[.numberDocument] == "PF-2026-940")
        #expect(facts[.buyer] == "Ministère des Sports › Institut national du sport, de l'expertise et de la performance")
    }

    @Test func aSignatureBlockNamesTheCompanyWithoutItsPour() {
        let facts = Self.facts(["Proposition financière"] + Self.totals + ["Pour Delorme & Associés SCOP,",
                                "12 quai des Chartrons – 33000 Bordeaux – SIRET 807 919 980 41864"])
        #expect(facts[.supplierName] == "Delorme & Associés SCOP")
    }

    @Test func aLegalFooterNamesTheSupplierRatherThanTheBuyersBlockFarAbove() {
        let facts = Self.facts(["Nuage Cévenol", "Service abonnements", "96 allée des Sorbiers", "34000 Montpellier",
                                "FACTURE D'ABONNEMENT\tOffice français de la biodiversité",
                                "\tDirection de la communication", "N° AB2024-00758\tService documentation",
                                "Émise le 22 déc. 2024\t93 rue du Faubourg Saint-Antoine", "N° d'abonné : 8268962\t75011 Paris",
                                "Objet : Abonnement annuel à la revue", "Désignation\tQté\tMontant HT",
                                "Abonnement papier et numérique\t2\t557,86 €", "Accès multi-postes\t3\t465,21 €"] + Self.totals
                               + ["Nuage Cévenol – SIRET 365 107 341 78391 – TVA FR72365107341 – CPPAP 5153 W 70570"])
        #expect(facts[.supplierName] == "Nuage Cévenol")
        #expect(facts[.numberDocument] == "AB2024-00758")
        #expect(facts[.dateIssued] == "2024-12-22")
    }

    @Test func aProposalOfSubscriptionIsAQuote() {
        #expect(Self.facts(["PROPOSITION D'ABONNEMENT", "N° AB2024-07537"] + Self.totals).documentType == .devis)
    }

    @Test func aCCTPsCoverTableNumbersTheMarché() {
        let facts = Self.facts(["Ministère de la Mer", "CCTP", "Cahier des clauses techniques particulières",
                                "Intitulé du marché\tEntretien des espaces verts", "Numéro\t2023-PA-938",
                                "Procédure\tProcédure adaptée"])
        #expect(facts.documentType == .cctp)
        #expect(facts[.numberMarche] == "2023-PA-938")
        // On an invoice, a bare « Numéro » beside a marché's title is no marché number.
        let invoice = Self.facts(["FACTURE", "Intitulé du marché\tEntretien", "Numéro\t2023-PA-938"] + Self.totals)
        #expect(invoice[.numberMarche] == nil)
    }

    @Test func abbreviatedMonthsDateTheDocument() {
        #expect(Self.facts(["ACTE D'ENGAGEMENT", "Fait à Dijon, le 14 juil. 2025"])[.dateIssued] == "2025-07-14")
        #expect(Self.facts(["FACTURE N° F-31", "Date : 3 févr. 2026"] + Self.totals)[.dateIssued] == "2026-02-03")
        #expect(Self.facts(["FACTURE N° F-31", "Date : 21 sept. 2026"] + Self.totals)[.dateIssued] == "2026-09-21")
    }

    @Test func anAccountNamedInAPaymentSentenceIsChecked() {
        // FR76 2307 8405 7348 5166 5371 465 fails its check: printed after « virement sur le compte », it is flagged.
        let bad = Self.facts(["FACTURE N° F-31"] + Self.totals + ["Paiement par virement sur le compte FR7623078405734851665371465."])
        #expect(bad.invalidIDs.contains("iban"))
        // A customer account's number of another length is no IBAN.
        let other = Self.facts(["FACTURE N° F-31"] + Self.totals + ["N° de compte client : FR1234567890123456"])
        #expect(!other.invalidIDs.contains("iban"))
    }

    @Test func anAmountThatOCRFollowsWithADotIsStillAnAmount() {
        // « 6 221,03.€ »: a scan's dot before the currency.
        let facts = CloseColumnsTests.facts(Self.grid([("Tranche ferme", "21 773,59 €", "4 354,72 €", "26 128,31 €"),
                                                       ("Tranche optionnelle", "9 331,54 €", "1 866,31 €", "11 197,85 €"),
                                                       ("Total", "31 105,13 €", "6 221,03.€", "37 326,16 €")]))
        #expect(facts[.amountTVA] == "6221.03")
        #expect(facts[.amountTTC] == "37326.16")
    }

    @Test func anOrdersNumberUnderItsTitleBesideTheLetterheadIsItsEJ() {
        let words = Self.row(50, [(0, "Université de Montpellier"), (300, "BON DE COMMANDE")])
            + Self.row(65, [(0, "Direction du patrimoine immobilier")])
            + Self.row(80, [(300, "N° 2300519110")]) + Self.row(120, [(0, "Total HT"), (300, "1 000,00 €")])
            + Self.row(135, [(0, "TVA 20 %"), (300, "200,00 €")]) + Self.row(150, [(0, "Total TTC"), (300, "1 200,00 €")])
            + CloseColumnsTests.prose
        let facts = CloseColumnsTests.facts(words)
        #expect(facts.documentType == .bonDeCommande)
        #expect(facts[.numberDocument] == "2300519110")
        #expect(facts[.numberEJ] == "2300519110")
    }

    @Test func aBuyersLevelsSeparatedByAHyphenAsOCRReadsTheDash() {
        let facts = Self.facts(["Proposition financière", "À l'attention de : Ministère du Travail - Délégation générale à l'emploi"]
                               + Self.totals)
        #expect(facts[.buyer] == "Ministère du Travail › Délégation générale à l'emploi")
    }

    @Test func aTitleSetRightAfterTheLetterheadsNameInOneCell() {
        let facts = Self.facts(["Presse Territoriale Diffusion Facture", "N° : FR259351644", "Date : 18/06/2025",
                                "Bon de commande : 1300162112"] + Self.totals)
        #expect(facts.documentType == .facture)
    }

    @Test func theBuyersOrderOnAnInvoiceIsNoNumberOfTheInvoice() {
        let facts = Self.facts(["FACTURE", "Bon de commande : 1300799138"] + Self.totals)
        #expect(facts[.numberDocument] != "1300799138")
        #expect(facts[.numberEJ] == "1300799138")
        // On a quote, « Devis : D-0042 » still numbers it.
        #expect(Self.facts(["DEVIS", "Devis : D-0042"] + Self.totals)[.numberDocument] == "D-0042")
    }

    @Test func aScansZerosInAnAbbreviationOfAMarchéNumberAreLetters() {
        let words = Self.row(50, [(0, "ACTE D'ENGAGEMENT")]) + Self.row(80, [(0, "Marché n° 2024-A00-356")])
            + Self.row(100, [(0, "Accord-cadre n° 2023MP00460")]) + CloseColumnsTests.prose
        let layout = PageLayout(words: words)
        let scan = DocumentReader.facts(from: [PageText(number: 1, method: .ocr, text: layout.text, layout: layout, reliability: 0.9)])
        #expect(scan[.numberMarche] == "2024-AOO-356")
        // Letters then digits that are not all zeros stay digits.
        #expect(scan[.numberAccordCadre] == "2023MP00460")
        // A text layer prints what it means.
        #expect(CloseColumnsTests.facts(words)[.numberMarche] == "2024-A00-356")
    }
}
