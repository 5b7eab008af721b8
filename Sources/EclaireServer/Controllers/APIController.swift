import EclaireCore
import Fluent
import SQLKit
import Storage
import Vapor

/// `/api/v1`: the JSON read API over Chorus data (extended by later issues).
struct APIController: APIRouteCollection {
    func boot(api: APIRoutes) throws {
        let spending = api.scoped(.readSpending)
        spending.get("stats", use: stats)
        spending.get("ejs", use: list)
        spending.get("ejs", ":ej", use: show)
        spending.get("imports", use: imports)
    }

    func queries(_ request: Request) -> ChorusQueries { ChorusQueries(sql: request.db as! any SQLDatabase) }

    func stats(request: Request) async throws -> StatsDTO {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "les totaux de toute la base sont réservés au bureau budgétaire")
        }
        return StatsDTO(try await request.spendingStats())
    }

    /// `?limit=&offset=` or, to walk a large base, `?limit=&after=` with the previous page's `next_after`; the
    /// filters of `EJFilterQuery`; `sort=` one of `EJSort`'s keys.
    func list(request: Request) async throws -> Response {
        let page = try request.query.decode(PageQuery.self).validated()
        let after = try request.query.get(String?.self, at: "after")
        let queries = queries(request)
        let scope = EJScope(try request.access)
        let query = try request.query.decode(EJFilterQuery.self)
        let filter = try await query.filter(for: request)
        let sort = try query.order()
        let format = try BulkFormat.requested(request)
        @Sendable func read(limit: Int, offset: Int, after: String?) async throws -> (items: [EJSummaryDTO], next: String?) {
            let found: (ejs: [String], next: String?)
            do {
                found = try await queries.ejPage(limit: limit, offset: offset, after: after, search: page.q, scope: scope,
                                                 filter: filter, sort: sort)
            } catch let error as QueryError {
                throw Abort(.badRequest, reason: error.description)
            }
            let overviews = Dictionary(uniqueKeysWithValues: try await queries.overviews(of: found.ejs).map { ($0.ej, $0) })
            return (found.ejs.compactMap { overviews[$0] }.map(EJSummaryDTO.init), found.next)
        }
        guard format == .json else {
            return BulkExport.response(format, name: "ejs", columns: EJSummaryDTO.columns) { cursor in
                try await read(limit: 1000, offset: 0, after: cursor)
            }
        }
        // Lists that depend on the imported lines alone are kept until the next import (`ListCaches`); the total
        // of a list is the same for all its pages.
        let reach = ListCaches.reach(scope) ?? ""
        let cacheable = ListCaches.reach(scope) != nil && filter.categories.isEmpty && filter.documentType == nil && filter.ejs == nil
        let paging: Set<String> = ["limit", "offset", "after", "sort", "format"]
        let listQuery = (request.url.query ?? "").split(separator: "&").filter { item in
            !paging.contains(String(item.split(separator: "=", maxSplits: 1).first ?? ""))
        }.sorted().joined(separator: "&")
        let caches = request.application.listCaches
        let generation = try await request.importGeneration()
        let total: @Sendable () async throws -> Int = {
            guard cacheable else { return try await queries.ejCount(search: page.q, scope: scope, filter: filter) }
            return try await caches.totals.value(for: reach + "|" + listQuery, generation: generation) {
                try await queries.ejCount(search: page.q, scope: scope, filter: filter)
            }
        }
        let answer: @Sendable () async throws -> Response = {
            let found = try await read(limit: page.limit, offset: after == nil ? page.offset : 0, after: after)
            return try await PageDTO(items: found.items, offset: page.offset, limit: page.limit, total: try await total(),
                                     nextAfter: found.next).encodeResponse(for: request)
        }
        guard cacheable else { return try await answer() }
        let body = try await caches.pages.value(for: reach + "|" + (request.url.query ?? ""), generation: generation) {
            guard let body = try await answer().body.buffer else { throw Abort(.internalServerError, reason: "réponse vide") }
            return body
        }
        return Self.json(body)
    }

    static func json(_ body: ByteBuffer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    func imports(request: Request) async throws -> Response {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "l'historique des imports est réservé au bureau budgétaire")
        }
        return try await request.list(try await queries(request).importHistory().map(ImportedFileDTO.init), name: "imports")
    }

    func show(request: Request) async throws -> EJDetailDTO {
        let ej = try request.ejParameter()
        try await EJAccess.check(ej, for: request, unknown: "EJ inconnu : \(ej)")
        guard let detail = try await queries(request).detail(ej: ej) else {
            throw Abort(.notFound, reason: "EJ inconnu : \(ej)")
        }
        let anomalies = try await request.anomalies(involving: [ej])
        // What was read from the documents (an IBAN among it) needs the scope that reads documents.
        let documents = try request.access.allows(.readDocuments) ? try await request.documents.fields(ofEJ: ej) : []
        return EJDetailDTO(detail, documents: documents, anomalies: anomalies)
    }
}

/// `/api/v1/ejs` filters: `supplier_siret`, `supplier_name` (part of it), `programme`, `ministere` (its programmes in
/// the finance bill), `centre_financier` (a prefix),
/// `groupe_marchandises`, `created_from`, `created_to` (dd/mm/yyyy or yyyy-mm-dd), `category` (comma-separated;
/// `conseil` stands for the consulting categories of the 2022 circular), `document_type`, `stage` (comma-separated),
/// `anomaly` (a kind: EJs with such an anomaly not dismissed; analysts), and `sort`.
struct EJFilterQuery: Content {
    var supplierSiret: String?
    var supplierName: String?
    var programme: String?
    var ministere: String?
    var centreFinancier: String?
    var groupeMarchandises: String?
    var createdFrom: String?
    var createdTo: String?
    var category: String?
    var documentType: String?
    var stage: String?
    var anomaly: String?
    var sort: String?

    enum CodingKeys: String, CodingKey {
        case programme, ministere, category, stage, anomaly, sort
        case supplierSiret = "supplier_siret", supplierName = "supplier_name", centreFinancier = "centre_financier"
        case groupeMarchandises = "groupe_marchandises", createdFrom = "created_from", createdTo = "created_to"
        case documentType = "document_type"
    }

    func filter(for request: Request) async throws -> EJFilter {
        func date(_ text: String?, _ name: String) throws -> LocalDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = LocalDate.parse(text) else { throw Abort(.badRequest, reason: "\(name) : date attendue (jj/mm/aaaa ou aaaa-mm-jj)") }
            return date
        }
        func list<Value: RawRepresentable<String>>(_ text: String?, _ name: String, _: Value.Type) throws -> [Value] {
            try (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { item in
                    guard let value = Value(rawValue: item) else { throw Abort(.badRequest, reason: "\(name) inconnu : \(item)") }
                    return value
                }
        }
        var categories = Set<PurchaseCategory>()
        for item in (category ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item == "conseil" { categories.formUnion(PurchaseCategory.allCases.filter(\.isConsulting)); continue }
            categories.formUnion(try list(item, "category", PurchaseCategory.self))
        }
        var ejs: Set<String>?
        if let anomaly, !anomaly.isEmpty {
            guard let kind = AnomalyKind(rawValue: anomaly) else { throw Abort(.badRequest, reason: "anomaly inconnu : \(anomaly)") }
            guard try request.access.isAnalyst else {
                throw Abort(.forbidden, reason: "le filtre par anomalie est réservé aux analystes")
            }
            ejs = Set(try await request.anomalies().filter { $0.anomaly.kind == kind && $0.dismissal == nil }
                .flatMap(\.anomaly.ejs))
        }
        var programmes: Set<String>?
        if let ministere = ministere.nonEmpty {
            let found = StatePrograms.programs(ofMinistry: ministere)
            guard !found.isEmpty else {
                throw Abort(.badRequest, reason: "ministere inconnu : \(ministere) (\(StatePrograms.ministries.joined(separator: " ; ")))")
            }
            programmes = Set(found.map(\.code))
        }
        return EJFilter(supplierSiret: supplierSiret.nonEmpty, supplierName: supplierName.nonEmpty, programme: programme.nonEmpty,
                        centreFinancier: centreFinancier.nonEmpty, programmes: programmes, groupeMarchandises: groupeMarchandises.nonEmpty,
                        createdFrom: try date(createdFrom, "created_from"), createdTo: try date(createdTo, "created_to"),
                        categories: categories, documentType: try list(documentType, "document_type", DocumentType.self).first,
                        stages: Set(try list(stage, "stage", CircuitStage.self)), ejs: ejs)
    }

    func order() throws -> EJSort {
        guard let sort, !sort.isEmpty else { return .byEJ }
        guard let parsed = EJSort(sort) else {
            throw Abort(.badRequest, reason: "sort inconnu : \(sort) (\(EJSort.Key.allCases.map(\.rawValue).joined(separator: ", ")), précédé de - pour l'ordre décroissant)")
        }
        return parsed
    }
}

struct PageQuery: Content {
    var offset: Int?
    var limit: Int?
    var q: String?

    func validated() throws -> (offset: Int, limit: Int, q: String?) {
        let offset = offset ?? 0
        let limit = limit ?? 50
        // Bounded so that no page arithmetic (offset + limit) can overflow.
        guard (0...1_000_000_000).contains(offset) else { throw Abort(.badRequest, reason: "offset doit être compris entre 0 et 1 000 000 000") }
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
