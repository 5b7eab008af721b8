import EclaireCore
import Foundation
import SQLKit
import Storage
import Vapor

/// The product teams' pages: the portfolio, one product's year, the suggestions for unlinked EJs.
struct BudgetPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("produits", use: portfolio)
        routes.get("produits", ":id", use: product)
        routes.get("rapprochement", use: suggestions)
    }

    func portfolio(request: Request) async throws -> View {
        let context = try BudgetContext(request)
        let filter = try request.query.decode(PortfolioFilter.self)
        let exercice = try await context.exercice(filter.exercice)
        let portfolio = try await context.portfolio(request, exercice: exercice, filter: filter)
        return try await request.view.render("portfolio", PortfolioPage(
            portfolio, exercices: try await context.exercices(including: exercice),
            products: try await context.readableProducts(), programme: filter.programme.nonEmpty,
            sponsor: filter.sponsor.nonEmpty, canManage: context.access.manageProducts))
    }

    func product(request: Request) async throws -> View {
        let context = try BudgetContext(request)
        let id = try context.productID(request)
        let exercice = try await context.exercice(try request.query.get(Int?.self, at: "exercice"))
        let year = try await context.queries.productYear(id, exercice: exercice, asOf: .today)
        let anomalies = try await request.anomalies(involving: year.linked.map(\.overview.ej)).filter { $0.dismissal == nil }
        var refused: RefusedForm?
        if let ticket = try? request.query.get(String.self, at: "formulaire") {
            refused = await request.application.formFlash.take(ticket, for: context.user.login)
        }
        return try await request.view.render("product", ProductPage(
            refused: refused,
            year, exercices: try await context.exercices(including: exercice),
            audit: try await context.store.audit(productID: id),
            wholeHistory: (try? request.query.get(String.self, at: "journal")) == "tout", canEdit: context.access.product(id, .change),
            canManage: context.access.manageProducts,
            reconciliation: try await context.queries.reconciliation(productID: id),
            consumptions: try await context.store.consumptions(productID: id),
            anomalies: anomalies.map { AnomalyLineView(ej: $0.anomaly.ejs.first ?? "", text: "\($0.anomaly.kind.label) : \($0.anomaly.explanation)") }))
    }

    func suggestions(request: Request) async throws -> View {
        let context = try BudgetContext(request)
        let products = Dictionary(uniqueKeysWithValues: try await context.readableProducts().map { ($0.id, $0) })
        let suggestions = try await request.linkSuggestions().filter { products[$0.productID] != nil }
        let page = try request.query.decode(PageQuery.self).validated()
        let shown = Array(suggestions.dropFirst(page.offset).prefix(page.limit))
        let overviews = Dictionary(uniqueKeysWithValues: try await ChorusQueries(sql: context.store.sqlDatabase)
            .overviews(of: shown.map(\.ej)).map { ($0.ej, $0) })
        let views = shown.compactMap { suggestion -> SuggestionView? in
            guard let product = products[suggestion.productID], let overview = overviews[suggestion.ej] else { return nil }
            return SuggestionView(ej: suggestion.ej, supplier: overview.supplier.name ?? "—", ae: overview.ae.french,
                                  product: product.name, productID: product.id,
                                  score: "\(Int((suggestion.score * 100).rounded())) %", reasons: suggestion.reasons,
                                  canAccept: context.access.product(product.id, .change))
        }
        return try await request.view.render("suggestions", SuggestionsPage(
            suggestions: views, unlinked: FrenchFormat.integer(try await request.unlinkedEJCount()),
            proposed: FrenchFormat.integer(suggestions.count), readsSome: context.readable != nil,
            pager: PagerView(path: "/rapprochement", offset: page.offset, limit: page.limit, total: suggestions.count)))
    }
}

struct PortfolioFilter: Content {
    var exercice: Int?
    var programme: String?
    var sponsor: String?
}

/// What the budget pages and API share for one request.
struct BudgetContext {
    let user: User
    let access: AccessPolicy
    let store: BudgetStore
    let queries: BudgetQueries

    init(_ request: Request) throws {
        user = try request.user
        access = AccessPolicy(user)
        store = BudgetStore(database: request.db, actor: user.login)
        queries = BudgetQueries(store: store)
    }

    /// The products the caller may read; nil when they read everything.
    var readable: Set<Int>? { access.productLimit }

    /// The product of the route, which must exist and be readable: otherwise the same 404 either way.
    func productID(_ request: Request) throws -> Int {
        let text = request.parameters.get("id") ?? ""
        guard let id = Int(text), access.product(id, .read) else {
            throw Abort(.notFound, reason: BudgetError.unknownProduct(text).description)
        }
        return id
    }

    /// The exercice asked for, else the latest one with budget data up to this year, else this year.
    func exercice(_ asked: Int?) async throws -> Int {
        if let asked { return try Self.valid(exercice: asked) }
        let thisYear = LocalDate.today.year
        return try await queries.exercices().last { $0 <= thisYear } ?? thisYear
    }

    /// Every exercice a page, a form or the API receives: a year the State's accounts can have, so that no
    /// arithmetic on it (the next year of a duplication) can overflow.
    static func valid(exercice: Int, field: String = "exercice") throws -> Int {
        guard (1900...2999).contains(exercice) else { throw Abort(.badRequest, reason: "\(field) invalide : \(exercice) (année attendue)") }
        return exercice
    }

    /// The portfolio of the products the caller reads (`PortfolioCache`).
    func portfolio(_ request: Request, exercice: Int, filter: PortfolioFilter) async throws -> Portfolio {
        let (programme, sponsor, readable, queries) = (filter.programme.nonEmpty, filter.sponsor.nonEmpty, readable, queries)
        let key = [String(exercice), programme ?? "", sponsor ?? "", readable.map { $0.sorted().map(String.init).joined(separator: ",") } ?? "*",
                   LocalDate.today.iso, String(try await store.version())].joined(separator: "|")
        return try await request.application.portfolioCache.value(for: key, generation: try await request.importGeneration()) {
            try await queries.portfolio(exercice: exercice, asOf: .today, programme: programme, sponsor: sponsor, readable: readable)
        }
    }

    func readableProducts() async throws -> [Product] {
        try await store.products().filter { access.product($0.id, .read) }
    }

    func exercices(including exercice: Int) async throws -> [Int] {
        Array(Set(try await queries.exercices() + [exercice])).sorted()
    }
}



extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
}
