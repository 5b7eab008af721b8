import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// An API token as an administrator sees it (never its secret, which is shown once when it is created).
public struct APIToken: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var scopes: Set<APIScope>
    /// Empty: every product (and the EJs of none).
    public var productIDs: Set<Int>
    /// Empty: every programme.
    public var programmes: Set<String>
    public var ratePerMinute: Int
    public var createdBy: String
    public var createdAt: String
    public var revokedAt: String?
    /// From the call log (`tokens()` only); the `last_used_at` column of migration 010 is no longer written.
    public var lastUsedAt: String?

    /// The reach and rights the token acts with: an analyst's reading, confined to its products and programmes.
    public var user: User {
        let writes = scopes.contains(.writeCorrections) || scopes.contains(.writeDocuments)
        let role: Role = productIDs.isEmpty ? .budgetOffice : (writes ? .teamMember : .sponsor)
        return User(id: 0, login: "jeton:\(name)", name: name, role: role, productIDs: productIDs,
                    programmes: programmes, productsOnly: !productIDs.isEmpty, scopes: scopes)
    }
}

/// One logged API call.
public struct APICall: Sendable, Equatable {
    public var at: String
    public var caller: String?
    public var tokenID: Int?
    public var method: String
    public var path: String
    public var query: String?
    public var status: Int
    public var durationMilliseconds: Double

    public init(at: String, caller: String?, tokenID: Int?, method: String, path: String, query: String?, status: Int,
                durationMilliseconds: Double) {
        self.at = at
        self.caller = caller
        self.tokenID = tokenID
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.durationMilliseconds = durationMilliseconds
    }
}

public enum APITokenError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyName, noScope, badRate(Int), unknownProduct(Int), unknownToken(Int)

    public var description: String {
        switch self {
        case .emptyName: "le nom du jeton est vide"
        case .noScope: "un jeton doit avoir au moins un droit (\(APIScope.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .badRate(let rate): "limite de débit invalide : \(rate) appels par minute (de 1 à 1000000)"
        case .unknownProduct(let id): "produit inconnu : \(id)"
        case .unknownToken(let id): "jeton inconnu : \(id)"
        }
    }
}

/// API tokens and the call log. Secrets are the caller's (the server's random generator): only digests are kept.
public struct APITokenStore: Sendable {
    let sql: any SQLDatabase

    public init(database: any Database) { sql = database as! any SQLDatabase }

    public func create(name: String, digest: String, scopes: Set<APIScope>, productIDs: Set<Int> = [],
                       programmes: Set<String> = [], ratePerMinute: Int = 600, createdBy: String) async throws -> APIToken
    {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw APITokenError.emptyName }
        guard !scopes.isEmpty else { throw APITokenError.noScope }
        guard (1...1_000_000).contains(ratePerMinute) else { throw APITokenError.badRate(ratePerMinute) }
        for id in productIDs.sorted() where try await sql.select().column("id").from("products")
            .where("id", .equal, id).first() == nil {
            throw APITokenError.unknownProduct(id)
        }
        let now = Timestamp.now()
        let row = try await sql.insert(into: "api_tokens")
            .columns("name", "token_digest", "scopes", "product_ids", "programmes", "rate_per_minute", "created_by", "created_at")
            .values(SQLBind(name), SQLBind(digest), SQLBind(Self.join(scopes.map(\.rawValue))),
                    SQLBind(Self.join(productIDs.map(String.init))), SQLBind(Self.join(programmes)),
                    SQLBind(ratePerMinute), SQLBind(createdBy), SQLBind(now))
            .returning("id").first()
        return APIToken(id: try row!.decode(column: "id", as: Int.self), name: name, scopes: scopes,
                        productIDs: productIDs, programmes: programmes, ratePerMinute: ratePerMinute,
                        createdBy: createdBy, createdAt: now)
    }

    public func tokens() async throws -> [APIToken] {
        try await sql.raw("""
            SELECT t.*, (SELECT MAX(c.at) FROM api_calls c WHERE c.token_id = t.id) AS last_call
            FROM api_tokens t ORDER BY t.id
            """).all().map(Self.token)
    }

    /// The live (not revoked) token with this digest. Read on every API call: nothing is written here, the call
    /// log says when a token was last used.
    public func token(digest: String) async throws -> APIToken? {
        try await sql.select().column("*").from("api_tokens").where("token_digest", .equal, digest)
            .where("revoked_at", .is, SQLLiteral.null).first().map(Self.token)
    }

    public func revoke(id: Int) async throws {
        guard try await sql.select().column("id").from("api_tokens").where("id", .equal, id).first() != nil else {
            throw APITokenError.unknownToken(id)
        }
        try await sql.update("api_tokens").set("revoked_at", to: Timestamp.now()).where("id", .equal, id)
            .where("revoked_at", .is, SQLLiteral.null).run()
    }

    public func log(_ call: APICall) async throws { try await log([call]) }

    /// Several calls in one statement per hundred (8 values a row: SQLite's limit on bound values is far).
    public func log(_ calls: [APICall]) async throws {
        for start in stride(from: 0, to: calls.count, by: 100) {
            let insert = sql.insert(into: "api_calls")
                .columns("at", "caller", "token_id", "method", "path", "query", "status", "duration_ms")
            for call in calls[start..<min(start + 100, calls.count)] {
                insert.values(SQLBind(call.at), SQLBind(call.caller), SQLBind(call.tokenID), SQLBind(call.method),
                              SQLBind(call.path), SQLBind(call.query), SQLBind(call.status), SQLBind(call.durationMilliseconds))
            }
            try await insert.run()
        }
    }

    /// Runs `body` (writes) only if the database can be written now; otherwise it throws at once and nothing is
    /// written (one transaction). On SQLite `database` must be `.backgroundWrites`, whose lock wait this sets to 0.
    public static func withoutWaiting(on database: any Database, _ body: @escaping @Sendable (APITokenStore) async throws -> Void)
        async throws
    {
        try await database.withConnection { connection in
            if let sql = connection as? any SQLDatabase, sql.dialect.name == "sqlite" {
                try await sql.raw("PRAGMA busy_timeout = 0").run()
            }
            try await connection.transaction { transaction in try await body(APITokenStore(database: transaction)) }
        }
    }

    /// Forgets the calls made before `cutoff` (an ISO time, as stored).
    public func pruneCalls(before cutoff: String) async throws {
        try await sql.delete(from: "api_calls").where("at", .lessThan, cutoff).run()
    }

    /// The latest calls first, of one token or of everyone.
    public func calls(tokenID: Int? = nil, limit: Int = 100) async throws -> [APICall] {
        let query = sql.select().column("*").from("api_calls")
        if let tokenID { query.where("token_id", .equal, tokenID) }
        return try await query.orderBy("id", .descending).limit(limit).all().map { row in
            APICall(at: try row.decode(column: "at", as: String.self),
                    caller: try row.decode(column: "caller", as: String?.self),
                    tokenID: try row.decode(column: "token_id", as: Int?.self),
                    method: try row.decode(column: "method", as: String.self),
                    path: try row.decode(column: "path", as: String.self),
                    query: try row.decode(column: "query", as: String?.self),
                    status: try row.decode(column: "status", as: Int.self),
                    durationMilliseconds: try row.decode(column: "duration_ms", as: Double.self))
        }
    }

    private static func join(_ values: some Sequence<String>) -> String { values.sorted().joined(separator: ",") }

    private static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    private static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                 scopes: Set(split(try row.decode(column: "scopes", as: String.self)).compactMap(APIScope.init)),
                 productIDs: Set(split(try row.decode(column: "product_ids", as: String.self)).compactMap { Int($0) }),
                 programmes: Set(split(try row.decode(column: "programmes", as: String.self))),
                 ratePerMinute: try row.decode(column: "rate_per_minute", as: Int.self),
                 createdBy: try row.decode(column: "created_by", as: String.self),
                 createdAt: try row.decode(column: "created_at", as: String.self),
                 revokedAt: try row.decode(column: "revoked_at", as: String?.self),
                 lastUsedAt: try row.contains(column: "last_call") ? row.decode(column: "last_call", as: String?.self) : nil)
    }
}
