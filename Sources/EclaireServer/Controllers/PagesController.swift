import Fluent
import EclaireCore
import SQLKit
import Storage
import Vapor

/// The French pages: the list of EJs, one EJ, the import history.
struct PagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: ejList)
        routes.get("ej", ":ej", use: ejPage)
        routes.get("imports", use: imports)
        routes.get("glossaire") { request in try await request.view.render("glossary", ["title": "Glossaire"]) }
    }

    func queries(_ request: Request) -> ChorusQueries { ChorusQueries(sql: request.db as! any SQLDatabase) }

    func ejList(request: Request) async throws -> View {
        let page = try request.query.decode(PageQuery.self).validated()
        let queries = queries(request)
        let ejs = try await queries.ejNumbers(limit: page.limit, offset: page.offset, search: page.q)
        let rows = try await queries.overviews(of: ejs).map(EJRowView.init)
        let total = try await queries.ejCount(search: page.q)
        let stats = try await request.application.statsCache.stats(queries)
        return try await request.view.render("ej-list", EJListPage(
            rows: rows, stats: StatsView(stats), search: page.q ?? "",
            pager: PagerView(offset: page.offset, limit: page.limit, total: total, search: page.q)))
    }

    func ejPage(request: Request) async throws -> View {
        let ej = try request.parameters.require("ej")
        guard let detail = try await queries(request).detail(ej: ej) else {
            throw Abort(.notFound, reason: "Aucun engagement juridique n° \(ej) n'a été importé.")
        }
        return try await request.view.render("ej", EJPage(detail))
    }

    func imports(request: Request) async throws -> View {
        let files = try await queries(request).importHistory().map(ImportView.init)
        return try await request.view.render("imports", ImportsPage(files: files))
    }
}
