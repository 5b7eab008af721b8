import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// Accounts and sessions. Hashing is the caller's (the server's bcrypt): this store only keeps digests.
public struct AccountStore: Sendable {
    let sql: any SQLDatabase

    public init(database: any Database) { sql = database as! any SQLDatabase }

    public func createUser(login: String, name: String, role: Role, passwordHash: String, productIDs: Set<Int> = [])
        async throws -> User
    {
        let login = login.trimmingCharacters(in: .whitespaces).lowercased()
        guard !login.isEmpty else { throw AccountError.emptyLogin }
        if try await userRow(login: login) != nil { throw AccountError.duplicateLogin(login) }
        let row = try await sql.insert(into: "users").columns("login", "name", "role", "password_hash")
            .values(SQLBind(login), SQLBind(name), SQLBind(role.rawValue), SQLBind(passwordHash))
            .returning("id").first()
        let id = try row!.decode(column: "id", as: Int.self)
        try await setProducts(userID: id, productIDs)
        return User(id: id, login: login, name: name, role: role, productIDs: productIDs)
    }

    public func setProducts(userID: Int, _ productIDs: Set<Int>) async throws {
        try await sql.delete(from: "user_products").where("user_id", .equal, userID).run()
        for product in productIDs.sorted() {
            try await sql.insert(into: "user_products").columns("user_id", "product_id")
                .values(SQLBind(userID), SQLBind(product)).run()
        }
    }

    /// The user and their password hash, to check a password.
    public func credentials(login: String) async throws -> (User, String)? {
        guard let row = try await userRow(login: login.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
        return (try await user(row), try row.decode(column: "password_hash", as: String.self))
    }

    public func users() async throws -> [User] {
        var result: [User] = []
        for row in try await sql.select().column("*").from("users").orderBy("login").all() { result.append(try await user(row)) }
        return result
    }

    public func userCount() async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    public func createSession(userID: Int, tokenDigest: String, csrfToken: String, expiresAt: Date) async throws {
        try await sql.insert(into: "sessions").columns("token_digest", "user_id", "csrf_token", "expires_at")
            .values(SQLBind(tokenDigest), SQLBind(userID), SQLBind(csrfToken), SQLBind(Timestamp.iso(expiresAt))).run()
    }

    /// The session's user and CSRF token, unless it is unknown or expired.
    public func session(tokenDigest: String, now: Date = Date()) async throws -> (User, csrf: String)? {
        guard let row = try await sql.select().column("*").from("sessions").where("token_digest", .equal, tokenDigest)
            .first() else { return nil }
        guard try row.decode(column: "expires_at", as: String.self) > Timestamp.iso(now) else {
            try await deleteSession(tokenDigest: tokenDigest)
            return nil
        }
        let userID = try row.decode(column: "user_id", as: Int.self)
        guard let userRow = try await sql.select().column("*").from("users").where("id", .equal, userID).first()
        else { return nil }
        return (try await user(userRow), try row.decode(column: "csrf_token", as: String.self))
    }

    public func deleteSession(tokenDigest: String) async throws {
        try await sql.delete(from: "sessions").where("token_digest", .equal, tokenDigest).run()
    }

    private func userRow(login: String) async throws -> (any SQLRow)? {
        try await sql.select().column("*").from("users").where("login", .equal, login).first()
    }

    private func user(_ row: any SQLRow) async throws -> User {
        let id = try row.decode(column: "id", as: Int.self)
        let products = try await sql.select().column("product_id").from("user_products").where("user_id", .equal, id)
            .all().map { try $0.decode(column: "product_id", as: Int.self) }
        return User(id: id, login: try row.decode(column: "login", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .sponsor,
                    productIDs: Set(products))
    }

    /// Fixed-width UTC text, so that comparing strings compares instants on both databases.
}

public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyLogin
    case duplicateLogin(String)

    public var description: String {
        switch self {
        case .emptyLogin: "l'identifiant est vide"
        case .duplicateLogin(let login): "l'identifiant « \(login) » existe déjà"
        }
    }
}
