import EclaireCore
import Foundation

/// One product's line in the portfolio table.
struct ProductRowView: Encodable {
    let id: Int
    let name: String
    let team: String
    let sponsor: String
    let programme: String
    let allocatedAE: String
    let forecastAE: String
    let engaged: String
    let paid: String
    let reste: String
    let remainingAE: String
    let overAllocation: Bool
    let alertCount: Int

    init(_ year: ProductYear) {
        id = year.product.id
        name = year.product.name
        team = year.product.team
        sponsor = year.product.sponsor
        programme = year.product.programme ?? "—"
        allocatedAE = year.allocatedAE.french
        forecastAE = year.forecastAE.french
        engaged = year.execution.engaged.french
        paid = year.execution.paid.french
        reste = year.execution.resteAPayer.french
        remainingAE = year.remainingAE.french
        overAllocation = year.remainingAE.cents < 0
        alertCount = year.alerts.count
    }
}

struct AlertView: Encodable {
    let product: String
    let productID: Int
    let kind: String
    let ej: String?
    let amount: String
    let message: String

    init(_ alert: BudgetAlert, product: Product) {
        self.product = product.name
        productID = product.id
        kind = alert.kind.french
        ej = alert.ej
        amount = alert.amount.french
        message = alert.message
    }
}

struct FilterOption: Encodable {
    let value: String
    let label: String
    let selected: Bool
}

struct PortfolioPage: Encodable {
    let title = "Portefeuille des produits"
    let exercice: Int
    let exercices: [FilterOption]
    let programmes: [FilterOption]
    let sponsors: [FilterOption]
    let rows: [ProductRowView]
    let totals: [String: String]
    let unlinked: String
    let alerts: [AlertView]
    let burnChart: String
    let executionChart: String
    let canManage: Bool

    init(_ portfolio: Portfolio, exercices: [Int], products: [Product], programme: String?, sponsor: String?,
         canManage: Bool) {
        self.canManage = canManage
        exercice = portfolio.exercice
        self.exercices = exercices.map { FilterOption(value: String($0), label: String($0), selected: $0 == portfolio.exercice) }
        programmes = Set(products.compactMap(\.programme)).sorted().map {
            FilterOption(value: $0, label: "programme \($0)", selected: $0 == programme)
        }
        sponsors = Set(products.map(\.sponsor)).sorted().map { FilterOption(value: $0, label: $0, selected: $0 == sponsor) }
        rows = portfolio.years.map(ProductRowView.init)
        let execution = portfolio.execution
        totals = [
            "allocatedAE": portfolio.allocatedAE.french, "forecastAE": portfolio.forecastAE.french,
            "engaged": execution.engaged.french, "paid": execution.paid.french,
            "reste": execution.resteAPayer.french, "remainingAE": portfolio.remainingAE.french,
        ]
        unlinked = FrenchFormat.integer(portfolio.unlinkedEJCount)
        alerts = portfolio.years.flatMap { year in year.alerts.map { AlertView($0, product: year.product) } }
        burnChart = SVGChart.monthly(portfolio.monthlyPaid, title: "Paiements par mois, \(portfolio.exercice)")
        executionChart = SVGChart.bars(
            labels: portfolio.years.map(\.product.name),
            series: [.init(name: "Alloué (AE)", cssClass: "s-alloue", values: portfolio.years.map(\.allocatedAE)),
                     .init(name: "Prévu (AE)", cssClass: "s-prevu", values: portfolio.years.map(\.forecastAE)),
                     .init(name: "Engagé", cssClass: "s-engage", values: portfolio.years.map(\.execution.engaged)),
                     .init(name: "Payé", cssClass: "s-paye", values: portfolio.years.map(\.execution.paid))],
            title: "Alloué, prévu, engagé et payé par produit")
    }
}

/// An order of the product: the EJ list's row and how it was linked.
struct LinkedEJView: Encodable {
    let order: EJRowView
    let method: String

    init(_ linked: LinkedEJ) {
        order = EJRowView(linked.overview)
        method = linked.method.french
    }
}

struct ForecastLineView: Encodable {
    let id: Int
    let label: String
    let detail: String
    let ae: String
    let cp: String

    init(_ line: ForecastLine) {
        id = line.id ?? 0
        label = line.label
        switch line.cost {
        case .staffing(let staffing):
            detail = "\(staffing.dayRate.french) × \(FrenchFormat.hundredths(staffing.daysHundredths)) j"
                + (staffing.otherCosts.isZero ? "" : " + \(staffing.otherCosts.french)")
        case .free(let free):
            detail = free.cpFromPriorAE.isZero ? "ligne libre" : "dont \(free.cpFromPriorAE.french) de CP sur AE antérieures"
        }
        ae = line.ae.french
        cp = line.cp.french
    }
}

struct AuditView: Encodable {
    let at: String
    let actor: String
    let action: String
    let before: String
    let after: String

    init(_ entry: AuditEntry) {
        at = FrenchFormat.timestamp(iso: entry.at)
        actor = entry.actor
        action = AuditView.actions[entry.entity + "." + entry.action] ?? "\(entry.entity) : \(entry.action)"
        before = entry.before ?? "—"
        after = entry.after ?? "—"
    }

    static let actions = [
        "product.create": "Produit créé", "budget.create": "Allocation fixée", "budget.update": "Allocation modifiée",
        "funding.create": "Financement ajouté", "forecast_line.create": "Ligne prévisionnelle ajoutée",
        "forecast_line.delete": "Ligne prévisionnelle supprimée", "forecast_line.duplicate": "Prévisionnel dupliqué",
        "ej_link.link": "EJ rattaché", "team_order.create": "Montant de BC saisi", "team_order.update": "Montant de BC corrigé",
        "team_service_fait.create": "Service fait saisi", "consumption.create": "Consommation saisie",
        "consumption.update": "Consommation modifiée", "consumption.split": "Consommation découpée", "ej_link.unlink": "EJ détaché", "link_rule.create": "Règle de rattachement ajoutée",
    ]
}

struct ReconciledLineView: Encodable {
    let ej: String
    private(set) var kind: String
    let exercice: Int
    let serviceFait: String
    private(set) var chorus: String
    let team: String
    let verdict: String
    let status: String
    /// "commande" for the row of an order split over several lines, "ligne" for those lines beneath it.
    let level: String

    init(_ line: ReconciledLine, level: String = "") {
        ej = line.ej
        kind = level == "ligne" ? "ligne du bon de commande" : line.kind.frenchLabel
        exercice = line.exercice
        serviceFait = line.serviceFait ?? "—"
        chorus = line.chorusAmount.french
        team = level == "ligne" ? "" : line.teamAmount?.french ?? "—"
        verdict = level == "ligne" ? "" : line.verdict.label
        status = line.verdict.isOK ? "ok" : (line.verdict == .aRapprocher ? "attente" : "ko")
        self.level = level
    }

    /// The order's row, its lines' total against the team's AE, with the verdict its lines share.
    init(order lines: [ReconciledLine]) {
        self.init(lines[0], level: "commande")
        kind = "bon de commande en \(lines.count) lignes"
        chorus = lines.map(\.chorusAmount).reduce(.zero, +).french
    }

    /// The lines as shown: an order engaged in several lines of a year gets its own row, its verdict, and its
    /// lines beneath it (without a verdict of their own, which would read as each line's gap).
    static func rows(_ lines: [ReconciledLine]) -> [ReconciledLineView] {
        let splits = Dictionary(grouping: lines.filter { $0.kind == .engage }, by: { "\($0.ej)|\($0.exercice)" })
            .filter { $0.value.count > 1 }
        var shown = Set<String>()
        var rows: [ReconciledLineView] = []
        for line in lines {
            let key = "\(line.ej)|\(line.exercice)"
            guard line.kind == .engage, let order = splits[key] else { rows.append(ReconciledLineView(line)); continue }
            guard shown.insert(key).inserted else { continue }
            rows.append(ReconciledLineView(order: order))
            rows += order.map { ReconciledLineView($0, level: "ligne") }
        }
        return rows
    }
}

struct ConsumptionView: Encodable {
    let id: Int
    let month: String
    let contract: String
    let days: String
    let dayRate: String
    let otherCosts: String
    let total: String
    let status: String
    let isEstimate: Bool
    let split: String
    let unallocated: String?

    init(_ consumption: MonthlyConsumption) {
        id = consumption.id ?? 0
        month = "\(FrenchFormat.monthName(consumption.month)) \(consumption.year)"
        contract = consumption.contract
        days = FrenchFormat.hundredths(consumption.daysHundredths)
        dayRate = consumption.dayRate.french
        otherCosts = consumption.otherCosts.french
        total = consumption.total.french
        status = consumption.status.french
        isEstimate = consumption.status == .estimate
        split = consumption.shares.isEmpty ? "—" : consumption.shares.map { "EJ \($0.ej) : \($0.amount.french)" }
            .joined(separator: " ; ")
        unallocated = consumption.unallocated.isZero || consumption.shares.isEmpty ? nil : consumption.unallocated.french
    }
}

struct ProductHeaderView: Encodable {
    let id: Int
    let name: String
    let team: String
    let sponsor: String
    let imputation: String

    init(_ product: Product) {
        id = product.id
        name = product.name
        team = product.team
        sponsor = product.sponsor
        imputation = [product.programme.map { "programme \($0)" }, product.centreFinancier.map { "centre financier \($0)" },
                      product.centreCouts.map { "centre de coûts \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

struct ProductPage: Encodable {
    let title: String
    let product: ProductHeaderView
    let exercice: Int
    let exercices: [FilterOption]
    let figures: [String: String]
    let execution: [FilterOption]
    let fundings: [FilterOption]
    let alerts: [AlertView]
    let linked: [LinkedEJView]
    let forecast: [ForecastLineView]
    let audit: [AuditView]
    /// « les 20 dernières sur 63 », when the history is cut; empty when it is shown whole.
    let auditCut: String
    let chart: String
    let burnChart: String
    /// Whether the forms (link, unlink, forecast) are shown.
    let canEdit: Bool
    let months: [FilterOption]
    let reconciliation: [ReconciledLineView]
    let reconciliationSummary: String
    let consumptions: [ConsumptionView]
    let canManage: Bool
    let nextExercice: Int

    /// The product's orders' own anomalies (badges at the top of the page).
    let anomalies: [AnomalyLineView]
    /// A form just refused: which one, why, and what was typed in it.
    let refused: RefusedForm?

    /// The latest changes shown unless the whole history is asked for.
    static let auditShown = 20

    init(refused: RefusedForm? = nil, _ year: ProductYear, exercices: [Int], audit: [AuditEntry], wholeHistory: Bool = false,
         canEdit: Bool, canManage: Bool, reconciliation: [ReconciledLine], consumptions: [MonthlyConsumption],
         anomalies: [AnomalyLineView] = []) {
        self.refused = refused
        self.anomalies = anomalies
        self.canEdit = canEdit
        self.canManage = canManage
        nextExercice = year.exercice + 1
        self.consumptions = consumptions.filter { $0.year == year.exercice }.map(ConsumptionView.init)
        self.reconciliation = ReconciledLineView.rows(reconciliation)
        let ok = reconciliation.filter(\.verdict.isOK).count
        let waiting = reconciliation.filter { $0.verdict == .aRapprocher }.count
        reconciliationSummary = "\(ok) ligne\(ok > 1 ? "s" : "") OK, \(reconciliation.count - ok - waiting) KO, "
            + "\(waiting) sans chiffre de l'équipe"
        months = (1...12).map { FilterOption(value: String($0), label: FrenchFormat.monthName($0), selected: false) }
        title = year.product.name
        product = ProductHeaderView(year.product)
        exercice = year.exercice
        self.exercices = exercices.map { FilterOption(value: String($0), label: String($0), selected: $0 == year.exercice) }
        figures = [
            "allocatedAE": year.allocatedAE.french, "allocatedCP": year.allocatedCP.french,
            "forecastAE": year.forecastAE.french, "forecastCP": year.forecastCP.french,
            "remainingAE": year.remainingAE.french, "remainingCP": year.remainingCP.french,
            "reste": year.execution.resteAPayer.french,
        ]
        execution = AmountKind.allCases.map {
            FilterOption(value: year.execution[$0].french, label: $0.frenchLabel, selected: false)
        }
        fundings = (year.budget?.fundings ?? []).map { FilterOption(value: $0.amount.french, label: $0.source, selected: false) }
        alerts = year.alerts.map { AlertView($0, product: year.product) }
        linked = year.linked.map(LinkedEJView.init)
        forecast = year.forecast.map(ForecastLineView.init)
        let cut = !wholeHistory && audit.count > Self.auditShown
        self.audit = (cut ? Array(audit.prefix(Self.auditShown)) : audit).map(AuditView.init)
        auditCut = cut ? "les \(Self.auditShown) dernières sur \(FrenchFormat.integer(audit.count))" : ""
        chart = SVGChart.bars(
            labels: ["AE", "CP"],
            series: [.init(name: "Alloué", cssClass: "s-alloue", values: [year.allocatedAE, year.allocatedCP]),
                     .init(name: "Prévu", cssClass: "s-prevu", values: [year.forecastAE, year.forecastCP]),
                     .init(name: "Consommé", cssClass: "s-engage", values: [year.execution.engaged, year.execution.paid])],
            title: "Alloué, prévu et consommé en AE et en CP", width: 480, height: 220)
        burnChart = SVGChart.monthly(year.monthlyPaid, title: "Paiements par mois, \(year.exercice)")
    }
}

struct SuggestionView: Encodable {
    let ej: String
    let supplier: String
    let ae: String
    let product: String
    let productID: Int
    let score: String
    let reasons: [String]
    let canAccept: Bool
}

struct SuggestionsPage: Encodable {
    let title = "Rapprochement des EJ non rattachés"
    let suggestions: [SuggestionView]
    let unlinked: String
    /// How many proposals in all (the page shows 50 at a time), and whether they are those of some products only.
    let proposed: String
    let readsSome: Bool
    let pager: PagerView
}

/// An anomaly in a list of a page: the EJ it is about and what is wrong.
struct AnomalyLineView: Encodable {
    let ej: String
    let text: String
}
