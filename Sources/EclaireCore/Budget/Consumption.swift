/// A month of a contract's consumption (conso mensuelle): days invoiced × TJM plus other costs, estimated until
/// the invoice confirms it, and split across the purchase orders (EJ) it is paid from.
public struct MonthlyConsumption: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case estimate = "estimee", validated = "validee"

        public var french: String { self == .estimate ? "estimée" : "validée" }
    }

    public var id: Int?
    public var contract: String
    public var year: Int
    public var month: Int
    public var daysHundredths: Int
    public var dayRate: Money
    public var otherCosts: Money
    public var status: Status
    public var shares: [ConsumptionShare]

    public init(id: Int? = nil, contract: String, year: Int, month: Int, daysHundredths: Int, dayRate: Money,
                otherCosts: Money = .zero, status: Status = .estimate, shares: [ConsumptionShare] = []) {
        self.id = id
        self.contract = contract
        self.year = year
        self.month = month
        self.daysHundredths = daysHundredths
        self.dayRate = dayRate
        self.otherCosts = otherCosts
        self.status = status
        self.shares = shares
    }

    /// The same arithmetic as a forecast's staffing line: TJM × days to the cent, plus other costs.
    public var total: Money {
        StaffingCost(person: contract, month: month, dayRate: dayRate, daysHundredths: daysHundredths,
                     otherCosts: otherCosts).total
    }

    public var allocated: Money { shares.reduce(.zero) { $0 + $1.amount } }
    public var unallocated: Money { total - allocated }
}

/// The part of a month's consumption paid from one purchase order.
public struct ConsumptionShare: Sendable, Equatable {
    public var ej: String
    public var amount: Money

    public init(ej: String, amount: Money) {
        self.ej = ej
        self.amount = amount
    }
}

public enum ConsumptionSplit {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case doesNotAddUp(total: Money, shares: Money)
        case negative(String)

        public var description: String {
            switch self {
            case .doesNotAddUp(let total, let shares):
                "la répartition (\(shares.french)) ne fait pas le total de la consommation (\(total.french))"
            case .negative(let ej): "montant négatif pour l'EJ \(ej)"
            }
        }
    }

    /// Découper une conso: the orders are used in the order given (the oldest first), each up to what is left on
    /// it; what no order can take stays unallocated, for the team to see that an order is missing.
    public static func fill(_ total: Money, orders: [(ej: String, available: Money)]) -> [ConsumptionShare] {
        var rest = total
        var shares: [ConsumptionShare] = []
        for order in orders where rest.cents > 0 && order.available.cents > 0 {
            let amount = min(rest, order.available)
            shares.append(ConsumptionShare(ej: order.ej, amount: amount))
            rest = rest - amount
        }
        return shares
    }

    /// A split made by hand must give the whole consumption, to the cent, with no negative part.
    public static func check(_ shares: [ConsumptionShare], total: Money) throws(Failure) {
        if let negative = shares.first(where: { $0.amount.cents < 0 }) { throw .negative(negative.ej) }
        let sum = shares.reduce(Money.zero) { $0 + $1.amount }
        guard sum == total else { throw .doesNotAddUp(total: total, shares: sum) }
    }
}
