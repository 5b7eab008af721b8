import EclaireCore
import Vapor

/// `/api/v1`, its own route group: callers are known by session, API token or HTTP Basic credentials, rate-limited
/// and logged by `APIGate`. A signed-in route can only be registered through `scoped`, so every route names the
/// scope a token needs to call it: none is left open to tokens by omission.
struct APIRoutes {
    /// Routes anyone may call (the API's own description).
    let open: any RoutesBuilder
    private let signedIn: any RoutesBuilder

    init(_ app: Application, limiter: RateLimiter, passwordRate: Int) {
        open = app.grouped("api", "v1")
        signedIn = open.grouped(IdentifyCaller(channels: .sessionsAndScripts), APIGate(limiter: limiter, passwordRate: passwordRate),
                                RequireUser(answer: .unauthorized))
    }

    /// Routes a token holding `scope` may call, as may signed-in people; a browser's session must send its CSRF token.
    func scoped(_ scope: APIScope) -> any RoutesBuilder {
        signedIn.grouped(CheckCSRF(), RequireScope(scope: scope))
    }

    /// The same for routes that collect a large body and check the session's CSRF token once it is read.
    func scopedCheckingCSRFAfterBody(_ scope: APIScope) -> any RoutesBuilder {
        signedIn.grouped(RequireScope(scope: scope))
    }

    func register(_ collection: some APIRouteCollection) throws { try collection.boot(api: self) }
}

/// Controllers of the API: they receive `APIRoutes`, not a plain builder.
protocol APIRouteCollection {
    func boot(api: APIRoutes) throws
}

/// A token may only make the calls its scopes allow; people are bound by `AccessPolicy` in each handler.
struct RequireScope: AsyncMiddleware {
    let scope: APIScope

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.caller?.token, !token.scopes.contains(scope) {
            throw Abort(.forbidden, reason: "ce jeton n'a pas le droit « \(scope.rawValue) » (\(scope.french))")
        }
        return try await next.respond(to: request)
    }
}
