import EclaireCore
import Storage
import Vapor

/// `/fournisseurs`, for analysts: what the supplier registers hold, a SIRET or a name looked up in them, and the
/// names people confirmed by correcting documents (aliases).
struct SupplierPagesController: RouteCollection {
    static let aliasLimit = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get("fournisseurs", use: page)
    }

    func page(request: Request) async throws -> View {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "Les référentiels de fournisseurs sont réservés aux analystes (bureau budgétaire, administrateurs).")
        }
        let store = SupplierReferenceStore(database: request.db)
        let query = (try? request.query.get(String.self, at: "recherche"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let filter = (try? request.query.get(String.self, at: "alias"))?.trimmingCharacters(in: .whitespaces) ?? ""
        var answer: String?
        if !query.isEmpty {
            answer = try await store.lookup(query)?.summary
                ?? "« \(query) » : rien dans les référentiels importés ni dans les noms corrigés."
        }
        return try await request.view.render("suppliers", SuppliersPage(
            registers: try await store.registerCounts().map { RegisterCountView(register: $0.register, count: FrenchFormat.integer($0.count)) },
            query: query, answer: answer,
            filter: filter,
            aliases: try await store.aliases(matching: filter.isEmpty ? nil : filter, limit: Self.aliasLimit).map(AliasView.init),
            aliasLimit: Self.aliasLimit))
    }
}
