import EclaireCore
import Storage
import TestSupport
import Testing

@Suite("Products, budgets, forecasts and links in the database, with their audit log")
struct BudgetStoreTests {
    func euros(_ value: Int64) -> Money { Money(cents: value * 100) }

    func importFixtures(_ storage: StorageContainer) async throws {
        for name in ["chorus_ae.csv", "financial_cp.csv", "national_aife_ae.csv"] {
            _ = try await ChorusImporter(database: storage.database).importFile(Fixtures.path(name))
        }
    }

    @Test(arguments: Backend.available)
    func aProductYearFromItsLinkedOrders(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            try await importFixtures(storage)
            let store = BudgetStore(database: storage.database, actor: "test:agnes")
            let product = try await store.createProduct(name: "Mon Parcours Emploi", team: "MPE", sponsor: "DGEFP",
                                                        programme: "0103", centreCouts: "BG00/DREETS0035")
            await #expect(throws: BudgetError.duplicateProduct("mon parcours emploi")) {
                _ = try await store.createProduct(name: "mon parcours emploi", team: "x", sponsor: "y")
            }
            try await store.setBudget(productID: product.id, exercice: 2023, allocatedAE: euros(50_000), allocatedCP: euros(40_000))
            try await store.setBudget(productID: product.id, exercice: 2023, allocatedAE: euros(45_000), allocatedCP: euros(40_000))
            try await store.addFunding(productID: product.id, exercice: 2023, funding: Funding(source: "FTAP", amount: euros(20_000)))
            _ = try await store.addForecastLine(productID: product.id, ForecastLine(exercice: 2023, cost: .staffing(
                StaffingCost(person: "Développeur", month: 2, dayRate: euros(700), daysHundredths: 2_000))))
            #expect(try await store.forecastFromFundings(productID: product.id, exercice: 2023) == 1)
            #expect(try await store.duplicateForecast(productID: product.id, from: 2023, to: 2024) == 2)

            // The rule claims the EJ of that supplier on that centre de coûts, and nothing else.
            _ = try await store.addRule(LinkRule(productID: product.id, criterion: .supplierAndCentreCouts(
                siret: "85129663200017", centreCouts: "BG00/DREETS0035")))
            let before = try await store.unlinkedCount()
            #expect(try await store.applyRules() == 1)
            #expect(try await store.unlinkedCount() == before - 1)
            #expect(try await store.links(productID: product.id).map(\.ej) == ["2103105755"])
            #expect(try await store.links(productID: product.id).first?.method == .rule)

            let year = try await BudgetQueries(store: store).productYear(
                product.id, exercice: 2023, asOf: LocalDate(year: 2023, month: 6, day: 1)!)
            #expect(year.allocatedAE == euros(45_000))
            #expect(year.budget?.fundings == [Funding(source: "FTAP", amount: euros(20_000))])
            #expect(year.forecastAE == euros(14_000 + 20_000))
            #expect(year.execution.engaged == Money(cents: 3_750_012))
            #expect(year.execution.paid == Money(cents: 25_200 + 15_000 + 80_728))
            #expect(year.remainingAE == Money(cents: 4_500_000 - 3_750_012))
            #expect(year.monthlyPaid == [1: Money(cents: 120_928)])
            #expect(year.alerts.map(\.kind) == [.engagedOverForecast])

            let audit = try await store.audit(productID: product.id)
            #expect(audit.count == 9)
            #expect(audit.allSatisfy { $0.actor == "test:agnes" })
            let budgetChange = try #require(audit.first { $0.entity == "budget" && $0.action == "update" })
            #expect(budgetChange.before == "AE \(euros(50_000).french), CP \(euros(40_000).french)")
            #expect(budgetChange.after == "AE \(euros(45_000).french), CP \(euros(40_000).french)")
        }
    }

    @Test(arguments: Backend.available)
    func manualLinksStayAndUnknownOrdersAreRefused(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            try await importFixtures(storage)
            let store = BudgetStore(database: storage.database, actor: "test")
            let first = try await store.createProduct(name: "A", team: "a", sponsor: "s")
            let second = try await store.createProduct(name: "B", team: "b", sponsor: "s")
            await #expect(throws: BudgetError.unknownEJ("9999999999")) {
                try await store.link(ej: "9999999999", productID: first.id)
            }
            try await store.link(ej: "2104453606", productID: second.id)
            _ = try await store.addRule(LinkRule(productID: first.id, criterion: .ej("2104453606")))
            #expect(try await store.applyRules() == 0)
            #expect(try await store.links(ejs: ["2104453606"]).first?.productID == second.id)
            // Moving it by hand is recorded on both products.
            try await store.link(ej: "2104453606", productID: first.id)
            #expect(try await store.audit(productID: second.id).first?.action == "unlink")
            #expect(try await store.audit(productID: first.id).first?.action == "link")
            try await store.unlink(ej: "2104453606")
            #expect(try await store.links().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func suggestionsForUnlinkedOrders(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            try await importFixtures(storage)
            let store = BudgetStore(database: storage.database, actor: "test")
            let product = try await store.createProduct(name: "Parcours", team: "p", sponsor: "s", programme: "0103",
                                                        centreCouts: "BG00/DREETS0035")
            _ = try await store.addForecastLine(productID: product.id, ForecastLine(exercice: 2023, cost: .free(
                FreeCost(label: "Accompagnement", ae: euros(37_000), cp: euros(37_000)))))
            let suggestions = try await BudgetQueries(store: store).suggestions()
            let suggestion = try #require(suggestions.first { $0.ej == "2103105755" })
            #expect(suggestion.productID == product.id)
            #expect(suggestion.reasons.contains("même centre de coûts (BG00/DREETS0035)"))
            #expect(suggestion.reasons.contains { $0.hasPrefix("montant proche de la ligne prévisionnelle « Accompagnement »") })
            #expect(suggestion.score >= 0.45)
        }
    }

    @Test(arguments: Backend.available)
    func chorusLinesAreReconciledWithTheTeamsFigures(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            try await importFixtures(storage)
            let store = BudgetStore(database: storage.database, actor: "test")
            let product = try await store.createProduct(name: "P", team: "t", sponsor: "s")
            try await store.link(ej: "2103105755", productID: product.id)
            let queries = BudgetQueries(store: store)
            // chorus_ae.csv engages EJ 2103105755 in two lines, 22 500,12 € and 15 000,00 €.
            #expect(try await queries.reconciliation(productID: product.id).map(\.verdict) == [.aRapprocher, .aRapprocher])
            try await store.setTeamOrder(productID: product.id, TeamOrder(ej: "2103105755", ae: Money(cents: 3_750_000)))
            // The order's two lines (12 cents over the order, which 1 209,28 € of earlier years' payments had left
            // to engage) share the order's gap, not each line's distance to the whole order.
            let verdicts = try await queries.reconciliation(productID: product.id).map(\.verdict)
            #expect(verdicts == [.bcEcart(difference: Money(cents: 120_940)), .bcEcart(difference: Money(cents: 120_940))], "\(verdicts)")
            try await store.setTeamOrder(productID: product.id, TeamOrder(ej: "2103105755", ae: Money(cents: 3_750_012)))
            let lines = try await queries.reconciliation(productID: product.id)
            #expect(lines.map(\.verdict) == [.bcSubdivise, .bcSubdivise])
            #expect(lines.map(\.teamAmount) == [Money(cents: 3_750_012), Money(cents: 3_750_012)])
            #expect(try await store.audit(productID: product.id).first?.before == "BC 2103105755 : AE \(Money(cents: 3_750_000).french)")
        }
    }

    @Test(arguments: Backend.available)
    func aConsumptionIsSplitByHandOnlyWhenItAddsUp(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            try await importFixtures(storage)
            let store = BudgetStore(database: storage.database, actor: "test")
            let product = try await store.createProduct(name: "P", team: "t", sponsor: "s")
            try await store.link(ej: "2103105755", productID: product.id)
            try await store.link(ej: "2104453606", productID: product.id)
            let id = try await store.addConsumption(productID: product.id, MonthlyConsumption(
                contract: "Marché", year: 2023, month: 2, daysHundredths: 1_000, dayRate: Money(cents: 50_000)))
            await #expect(throws: ConsumptionSplit.Failure.doesNotAddUp(total: Money(cents: 500_000), shares: Money(cents: 400_000))) {
                try await store.splitConsumption(id, productID: product.id, shares: [ConsumptionShare(ej: "2103105755", amount: Money(cents: 400_000))])
            }
            try await store.splitConsumption(id, productID: product.id, shares: [
                ConsumptionShare(ej: "2103105755", amount: Money(cents: 300_000)),
                ConsumptionShare(ej: "2104453606", amount: Money(cents: 200_000))])
            let stored = try #require(try await store.consumptions(productID: product.id).first)
            #expect(stored.shares.map(\.amount) == [Money(cents: 300_000), Money(cents: 200_000)])
            #expect(stored.unallocated == .zero)
            #expect(try await store.audit(productID: product.id).first?.action == "split")
            // The automatic split fills the oldest order first (EJ 2103105755, created 10/01/2023).
            let auto = try await store.splitConsumptionAutomatically(id, productID: product.id)
            #expect(auto == [ConsumptionShare(ej: "2103105755", amount: Money(cents: 500_000))])
        }
    }
}
