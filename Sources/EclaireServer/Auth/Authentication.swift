import EclaireCore
import Storage
import Vapor

/// Who is calling: a session cookie (pages), HTTP Basic credentials or an API token (scripts calling the API).
struct Caller: Sendable {
    let user: User
    /// The session's CSRF token; nil for Basic credentials and tokens, which a browser never sends on its own.
    let csrfToken: String?
    /// The API token the call was made with.
    var token: APIToken? = nil

    /// How the call log and the rate limiter name the caller.
    var label: String { token.map { "jeton:\($0.id):\($0.name)" } ?? user.login }
}

private struct CallerKey: StorageKey { typealias Value = Caller }

extension Request {
    var caller: Caller? {
        get { storage[CallerKey.self] }
        set { storage[CallerKey.self] = newValue }
    }

    /// What the caller may do: the one policy every route asks.
    var access: AccessPolicy {
        get throws { AccessPolicy(try user) }
    }

    /// The signed-in user; the routes behind `RequireUser` always have one.
    var user: User {
        get throws {
            guard let user = caller?.user else { throw Abort(.unauthorized, reason: "connexion requise") }
            return user
        }
    }
}

/// Finds the caller, if any; never refuses a request (that is `RequireUser`'s job). Pages know people by their
/// session cookie; the API also knows scripts, by an API token or HTTP Basic credentials.
struct IdentifyCaller: AsyncMiddleware {
    enum Channels { case sessions, sessionsAndScripts }
    let channels: Channels

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let accounts = AccountStore(database: request.db)
        if let token = request.cookies[Credentials.sessionCookie]?.string,
           let (user, csrf) = try await accounts.session(tokenDigest: Credentials.digest(token)) {
            request.caller = Caller(user: user, csrfToken: csrf)
        } else if channels == .sessionsAndScripts, let bearer = request.headers.bearerAuthorization,
                  let token = try await Self.token(Credentials.digest(bearer.token), request) {
            request.caller = Caller(user: token.user, csrfToken: nil, token: token)
        } else if channels == .sessionsAndScripts, let basic = request.headers.basicAuthorization {
            do {
                if let user = try await Credentials.check(login: basic.username, password: basic.password,
                                                          address: request.remoteAddress?.ipAddress, in: accounts,
                                                          throttle: request.application.loginThrottle) {
                    request.caller = Caller(user: user, csrfToken: nil)
                }
            } catch let refused as TooManyAttempts {
                let response = Response(status: .tooManyRequests)
                response.headers.replaceOrAdd(name: .retryAfter, value: String(refused.retryAfterSeconds))
                try response.content.encode(ProblemDTO(status: 429, title: "trop d'essais de mot de passe infructueux"))
                return response
            }
        }
        return try await next.respond(to: request)
    }

    private static func token(_ digest: String, _ request: Request) async throws -> APIToken? {
        let store = APITokenStore(database: request.db)
        return try await request.application.tokenCache.token(digest: digest) { try await store.token(digest: digest) }
    }
}

/// Pages send an anonymous visitor to the sign-in page; the API answers 401.
struct RequireUser: AsyncMiddleware {
    enum Answer { case signInPage, unauthorized }
    let answer: Answer

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.caller != nil else {
            if answer == .unauthorized {
                let response = Response(status: .unauthorized)
                response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"Eclaire\", Basic realm=\"Eclaire\"")
                try response.content.encode(ProblemDTO(status: 401, title: "connexion requise"))
                return response
            }
            let next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "/connexion?suite=\(encoded)")
        }
        return try await next.respond(to: request)
    }
}

/// Every state-changing request made with a session cookie must carry the session's CSRF token, as the form
/// field `csrf` or the `X-CSRF-Token` header.
struct CheckCSRF: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET, request.method != .HEAD, let expected = request.caller?.csrfToken {
            let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "csrf"))
            guard let sent, sent == expected else {
                throw Abort(.forbidden, reason: "jeton de sécurité du formulaire absent ou périmé : rechargez la page")
            }
        }
        return try await next.respond(to: request)
    }
}
