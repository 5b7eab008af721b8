/// A State digital product (produit numérique) whose spending a team steers.
public struct Product: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String
    public var team: String
    public var sponsor: String
    /// Four-digit programme code (`0354`), as centres financiers print it.
    public var programme: String?
    public var centreFinancier: String?
    public var centreCouts: String?

    public init(id: Int, name: String, team: String, sponsor: String, programme: String? = nil,
                centreFinancier: String? = nil, centreCouts: String? = nil) {
        self.id = id
        self.name = name
        self.team = team
        self.sponsor = sponsor
        self.programme = programme
        self.centreFinancier = centreFinancier
        self.centreCouts = centreCouts
    }
}

/// What a product is given for one exercice: its allocation in AE and CP and where the money comes from.
public struct ProductBudget: Sendable, Equatable {
    public var exercice: Int
    public var allocatedAE: Money
    public var allocatedCP: Money
    public var fundings: [Funding]

    public init(exercice: Int, allocatedAE: Money, allocatedCP: Money, fundings: [Funding] = []) {
        self.exercice = exercice
        self.allocatedAE = allocatedAE
        self.allocatedCP = allocatedCP
        self.fundings = fundings
    }
}

/// A funding source (financement) of a product's year: a programme's credits, a fund (FTAP, France 2030…).
public struct Funding: Sendable, Equatable {
    public var source: String
    public var amount: Money

    public init(source: String, amount: Money) {
        self.source = source
        self.amount = amount
    }

    /// A funding turned into a forecast line of the year, consuming AE and CP alike.
    public func forecastLine(exercice: Int) -> ForecastLine {
        ForecastLine(exercice: exercice, cost: .free(FreeCost(label: "Financement : \(source)", ae: amount, cp: amount)))
    }
}
