/// Every product's year side by side, with the totals and what belongs to no product (the incubator's view).
public struct Portfolio: Sendable {
    public var exercice: Int
    public var years: [ProductYear]
    /// EJs of the base linked to no product.
    public var unlinkedEJCount: Int

    public init(exercice: Int, years: [ProductYear], unlinkedEJCount: Int) {
        self.exercice = exercice
        self.years = years
        self.unlinkedEJCount = unlinkedEJCount
    }

    public var allocatedAE: Money { years.reduce(.zero) { $0 + $1.allocatedAE } }
    public var allocatedCP: Money { years.reduce(.zero) { $0 + $1.allocatedCP } }
    public var forecastAE: Money { years.reduce(.zero) { $0 + $1.forecastAE } }
    public var forecastCP: Money { years.reduce(.zero) { $0 + $1.forecastCP } }
    public var execution: ExecutionFigures {
        years.reduce(into: ExecutionFigures()) { $0.add($1.execution) }
    }
    public var remainingAE: Money { allocatedAE - execution.engaged }
    public var monthlyPaid: [Int: Money] {
        years.reduce(into: [:]) { total, year in
            for (month, amount) in year.monthlyPaid { total[month, default: .zero] += amount }
        }
    }
    public var alertCount: Int { years.reduce(0) { $0 + $1.alerts.count } }
}
