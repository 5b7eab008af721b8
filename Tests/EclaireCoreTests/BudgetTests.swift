import EclaireCore
import Testing

@Suite("Products, forecasts, links and the execution of a year")
struct BudgetTests {
    func euros(_ value: Int64) -> Money { Money(cents: value * 100) }
    let today = LocalDate(year: 2025, month: 6, day: 30)!
    let product = Product(id: 1, name: "Démarches simplifiées", team: "DS", sponsor: "DINUM", programme: "0352",
                          centreFinancier: "0352-CDBU-DNUM", centreCouts: "DNUM075")

    func ej(_ number: String, siret: String = "85129663200017", centreCouts: String? = "DNUM075",
            referentiel: String? = nil, engaged: Money, received: Money = .zero, paid: Money = .zero,
            sfCount: Int = 0) -> EJOverview {
        EJOverview(ej: number, supplier: SupplierRef(siret: Identifiers.siret(siret), name: "ATLAS"),
                   imputation: Imputation(programme: "0352", centreFinancier: "0352-CDBU-DNUM", centreCouts: centreCouts,
                                          referentielProgrammation: referentiel),
                   lineCount: 1, amounts: [.engage: engaged],
                   circuit: CircuitFacts(engaged: engaged, received: received, paid: paid, serviceFaitCount: sfCount))
    }

    @Test func staffingLineIsDayRateTimesDaysPlusOtherCosts() {
        let line = StaffingCost(person: "Développeuse", contract: "Marché DINUM", month: 3, dayRate: Money(cents: 65_033),
                                daysHundredths: 1_850, otherCosts: euros(120))
        // 650,33 × 18,5 = 12 031,105 → 12 031,11 (half away from zero), + 120.
        #expect(line.total == Money(cents: 1_203_111 + 12_000))
        let forecast = ForecastLine(exercice: 2025, cost: .staffing(line))
        #expect(forecast.ae == forecast.cp)
        #expect(forecast.label == "Développeuse — Marché DINUM (mars)")
        #expect(forecast.plannedMonth == LocalDate(year: 2025, month: 3, day: 1))
    }

    @Test func freeLineCountsCPOfTheYearAndFromEarlierAE() {
        let line = ForecastLine(exercice: 2025, cost: .free(FreeCost(label: "Hébergement", ae: euros(10_000),
                                                                      cp: euros(6_000), cpFromPriorAE: euros(1_500))))
        #expect(line.ae == euros(10_000))
        #expect(line.cp == euros(7_500))
        let next = line.duplicated(into: 2026)
        #expect(next.exercice == 2026 && next.id == nil)
        #expect(next.ae == euros(10_000) && next.cp == euros(6_000))
    }

    @Test func fundingBecomesAForecastLine() {
        let line = Funding(source: "FTAP", amount: euros(50_000)).forecastLine(exercice: 2025)
        #expect(line.label == "Financement : FTAP")
        #expect(line.ae == euros(50_000) && line.cp == euros(50_000))
    }

    @Test func rulesMatchOnlyWhatTheySay() {
        let order = ej("2103105755", centreCouts: "DNUM075", referentiel: "035201011", engaged: euros(1_000))
        #expect(LinkRule(productID: 1, criterion: .ej("2103105755")).matches(order))
        #expect(!LinkRule(productID: 1, criterion: .ej("2103105756")).matches(order))
        #expect(LinkRule(productID: 1, criterion: .supplierAndCentreCouts(siret: "85129663200017", centreCouts: "DNUM075")).matches(order))
        // The same supplier on another centre de coûts, or another supplier on this one, is not claimed.
        #expect(!LinkRule(productID: 1, criterion: .supplierAndCentreCouts(siret: "85129663200017", centreCouts: "DNUM092")).matches(order))
        #expect(!LinkRule(productID: 1, criterion: .supplierAndCentreCouts(siret: "73282932000074", centreCouts: "DNUM075")).matches(order))
        #expect(LinkRule(productID: 1, criterion: .supplierAndActivite(siret: "85129663200017", referentiel: "035201011")).matches(order))
        #expect(!LinkRule(productID: 1, criterion: .supplierAndActivite(siret: "85129663200017", referentiel: "035201012")).matches(order))
        let rules = [LinkRule(productID: 2, criterion: .ej("1")), LinkRule(productID: 3, criterion: .ej("2103105755")),
                     LinkRule(productID: 4, criterion: .ej("2103105755"))]
        #expect(LinkRule.firstMatch(for: order, in: rules)?.productID == 3)
    }

    @Test func suggestionsGiveTheirReasonsAndIgnoreWeakSignals() throws {
        let staffing = ForecastLine(exercice: 2025, cost: .staffing(StaffingCost(
            person: "Coach", month: 4, dayRate: euros(800), daysHundredths: 1_500)))  // 12 000 €
        let profile = ProductProfile(product: product, supplierSirets: ["85129663200017"], forecast: [staffing])
        let other = ProductProfile(product: Product(id: 2, name: "Autre", team: "T", sponsor: "S", centreCouts: "X"),
                                   supplierSirets: [], forecast: [])
        let order = ej("2103105755", engaged: euros(11_500))
        let suggestions = LinkSuggester.suggestions(for: order, createdOn: LocalDate(year: 2025, month: 4, day: 20),
                                                    among: [other, profile])
        let best = try #require(suggestions.first)
        #expect(suggestions.count == 1)
        #expect(best.productID == 1)
        #expect(best.score == 1.0)
        #expect(best.reasons.count == 5)
        #expect(best.reasons[0] == "fournisseur déjà lié au produit (SIRET 85129663200017)")
        // An amount 11 % away from the line is not close; a supplier alone with the programme is under the threshold.
        let far = ej("2103105756", centreCouts: nil, engaged: euros(13_400))
        let alone = LinkSuggester.suggestions(for: far, createdOn: nil,
            among: [ProductProfile(product: product, supplierSirets: [], forecast: [staffing])])
        #expect(alone.isEmpty)
        // What lets the database pre-select candidates: without the supplier or the centre de coûts, no suggestion.
        #expect(LinkSuggester.needsSupplierOrCentreCouts)
    }

    @Test func aYearSaysWhatIsLeftAndWhatNeedsAttention() {
        let budget = ProductBudget(exercice: 2025, allocatedAE: euros(100_000), allocatedCP: euros(80_000))
        let forecast = [ForecastLine(exercice: 2025, cost: .free(FreeCost(label: "Dév", ae: euros(90_000), cp: euros(70_000)))),
                        ForecastLine(exercice: 2024, cost: .free(FreeCost(label: "Ancien", ae: euros(5_000), cp: .zero)))]
        let late = LinkedEJ(overview: ej("1", engaged: euros(60_000), received: euros(20_000), paid: euros(10_000), sfCount: 1),
                            method: .rule, byExercice: [2025: [.engage: euros(60_000), .receptionne: euros(20_000), .paye: euros(10_000)]],
                            lastServiceFait: LocalDate(year: 2025, month: 5, day: 20),
                            payments: [(LocalDate(year: 2025, month: 3, day: 2), euros(10_000))])
        let waiting = LinkedEJ(overview: ej("2", engaged: euros(35_000), received: euros(5_000), sfCount: 1),
                               method: .manual, byExercice: [2025: [.engage: euros(35_000)], 2024: [.engage: euros(1_000)]],
                               lastServiceFait: LocalDate(year: 2025, month: 6, day: 10), payments: [])
        let year = BudgetExecution.year(2025, of: product, budget: budget, forecast: forecast, linked: [late, waiting],
                                        asOf: today)
        #expect(year.forecastAE == euros(90_000))
        #expect(year.execution.engaged == euros(95_000))
        #expect(year.execution.paid == euros(10_000))
        #expect(year.execution.resteAPayer == euros(85_000))
        #expect(year.remainingAE == euros(5_000))
        #expect(year.remainingCP == euros(70_000))
        #expect(year.monthlyPaid == [3: euros(10_000)])
        #expect(year.alerts.map(\.kind) == [.engagedOverForecast, .latePayment, .serviceFaitWaiting])
        #expect(year.alerts[0].amount == euros(5_000))
        #expect(year.alerts[1].ej == "1" && year.alerts[1].message.contains("41 jours"))
        // Engaged within the allocation: no allocation alert; June: no fin de gestion alert yet.
        #expect(!year.alerts.contains { $0.kind == .engagedOverAllocation || $0.kind == .aeNotEngaged })
        let november = BudgetExecution.year(2025, of: product, budget: budget, forecast: forecast, linked: [waiting],
                                            asOf: LocalDate(year: 2025, month: 11, day: 2)!)
        #expect(november.alerts.contains { $0.kind == .aeNotEngaged && $0.amount == euros(55_000) })
    }
}

@Suite("Reconciliation of an EJ's Chorus lines with the team's order and services faits")
struct ProductReconciliationTests {
    func euros(_ value: Int64) -> Money { Money(cents: value * 100) }

    @Test func eachLineGetsTheBudgetOfficesVerdict() {
        let facts = [
            AmountFact(kind: .engage, ej: "1", poste: 1, exercice: 2025, amount: euros(7_000)),
            AmountFact(kind: .engage, ej: "1", poste: 2, exercice: 2025, amount: euros(5_000)),
            AmountFact(kind: .receptionne, ej: "1", poste: 1, exercice: 2025, serviceFait: "SF1", amount: euros(3_000)),
            AmountFact(kind: .receptionne, ej: "1", poste: 1, exercice: 2025, serviceFait: "SF2", amount: euros(2_000)),
            AmountFact(kind: .receptionne, ej: "1", poste: 2, exercice: 2025, serviceFait: "SF3", amount: euros(1_000)),
            AmountFact(kind: .receptionne, ej: "1", poste: 2, exercice: 2025, serviceFait: "SF4", amount: euros(500)),
        ]
        let team = [TeamServiceFait(ej: "1", number: "SF1", cp: euros(3_000)),
                    TeamServiceFait(ej: "1", number: "SF2", cp: euros(1_200)),
                    TeamServiceFait(ej: "1", number: "SF2", cp: euros(800)),
                    TeamServiceFait(ej: "1", number: "SF3", cp: Money(cents: 99_998))]
        let lines = ProductReconciliation.reconcile(ej: "1", facts: facts, payments: [],
                                                    order: TeamOrder(ej: "1", ae: euros(12_000)), servicesFaits: team)
        #expect(lines.map(\.verdict.label) == [
            "OK - BC subdivisé", "OK - BC subdivisé", "OK - SF", "OK - SF subdivisé (équipe)",
            "KO - SF (diff = \(Money(cents: 2).french))", "À rapprocher : aucun montant de l'équipe",
        ])
        #expect(lines[4].teamAmount == Money(cents: 99_998))
        // Without the team's order, the engaged lines wait for it.
        let unknown = ProductReconciliation.reconcile(ej: "1", facts: Array(facts.prefix(1)), payments: [], order: nil,
                                                      servicesFaits: [])
        #expect(unknown.map(\.verdict) == [.aRapprocher])
    }
}

@Suite("Monthly consumption of a contract and its split across purchase orders")
struct ConsumptionTests {
    @Test func aMonthIsDaysTimesRatePlusOtherCosts() {
        let month = MonthlyConsumption(contract: "Marché agile", year: 2025, month: 3, daysHundredths: 1_950,
                                       dayRate: Money(cents: 71_000), otherCosts: Money(cents: 4_530))
        #expect(month.total == Money(cents: 71_000 * 1_950 / 100 + 4_530))
        #expect(month.unallocated == month.total)
        #expect(month.status == .estimate)
    }

    @Test func splittingFillsTheOldestOrderFirst() throws {
        let shares = ConsumptionSplit.fill(Money(cents: 10_000), orders: [
            ("2105000001", Money(cents: 3_000)), ("2105000002", .zero), ("2105000003", Money(cents: 5_000)),
            ("2105000004", Money(cents: 9_000))])
        #expect(shares == [ConsumptionShare(ej: "2105000001", amount: Money(cents: 3_000)),
                           ConsumptionShare(ej: "2105000003", amount: Money(cents: 5_000)),
                           ConsumptionShare(ej: "2105000004", amount: Money(cents: 2_000))])
        // Not enough left on the orders: the rest stays unallocated.
        let short = ConsumptionSplit.fill(Money(cents: 10_000), orders: [("2105000001", Money(cents: 4_000))])
        #expect(short.map(\.amount) == [Money(cents: 4_000)])
        try ConsumptionSplit.check(shares, total: Money(cents: 10_000))
        #expect(throws: ConsumptionSplit.Failure.doesNotAddUp(total: Money(cents: 10_000), shares: Money(cents: 9_999))) {
            try ConsumptionSplit.check([ConsumptionShare(ej: "1", amount: Money(cents: 9_999))], total: Money(cents: 10_000))
        }
        #expect(throws: ConsumptionSplit.Failure.negative("2")) {
            try ConsumptionSplit.check([ConsumptionShare(ej: "1", amount: Money(cents: 10_100)),
                                        ConsumptionShare(ej: "2", amount: Money(cents: -100))], total: Money(cents: 10_000))
        }
    }
}
