import Fluent
import SQLKit
import Storage
import Vapor

/// `/api/v1`: the JSON read API over Chorus data (extended by later issues).
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("stats", use: stats)
        api.get("ejs", use: list)
        api.get("ejs", ":ej", use: show)
    }

    func queries(_ request: Request) -> ChorusQueries { ChorusQueries(sql: request.db as! any SQLDatabase) }

    func stats(request: Request) async throws -> StatsDTO {
        StatsDTO(try await request.application.statsCache.stats(queries(request)))
    }

    func list(request: Request) async throws -> PageDTO<EJSummaryDTO> {
        let page = try request.query.decode(PageQuery.self).validated()
        let queries = queries(request)
        let ejs = try await queries.ejNumbers(limit: page.limit, offset: page.offset, search: page.q)
        let items = try await queries.overviews(of: ejs).map(EJSummaryDTO.init)
        return PageDTO(items: items, offset: page.offset, limit: page.limit,
                       total: try await queries.ejCount(search: page.q))
    }

    func show(request: Request) async throws -> EJDetailDTO {
        let ej = try request.parameters.require("ej")
        guard let detail = try await queries(request).detail(ej: ej) else {
            throw Abort(.notFound, reason: "EJ inconnu : \(ej)")
        }
        return EJDetailDTO(detail)
    }
}

struct PageQuery: Content {
    var offset: Int?
    var limit: Int?
    var q: String?

    func validated() throws -> (offset: Int, limit: Int, q: String?) {
        let offset = offset ?? 0
        let limit = limit ?? 50
        guard offset >= 0 else { throw Abort(.badRequest, reason: "offset doit être positif ou nul") }
        guard (1...500).contains(limit) else { throw Abort(.badRequest, reason: "limit doit être compris entre 1 et 500") }
        return (offset, limit, q?.trimmingCharacters(in: .whitespaces))
    }
}

struct PageDTO<Item: Content>: Content {
    let items: [Item]
    let offset: Int
    let limit: Int
    let total: Int
}
