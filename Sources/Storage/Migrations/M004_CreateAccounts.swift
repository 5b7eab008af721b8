import FluentKit

/// 004 — local accounts, the products sponsors and team members are attached to, and sign-in sessions.
/// Passwords are stored as bcrypt hashes, session tokens as SHA-256 digests: the base never holds a secret.
struct M004_CreateAccounts: AsyncMigration {
    var name: String { "004_create_accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .int, .identifier(auto: true))
            .field("login", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .unique(on: "login")
            .create()
        try await database.schema("user_products")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("product_id", .int, .required, .references("products", "id", onDelete: .cascade))
            .unique(on: "user_id", "product_id")
            .create()
        try await database.schema("sessions")
            .field("id", .int, .identifier(auto: true))
            .field("token_digest", .string, .required)
            .field("user_id", .int, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("expires_at", .string, .required)
            .unique(on: "token_digest")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["sessions", "user_products", "users"] { try await database.schema(table).delete() }
    }
}
