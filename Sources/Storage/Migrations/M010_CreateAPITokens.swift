import FluentKit
import SQLKit

/// 010 — API tokens created by an administrator (only their SHA-256 digest is kept) and the log of API calls.
struct M010_CreateAPITokens: AsyncMigration {
    var name: String { "010_create_api_tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("token_digest", .string, .required)
            .field("scopes", .string, .required)
            .field("product_ids", .string, .required)
            .field("programmes", .string, .required)
            .field("rate_per_minute", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .field("revoked_at", .string)
            .field("last_used_at", .string)
            .unique(on: "token_digest")
            .create()
        try await database.schema("api_calls")
            .field("id", .int, .identifier(auto: true))
            .field("at", .string, .required)
            .field("caller", .string)
            .field("token_id", .int)
            .field("method", .string, .required)
            .field("path", .string, .required)
            .field("query", .string)
            .field("status", .int, .required)
            .field("duration_ms", .double, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "api_calls_at").on("api_calls").column("at").run()
        try await sql.create(index: "api_calls_token").on("api_calls").column("token_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_calls").delete()
        try await database.schema("api_tokens").delete()
    }
}
