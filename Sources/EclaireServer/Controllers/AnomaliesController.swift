import EclaireCore
import Foundation
import SQLKit
import Storage
import Vapor

/// The anomalies page and API (analysts: they cover the whole base).
struct AnomaliesController: RouteCollection, APIRouteCollection {
    func boot(api: APIRoutes) throws {
        api.scoped(.readSpending).get("anomalies", use: list)
        api.scoped(.writeCorrections).post("anomalies", ":key", "dismiss", use: dismissByAPI)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("anomalies", use: page)
        routes.post("anomalies", "ecarter", use: dismiss)
    }

    /// The anomalies an analyst may see: the whole base's, or those of the EJs in reach of a confined token.
    static func visible(_ request: Request) async throws -> [ListedAnomaly] {
        let access = try request.access
        guard access.isAnalyst else {
            throw Abort(.forbidden, reason: "Les anomalies portent sur toute la base : elles sont réservées aux analystes (bureau budgétaire, administrateurs).")
        }
        guard !access.wholeBase else { return try await request.anomalies() }
        let queries = ChorusQueries(sql: request.db as! any SQLDatabase)
        return try await request.anomalies(involving: try await queries.ejNumbers(limit: Int.max, scope: EJScope(access)))
    }

    func store(_ request: Request) throws -> AnomalyStore {
        guard try request.access.isAnalyst else {
            throw Abort(.forbidden, reason: "Écarter une anomalie est réservé aux analystes (bureau budgétaire, administrateurs).")
        }
        return AnomalyStore(database: request.db, actor: try request.user.login)
    }

    struct Filter: Content {
        var kind: String?
        var includeDismissed: Bool?
        var ej: String?
        var ministere: String?

        enum CodingKeys: String, CodingKey { case kind, ej, ministere, includeDismissed = "include_dismissed" }
    }

    /// Keeps the anomalies involving an EJ of the ministry's programmes (PLF 2025).
    static func ofMinistry(_ name: String?, _ anomalies: [ListedAnomaly], request: Request) async throws -> [ListedAnomaly] {
        guard let name = name.nonEmpty else { return anomalies }
        let programmes = StatePrograms.programs(ofMinistry: name)
        guard !programmes.isEmpty else {
            throw Abort(.badRequest, reason: "ministere inconnu : \(name) (\(StatePrograms.ministries.joined(separator: " ; ")))")
        }
        let ejs = Set(try await ChorusQueries(sql: request.db as! any SQLDatabase)
            .ejNumbers(limit: Int.max, filter: EJFilter(programmes: Set(programmes.map(\.code)))))
        return anomalies.filter { $0.anomaly.ejs.contains(where: ejs.contains) }
    }

    func list(request: Request) async throws -> Response {
        let filter = try request.query.decode(Filter.self)
        if let kind = filter.kind, AnomalyKind(rawValue: kind) == nil { throw Abort(.badRequest, reason: "kind inconnu : \(kind)") }
        let found = try await Self.ofMinistry(filter.ministere, try await Self.visible(request), request: request)
        return try await request.list(found
            .filter { (filter.includeDismissed == true || $0.dismissal == nil) && (filter.kind == nil || $0.anomaly.kind.rawValue == filter.kind) }
            .filter { anomaly in filter.ej.nonEmpty.map { anomaly.anomaly.ejs.contains($0) } ?? true }
            .map(AnomalyJSON.init), name: "anomalies")
    }

    struct KindCount: Encodable {
        let kind: String
        let label: String
        let count: Int
        let selected: Bool
    }

    struct Row: Encodable {
        let key: String
        let label: String
        let ejs: [String]
        let amount: String
        let explanation: String
        let evidence: [String]
        let dismissed: String
    }

    struct Choice: Encodable {
        let value: String
        let selected: Bool
    }

    struct Page: Encodable {
        let title = "Anomalies"
        let counts: [KindCount]
        let rows: [Row]
        let filter: String
        let open: Int
        let dismissed: Int
        let ministries: [Choice]
        let ministry: String
        let search: String
        /// `&ministere=…&q=…`, encoded, for the kind links.
        let keep: String
        let pager: PagerView
    }

    func page(request: Request) async throws -> View {
        let kind = (try? request.query.get(String.self, at: "sorte")).flatMap(AnomalyKind.init(rawValue:))
        let ministry = (try? request.query.get(String.self, at: "ministere")) ?? ""
        let search = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let folded = Text.foldedKey(search)
        let all = try await Self.ofMinistry(ministry, try await Self.visible(request), request: request).filter { item in
            folded.isEmpty || item.anomaly.ejs.contains { $0.contains(search) }
                || Text.foldedKey(item.anomaly.explanation).contains(folded)
        }
        let open = all.filter { $0.dismissal == nil }
        let shown = all.filter { kind == nil || $0.anomaly.kind == kind }
        // Thousands of anomalies on a large base: a page at a time, as the EJ list.
        let page = try request.query.decode(PageQuery.self).validated()
        let keep = "&sorte=\(kind?.rawValue ?? "")&ministere=\(Self.encoded(ministry))&q=\(Self.encoded(search))"
        let rows = shown.dropFirst(page.offset).prefix(page.limit).map { item in
            Row(key: item.anomaly.key, label: item.anomaly.kind.label, ejs: item.anomaly.ejs, amount: item.anomaly.amount.french,
                explanation: item.anomaly.explanation, evidence: item.anomaly.evidence.map { "\($0.reference) : \($0.detail)" },
                dismissed: item.dismissal.map { "Écartée par \($0.actor) : \($0.reason)" } ?? "")
        }
        return try await request.view.render("anomalies", Page(
            counts: AnomalyKind.allCases.map { k in KindCount(kind: k.rawValue, label: k.label, count: open.filter { $0.anomaly.kind == k }.count, selected: k == kind) },
            rows: rows, filter: kind?.rawValue ?? "", open: open.count, dismissed: all.count - open.count,
            ministries: StatePrograms.ministries.map { Choice(value: $0, selected: $0 == ministry) }, ministry: ministry,
            search: search, keep: "&ministere=\(Self.encoded(ministry))&q=\(Self.encoded(search))",
            pager: PagerView(path: "/anomalies", offset: page.offset, limit: page.limit, total: shown.count, keep: keep)))
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    struct Dismissal: Content {
        var key: String
        var reason: String
    }

    func dismiss(request: Request) async throws -> Response {
        // Rights before the form: a caller who may not dismiss learns nothing from its validation.
        let store = try store(request)
        let form = try request.content.decode(Dismissal.self)
        do {
            try await store.dismiss(key: form.key, reason: form.reason)
        } catch let error as AnomalyError {
            throw Abort(.badRequest, reason: error.description)
        }
        return request.redirect(to: "/anomalies")
    }

    struct Reason: Content { var reason: String }

    /// `POST /api/v1/anomalies/{key}/dismiss` with `{"reason": "…"}`: the anomaly as it now stands.
    func dismissByAPI(request: Request) async throws -> AnomalyJSON {
        let key = try request.parameters.require("key")
        let store = try store(request)
        guard try await Self.visible(request).contains(where: { $0.anomaly.key == key }) else {
            throw Abort(.notFound, reason: "anomalie inconnue : \(key)")
        }
        let reason = try request.content.decode(Reason.self).reason
        do {
            try await store.dismiss(key: key, reason: reason)
        } catch let error as AnomalyError {
            throw Abort(.badRequest, reason: error.description)
        }
        let dismissed = try await Self.visible(request).first { $0.anomaly.key == key }
        return AnomalyJSON(dismissed!)
    }
}
