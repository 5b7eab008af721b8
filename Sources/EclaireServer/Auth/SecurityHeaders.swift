import Vapor

/// What every answer tells the browser: not to be framed by another site, not to guess content types, to send no
/// referrer elsewhere, to keep to HTTPS once served over it, and not to store pages that show secrets.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [("X-Frame-Options", "DENY"), ("Content-Security-Policy", "frame-ancestors 'none'"),
                       ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin")]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if request.isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        // Token secrets are shown once on the administrators' pages; the sign-in page carries a form token.
        if request.url.path.hasPrefix("/admin") || request.url.path.hasPrefix("/connexion") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}

extension Request {
    /// Served over HTTPS, directly or behind a proxy that says so (`X-Forwarded-Proto`), or declared so by
    /// `ECLAIRE_HTTPS=1` for a proxy that does not: session cookies are then `Secure`.
    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https" || Self.declaredHTTPS
    }

    /// Read once: `Environment.get` copies the whole process environment into a dictionary, on every answer it
    /// was a twentieth of the server's time under load.
    private static let declaredHTTPS = Environment.get("ECLAIRE_HTTPS") == "1"
}
