import EclaireCore
import Storage
import Vapor

/// `/connexion` and `/deconnexion`.
struct SignInController: RouteCollection {
    /// A cookie set with the sign-in form and echoed in it: the form cannot be posted from another site.
    static let formCookie = "eclaire_form"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("connexion", use: form)
        routes.post("connexion", use: signIn)
        // Signing out is a form like any other: it needs a session and its CSRF token.
        routes.grouped(RequireUser(answer: .signInPage), CheckCSRF()).post("deconnexion", use: signOut)
    }

    func form(request: Request) async throws -> Response {
        try await render(request, message: nil, login: "", status: .ok)
    }

    func signIn(request: Request) async throws -> Response {
        struct Form: Content {
            var login: String
            var password: String
            var csrf: String?
            var suite: String?
        }
        let form = try request.content.decode(Form.self)
        guard let cookie = request.cookies[Self.formCookie]?.string, form.csrf == cookie else {
            return try await render(request, message: "Le formulaire a expiré : saisissez à nouveau vos identifiants.",
                                    login: form.login, status: .forbidden)
        }
        let accounts = AccountStore(database: request.db)
        let checked: User?
        do {
            checked = try await Credentials.check(login: form.login, password: form.password,
                                                  address: request.remoteAddress?.ipAddress, in: accounts,
                                                  throttle: request.application.loginThrottle)
        } catch let refused as TooManyAttempts {
            request.logger.notice("sign-in throttled", metadata: ["login": .string(form.login)])
            let response = try await render(request, message: "Trop d'essais infructueux : réessayez dans \(refused.retryAfterSeconds) secondes.",
                                            login: form.login, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(refused.retryAfterSeconds))
            return response
        }
        guard let user = checked else {
            request.logger.notice("sign-in refused", metadata: ["login": .string(form.login)])
            return try await render(request, message: "Identifiant ou mot de passe incorrect.", login: form.login,
                                    status: .unauthorized)
        }
        let token = try await Credentials.openSession(for: user, in: accounts)
        let response = request.redirect(to: Self.safeNext(form.suite))
        response.cookies[Credentials.sessionCookie] = HTTPCookies.Value(
            string: token, maxAge: Int(Credentials.sessionLifetime), path: "/", isSecure: request.isHTTPS,
            isHTTPOnly: true, sameSite: .lax)
        response.cookies[Self.formCookie] = .expired
        return response
    }

    func signOut(request: Request) async throws -> Response {
        if let token = request.cookies[Credentials.sessionCookie]?.string {
            try await AccountStore(database: request.db).deleteSession(tokenDigest: Credentials.digest(token))
        }
        let response = request.redirect(to: "/connexion")
        response.cookies[Credentials.sessionCookie] = .expired
        return response
    }

    /// Only a path of this site: `suite=https://elsewhere` must not turn sign-in into a redirector.
    /// Browsers drop tabs and line ends from a URL (« /\t/example.org » is « //example.org », another site): only
    /// printable ASCII is kept as a path, the rest sends to the portfolio.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else { return "/produits" }
        return next
    }

    private func render(_ request: Request, message: String?, login: String, status: HTTPResponseStatus) async throws
        -> Response
    {
        let token = Credentials.randomToken()
        let suite = (try? request.query.get(String.self, at: "suite")) ?? (try? request.content.get(String.self, at: "suite"))
        let response = try await request.view.render("sign-in", SignInPage(
            message: message, login: login, csrf: token, suite: Self.safeNext(suite)))
            .encodeResponse(status: status, for: request)
        response.cookies[Self.formCookie] = HTTPCookies.Value(string: token, path: "/connexion", isHTTPOnly: true,
                                                              sameSite: .strict)
        return response
    }
}

struct SignInPage: Encodable {
    let title = "Connexion"
    let message: String?
    let login: String
    let csrf: String
    let suite: String
}
