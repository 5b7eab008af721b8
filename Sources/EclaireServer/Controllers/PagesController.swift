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
    }

    func queries(_ request: Request) -> ChorusQueries { ChorusQueries(sql: request.db as! any SQLDatabase) }

    func ejList(request: Request) async throws -> View {
        let page = try request.query.decode(PageQuery.self).validated()
        let queries = queries(request)
        let access = try request.access
        let scope = EJScope(access)
        let ejs = try await queries.ejNumbers(limit: page.limit, offset: page.offset, search: page.q, scope: scope)
        let rows = try await queries.overviews(of: ejs).map(EJRowView.init)
        let count: @Sendable () async throws -> Int = { try await queries.ejCount(search: page.q, scope: scope) }
        let total: Int
        if let reach = ListCaches.reach(scope) {
            total = try await request.application.listCaches.totals.value(
                for: "page|\(reach)|q=\(page.q ?? "")", generation: try await request.importGeneration(), compute: count)
        } else {
            total = try await count()
        }
        // Whole-base totals are for those who read everything: they would show other products' spending.
        let stats = access.wholeBase ? StatsView(try await request.spendingStats()) : nil
        return try await request.view.render("ej-list", EJListPage(
            rows: rows, stats: stats, search: page.q ?? "",
            pager: PagerView(offset: page.offset, limit: page.limit, total: total, search: page.q)))
    }

    func ejPage(request: Request) async throws -> View {
        let ej = try request.ejParameter()
        let unknown = EJAccess.unknown(ej)
        let reach = try await EJAccess.check(ej, for: request, unknown: unknown)
        guard let detail = try await queries(request).detail(ej: ej) else {
            throw Abort(.notFound, reason: unknown)
        }
        let store = BudgetStore(database: request.db, actor: try request.user.login)
        var product: Product?
        if let id = try await store.productID(ofEJ: ej) { product = try await store.product(id) }
        let documents = try await request.documents.fields(ofEJ: ej)
        let anomalies = try await request.anomalies(involving: [ej]).filter { $0.dismissal == nil }
        let canAttach = try request.access.ej(reach, .change)
        return try await request.view.render("ej", EJPage(detail, product: product, asOf: .today,
                                                          documents: EJDocumentsView(documents, canAttach: canAttach),
                                                          anomalies: anomalies.map { "\($0.anomaly.kind.label) : \($0.anomaly.explanation)" }))
    }

    func imports(request: Request) async throws -> View {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "L'historique des imports est réservé au bureau budgétaire et aux administrateurs.")
        }
        let files = try await queries(request).importHistory().reversed().map(ImportView.init)
        var run: ImportRunView?
        if let ticket = try? request.query.get(String.self, at: "suivi"),
           let found = await request.application.importRuns.run(ticket, for: try request.user.login) {
            run = ImportRunView(found)
        }
        return try await request.view.render("imports", ImportsPage(
            files: files, maxUpload: ImportUploadController.maxUpload.replacingOccurrences(of: "mb", with: " Mo"),
            run: run, refreshSeconds: run?.running == true ? 2 : nil))
    }
}

/// An EJ linked to a product the caller may not read does not exist for them: the same 404 as an unknown EJ.
extension Request {
    /// The EJ of the path in the form the base stores it (« 2105-000123 », « 2105 000123 » → 2105000123): every
    /// access check and every store call then speak of the same EJ.
    func ejParameter() throws -> String {
        let sent = try parameters.require("ej")
        let number = Identifiers.ejNumber(sent)
        guard number.isValid else { throw Abort(.notFound, reason: EJAccess.unknown(sent)) }
        return number.normalized
    }
}

enum EJAccess {
    /// The answer for an EJ never imported and for one out of the caller's reach alike (which would otherwise
    /// tell that it exists), true in both cases.
    static func unknown(_ ej: String) -> String {
        "Aucun engagement juridique n° \(ej) que vous puissiez consulter : soit il n'a pas été importé, soit il relève "
            + "d'un produit ou d'un programme auquel vous n'avez pas accès."
    }

    /// Whether the caller may `action` the EJ (any form of its number): out of reach, the answer is the same 404 as
    /// for an EJ never imported (`unknown`); in reach for reading only, a 403. Returns what the decision rested on.
    @discardableResult
    static func check(_ sent: String, for request: Request, _ action: AccessAction = .read, unknown: String) async throws -> EJReach {
        let ej = Identifiers.ejNumber(sent).normalized
        let access = try request.access
        let reach = try await ChorusQueries(sql: request.db as! any SQLDatabase).reaches(of: [ej])[ej]
            ?? EJReach(productID: nil, programmes: [])
        guard access.ej(reach, .read) else { throw Abort(.notFound, reason: unknown) }
        guard access.ej(reach, action) else {
            throw Abort(.forbidden, reason: "Vous pouvez lire cet EJ mais pas y joindre de pièce ni en corriger.")
        }
        return reach
    }
}
