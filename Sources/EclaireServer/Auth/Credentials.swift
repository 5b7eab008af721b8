import EclaireCore
import Storage
import Vapor

/// Passwords (bcrypt) and session tokens (random, stored as SHA-256 digests): the one place that handles secrets.
public enum Credentials {
    static let bcryptCost = 11
    public static let sessionCookie = "eclaire_session"
    static let sessionLifetime: TimeInterval = 12 * 3600
    public static let minimumPasswordLength = 10

    public static func hash(password: String) throws -> String {
        guard password.count >= minimumPasswordLength else {
            throw Abort(.badRequest, reason: "le mot de passe doit compter au moins \(minimumPasswordLength) caractères")
        }
        return try Bcrypt.hash(password, cost: bcryptCost)
    }

    /// The user when the password matches; the same answer, and about the same time, for an unknown login.
    static func check(login: String, password: String, in accounts: AccountStore) async throws -> User? {
        guard let (user, hash) = try await accounts.credentials(login: login) else {
            _ = try? Bcrypt.verify(password, created: dummyHash)
            return nil
        }
        return try Bcrypt.verify(password, created: hash) ? user : nil
    }

    private static let dummyHash = (try? Bcrypt.hash("pas un mot de passe", cost: bcryptCost)) ?? ""

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A new API token's secret (shown once) and the digest to store.
    public static func newAPIToken() -> (secret: String, digest: String) {
        let secret = "ecl_" + randomToken()
        return (secret, digest(secret))
    }

    /// Creates an API token in the store; returns it with its secret.
    public static func createAPIToken(in store: APITokenStore, name: String, scopes: Set<APIScope>, productIDs: Set<Int>,
                                      programmes: Set<String>, ratePerMinute: Int, createdBy: String)
        async throws -> (token: APIToken, secret: String)
    {
        let (secret, digest) = newAPIToken()
        let token = try await store.create(name: name, digest: digest, scopes: scopes, productIDs: productIDs,
                                           programmes: programmes, ratePerMinute: ratePerMinute, createdBy: createdBy)
        return (token, secret)
    }

    /// Lower-case hex of the token's SHA-256, computed on every API call.
    public static func digest(_ token: String) -> String { Hex.lowercase(SHA256.hash(data: Data(token.utf8))) }

    /// Opens a session and returns the cookie's token.
    static func openSession(for user: User, in accounts: AccountStore) async throws -> String {
        let token = randomToken()
        try await accounts.createSession(userID: user.id, tokenDigest: digest(token), csrfToken: randomToken(),
                                         expiresAt: Date().addingTimeInterval(sessionLifetime))
        return token
    }
}
