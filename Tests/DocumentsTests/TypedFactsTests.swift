import Foundation
@testable import Documents
import EclaireCore
import Testing

/// The facts of each document type (issue 17), from text laid out in the ways such documents are: a label and its
/// value in one cell, in two cells of a row, or a label heading a column.
@Suite("Facts of each document type")
struct TypedFactsTests {
    static func read(_ lines: [String]) -> (DocumentFacts, TypedFacts) {
        DocumentReader.allFacts(from: [PageText.plain(lines)])
    }

    @Test func aFicheNavetteGivesItsImputationInRowsOrColumns() {
        let rows = Self.read(["FICHE NAVETTE — demande d'engagement", "Service demandeur\tDINUM", "Objet de la dépense\tHébergement",
                              "Centre financier\t0129-CDBU-0001", "Domaine fonctionnel : 0129-02", "Centre de coûts\tDINUM00001",
                              "Activité\t012901020301", "Groupe de marchandises\t36.01.02", "Localisation interministérielle\tN7501",
                              "Accord-cadre n° 2023-AC-0042", "N° EJ\t1300012345"])
        #expect(rows.0[.documentType] == "fiche_navette")
        #expect(rows.1.value(at: "imputation.centre_financier")?.value == "0129-CDBU-0001")
        #expect(rows.1.value(at: "imputation.domaine_fonctionnel")?.value == "0129-02")
        #expect(rows.1.value(at: "imputation.centre_couts")?.value == "DINUM00001")
        #expect(rows.1.value(at: "imputation.activite")?.value == "012901020301")
        #expect(rows.1.value(at: "imputation.groupe_marchandises")?.value == "36.01.02")
        #expect(rows.1.value(at: "imputation.localisation_interministerielle")?.value == "N7501")
        #expect((rows.1.value(at: "imputation.centre_financier")?.confidence ?? 0) >= 0.9)
        #expect(rows.1.value(at: "imputation.centre_financier")?.source?.text.contains("0129-CDBU-0001") == true)

        let columns = Self.read(["FICHE NAVETTE", "Objet : licences de bureautique",
                                 "Centre financier\tDomaine fonctionnel\tGroupe de marchandises",
                                 "0218-CPEN-DR75\t0218-05-01\t37.02.01"])
        #expect(columns.1.value(at: "imputation.centre_financier")?.value == "0218-CPEN-DR75")
        #expect(columns.1.value(at: "imputation.domaine_fonctionnel")?.value == "0218-05-01")
        #expect(columns.1.value(at: "imputation.groupe_marchandises")?.value == "37.02.01")
    }

    @Test func aDateIsNotTakenForADomaineFonctionnel() {
        let typed = Self.read(["FICHE NAVETTE", "Date de la demande : 2025-03-12", "Objet : maintenance"]).1
        #expect(typed.value(at: "imputation.domaine_fonctionnel") == nil)
    }

    @Test func aDevisLinesAreFoundByArithmeticAndAddUpToItsTotal() {
        let (facts, typed) = Self.read(["DEVIS N° D-2025-118", "Désignation\tQté\tUnité\tPU HT\tMontant HT",
                                        "Développement de l'API\t12\tjours\t650,00\t7 800,00",
                                        "Recette et mise en production\t3\tjours\t650,00\t1 950,00",
                                        "Licence annuelle\t1\tforfait\t1 200,00\t1 200,00",
                                        "Total HT\t10 950,00", "TVA 20 %\t2 190,00", "Total TTC\t13 140,00",
                                        "Offre valable jusqu'au 30/04/2025"])
        #expect(facts[.documentType] == "devis")
        guard case .list(let lines)? = typed["lignes"] else { Issue.record("no lines: \(typed)"); return }
        #expect(lines.count == 3)
        #expect(typed.value(at: "lignes.0.designation")?.value == "Développement de l'API")
        #expect(typed.value(at: "lignes.0.quantite")?.value == "12" && typed.value(at: "lignes.0.unite")?.value == "jours")
        #expect(typed.value(at: "lignes.0.prix_unitaire")?.value == "650.00" && typed.value(at: "lignes.0.montant")?.value == "7800.00")
        #expect((typed.value(at: "lignes.2.montant")?.confidence ?? 0) >= 0.9, "the lines add up to the HT")
        #expect(typed.value(at: "validite")?.value == "2025-04-30")
    }

    @Test func aDesignationKeepsTheBracketItCloses() {
        let (_, typed) = Self.read(["FACTURE N° F-2024-12", "Désignation\tQté\tP.U. HT\tTotal HT",
                                    "Relevé (hectare)\t2\t773,59 €\t1 547,18 €", "Plan coté (A0)\t2\t1 304,46 €\t2 608,92 €",
                                    "Montant net HT\t4 156,10 €", "Montant TVA 20 %\t831,22 €", "Net à payer TTC\t4 987,32 €"])
        #expect(typed.value(at: "lignes.0.designation")?.value == "Relevé (hectare)")
        #expect(typed.value(at: "lignes.1.designation")?.value == "Plan coté (A0)")
    }

    @Test func totalsAndRatesAreNotLines() {
        let typed = Self.read(["FACTURE F-12", "Total HT\t1 000,00", "TVA\t20\t%\t200,00", "Total TTC\t1 200,00"]).1
        #expect(typed["lignes"] == nil)
    }

    @Test func anActeDEngagementGivesItsFormLotsDurationAdvanceAndParties() {
        let (_, typed) = Self.read([
            "ACTE D'ENGAGEMENT", "Objet du marché : maintenance applicative", "Lot n° 1 : Maintenance corrective",
            "Lot n° 2 : Maintenance évolutive", "[ ] marché ordinaire [X] accord-cadre à bons de commande",
            "Type de procédure : appel d'offres ouvert",
            "Le titulaire : ACME SOLUTIONS SAS   SIRET 732 829 320 00074",
            "Co-traitant : BETA CONSEIL   SIRET 552 081 317 00000   montant 45 000,00 €",
            "Sous-traitant : GAMMA DATA   SIRET 443 061 841 00013   12 000,00 €",
            "La durée du marché est de 12 mois, reconductible 3 fois.",
            "Avance : [X] Je ne renonce pas au bénéfice de l'avance [ ] Je renonce au bénéfice de l'avance",
            "Date de notification : 15/02/2025",
        ])
        #expect(typed.value(at: "forme_marche")?.value == "accord_cadre_bons_de_commande")
        #expect(typed.value(at: "mode_consultation")?.value == "appel_offres_ouvert")
        #expect(typed.value(at: "lots.1.numero")?.value == "2" && typed.value(at: "lots.1.intitule")?.value == "Maintenance évolutive")
        #expect(typed.value(at: "duree")?.value == "12 mois" && typed.value(at: "reconduction")?.value == "3")
        #expect(typed.value(at: "avance")?.value == "oui")
        #expect(typed.value(at: "cotraitants.0.siret")?.value == "55208131700000")
        #expect(typed.value(at: "cotraitants.0.montant")?.value == "45000.00")
        #expect(typed.value(at: "sous_traitants.0.siret")?.value == "44306184100013")
        #expect(typed.value(at: "sous_traitants.0.nom")?.value.contains("GAMMA DATA") == true)
        #expect(typed.value(at: "dates.notification")?.value == "2025-02-15")
    }

    @Test func aRIBGivesItsBICHolderAndCheckedKey() {
        let (_, typed) = Self.read([
            "RELEVÉ D'IDENTITÉ BANCAIRE", "Titulaire du compte : ACME SOLUTIONS SAS", "Domiciliation : BNP PARIBAS PARIS OPERA",
            "Code banque\tCode guichet\tN° de compte\tClé RIB", "30004\t00828\t00010706726\t76",
            "IBAN : FR76 3000 4008 2800 0107 0672 676", "BIC : BNPAFRPPXXX",
        ])
        #expect(typed.value(at: "bic")?.value == "BNPAFRPPXXX")
        #expect(typed.value(at: "titulaire")?.value == "ACME SOLUTIONS SAS")
        #expect(typed.value(at: "domiciliation")?.value == "BNP PARIBAS PARIS OPERA")
        #expect(typed.value(at: "iban")?.value == "FR7630004008280001070672676")
        #expect(typed.value(at: "rib.cle_rib")?.value == "76")
        #expect(typed.value(at: "rib.cle_valide")?.value == BankDetailsFinder.ribKey(bank: "30004", branch: "00828", account: "00010706726").map { $0 == "76" ? "oui" : "non" })
    }

    @Test func theRIBKeyIsComputedAsBanksDo() {
        // The key of an IBAN's French part is its last two digits: FR76 3000 6000 0112 3456 7890 189 → key 89.
        #expect(BankDetailsFinder.ribKey(bank: "30006", branch: "00001", account: "12345678901") == "89")
        #expect(BankDetailsFinder.ribKey(bank: "30006", branch: "00001", account: "1234567890A") != nil)
        #expect(BankDetailsFinder.ribKey(bank: "3000", branch: "00001", account: "12345678901") == nil)
    }

    @Test func anAvenantsAmountsAddUp() {
        let (facts, typed) = Self.read([
            "AVENANT N° 2 AU MARCHÉ 2024-0117", "Objet de l'avenant : prolongation de trois mois",
            "Montant initial du marché : 120 000,00 € HT", "Montant de l'avenant (moins-value) : 8 500,00 € HT",
            "Nouveau montant du marché : 111 500,00 € HT",
        ])
        #expect(facts[.documentType] == "avenant")
        #expect(typed.value(at: "numero")?.value == "2")
        #expect(typed.value(at: "montant_modification")?.value == "-8500.00")
        #expect(typed.value(at: "nouveau_montant")?.value == "111500.00")
        #expect((typed.value(at: "nouveau_montant")?.confidence ?? 0) >= 0.95)
    }

    @Test func aCCAPGivesItsClauses() {
        let (_, typed) = Self.read([
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES (CCAP)", "Article 1 - Objet : prestations de développement",
            "Le présent marché est passé en application du CCAG-TIC.", "Lot 1 - Développement web",
            "Les prix sont révisables selon la formule P = P0 x (0,15 + 0,85 x S/S0), indice SYNTEC, mois zéro : janvier 2025.",
            "Une avance de 10 % est accordée au titulaire.", "Il n'est pas prévu de retenue de garantie.",
            "Pénalités de retard : 200,00 € par jour calendaire de retard.", "La durée du marché est de 24 mois.",
        ])
        #expect(typed.value(at: "ccag")?.value == "CCAG-TIC")
        #expect(typed.value(at: "prix")?.value == "revisables")
        #expect(typed.value(at: "index")?.value == "SYNTEC")
        #expect(typed.value(at: "mois_zero")?.value == "janvier 2025")
        #expect(typed.value(at: "avance_taux")?.value == "10")
        #expect(typed.value(at: "retenue_garantie")?.value == "non")
        #expect(typed.value(at: "penalites.0.montant")?.value == "200.00")
        #expect(typed.value(at: "duree")?.value == "24 mois")
        #expect(typed.value(at: "lots.0.intitule")?.value == "Développement web")
    }

    @Test func aCCAPSaysEachLotsDurationAndMaximum() {
        let typed = Self.read([
            "CCAP", "Article 2 - Lots", "Lot n° 1 : Maintenance corrective", "Durée du lot : 24 mois.",
            "Montant maximum du lot : 300 000,00 € HT", "Lot n° 2 : Hébergement", "Le lot est conclu pour une durée de 36 mois.",
            "Montant minimum : 10 000 € HT ; montant maximum : 120 000 € HT",
        ]).1
        #expect(typed.value(at: "lots.0.duree")?.value == "24 mois" && typed.value(at: "lots.0.maximum")?.value == "300000.00")
        #expect(typed.value(at: "lots.1.duree")?.value == "36 mois" && typed.value(at: "lots.1.minimum")?.value == "10000.00")
        #expect(typed.value(at: "lots.1.maximum")?.value == "120000.00" && typed.value(at: "lots.0.minimum") == nil)
    }

    @Test func aKbisAndADC4() {
        let kbis = Self.read(["Extrait Kbis", "Greffe du tribunal de commerce de Paris", "Dénomination : ACME SOLUTIONS",
                              "Immatriculation au RCS, numéro : 732 829 320 R.C.S. Paris", "Adresse du siège : 12 rue de la Paix 75002 Paris",
                              "Activité principale : conseil en systèmes informatiques", "Extrait à jour au 02/01/2025"])
        #expect(kbis.0[.documentType] == "kbis")
        #expect(kbis.1.value(at: "denomination")?.value == "ACME SOLUTIONS")
        #expect(kbis.1.value(at: "siren")?.value == "732829320")
        #expect(kbis.1.value(at: "date")?.value == "2025-01-02")
        let dc4 = Self.read(["DC4 — DÉCLARATION DE SOUS-TRAITANCE", "Identification du sous-traitant :",
                             "GAMMA DATA SARL   SIRET 443 061 841 00013", "Nature des prestations sous-traitées : hébergement des serveurs",
                             "Montant maximum des sommes à verser au sous-traitant : 12 000,00 € HT",
                             "Paiement direct : [X] oui [ ] non"])
        #expect(dc4.0[.documentType] == "sous_traitance")
        #expect(dc4.1.value(at: "sous_traitant.siret")?.value == "44306184100013")
        #expect(dc4.1.value(at: "nature")?.value == "hébergement des serveurs")
        #expect(dc4.1.value(at: "montant")?.value == "12000.00")
        #expect(dc4.1.value(at: "paiement_direct")?.value == "oui")
    }

    @Test func whatOCRMakesOfBoxesZeroesAndQuantities() {
        #expect(ContractFinder.tickedText("[] je renonce x] je ne renonce pas").trimmingCharacters(in: .whitespaces) == "je ne renonce pas")
        #expect(ContractFinder.tickedText("[x] je renonce [] je ne renonce pas").trimmingCharacters(in: .whitespaces) == "je renonce")
        #expect(ImputationFinder.zeroes("0218-SGNU-DRO1") == "0218-SGNU-DR01" && ImputationFinder.zeroes("BGO0/DOUANE") == "BG00/DOUANE")
        let row = LocatedCell(page: 1, line: 0, index: 0, cell: LayoutCell(text: "Ordinateur portable   9   unités   781,98 €   2 345,94 €", x0: 0, x1: 500),
                              text: "Ordinateur portable   9   unités   781,98 €   2 345,94 €",
                              folded: DocumentLines.fold("Ordinateur portable   9   unités   781,98 €   2 345,94 €"))
        #expect(LineItemsFinder.item(in: row) == nil, "9 × 781,98 is not 2 345,94")
        let repaired = LineItemsFinder.repairedItem(in: row)
        #expect(repaired?.quantity == "3" && repaired?.designation == "Ordinateur portable" && repaired?.unit == "unites")
    }

    @Test func acronymsWrittenWithDotsNameTheirType() {
        #expect(Self.read(["C.C.A.P.", "Article 1 - Objet : maintenance", "Les prix sont fermes."]).0[.documentType] == "ccap")
        #expect(Self.read(["R.I.B.", "Titulaire du compte : ACME SAS"]).0[.documentType] == "rib")
        #expect(DocumentClassifier.undotted("le c.c.t.p. et l'a.e.") == "le cctp et l'ae")
        #expect(DocumentClassifier.undotted("total h.t. 12") == "total ht 12")
        // The dots of a scanned title, as OCR reads them.
        #expect(Self.read(["Ministère des Sports", "Direction des sports", "C:C:T-P.", "Article 1 - Objet",
                           "Le titulaire devra assurer la continuité du service."]).0[.documentType] == "cctp")
        #expect(DocumentClassifier.undotted("c'c:tp:.") == "cctp")
        #expect(DocumentClassifier.undotted("n° 12-3") == "n° 12-3")
    }

    @Test func factsRoundTripThroughJSONAsValuesGroupsAndLists() throws {
        let facts = TypedFacts(["imputation": .group(["centre_financier": .value("0129-CDBU-0001", 0.92, FieldSource(page: 1, text: "CF"))]),
                                "lots": .list([.group(["numero": .value("1", 0.9, nil)])])])
        let data = try JSONEncoder().encode(facts)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""imputation":{"centre_financier":{"#) && text.contains(#""lots":[{"numero":{"#))
        #expect(try JSONDecoder().decode(TypedFacts.self, from: data) == facts)
        #expect(facts.flattened.map(\.path) == ["imputation.centre_financier", "lots.0.numero"])
        #expect(TypedFactLabels.label("lots.0.intitule") == "Lot 1 › intitulé")
    }
}
