import EclaireCore
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
        api.get("imports", use: imports)
    }

    func queries(_ request: Request) -> ChorusQueries { ChorusQueries(sql: request.db as! any SQLDatabase) }

    func stats(request: Request) async throws -> StatsDTO {
        guard try request.user.readsEverything else {
            throw Abort(.forbidden, reason: "les totaux de toute la base sont réservés au bureau budgétaire")
        }
        return StatsDTO(try await request.application.statsCache.stats(queries(request)))
    }

    /// `?limit=&offset=` or, to walk a large base, `?limit=&after=` with the previous page's `next_after`.
    func list(request: Request) async throws -> PageDTO<EJSummaryDTO> {
        let page = try request.query.decode(PageQuery.self).validated()
        let after = try request.query.get(String?.self, at: "after")
        let queries = queries(request)
        let scope = EJScope(try request.user)
        let filter = try request.query.decode(EJFilterQuery.self).filter()
        let ejs = try await queries.ejNumbers(limit: page.limit, offset: after == nil ? page.offset : 0,
                                              after: after, search: page.q, scope: scope, filter: filter)
        let items = try await queries.overviews(of: ejs).map(EJSummaryDTO.init)
        return PageDTO(items: items, offset: page.offset, limit: page.limit,
                       total: try await queries.ejCount(search: page.q, scope: scope, filter: filter),
                       nextAfter: ejs.count == page.limit ? ejs.last : nil)
    }

    func imports(request: Request) async throws -> [ImportedFileDTO] {
        guard try request.user.canSeeImports else {
            throw Abort(.forbidden, reason: "l'historique des imports est réservé au bureau budgétaire")
        }
        return try await queries(request).importHistory().map(ImportedFileDTO.init)
    }

    func show(request: Request) async throws -> EJDetailDTO {
        let ej = try request.parameters.require("ej")
        try await EJAccess.check(ej, for: request, unknown: "EJ inconnu : \(ej)")
        guard let detail = try await queries(request).detail(ej: ej) else {
            throw Abort(.notFound, reason: "EJ inconnu : \(ej)")
        }
        let anomalies = try await AnomalyStore(database: request.db, actor: try request.user.login)
            .anomalies(ofEJ: ej, asOf: .today)
        return EJDetailDTO(detail, documents: try await request.documents.fields(ofEJ: ej), anomalies: anomalies)
    }
}

/// `/api/v1/ejs` filters: `supplier_siret`, `programme`, `centre_financier` (a prefix), `groupe_marchandises`,
/// `created_from`, `created_to` (dd/mm/yyyy or yyyy-mm-dd).
struct EJFilterQuery: Content {
    var supplierSiret: String?
    var programme: String?
    var centreFinancier: String?
    var groupeMarchandises: String?
    var createdFrom: String?
    var createdTo: String?

    enum CodingKeys: String, CodingKey {
        case programme
        case supplierSiret = "supplier_siret", centreFinancier = "centre_financier", groupeMarchandises = "groupe_marchandises"
        case createdFrom = "created_from", createdTo = "created_to"
    }

    func filter() throws -> EJFilter {
        func date(_ text: String?, _ name: String) throws -> LocalDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = LocalDate.parse(text) else { throw Abort(.badRequest, reason: "\(name) : date attendue (jj/mm/aaaa ou aaaa-mm-jj)") }
            return date
        }
        return EJFilter(supplierSiret: supplierSiret, programme: programme, centreFinancier: centreFinancier,
                        groupeMarchandises: groupeMarchandises, createdFrom: try date(createdFrom, "created_from"),
                        createdTo: try date(createdTo, "created_to"))
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
    /// The cursor for the next page (`?after=`), null on the last page.
    let nextAfter: String?

    enum CodingKeys: String, CodingKey {
        case items, offset, limit, total
        case nextAfter = "next_after"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(offset, forKey: .offset)
        try container.encode(limit, forKey: .limit)
        try container.encode(total, forKey: .total)
        try container.encode(nextAfter, forKey: .nextAfter)
    }
}

/// A file of the import history.
struct ImportedFileDTO: Content {
    let fileName: String
    let sha256: String
    let layout: String
    let encoding: String
    let rowsRead: Int
    let rowsStored: Int
    let rowsSkipped: Int

    enum CodingKeys: String, CodingKey {
        case sha256, layout, encoding
        case fileName = "file_name", rowsRead = "rows_read", rowsStored = "rows_stored", rowsSkipped = "rows_skipped"
    }

    init(_ file: ImportedFile) {
        fileName = file.fileName
        sha256 = file.sha256
        layout = file.layout
        encoding = file.encoding
        rowsRead = file.rowsRead
        rowsStored = file.rowsStored
        rowsSkipped = file.rowsSkipped
    }
}
