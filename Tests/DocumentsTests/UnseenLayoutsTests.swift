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

    @Test func aMicroBusinessInvoiceHasNoVAT() {
        let facts = Self.facts(["FACTURE N° F-12", "Total HT\t1 200,00 €", "Net à payer\t1 200,00 €",
                                "TVA non applicable, art. 293 B du CGI"])
        #expect(facts[.amountHT] == "1200.00" && facts[.amountTTC] == "1200.00")
        #expect(facts[.amountTVA] == "0.00")
    }

    @Test func aTitleEndingTheLetterheadsCellGivesTheNumber() {
        let facts = Self.facts(["Sécurité Gardiennage Ouest Proposition commerciale DE2412-0001", "Date proposition : 23/12/2024"] + Self.totals)
        #expect(facts[.numberDocument] == "DE2412-0001")
    }

    @Test func aLabelInTheMiddleOfAFormsRowGivesTheNextCell() {
        let facts = Self.facts(["FICHE NAVETTE", "Date\t2026-08-27\tMarché\t2025MP00063"])
        #expect(facts[.numberMarche] == "2025MP00063")
    }

    @Test func aLetterheadWhoseIdentifiersStandInTheFooter() {
        let facts = Self.facts(["EDITIONS LUMEN\t+33 3 10 20 30 40", "84 boulevard de Strasbourg\tcontact@editions.com",
                                "63000 Clermont-Ferrand", "Rectorat de l'académie de Bordeaux", "12 rue Pasteur", "86000 Poitiers",
                                "Devis n° S39240", "Description\tQuantité\tPrix unitaire\tMontant"]
                               + (1...10).map { "Maquette graphique \($0)\t1\t100,00 €\t100,00 €" }
                               + Self.totals + ["SIRET : 807 919 980 41864 – TVA : FR58807919980"])
        #expect(facts[.supplierSiret] == "80791998041864")
        #expect(facts[.supplierName] == "EDITIONS LUMEN")
    }
}

extension UnseenLayoutsTests {
    @Test func aVATNotPrintedIsTheDifferenceOfTheHTAndTheTTC() {
        // Several rates applied, one printed: the difference is the VAT, at most a fifth of the HT.
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Montant hors taxes : 56 692,49 euros", "Taux de la TVA : 20 %",
                                "Montant TTC : 63 495,73 euros"])
        #expect(facts[.amountTVA] == "6803.24")
        let equal = Self.facts(["FACTURE N° 2025-031", "TOTAL HT\t45 375,61 €", "TOTAL TTC\t45 375,61 €"])
        #expect(equal[.amountTVA] == "0.00")
    }

    @Test func aSIRETCutByTheEndOfItsLine() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT",
                                "Studio Pixel Nord, 6 rue de la Paix, 45000 Orléans, contact@studio.fr, numéro SIRET 976",
                                "742 791 34171",
                                "à exécuter les prestations demandées dans les conditions définies ci-après ;"])
        #expect(facts[.supplierSiret] == "97674279134171")
        #expect(facts[.supplierName] == "Studio Pixel Nord")
    }

    @Test func theTitulairesSentenceStartingOnTheLineAbove() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Nettoyage Express Provence, 14 ZA des Landes, 63000 Clermont-Ferrand,",
                                "contact@nettoyage.fr, numéro SIRET 976 742 791 34171"])
        #expect(facts[.supplierName] == "Nettoyage Express Provence")
    }

    @Test func aNameHoldingTheLettersOfTelIsNoContactLine() {
        // « Les Ateliers » holds « tel »: it is still the name under « Fournisseur ».
        let facts = Self.facts(["BON DE COMMANDE N° 2103041845", "Fournisseur\tAdresse de facturation",
                                "Les Ateliers de la Loire\tChorus Pro", "1 rue de la Paix\tSIRET : 23660953312687",
                                "06000 Nice\tCode service : FACTURES_PUBLIQUES", "SIRET : 807 919 980 41864"] + Self.totals)
        #expect(facts[.supplierName] == "Les Ateliers de la Loire")
    }
}

/// The second blind set (`generate-stranger-corpus.py --set b`): contracts in articles, letters, online and
/// tradesmen's invoices, Chorus Pro's rendering.
@Suite struct SentencesAndCoversTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    @Test func theCompanyTheSignatoryEngagesIsTheSupplier() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Article 1 – Contractant",
                                "Je soussigné(e), M. Jean Dupuis, agissant en qualité de gérant, au nom et pour le compte de la société Atelier",
                                "Graphique Morel EURL, dont le siège social est situé 15 rue de la Paix, 29200 Brest, immatriculée sous le numéro",
                                "SIRET 976 742 791 34171, m'engage à exécuter les prestations du présent marché.",
                                "Article 3 – Durée", "Le marché est conclu pour une durée de 12 mois à compter de sa notification."])
        #expect(facts[.supplierSiret] == "97674279134171")
        #expect(facts[.supplierName] == "Atelier Graphique Morel EURL")
    }

    @Test func aPossessiveSaIsNoLegalForm() {
        #expect(PartyFinder.nameWithLegalForm("Le marché est conclu pour une durée de 12 mois à compter de sa notification.") == nil)
        #expect(PartyFinder.nameWithLegalForm("ACME SA – 12 rue de la Paix") == "ACME SA")
    }

    @Test func amountsOfASentenceWrappedOverTwoLines() {
        let facts = Self.facts(["ACTE D'ENGAGEMENT", "Article 2 – Prix",
                                "Le montant du marché s'élève à 20670,10 € hors taxes, soit 22737,11 € toutes taxes comprises, la TVA au taux de 10 % s'élevant",
                                "à 2067,01 €.", "Article 3 – Durée"])
        #expect(facts[.amountHT] == "20670.10")
        #expect(facts[.amountTVA] == "2067.01")
        #expect(facts[.amountTTC] == "22737.11")
    }

    @Test func aTaxMarkOnTheNextLineBelongsToTheAmountBeforeIt() {
        let facts = Self.facts(["BON DE COMMANDE", "Je vous prie de bien vouloir exécuter la prestation suivante, pour un montant de 180,41 euros hors taxes, soit 216,49",
                                "euros TTC (TVA de 36,08 euros)."])
        #expect(facts[.amountHT] == "180.41")
        #expect(facts[.amountTVA] == "36.08")
        #expect(facts[.amountTTC] == "216.49")
    }

    @Test func aRowUnderTheSuppliersHeadingNamesItByItsLabel() {
        let facts = Self.facts(["Facture n° FAC202447534", "Fournisseur\tDestinataire",
                                "Adresse : 87 rue Gambetta, 25000 Besançon\tMinistère de l'Éducation nationale",
                                "Raison sociale : Logiciels Garnier\tRectorat de l'académie de Bordeaux",
                                "Identifiant (SIRET) : 976 742 791 34171\tIdentifiant (SIRET) : 14750111869586"] + UnseenLayoutsTests.totals)
        #expect(facts[.supplierName] == "Logiciels Garnier")
    }

    @Test func anInsuranceContractIsNoMarché() {
        let facts = Self.facts(["DEVIS N° 2025-045", "Assurance décennale : SMABTP, contrat n° 887095."] + UnseenLayoutsTests.totals)
        #expect(facts[.numberMarche] == nil)
    }

    @Test func theObjectWithoutTheOrdersOwnReference() {
        let facts = Self.facts(["BON DE COMMANDE", "Objet : bon de commande n° 2300510307 – Traduction en anglais du guide Égapro"])
        #expect(facts[.object] == "Traduction en anglais du guide Égapro")
    }

    @Test func aPhraseRightAboveTheItemsIsTheObject() {
        let facts = Self.facts(["Facture", "Numéro de facture\tF-2026-031", "Câblage réseau et pose de prises RJ45 au bâtiment de Nantes",
                                "Désignation\tQté\tPrix unitaire HT\tTotal HT", "Prise RJ45 posée\t2\t90,00 €\t180,00 €"] + UnseenLayoutsTests.totals)
        #expect(facts[.object] == "Câblage réseau et pose de prises RJ45 au bâtiment de Nantes")
    }

    @Test func aPhraseUnderTheMarchésNumberOnItsCover() {
        let facts = Self.facts(["Ministère de la Culture", "ACTE D'ENGAGEMENT", "Marché public n° MAPA-2024-753",
                                "Mise à disposition d'un agent de sécurité pour le site de Strasbourg", "Article 1 – Contractant"])
        #expect(facts[.object] == "Mise à disposition d'un agent de sécurité pour le site de Strasbourg")
    }

    @Test func aListMarkReadAsALetterOnAScanAndAnExplainingSentenceOnTheCover() {
        // OCR reads « ■ » as « m »; the line under the title explains the form, it names nothing bought.
        let facts = Self.facts(["ACTE D'ENGAGEMENT",
                                "Le formulaire ATTRI1 est un modèle de lettre d'engagement, qui peut être utilisé par l'acheteur.",
                                "A - Objet de l'acte d'engagement.", "m Objet du marché public :", "Diagnostic énergétique des bâtiments de Nantes"])
        #expect(facts[.object] == "Diagnostic énergétique des bâtiments de Nantes")
    }

    @Test func aValidVATNumberVouchesForItsSIRENAgainstAnInvalidSIRET() {
        // The SIRET printed with a wrong digit in its SIREN part; the VAT number's key holds.
        let facts = Self.facts(["Groupe Sirius Informatique SELARL\tFACTURE N° 202606389", "74 rue des Entrepreneurs",
                                "Date : mercredi 17 juin 2026", "25000 Besançon", "Tél : 02.12.34.56.78",
                                "Siret 875 620 212 48901 – APE 4332A", "Adresse du chantier\tClient",
                                "134 avenue du Général Leclerc\tRectorat de l'académie de Bordeaux", "45000 Orléans\t45000 Orléans",
                                "Désignation des travaux\tU\tQté\tP.U. HT\tTotal HT"]
                               + (1...8).map { "Heure de gardiennage \($0)\tu\t10\t10,00 euros\t100,00 euros" }
                               + ["Total HT\t800,00 euros", "TVA 20 %\t160,00 euros", "Total TTC\t960,00 euros",
                                  "Assurance décennale : MAAF Pro, contrat n° 689843. TVA intracommunautaire FR24875625212."])
        #expect(facts[.supplierSiren] == "875625212")
        #expect(facts[.supplierVAT] == "FR24875625212")
        #expect(facts.invalidIDs.contains("siret"))
    }

    @Test func theNatureOfWorksIsTheObject() {
        let facts = Self.facts(["DEVIS N° 2025045", "Nature des travaux : Câblage réseau du bâtiment B"] + UnseenLayoutsTests.totals)
        #expect(facts[.object] == "Câblage réseau du bâtiment B")
    }
}

/// Pages whose words have positions: columns set close together, cells that wrap.
@Suite struct CloseColumnsTests {
    /// A line of cells at `y`: each cell's words 5 units a character, 3 apart (a space), 10 high.
    static func row(_ y: Double, _ cells: [(x: Double, text: String)]) -> [PositionedWord] {
        cells.flatMap { cell in
            var x = cell.x
            return cell.text.split(separator: " ").map { word in
                defer { x += Double(word.count) * 5 + 3 }
                return PositionedWord(text: String(word), x0: x, y0: y, x1: x + Double(word.count) * 5, y1: y + 10)
            }
        }
    }

    /// Sentences set with ordinary spaces, as most of a page is.
    static let prose = row(300, [(0, "Conditions de paiement : trente jours fin de mois à compter de la réception")])
        + row(320, [(0, "Pénalités de retard au taux légal et indemnité forfaitaire de quarante euros")])

    static func facts(_ words: [PositionedWord]) -> DocumentFacts {
        let layout = PageLayout(words: words)
        return DocumentReader.facts(from: [PageText(number: 1, method: .textLayer, text: layout.text, layout: layout, reliability: 1)])
    }

    @Test func columnsCloserThanTwoHeightsAreCellsWhenTheyLineUp() {
        // « Facture » and « Date » are 1.8 heights apart: a wide space for a sentence, a column for a table whose
        // values start at the same places on the next row.
        let words = Self.row(50, [(0, "FACTURE")]) + Self.row(100, [(0, "Facture"), (60, "Date"), (120, "N° marché")])
            + Self.row(130, [(0, "FA028151"), (60, "23/11/2026"), (120, "2025/0931")]) + Self.prose
        let layout = PageLayout(words: words)
        #expect(layout.lines[1].cells.map(\.text) == ["Facture", "Date", "N° marché"])
        #expect(layout.lines[2].cells.map(\.text) == ["FA028151", "23/11/2026", "2025/0931"])
        let facts = Self.facts(words)
        #expect(facts[.numberDocument] == "FA028151")
        #expect(facts[.dateIssued] == "2026-11-23")
        #expect(facts[.numberMarche] == "2025/0931")
    }

    @Test func aJustifiedSentencesWideSpacesStayInItsCell() {
        let words = Self.row(100, [(0, "Le"), (20, "titulaire"), (80, "assure")]) + Self.prose
        #expect(PageLayout(words: words).lines[0].cells.count == 1)
    }

    @Test func aFormsCellsThatWrapAreReadWhole() {
        let words = Self.row(50, [(0, "FICHE NAVETTE")])
            + Self.row(100, [(0, "Titulaire"), (100, "TRANSPORTS GIRARD ET"), (250, "N° SIRET"), (350, "807 919 980 41864")])
            + Self.row(111, [(100, "FILS")])
            + Self.row(140, [(0, "Nature de la"), (100, "Acquisition de sièges"), (250, "Montant TTC"), (350, "1 200,00 €")])
            + Self.row(151, [(0, "dépense"), (100, "ergonomiques pour les agents")]) + Self.prose
        let facts = Self.facts(words)
        #expect(facts[.supplierName] == "TRANSPORTS GIRARD ET FILS")
        #expect(facts[.amountTTC] == "1200.00")
        #expect(facts[.object] == "Acquisition de sièges ergonomiques pour les agents")
    }

    @Test func aNameAndALabelThatWrapWithoutAConnector() {
        // « PROVENCE » under « NETTOYAGE EXPRESS » while the label's column is done; « HT » under « Montant
        // estimatif » names the amount beside it.
        let words = Self.row(50, [(0, "FICHE NAVETTE")])
            + Self.row(100, [(0, "Titulaire"), (100, "NETTOYAGE EXPRESS"), (250, "N° SIRET"), (350, "807 919 980 41864")])
            + Self.row(111, [(100, "PROVENCE")])
            + Self.row(140, [(0, "Montant estimatif"), (100, "23 468,15 €"), (250, "Montant TTC"), (350, "24 639,73 €")])
            + Self.row(151, [(0, "HT")]) + Self.prose
        let facts = Self.facts(words)
        #expect(facts[.supplierName] == "NETTOYAGE EXPRESS PROVENCE")
        #expect(facts[.amountHT] == "23468.15")
        #expect(facts[.amountTTC] == "24639.73")
    }

    @Test func aNameInANarrowBoxWrapsButARoleHeadingIsNoPartOfIt() {
        let box = Self.row(50, [(0, "DEVIS N° 2025045")]) + Self.row(100, [(0, "SÉCURITÉ GARDIENNAGE")]) + Self.row(111, [(0, "OUEST SASU")])
            + Self.row(122, [(0, "12 rue Pasteur")]) + Self.row(133, [(0, "49100 Angers")])
            + Self.row(144, [(0, "Siret 807 919 980 41864")]) + Self.prose
        #expect(Self.facts(box)[.supplierName] == "SÉCURITÉ GARDIENNAGE OUEST SASU")
        let headed = Self.row(50, [(0, "FACTURE N° F-1")]) + Self.row(100, [(0, "SELLER TRADE NAME")]) + Self.row(111, [(0, "LE FOURNISSEUR")])
            + Self.row(122, [(0, "12 rue Pasteur")]) + Self.row(133, [(0, "49100 Angers")])
            + Self.row(144, [(0, "Siret 807 919 980 41864")]) + Self.prose
        #expect(Self.facts(headed)[.supplierName] == "LE FOURNISSEUR")
    }

    @Test func ocrsLinesOfOneCellStandFurtherApartThanATextLayers() {
        // Six units between lines ten high: a wrapped cell as OCR boxes it (boxes hug the ink), two rows of a text
        // layer (whose boxes span the font's height).
        let words = Self.row(50, [(0, "FICHE NAVETTE")])
            + Self.row(100, [(0, "Titulaire"), (100, "TRANSPORTS GIRARD ET"), (250, "N° SIRET"), (350, "807 919 980 41864")])
            + Self.row(116, [(100, "FILS")]) + Self.prose
        func read(_ method: TextMethod) -> DocumentFacts {
            let layout = PageLayout(words: words, whole: method == .ocr)
            return DocumentReader.facts(from: [PageText(number: 1, method: method, text: layout.text, layout: layout, reliability: 1)])
        }
        #expect(read(.ocr)[.supplierName] == "TRANSPORTS GIRARD ET FILS")
        #expect(read(.textLayer)[.supplierName] == "TRANSPORTS GIRARD ET")
    }
}
