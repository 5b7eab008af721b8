@testable import EclaireCore
import Testing

/// Each rule on cases that must fire and near-misses that must not.
@Suite("Anomaly rules")
struct AnomalyRulesTests {
    static let acme = SupplierRef(tiers: "1000100000", siret: Identifiers.siret("73282932000074"), name: "ACME")
    static let other = SupplierRef(tiers: "1000100007", siret: Identifiers.siret("55210055400013"), name: "AUTRE")

    static func euros(_ value: Int64) -> Money { Money(cents: value * 100) }
    static func date(_ text: String) -> LocalDate { LocalDate.parse(text)! }

    static func order(_ ej: String, ttc: Int64, on day: String, supplier: SupplierRef = acme, group: String = "36.02.03",
                      cf: String = "0129-DNUM-C001", df: String = "0129-01", activity: String? = nil, account: String? = nil,
                      documents: [AnomalyInput.Document] = [], payments: [PaymentFacts] = [],
                      servicesFaits: [ServiceFaitFacts] = []) -> AnomalyInput {
        let imputation = Imputation(centreFinancier: cf, domaineFonctionnel: df, referentielProgrammation: activity,
                                    compteGeneral: account, groupeMarchandises: group)
        return AnomalyInput(ej: ej, lines: [EJLineFacts(ej: ej, poste: 1, supplier: supplier, imputation: imputation,
                                                        dateCreation: date(day))],
                            engaged: euros(ttc), servicesFaits: servicesFaits, payments: payments, documents: documents)
    }

    static func document(_ id: Int, _ type: DocumentType, _ fields: [FieldKey: String]) -> AnomalyInput.Document {
        var facts = DocumentFacts()
        facts.offer(ExtractedField(key: .documentType, value: type.rawValue, confidence: 0.9, source: nil))
        for (key, value) in fields { facts.offer(ExtractedField(key: key, value: value, confidence: 0.9, source: FieldSource(page: 1, text: value))) }
        return AnomalyInput.Document(id: id, fileName: "piece-\(id).pdf", facts: facts)
    }

    static func ficheNavette(_ id: Int, _ imputation: [String: String], confidence: Double = 0.92) -> AnomalyInput.Document {
        var facts = DocumentFacts()
        facts.offer(ExtractedField(key: .documentType, value: DocumentType.ficheNavette.rawValue, confidence: 0.9, source: nil))
        let typed = TypedFacts(["imputation": .group(imputation.mapValues { .value($0, confidence, FieldSource(page: 1, text: $0)) })])
        return AnomalyInput.Document(id: id, fileName: "navette-\(id).pdf", facts: facts, typedFacts: typed)
    }

    @Test func aFicheNavetteImputedOtherwiseThanChorusIsAnImputationError() {
        // The fiche asks for programme 129's centre financier; Chorus charges another one of the same programme.
        let differs = Self.ficheNavette(1, ["centre_financier": "0129-DNUM-C002", "domaine_fonctionnel": "0129-01"])
        let found = AnomalyRules.imputationProgramme(Self.order("1300000051", ttc: 1_000, on: "10/01/2025", documents: [differs]))
        #expect(found.count == 1 && found[0].evidence.count == 1)
        #expect(found[0].explanation.contains("centre financier 0129-DNUM-C002 sur fiche navette navette-1.pdf, 0129-DNUM-C001 dans Chorus"))
        // Written otherwise, or coarser (« 0129-01 » for Chorus's « 0129-01-02 »): the same imputation.
        let same = Self.ficheNavette(2, ["centre_financier": "0129 dnum c001", "domaine_fonctionnel": "0129-01",
                                         "groupe_marchandises": "36.02.03"])
        #expect(AnomalyRules.imputationProgramme(Self.order("1300000052", ttc: 1_000, on: "10/01/2025", df: "0129-01-02", documents: [same])).isEmpty)
        // A doubtful reading does not accuse anyone.
        let doubtful = Self.ficheNavette(3, ["centre_financier": "0129-DNUM-C002"], confidence: 0.4)
        #expect(AnomalyRules.imputationProgramme(Self.order("1300000053", ttc: 1_000, on: "10/01/2025", documents: [doubtful])).isEmpty)
    }

    static func typed(_ id: Int, _ type: DocumentType, _ fields: [FieldKey: String], _ typed: [String: String]) -> AnomalyInput.Document {
        let base = document(id, type, fields)
        let facts = TypedFacts(typed.mapValues { .value($0, 0.85, FieldSource(page: 1, text: $0)) })
        return AnomalyInput.Document(id: id, fileName: "\(type.rawValue)-\(id).pdf", facts: base.facts, typedFacts: facts)
    }

    @Test func aRIBThatIsNotTheInvoicesOrNotTheSuppliersIsToBeChecked() {
        let invoice = Self.document(1, .facture, [.iban: "FR7630006000011234567890189", .supplierName: "ACME"])
        let otherIBAN = Self.typed(2, .rib, [.iban: "FR4330004008280001070672676"], ["titulaire": "ACME SAS"])
        let found = AnomalyRules.bankDetails(Self.order("1300000061", ttc: 1_000, on: "10/01/2025", documents: [invoice, otherIBAN]))
        #expect(found.count == 1 && found[0].kind == .coordonneesBancaires)
        #expect(found[0].explanation.contains("IBAN FR4330004008280001070672676 sur le RIB"))
        let factor = Self.typed(3, .rib, [.iban: "FR7630006000011234567890189"], ["titulaire": "BANQUE AFFACTURAGE EUROPE"])
        let holder = AnomalyRules.bankDetails(Self.order("1300000062", ttc: 1_000, on: "10/01/2025", documents: [invoice, factor]))
        #expect(holder.first?.evidence.first?.detail == "titulaire du compte « BANQUE AFFACTURAGE EUROPE », fournisseur « ACME »")
        // The same account and the supplier's own name: nothing to check.
        let own = Self.typed(4, .rib, [.iban: "FR7630006000011234567890189"], ["titulaire": "Acme S.A.S."])
        #expect(AnomalyRules.bankDetails(Self.order("1300000063", ttc: 1_000, on: "10/01/2025", documents: [invoice, own])).isEmpty)
    }

    @Test func aKbisOfAnotherCompanyThanChorussSupplier() {
        let kbis = Self.typed(5, .kbis, [:], ["siren": "552100554"])
        let found = AnomalyRules.siretMismatch(Self.order("1300000064", ttc: 1_000, on: "10/01/2025", documents: [kbis]))
        #expect(found.count == 1 && found[0].explanation.contains("extrait Kbis joint (SIREN 552100554)"))
        let same = Self.typed(6, .kbis, [:], ["siren": "732829320"])
        #expect(AnomalyRules.siretMismatch(Self.order("1300000065", ttc: 1_000, on: "10/01/2025", documents: [same])).isEmpty)
    }

    @Test func thresholdsFollowTheDecreeDates() {
        #expect(ProcurementThresholds.dispense(on: Self.date("31/03/2026")) == Self.euros(40_000))
        #expect(ProcurementThresholds.dispense(on: Self.date("01/04/2026")) == Self.euros(60_000))
        #expect(ProcurementThresholds.dispense(on: Self.date("01/04/2026"), nature: .works) == Self.euros(100_000))
        #expect(ProcurementThresholds.estimatedHT(fromTTC: Self.euros(120)) == Self.euros(100))
    }

    @Test func horsMarcheAboveTheThresholdWithoutAContract() {
        // 60 000 TTC → 50 000 HT estimated, over 40 000 in 2025, a document without marché number: fires.
        let facture = Self.document(9, .facture, [.amountTTC: "60000.00"])
        let over = AnomalyRules.horsMarche(Self.order("1300000001", ttc: 60_000, on: "12/03/2025", documents: [facture]))
        #expect(over.count == 1 && over[0].amount == Self.euros(50_000))
        #expect(over[0].explanation.contains("estimé"))
        // The document's HT wins over the estimate: 39 000 HT stays under.
        let devis = Self.document(1, .devis, [.amountHT: "39000.00", .amountTTC: "46800.00"])
        #expect(AnomalyRules.horsMarche(Self.order("1300000002", ttc: 60_000, on: "12/03/2025", documents: [devis])).isEmpty)
        // A marché reference: silent. After 1 April 2026 the threshold is 60 000: 50 000 HT is silent too.
        let ae = Self.document(2, .acteEngagement, [.numberMarche: "2025-014"])
        #expect(AnomalyRules.horsMarche(Self.order("1300000003", ttc: 60_000, on: "12/03/2025", documents: [ae])).isEmpty)
        #expect(AnomalyRules.horsMarche(Self.order("1300000004", ttc: 60_000, on: "02/04/2026", documents: [facture])).isEmpty)
        // No document at all: nothing shows there is no marché, so the rule does not judge.
        #expect(AnomalyRules.horsMarche(Self.order("1300000005", ttc: 60_000, on: "12/03/2025")).isEmpty)
    }

    @Test func fractionnementOfOneNeedToOneSupplierWithinAYear() {
        let orders = [Self.order("1300000011", ttc: 36_000, on: "10/01/2025"),
                      Self.order("1300000012", ttc: 36_000, on: "10/06/2025"),
                      Self.order("1300000013", ttc: 36_000, on: "10/12/2025")]
        let found = AnomalyRules.fractionnement(orders)
        #expect(found.count == 1 && found[0].ejs.count == 3 && found[0].amount == Self.euros(90_000))
        // More than 12 months apart, another need, another supplier, or one order already over the threshold: silent.
        #expect(AnomalyRules.fractionnement([orders[0], Self.order("1300000014", ttc: 36_000, on: "15/01/2026")]).isEmpty)
        #expect(AnomalyRules.fractionnement([orders[0], Self.order("1300000015", ttc: 36_000, on: "10/02/2025", group: "07.02.05")]).isEmpty)
        #expect(AnomalyRules.fractionnement([orders[0], Self.order("1300000016", ttc: 36_000, on: "10/02/2025", supplier: Self.other)]).isEmpty)
        #expect(AnomalyRules.fractionnement([orders[0], Self.order("1300000017", ttc: 60_000, on: "10/02/2025")]).isEmpty)
    }

    @Test func siretOfTheDocumentsAgainstChorus() {
        let facture = Self.document(1, .facture, [.supplierSiret: "55210055400013"])
        #expect(AnomalyRules.siretMismatch(Self.order("1300000021", ttc: 1_000, on: "10/01/2025", documents: [facture])).count == 1)
        let same = Self.document(2, .facture, [.supplierSiret: "73282932000074"])
        #expect(AnomalyRules.siretMismatch(Self.order("1300000022", ttc: 1_000, on: "10/01/2025", documents: [same])).isEmpty)
        // An invalid SIRET read on a document proves nothing; a RIB is not checked.
        let invalid = Self.document(3, .facture, [.supplierSiret: "55210055400014"])
        let rib = Self.document(4, .rib, [.supplierSiret: "55210055400013"])
        #expect(AnomalyRules.siretMismatch(Self.order("1300000023", ttc: 1_000, on: "10/01/2025", documents: [invalid, rib])).isEmpty)
    }

    @Test func amountOfTheOrderAgainstItsDocuments() {
        let bdc = Self.document(1, .bonDeCommande, [.amountHT: "10000.00", .amountTTC: "12000.00"])
        let ht = AnomalyRules.montantEcart(Self.order("1300000031", ttc: 10_000, on: "10/01/2025", documents: [bdc]))
        #expect(ht.count == 1 && ht[0].explanation.contains("HT") && ht[0].amount == Self.euros(2_000))
        #expect(AnomalyRules.montantEcart(Self.order("1300000032", ttc: 12_500, on: "10/01/2025", documents: [bdc])).count == 1)
        // Within 1 %: silent.
        #expect(AnomalyRules.montantEcart(Self.order("1300000033", ttc: 12_100, on: "10/01/2025", documents: [bdc])).isEmpty)
    }

    @Test func programmesOfTheImputation() {
        #expect(AnomalyRules.imputationProgramme(Self.order("1300000041", ttc: 1_000, on: "10/01/2025", df: "0216-10")).count == 1)
        #expect(AnomalyRules.imputationProgramme(Self.order("1300000042", ttc: 1_000, on: "10/01/2025", activity: "021601010101")).count == 1)
        #expect(AnomalyRules.imputationProgramme(Self.order("1300000043", ttc: 1_000, on: "10/01/2025", df: "129-01", activity: "012901010101")).isEmpty)
    }

    @Test func latePaymentsWithWhatTheyCost() {
        let late = PaymentFacts(dp: "100001", ej: "1300000051", dateBase: Self.date("01/02/2025"),
                                dateDerniereOperation: Self.date("15/04/2025"), amount: Self.euros(12_000))
        let found = AnomalyRules.paiementTardif(Self.order("1300000051", ttc: 12_000, on: "10/01/2025", payments: [late]), asOf: Self.date("01/12/2025"))
        #expect(found.count == 1 && found[0].amount > Self.euros(40))
        #expect(found[0].explanation.contains("43 jours"))
        let onTime = PaymentFacts(dp: "100002", ej: "1300000052", dateBase: Self.date("01/02/2025"),
                                  dateDerniereOperation: Self.date("03/03/2025"), amount: Self.euros(12_000))
        #expect(AnomalyRules.paiementTardif(Self.order("1300000052", ttc: 12_000, on: "10/01/2025", payments: [onTime]), asOf: Self.date("01/12/2025")).isEmpty)
    }

    @Test func theSameInvoicePaidTwice() {
        let first = PaymentFacts(dp: "100011", ej: "1300000061", dateBase: Self.date("01/02/2025"), supplier: Self.acme, amount: Self.euros(4_800))
        let second = PaymentFacts(dp: "100012", ej: "1300000062", dateBase: Self.date("01/02/2025"), supplier: Self.acme, amount: Self.euros(4_800))
        let other = PaymentFacts(dp: "100013", ej: "1300000063", dateBase: Self.date("02/02/2025"), supplier: Self.acme, amount: Self.euros(4_800))
        let found = AnomalyRules.doublon([Self.order("1300000061", ttc: 4_800, on: "10/01/2025", payments: [first]),
                                          Self.order("1300000062", ttc: 4_800, on: "10/01/2025", payments: [second])])
        #expect(found.count == 1 && found[0].ejs == ["1300000061", "1300000062"])
        #expect(AnomalyRules.doublon([Self.order("1300000061", ttc: 4_800, on: "10/01/2025", payments: [first]),
                                      Self.order("1300000063", ttc: 4_800, on: "10/01/2025", payments: [other])]).isEmpty)
        // The same payment reported twice (one DP) is no duplicate.
        #expect(AnomalyRules.doublon([Self.order("1300000061", ttc: 4_800, on: "10/01/2025", payments: [first, first])]).isEmpty)
    }

    @Test func anAmountFarFromItsPeers() {
        var peers = (0..<12).map { Self.order("13000001\($0 + 10)", ttc: 10_000 + Int64($0) * 500, on: "10/03/2025") }
        #expect(AnomalyRules.montantAtypique(peers).isEmpty)
        peers.append(Self.order("1300000199", ttc: 900_000, on: "10/03/2025"))
        let found = AnomalyRules.montantAtypique(peers)
        #expect(found.map(\.ejs) == [["1300000199"]])
        #expect(found[0].explanation.contains("aberrant"))
        // Too few peers to judge.
        #expect(AnomalyRules.montantAtypique(Array(peers.suffix(5))).isEmpty)
    }

    @Test func peersAreOfTheSameCategoryMinistryAndYearWhenThereAreEnough() {
        // Twelve orders of one ministry (programme 129) around 10 000 €, twelve of another (216) around 200 000 €, same
        // groupe and year: within the whole year 200 000 € is common, within its ministry 10 000 € is typical.
        let small = (0..<12).map { Self.order("13000002\($0 + 10)", ttc: 10_000 + Int64($0) * 500, on: "10/03/2025") }
        let large = (0..<12).map { Self.order("13000003\($0 + 10)", ttc: 200_000 + Int64($0) * 5_000, on: "10/03/2025",
                                             cf: "0216-CPTR-C001", df: "0216-01") }
        #expect(AnomalyRules.montantAtypique(small + large).isEmpty)
        // 200 000 € among the ministry's small orders is aberrant, though the year has such amounts elsewhere.
        let odd = Self.order("1300000299", ttc: 200_000, on: "10/03/2025")
        let found = AnomalyRules.montantAtypique(small + large + [odd])
        #expect(found.map(\.ejs) == [["1300000299"]])
        #expect(found.first?.explanation.contains("Services du Premier ministre") == true)
        // The documents' purchase category, when they give one, groups orders rather than the groupe de marchandises.
        let training = Self.document(1, .devis, [.category: "formation"])
        let withCategory = AnomalyInput(ej: "1300000298", lines: odd.lines, engaged: odd.engaged, documents: [training])
        #expect(withCategory.need?.key == "categorie:formation")
        #expect(AnomalyRules.montantAtypique(small + large + [withCategory]).isEmpty)
    }

    @Test func logarithmAndExponentialAreExact() {
        for x in [1.0, 2.5, 10.0, 1_234_567.0, 0.001] {
            #expect(abs(RobustScore.exp(RobustScore.log(x)) - x) / x < 1e-12)
        }
        #expect(abs(RobustScore.log(100) - 4.605_170_185_988_091) < 1e-12)
    }
}

/// BO exports have no centre financier column: the Programme column stands for it.
@Suite("Imputation rule without a centre financier")
struct ImputationWithoutCentreFinancierTests {
    @Test func theImputationRuleReadsTheProgrammeColumnWhenThereIsNoCentreFinancier() {
        let line = EJLineFacts(ej: "1300000091", poste: 1, imputation: Imputation(programme: "216", domaineFonctionnel: "0129-02"),
                               dateCreation: LocalDate(year: 2025, month: 3, day: 1))
        let found = AnomalyRules.imputationProgramme(AnomalyInput(ej: "1300000091", lines: [line], engaged: Money(cents: 100)))
        #expect(found.count == 1 && found[0].explanation.contains("programme 0216") && found[0].explanation.contains("0129"))
    }

    @Test func anActionTheProgrammeDoesNotHave() {
        // Programme 129 has actions 01, 02, 03, 10, 11, 13, 15, 16, 17 in the PLF 2025.
        let found = AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000101", ttc: 1_000, on: "10/01/2025", df: "0129-04"))
        #expect(found.count == 1 && found[0].explanation.contains("action 04"))
        #expect(AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000102", ttc: 1_000, on: "10/01/2025", df: "0129-03-01")).isEmpty)
        // A programme the finance bill does not know is not judged on its actions.
        #expect(AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000103", ttc: 1_000, on: "10/01/2025", cf: "0999-X", df: "0999-42")).isEmpty)
        #expect(StatePrograms.program("129")?.ministry == "Services du Premier ministre")
        #expect(StatePrograms.action(ofDomaineFonctionnel: "0216-10-04") == "10")
    }

    @Test func aPurchaseImputedToPersonnelOrInterventionCharges() {
        let facture = AnomalyRulesTests.document(1, .facture, [.amountTTC: "1000.00"])
        let found = AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000111", ttc: 1_000, on: "10/01/2025", account: "6541100000",
                                                                documents: [facture]))
        #expect(found.count == 1 && found[0].explanation.contains("charges d'intervention"))
        #expect(AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000112", ttc: 1_000, on: "10/01/2025", account: "6411000000",
                                                           documents: [facture])).count == 1)
        // A service account, or no purchase document (a subsidy's agreement), stays silent.
        #expect(AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000113", ttc: 1_000, on: "10/01/2025", account: "6113100000",
                                                           documents: [facture])).isEmpty)
        let convention = AnomalyRulesTests.document(2, .autre, [.object: "Convention de subvention"])
        #expect(AnomalyRules.imputationProgramme(AnomalyRulesTests.order("1300000114", ttc: 1_000, on: "10/01/2025", account: "6541100000",
                                                           documents: [convention])).isEmpty)
    }

    @Test func worksHaveTheirOwnThreshold() {
        // 90 000 TTC → 75 000 HT in 2025: over the 40 000 of supplies and services, under the 100 000 of works.
        let roof = AnomalyRulesTests.document(1, .devis, [.object: "Travaux de rénovation de la toiture du bâtiment B"])
        #expect(AnomalyRules.horsMarche(AnomalyRulesTests.order("1300000121", ttc: 90_000, on: "10/01/2025", documents: [roof])).isEmpty)
        let cpv = AnomalyRulesTests.document(2, .facture, [.cpv: "45261000"])
        #expect(AnomalyRules.horsMarche(AnomalyRulesTests.order("1300000122", ttc: 90_000, on: "10/01/2025", documents: [cpv])).isEmpty)
        // Studies about works are services; so is everything else.
        let study = AnomalyRulesTests.document(3, .devis, [.object: "Travaux d'études préalables à la rénovation"])
        #expect(AnomalyRules.horsMarche(AnomalyRulesTests.order("1300000123", ttc: 90_000, on: "10/01/2025", documents: [study])).count == 1)
        let found = AnomalyRules.horsMarche(AnomalyRulesTests.order("1300000124", ttc: 150_000, on: "10/01/2025", documents: [roof]))
        #expect(found.count == 1 && found[0].explanation.contains("travaux"))
        // Split works orders are judged against the works threshold only when every order is works.
        let works = ["1300000125", "1300000126", "1300000127"].enumerated().map { index, ej in
            AnomalyRulesTests.order(ej, ttc: 36_000, on: "10/0\(index + 1)/2025", documents: [roof]) }
        #expect(AnomalyRules.fractionnement(works).isEmpty)
        #expect(AnomalyRules.fractionnement(works + [AnomalyRulesTests.order("1300000128", ttc: 36_000, on: "10/05/2025")]).count == 1)
    }
}
