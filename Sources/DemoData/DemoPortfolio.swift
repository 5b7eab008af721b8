import EclaireCore

/// Three products of the demo ledger's programmes, with budgets, fundings, forecasts, link rules and links by hand,
/// built so that every feature shows: an allocation exceeded, a forecast exceeded, orders linked by rule and by
/// hand, orders left to suggestions, services faits waiting and late payments.
public struct DemoPortfolio: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let team: String
        public let sponsor: String
        public let programme: DemoReference.Programme
        public let centreCouts: String
        public let budget: (ae: Money, cp: Money)
        public let fundings: [Funding]
        public let forecast: [ForecastLine]
        public let rules: [LinkRule.Criterion]
        public let manualLinks: [String]
        /// The team's own figures: most match Chorus, one order and one service fait do not (the KOs to show),
        /// and one service fait is split over two rows.
        public let teamOrders: [TeamOrder]
        public let teamServicesFaits: [TeamServiceFait]
        /// Six months of the agile contract: four validated and split across the orders, two still estimated.
        public let consumptions: [MonthlyConsumption]
    }

    public let exercice: Int
    public let entries: [Entry]

    public init(ledger: DemoLedger) {
        exercice = ledger.exercice
        let plans: [(String, String, String, String, Int)] = [
            ("Mon Espace Agriculteur", "MEA", "SNUM — Agriculture", "0215", 120),
            ("Démarches Transformation", "DT", "DITP", "0349", 90),
            ("Portail Emploi Inclusion", "PEI", "DGEFP — Travail", "0103", 130),
        ]
        entries = plans.map { name, team, sponsor, code, allocationPercent in
            let programme = DemoReference.programmes.first { $0.code == code }!
            let orders = ledger.orders.filter { $0.programme.code == code }
            // The supplier with most orders is claimed by a rule; half of the others are linked by hand, the rest are
            // left to the suggestions.
            let counts = Dictionary(grouping: orders, by: \.supplier.siret).mapValues(\.count)
            let main = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
            let others = orders.filter { $0.supplier.siret != main }
            let manual = others.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            let linked = orders.filter { $0.supplier.siret == main } + manual
            let engaged = linked.reduce(Money.zero) { $0 + $1.total }
            let centreCouts = "BG00/\(programme.bop)0075"
            let allocation = Money(cents: engaged.cents * Int64(allocationPercent) / 100)
            return Entry(
                name: name, team: team, sponsor: sponsor, programme: programme, centreCouts: centreCouts,
                budget: (allocation, Money(cents: allocation.cents * 9 / 10)),
                fundings: [Funding(source: "Crédits du programme \(code)", amount: Money(cents: allocation.cents * 7 / 10)),
                           Funding(source: "Fonds pour la transformation de l'action publique",
                                   amount: Money(cents: allocation.cents * 3 / 10))],
                forecast: Self.forecast(exercice: ledger.exercice, orders: linked, target: Money(cents: engaged.cents * 95 / 100)),
                rules: main.isEmpty ? [] : [.supplierAndCentreCouts(siret: main, centreCouts: centreCouts)],
                manualLinks: manual.map(\.ej),
                teamOrders: linked.enumerated().map { index, order in
                    TeamOrder(ej: order.ej, ae: index == 1 ? order.total - Money(cents: 50_000) : order.total,
                              label: "BC \(order.group.label.lowercased())")
                },
                teamServicesFaits: Self.teamServicesFaits(linked),
                consumptions: (1...6).map { month in
                    MonthlyConsumption(contract: "Marché de prestations agiles", year: ledger.exercice, month: month,
                                       daysHundredths: 3_800 - month * 50, dayRate: Money(cents: 68_500),
                                       otherCosts: Money(cents: month == 3 ? 42_000 : 0),
                                       status: month <= 4 ? .validated : .estimate)
                })
        }
    }

    static func teamServicesFaits(_ orders: [DemoLedger.Order]) -> [TeamServiceFait] {
        var rows: [TeamServiceFait] = []
        for (index, order) in orders.filter({ $0.serviceFait != nil }).enumerated() {
            guard let sf = order.serviceFait else { continue }
            switch index % 4 {
            case 0:
                let half = Money(cents: order.total.cents / 2)
                rows.append(TeamServiceFait(ej: order.ej, number: sf.number, cp: half, label: "Première quinzaine"))
                rows.append(TeamServiceFait(ej: order.ej, number: sf.number, cp: order.total - half, label: "Seconde quinzaine"))
            case 3:
                rows.append(TeamServiceFait(ej: order.ej, number: sf.number, cp: order.total - Money(cents: 12_000),
                                            label: "Livraison (frais de déplacement oubliés)"))
            default:
                rows.append(TeamServiceFait(ej: order.ej, number: sf.number, cp: order.total, label: "Livraison"))
            }
        }
        return rows
    }

    /// Monthly staffing lines for a product lead and a developer, the rest as free lines per order, reaching about
    /// `target` (the orders' total less 5 %: the engaged amount ends up over the forecast, an alert the demo shows).
    static func forecast(exercice: Int, orders: [DemoLedger.Order], target: Money) -> [ForecastLine] {
        var lines: [ForecastLine] = []
        for month in 1...12 {
            lines.append(ForecastLine(exercice: exercice, cost: .staffing(StaffingCost(
                person: "Responsable produit", contract: "Marché de prestations agiles", month: month,
                dayRate: Money(cents: 72_000), daysHundredths: 1_800))))
            lines.append(ForecastLine(exercice: exercice, cost: .staffing(StaffingCost(
                person: "Développeuse", contract: "Marché de prestations agiles", month: month,
                dayRate: Money(cents: 65_000), daysHundredths: 2_000, otherCosts: Money(cents: 15_000)))))
        }
        let staffing = lines.reduce(Money.zero) { $0 + $1.ae }
        var rest = target - staffing
        for order in orders.sorted(by: { $0.total > $1.total }) where rest.cents > 0 {
            let amount = min(order.total, rest)
            lines.append(ForecastLine(exercice: exercice, cost: .free(FreeCost(
                label: order.group.label, ae: amount, cp: Money(cents: amount.cents * 8 / 10),
                cpFromPriorAE: .zero))))
            rest = rest - amount
        }
        return lines
    }
}
