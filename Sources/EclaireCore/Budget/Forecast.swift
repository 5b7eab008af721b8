/// One line of a product's forecast (prévisionnel) for an exercice.
public struct ForecastLine: Sendable, Equatable {
    public var id: Int?
    public var exercice: Int
    public var cost: Cost

    public enum Cost: Sendable, Equatable {
        /// A person or a contract for one month: day rate (TJM) × days, plus other costs TTC.
        case staffing(StaffingCost)
        /// Any other expected spending, in AE and CP.
        case free(FreeCost)
    }

    public init(id: Int? = nil, exercice: Int, cost: Cost) {
        self.id = id
        self.exercice = exercice
        self.cost = cost
    }

    /// The AE the line needs in its exercice.
    public var ae: Money {
        switch cost {
        case .staffing(let staffing): staffing.total
        case .free(let free): free.ae
        }
    }

    /// The CP the line consumes in its exercice, whether from this year's AE or from earlier years'.
    public var cp: Money {
        switch cost {
        case .staffing(let staffing): staffing.total
        case .free(let free): free.cp + free.cpFromPriorAE
        }
    }

    public var label: String {
        switch cost {
        case .staffing(let staffing):
            [staffing.person, staffing.contract].compactMap { $0 }.joined(separator: " — ")
                + " (\(FrenchFormat.monthName(staffing.month)))"
        case .free(let free): free.label
        }
    }

    /// The first day of the month the line is planned for, when it has one.
    public var plannedMonth: LocalDate? {
        guard case .staffing(let staffing) = cost else { return nil }
        return LocalDate(year: exercice, month: staffing.month, day: 1)
    }

    /// The same line one year later, as "dupliquer le prévisionnel" does; the copy has no identity yet.
    public func duplicated(into exercice: Int) -> ForecastLine {
        var copy = self
        copy.id = nil
        copy.exercice = exercice
        if case .free(var free) = cost {
            // Next year's CP from earlier AE is what this year leaves unpaid, not this year's figure again.
            free.cpFromPriorAE = .zero
            copy.cost = .free(free)
        }
        return copy
    }
}

public struct StaffingCost: Sendable, Equatable {
    public var person: String
    public var contract: String?
    /// 1…12.
    public var month: Int
    public var dayRate: Money
    /// Days in hundredths (18,5 days = 1850), so that the cost stays exact.
    public var daysHundredths: Int
    public var otherCosts: Money

    public init(person: String, contract: String? = nil, month: Int, dayRate: Money, daysHundredths: Int,
                otherCosts: Money = .zero) {
        self.person = person
        self.contract = contract
        self.month = month
        self.dayRate = dayRate
        self.daysHundredths = daysHundredths
        self.otherCosts = otherCosts
    }

    /// TJM × days, rounded half away from zero to the cent, plus other costs.
    public var total: Money {
        Money(cents: Money.scaled(dayRate.cents, times: Int64(daysHundredths), over: 100)) + otherCosts
    }
}

public struct FreeCost: Sendable, Equatable {
    public var label: String
    public var ae: Money
    /// CP of the year consumed from this year's AE.
    public var cp: Money
    /// CP of the year consumed from AE engaged in earlier years.
    public var cpFromPriorAE: Money

    public init(label: String, ae: Money, cp: Money, cpFromPriorAE: Money = .zero) {
        self.label = label
        self.ae = ae
        self.cp = cp
        self.cpFromPriorAE = cpFromPriorAE
    }
}
