import EclaireCore
import Storage
import Vapor

/// `/admin/jetons`: administrators create, list and revoke API tokens and read the call log.
struct TokensAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin", "jetons")
        admin.get(use: page)
        admin.post(use: create)
        admin.post(":id", "revoquer", use: revoke)
    }

    func store(_ request: Request) throws -> APITokenStore {
        guard try request.access.manageAccounts else {
            throw Abort(.forbidden, reason: "Les jetons d'accès à l'API sont gérés par les administrateurs.")
        }
        return APITokenStore(database: request.db)
    }

    struct TokenRow: Encodable {
        let id: Int
        let name: String
        let scopes: String
        let reach: String
        let rate: Int
        let created: String
        let lastUsed: String
        let revoked: String
    }

    struct CallRow: Encodable {
        let at: String
        let caller: String
        let request: String
        let status: Int
        let milliseconds: String
    }

    struct ScopeChoice: Encodable {
        let value: String
        let label: String
    }

    struct Page: Encodable {
        let title = "Jetons d'accès à l'API"
        let tokens: [TokenRow]
        let calls: [CallRow]
        let scopes: [ScopeChoice]
        let secret: String?
        let secretName: String?
    }

    /// `?nouveau=TICKET` right after a creation: the secret, shown once to the administrator who created it.
    func page(request: Request) async throws -> View {
        var secret: (String, String)?
        if let ticket = try? request.query.get(String.self, at: "nouveau") {
            secret = await request.application.freshSecrets.take(ticket, for: try request.user.login).map { ($0.name, $0.secret) }
        }
        return try await render(request, secret: secret)
    }

    private func render(_ request: Request, secret: (String, String)?) async throws -> View {
        let store = try store(request)
        let tokens = try await store.tokens().map { token in
            TokenRow(id: token.id, name: token.name, scopes: token.scopes.sorted().map(\.rawValue).joined(separator: ", "),
                     reach: Self.reach(token), rate: token.ratePerMinute, created: "\(FrenchFormat.timestamp(iso: token.createdAt)) par \(token.createdBy)",
                     lastUsed: token.lastUsedAt.map(FrenchFormat.timestamp) ?? "jamais",
                     revoked: token.revokedAt.map(FrenchFormat.timestamp) ?? "")
        }
        await request.application.callLog.flush()
        let calls = try await store.calls(limit: 100).map { call in
            CallRow(at: FrenchFormat.timestamp(iso: call.at), caller: call.caller ?? "anonyme",
                    request: "\(call.method) \(call.path)\(call.query.map { "?" + $0 } ?? "")", status: call.status,
                    milliseconds: FrenchFormat.hundredths(Int((call.durationMilliseconds * 100).rounded())))
        }
        return try await request.view.render("tokens", Page(
            tokens: tokens, calls: calls, scopes: APIScope.allCases.map { ScopeChoice(value: $0.rawValue, label: $0.french) },
            secret: secret?.1, secretName: secret?.0))
    }

    static func reach(_ token: APIToken) -> String {
        var parts: [String] = []
        if !token.productIDs.isEmpty { parts.append("produits n° " + token.productIDs.sorted().map(String.init).joined(separator: ", ")) }
        if !token.programmes.isEmpty { parts.append("programmes " + token.programmes.sorted().joined(separator: ", ")) }
        return parts.isEmpty ? "toute la base" : parts.joined(separator: " ; ")
    }

    struct Form: Content {
        var name: String
        var scopes: [String]?
        var products: String?
        var programmes: String?
        var rate: Int?
    }

    /// Creates the token, then sends the browser to the page showing its secret once (a refresh of that page
    /// does not create another token, nor show the secret again).
    func create(request: Request) async throws -> Response {
        let store = try store(request)
        let form = try request.content.decode(Form.self)
        var scopes = Set<APIScope>()
        for value in form.scopes ?? [] {
            guard let scope = APIScope(rawValue: value) else { throw Abort(.badRequest, reason: "droit inconnu : \(value)") }
            scopes.insert(scope)
        }
        func items(_ text: String?) -> [String] {
            (text ?? "").split { $0 == "," || $0 == " " }.map(String.init).filter { !$0.isEmpty }
        }
        var products = Set<Int>()
        for item in items(form.products) {
            guard let id = Int(item) else { throw Abort(.badRequest, reason: "numéro de produit attendu : \(item)") }
            products.insert(id)
        }
        do {
            let (token, secret) = try await Credentials.createAPIToken(
                in: store, name: form.name, scopes: scopes, productIDs: products, programmes: Set(items(form.programmes)),
                ratePerMinute: form.rate ?? 600, createdBy: try request.user.login)
            let ticket = await request.application.freshSecrets.put(NewSecret(name: token.name, secret: secret), for: try request.user.login)
            return request.redirect(to: "/admin/jetons?nouveau=\(ticket)", redirectType: .normal)
        } catch let error as APITokenError {
            throw Abort(.badRequest, reason: error.description)
        }
    }

    func revoke(request: Request) async throws -> Response {
        let store = try store(request)
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        do {
            try await store.revoke(id: id)
        } catch let error as APITokenError {
            throw Abort(.notFound, reason: error.description)
        }
        await request.application.tokenCache.forgetAll()
        return request.redirect(to: "/admin/jetons")
    }
}

/// A token just created, waiting for the page that shows its secret once.
struct NewSecret: Sendable {
    let name: String
    let secret: String
}

typealias FreshSecrets = OneTimeTickets<NewSecret>

extension Application {
    private struct FreshSecretsKey: StorageKey { typealias Value = FreshSecrets }

    /// Created by `EclaireApp.configure`.
    var freshSecrets: FreshSecrets {
        get { storage[FreshSecretsKey.self]! }
        set { storage[FreshSecretsKey.self] = newValue }
    }
}
