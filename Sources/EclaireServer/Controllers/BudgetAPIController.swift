import EclaireCore
import Vapor

/// `/api/v1` for product teams: products, a product's year, the portfolio, link suggestions.
struct BudgetAPIController: APIRouteCollection {
    func boot(api: APIRoutes) throws {
        let budgets = api.scoped(.readBudgets)
        budgets.get("products", use: products)
        budgets.get("products", ":id", use: product)
        budgets.get("products", ":id", "reconciliation", use: reconciliation)
        budgets.get("products", ":id", "consumptions", use: consumptions)
        budgets.get("products", ":id", "forecast", use: forecast)
        budgets.get("products", ":id", "audit", use: audit)
        budgets.get("portfolio", use: portfolio)
        budgets.get("suggestions", use: suggestions)
    }

    func products(request: Request) async throws -> Response {
        try await request.list(try await BudgetContext(request).readableProducts().map(ProductDTO.init), name: "produits")
    }

    /// `?exercice=` (default: the latest exercice with budget data).
    func product(request: Request) async throws -> ProductYearDTO {
        let context = try BudgetContext(request)
        let exercice = try await context.exercice(try request.query.get(Int?.self, at: "exercice"))
        return ProductYearDTO(try await context.queries.productYear(try context.productID(request), exercice: exercice,
                                                                     asOf: .today))
    }

    func reconciliation(request: Request) async throws -> Response {
        let context = try BudgetContext(request)
        return try await request.list(try await context.queries.reconciliation(productID: try context.productID(request)).map(ReconciledLineDTO.init), name: "rapprochement")
    }

    func consumptions(request: Request) async throws -> Response {
        let context = try BudgetContext(request)
        return try await request.list(try await context.store.consumptions(productID: try context.productID(request)).map(ConsumptionDTO.init), name: "consommations")
    }

    func forecast(request: Request) async throws -> Response {
        let context = try BudgetContext(request)
        return try await request.list(try await context.store.forecast(productID: try context.productID(request)).map(ForecastLineDTO.init), name: "previsions")
    }

    func audit(request: Request) async throws -> Response {
        let context = try BudgetContext(request)
        return try await request.list(try await context.store.audit(productID: try context.productID(request)).map(AuditEntryDTO.init), name: "journal")
    }

    /// `?exercice=&programme=&sponsor=`.
    func portfolio(request: Request) async throws -> PortfolioDTO {
        let context = try BudgetContext(request)
        let filter = try request.query.decode(PortfolioFilter.self)
        return PortfolioDTO(try await context.portfolio(request, exercice: try await context.exercice(filter.exercice), filter: filter))
    }

    func suggestions(request: Request) async throws -> Response {
        let context = try BudgetContext(request)
        return try await request.list(try await request.linkSuggestions().filter { context.access.product($0.productID, .read) }
            .map(SuggestionDTO.init), name: "suggestions")
    }
}
