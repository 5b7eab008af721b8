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
        let context = try await BudgetContext(request)
        let filter = try request.query.decode(PortfolioFilter.self)
        let exercice = try await context.exercice(filter.exercice)
        let portfolio = try await context.queries.portfolio(
            exercice: exercice, asOf: .today, programme: filter.programme.nonEmpty, sponsor: filter.sponsor.nonEmpty)
        return try await request.view.render("portfolio", PortfolioPage(
            portfolio, exercices: try await context.exercices(including: exercice),
            products: try await context.store.products(), programme: filter.programme.nonEmpty,
            sponsor: filter.sponsor.nonEmpty))
    }

    func product(request: Request) async throws -> View {
        let context = try await BudgetContext(request)
        let id = try context.productID(request)
        let exercice = try await context.exercice(try request.query.get(Int?.self, at: "exercice"))
        let year = try await context.queries.productYear(id, exercice: exercice, asOf: .today)
        return try await request.view.render("product", ProductPage(
            year, exercices: try await context.exercices(including: exercice),
            audit: try await context.store.audit(productID: id)))
    }

    func suggestions(request: Request) async throws -> View {
        let context = try await BudgetContext(request)
        let products = Dictionary(uniqueKeysWithValues: try await context.store.products().map { ($0.id, $0) })
        let suggestions = try await context.queries.suggestions()
        let overviews = Dictionary(uniqueKeysWithValues: try await ChorusQueries(sql: context.store.sqlDatabase)
            .overviews(of: suggestions.map(\.ej)).map { ($0.ej, $0) })
        let views = suggestions.compactMap { suggestion -> SuggestionView? in
            guard let product = products[suggestion.productID], let overview = overviews[suggestion.ej] else { return nil }
            return SuggestionView(ej: suggestion.ej, supplier: overview.supplier.name ?? "—", ae: overview.ae.french,
                                  product: product.name, productID: product.id,
                                  score: "\(Int((suggestion.score * 100).rounded())) %", reasons: suggestion.reasons)
        }
        return try await request.view.render("suggestions", SuggestionsPage(
            suggestions: views, unlinked: FrenchFormat.integer(try await context.store.unlinkedCount())))
    }
}

struct PortfolioFilter: Content {
    var exercice: Int?
    var programme: String?
    var sponsor: String?
}

/// What the budget pages and API share for one request.
struct BudgetContext {
    let store: BudgetStore
    let queries: BudgetQueries

    init(_ request: Request) async throws {
        store = BudgetStore(database: request.db, actor: "web")
        queries = BudgetQueries(store: store)
    }

    func productID(_ request: Request) throws -> Int {
        guard let id = request.parameters.get("id", as: Int.self) else {
            throw Abort(.notFound, reason: "Produit inconnu : \(request.parameters.get("id") ?? "")")
        }
        return id
    }

    /// The exercice asked for, else the latest one with budget data up to this year, else this year.
    func exercice(_ asked: Int?) async throws -> Int {
        if let asked { return asked }
        let thisYear = LocalDate.today.year
        return try await queries.exercices().last { $0 <= thisYear } ?? thisYear
    }

    func exercices(including exercice: Int) async throws -> [Int] {
        Array(Set(try await queries.exercices() + [exercice])).sorted()
    }
}

extension LocalDate {
    /// Today in UTC: due dates and waiting times are counted from it.
    static var today: LocalDate { LocalDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400)) }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
}
