/// The amounts of the circuit for one product (or all) and one exercice.
public struct ExecutionFigures: Sendable, Equatable {
    public var amounts: [AmountKind: Money] = [:]

    public init(amounts: [AmountKind: Money] = [:]) { self.amounts = amounts }

    public subscript(kind: AmountKind) -> Money { amounts[kind] ?? .zero }
    public var engaged: Money { self[.engage] }
    public var paid: Money { self[.paye] }
    /// What is engaged and not paid yet; never negative.
    public var resteAPayer: Money { engaged > paid ? engaged - paid : .zero }

    public mutating func add(_ other: ExecutionFigures) {
        for (kind, amount) in other.amounts { amounts[kind, default: .zero] += amount }
    }
}

/// An EJ linked to a product, with what the circuit says of it.
public struct LinkedEJ: Sendable {
    public var overview: EJOverview
    public var method: LinkMethod
    /// Amounts by exercice and kind; paid amounts come from the payments of the EJ.
    public var byExercice: [Int: [AmountKind: Money]]
    /// The latest service fait recorded, when Chorus gives its date.
    public var lastServiceFait: LocalDate?
    /// Payments with the date of their last operation.
    public var payments: [(date: LocalDate?, amount: Money)]

    public init(overview: EJOverview, method: LinkMethod, byExercice: [Int: [AmountKind: Money]],
                lastServiceFait: LocalDate?, payments: [(date: LocalDate?, amount: Money)]) {
        self.overview = overview
        self.method = method
        self.byExercice = byExercice
        self.lastServiceFait = lastServiceFait
        self.payments = payments
    }
}

/// Something a team, its sponsor or the budget office should look at.
public struct BudgetAlert: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case engagedOverForecast = "engage_au_dela_du_previsionnel"
        case engagedOverAllocation = "engage_au_dela_de_l_allocation"
        case serviceFaitWaiting = "service_fait_en_attente"
        case latePayment = "paiement_en_retard"
        case aeNotEngaged = "ae_non_engagees_fin_de_gestion"

        public var french: String {
            switch self {
            case .engagedOverForecast: "Engagé au-delà du prévisionnel"
            case .engagedOverAllocation: "Engagé au-delà de l'allocation"
            case .serviceFaitWaiting: "Service fait en attente de paiement"
            case .latePayment: "Paiement en retard"
            case .aeNotEngaged: "AE non engagées en fin de gestion"
            }
        }
    }

    public var kind: Kind
    public var ej: String?
    public var amount: Money
    public var message: String
}

/// One product's year: allocation, forecast, execution, what is left and what needs attention.
public struct ProductYear: Sendable {
    public var product: Product
    public var exercice: Int
    public var budget: ProductBudget?
    public var forecast: [ForecastLine]
    public var linked: [LinkedEJ]
    public var execution: ExecutionFigures
    /// CP paid by month (1…12) of the exercice, from the payments' dates.
    public var monthlyPaid: [Int: Money]
    public var alerts: [BudgetAlert]

    public var forecastAE: Money { forecast.reduce(.zero) { $0 + $1.ae } }
    public var forecastCP: Money { forecast.reduce(.zero) { $0 + $1.cp } }
    public var allocatedAE: Money { budget?.allocatedAE ?? .zero }
    public var allocatedCP: Money { budget?.allocatedCP ?? .zero }
    /// Allocation not yet engaged (negative when engaged beyond it).
    public var remainingAE: Money { allocatedAE - execution.engaged }
    public var remainingCP: Money { allocatedCP - execution.paid }
}

public enum BudgetExecution {
    /// From one month before the year ends, AE forecast and not engaged are at risk (fin de gestion).
    static let yearEndWarningMonth = 11

    public static func year(_ exercice: Int, of product: Product, budget: ProductBudget?, forecast: [ForecastLine],
                            linked: [LinkedEJ], asOf today: LocalDate) -> ProductYear {
        var execution = ExecutionFigures()
        var monthly: [Int: Money] = [:]
        for ej in linked {
            execution.add(ExecutionFigures(amounts: ej.byExercice[exercice] ?? [:]))
            for payment in ej.payments {
                guard let date = payment.date, date.year == exercice else { continue }
                monthly[date.month, default: .zero] += payment.amount
            }
        }
        let yearForecast = forecast.filter { $0.exercice == exercice }
        var year = ProductYear(product: product, exercice: exercice, budget: budget, forecast: yearForecast,
                               linked: linked, execution: execution, monthlyPaid: monthly, alerts: [])
        year.alerts = alerts(for: year, asOf: today)
        return year
    }

    static func alerts(for year: ProductYear, asOf today: LocalDate) -> [BudgetAlert] {
        var alerts: [BudgetAlert] = []
        let engaged = year.execution.engaged
        if year.forecastAE.cents > 0, engaged > year.forecastAE {
            let over = engaged - year.forecastAE
            alerts.append(BudgetAlert(kind: .engagedOverForecast, ej: nil, amount: over,
                                      message: "Engagé \(engaged.french) pour un prévisionnel de \(year.forecastAE.french) : \(over.french) au-delà."))
        }
        if year.budget != nil, engaged > year.allocatedAE {
            let over = engaged - year.allocatedAE
            alerts.append(BudgetAlert(kind: .engagedOverAllocation, ej: nil, amount: over,
                                      message: "Engagé \(engaged.french) pour une allocation de \(year.allocatedAE.french) en AE : \(over.french) au-delà."))
        }
        for ej in year.linked {
            alerts += circuitAlerts(ej, asOf: today)
        }
        if let yearEnds = LocalDate(year: year.exercice, month: yearEndWarningMonth, day: 1), today >= yearEnds,
           year.forecastAE > engaged {
            let left = year.forecastAE - engaged
            alerts.append(BudgetAlert(kind: .aeNotEngaged, ej: nil, amount: left,
                                      message: "\(left.french) d'AE prévues ne sont pas engagées : l'exercice \(year.exercice) se termine, engager avant la fin de gestion ou reporter au prévisionnel suivant."))
        }
        return alerts
    }

    /// Services faits certified beyond what is paid: waiting for payment, late once the délai global de paiement (30 days) has passed.
    static func circuitAlerts(_ ej: LinkedEJ, asOf today: LocalDate) -> [BudgetAlert] {
        let circuit = ej.overview.circuit
        guard circuit.received > circuit.paid, let since = ej.lastServiceFait else { return [] }
        let waiting = circuit.received - circuit.paid
        let days = today.daysSinceEpoch - since.daysSinceEpoch
        if days > LatePayment.deadlineDays {
            return [BudgetAlert(kind: .latePayment, ej: ej.overview.ej, amount: waiting,
                                message: "Service fait le \(FrenchFormat.date(since)), non payé après \(days) jours (délai global de paiement : \(LatePayment.deadlineDays) jours) : des intérêts moratoires courent.")]
        }
        return [BudgetAlert(kind: .serviceFaitWaiting, ej: ej.overview.ej, amount: waiting,
                            message: "Service fait le \(FrenchFormat.date(since)), en attente de paiement depuis \(days) jours.")]
    }
}
