import EclaireCore
import Vapor

/// A product in `/api/v1/products`.
public struct ProductDTO: Content, Equatable {
    public let id: Int
    public let name: String
    public let team: String
    public let sponsor: String
    public let programme: String?
    public let centreFinancier: String?
    public let centreCouts: String?

    enum CodingKeys: String, CodingKey {
        case id, name, team, sponsor, programme
        case centreFinancier = "centre_financier", centreCouts = "centre_couts"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(team, forKey: .team)
        try container.encode(sponsor, forKey: .sponsor)
        try container.encode(programme, forKey: .programme)
        try container.encode(centreFinancier, forKey: .centreFinancier)
        try container.encode(centreCouts, forKey: .centreCouts)
    }

    public init(_ product: Product) {
        id = product.id
        name = product.name
        team = product.team
        sponsor = product.sponsor
        programme = product.programme
        centreFinancier = product.centreFinancier
        centreCouts = product.centreCouts
    }
}

/// A product's year: allocation, forecast, execution by amount type, what is left, the alerts and linked EJs.
public struct ProductYearDTO: Content {
    public let product: ProductDTO
    public let exercice: Int
    public let allocatedAE: Double
    public let allocatedCP: Double
    public let fundings: [FundingDTO]
    public let forecastAE: Double
    public let forecastCP: Double
    /// Keys are the amount types (`engage`, `receptionne`, `certifie_non_solde`, `pre_enregistre`, `facture`, `paye`).
    public let execution: [String: Double]
    public let resteAPayer: Double
    public let remainingAE: Double
    public let remainingCP: Double
    /// Months `1`…`12` with the CP paid in each.
    public let monthlyPaid: [String: Double]
    public let alerts: [AlertDTO]
    public let ejs: [LinkedEJDTO]

    enum CodingKeys: String, CodingKey {
        case product, exercice, fundings, execution, alerts, ejs
        case allocatedAE = "allocated_ae", allocatedCP = "allocated_cp", forecastAE = "forecast_ae"
        case forecastCP = "forecast_cp", resteAPayer = "reste_a_payer", remainingAE = "remaining_ae"
        case remainingCP = "remaining_cp", monthlyPaid = "monthly_paid"
    }

    public init(_ year: ProductYear) {
        product = ProductDTO(year.product)
        exercice = year.exercice
        allocatedAE = year.allocatedAE.euros
        allocatedCP = year.allocatedCP.euros
        fundings = (year.budget?.fundings ?? []).map { FundingDTO(source: $0.source, amount: $0.amount.euros) }
        forecastAE = year.forecastAE.euros
        forecastCP = year.forecastCP.euros
        execution = Dictionary(uniqueKeysWithValues: AmountKind.allCases.map { ($0.rawValue, year.execution[$0].euros) })
        resteAPayer = year.execution.resteAPayer.euros
        remainingAE = year.remainingAE.euros
        remainingCP = year.remainingCP.euros
        monthlyPaid = Dictionary(uniqueKeysWithValues: (1...12).map { (String($0), (year.monthlyPaid[$0] ?? .zero).euros) })
        alerts = year.alerts.map(AlertDTO.init)
        ejs = year.linked.map(LinkedEJDTO.init)
    }
}

public struct FundingDTO: Content, Equatable {
    public let source: String
    public let amount: Double
}

public struct AlertDTO: Content, Equatable {
    public let kind: String
    public let ej: String?
    public let amount: Double
    public let message: String

    public init(_ alert: BudgetAlert) {
        kind = alert.kind.rawValue
        ej = alert.ej
        amount = alert.amount.euros
        message = alert.message
    }

    enum CodingKeys: String, CodingKey { case kind, ej, amount, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(ej, forKey: .ej)
        try container.encode(amount, forKey: .amount)
        try container.encode(message, forKey: .message)
    }
}

public struct LinkedEJDTO: Content, Equatable {
    public let ej: String
    public let linkMethod: String
    public let ae: Double
    public let cp: Double
    public let stage: String

    enum CodingKeys: String, CodingKey {
        case ej, ae, cp, stage
        case linkMethod = "link_method"
    }

    public init(_ linked: LinkedEJ) {
        ej = linked.overview.ej
        linkMethod = linked.method.rawValue
        ae = linked.overview.ae.euros
        cp = linked.overview.cp.euros
        stage = linked.overview.stage.rawValue
    }
}

/// The portfolio: every product's year and the totals.
public struct PortfolioDTO: Content {
    public let exercice: Int
    public let products: [ProductYearDTO]
    public let totals: [String: Double]
    public let unlinkedEJCount: Int

    enum CodingKeys: String, CodingKey {
        case exercice, products, totals
        case unlinkedEJCount = "unlinked_ej_count"
    }

    public init(_ portfolio: Portfolio) {
        exercice = portfolio.exercice
        products = portfolio.years.map(ProductYearDTO.init)
        let execution = portfolio.execution
        totals = ["allocated_ae": portfolio.allocatedAE.euros, "allocated_cp": portfolio.allocatedCP.euros,
                  "forecast_ae": portfolio.forecastAE.euros, "forecast_cp": portfolio.forecastCP.euros,
                  "engage": execution.engaged.euros, "paye": execution.paid.euros,
                  "reste_a_payer": execution.resteAPayer.euros, "remaining_ae": portfolio.remainingAE.euros]
        unlinkedEJCount = portfolio.unlinkedEJCount
    }
}

public struct SuggestionDTO: Content, Equatable {
    public let ej: String
    public let productID: Int
    public let score: Double
    public let reasons: [String]

    enum CodingKeys: String, CodingKey {
        case ej, score, reasons
        case productID = "product_id"
    }

    public init(_ suggestion: LinkSuggestion) {
        ej = suggestion.ej
        productID = suggestion.productID
        score = suggestion.score
        reasons = suggestion.reasons
    }
}

/// One Chorus line of a product's EJ next to the team's figure, with the budget office's verdict.
public struct ReconciledLineDTO: Content, Equatable {
    public let ej: String
    public let kind: String
    public let exercice: Int
    public let serviceFait: String?
    public let chorusAmount: Double
    public let teamAmount: Double?
    public let verdict: String
    public let ok: Bool

    enum CodingKeys: String, CodingKey {
        case ej, kind, exercice, verdict, ok
        case serviceFait = "service_fait", chorusAmount = "chorus_amount", teamAmount = "team_amount"
    }

    public init(_ line: ReconciledLine) {
        ej = line.ej
        kind = line.kind.rawValue
        exercice = line.exercice
        serviceFait = line.serviceFait
        chorusAmount = line.chorusAmount.euros
        teamAmount = line.teamAmount?.euros
        verdict = line.verdict.label
        ok = line.verdict.isOK
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ej, forKey: .ej)
        try container.encode(kind, forKey: .kind)
        try container.encode(exercice, forKey: .exercice)
        try container.encode(serviceFait, forKey: .serviceFait)
        try container.encode(chorusAmount, forKey: .chorusAmount)
        try container.encode(teamAmount, forKey: .teamAmount)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(ok, forKey: .ok)
    }
}

/// A month of a contract's consumption with its split across purchase orders.
public struct ConsumptionDTO: Content, Equatable {
    public let id: Int
    public let contract: String
    public let year: Int
    public let month: Int
    public let days: Double
    public let dayRate: Double
    public let otherCosts: Double
    public let total: Double
    public let status: String
    public let shares: [ConsumptionShareDTO]
    public let unallocated: Double

    enum CodingKeys: String, CodingKey {
        case id, contract, year, month, days, total, status, shares, unallocated
        case dayRate = "day_rate", otherCosts = "other_costs"
    }

    public init(_ consumption: MonthlyConsumption) {
        id = consumption.id ?? 0
        contract = consumption.contract
        year = consumption.year
        month = consumption.month
        days = Double(consumption.daysHundredths) / 100
        dayRate = consumption.dayRate.euros
        otherCosts = consumption.otherCosts.euros
        total = consumption.total.euros
        status = consumption.status.rawValue
        shares = consumption.shares.map { ConsumptionShareDTO(ej: $0.ej, amount: $0.amount.euros) }
        unallocated = consumption.unallocated.euros
    }
}

public struct ConsumptionShareDTO: Content, Equatable {
    public let ej: String
    public let amount: Double
}

/// A forecast line: a person or contract for one month (TJM × days + other costs), or a free line.
public struct ForecastLineDTO: Content, Equatable {
    public let id: Int
    public let exercice: Int
    public let kind: String
    public let label: String
    public let person: String?
    public let contract: String?
    public let month: Int?
    public let dayRate: Double?
    public let days: Double?
    public let otherCosts: Double?
    public let ae: Double
    public let cp: Double
    public let cpFromPriorAE: Double?

    enum CodingKeys: String, CodingKey {
        case id, exercice, kind, label, person, contract, month, days, ae, cp
        case dayRate = "day_rate", otherCosts = "other_costs", cpFromPriorAE = "cp_from_prior_ae"
    }

    public init(_ line: ForecastLine) {
        id = line.id ?? 0
        exercice = line.exercice
        label = line.label
        ae = line.ae.euros
        cp = line.cp.euros
        switch line.cost {
        case .staffing(let staffing):
            kind = "staffing"
            person = staffing.person
            contract = staffing.contract
            month = staffing.month
            dayRate = staffing.dayRate.euros
            days = Double(staffing.daysHundredths) / 100
            otherCosts = staffing.otherCosts.euros
            cpFromPriorAE = nil
        case .free(let free):
            kind = "free"
            (person, contract, month, dayRate, days, otherCosts) = (nil, nil, nil, nil, nil, nil)
            cpFromPriorAE = free.cpFromPriorAE.euros
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(exercice, forKey: .exercice)
        try container.encode(kind, forKey: .kind)
        try container.encode(label, forKey: .label)
        try container.encode(person, forKey: .person)
        try container.encode(contract, forKey: .contract)
        try container.encode(month, forKey: .month)
        try container.encode(dayRate, forKey: .dayRate)
        try container.encode(days, forKey: .days)
        try container.encode(otherCosts, forKey: .otherCosts)
        try container.encode(ae, forKey: .ae)
        try container.encode(cp, forKey: .cp)
        try container.encode(cpFromPriorAE, forKey: .cpFromPriorAE)
    }
}

/// One change of the audit log.
public struct AuditEntryDTO: Content, Equatable {
    public let at: String
    public let actor: String
    public let entity: String
    public let entityID: String?
    public let action: String
    public let before: String?
    public let after: String?

    enum CodingKeys: String, CodingKey {
        case at, actor, entity, action, before, after
        case entityID = "entity_id"
    }

    public init(_ entry: AuditEntry) {
        at = entry.at
        actor = entry.actor
        entity = entry.entity
        entityID = entry.entityID
        action = entry.action
        before = entry.before
        after = entry.after
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(entity, forKey: .entity)
        try container.encode(entityID, forKey: .entityID)
        try container.encode(action, forKey: .action)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
    }
}
