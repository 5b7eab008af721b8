import FluentKit

/// 006 — monthly consumption of contracts (conso mensuelle) and its split across purchase orders.
struct M006_CreateConsumptions: AsyncMigration {
    var name: String { "006_create_consumptions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("consumptions")
            .field("id", .int, .identifier(auto: true))
            .field("product_id", .int, .required, .references("products", "id", onDelete: .cascade))
            .field("contract", .string, .required)
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("days_hundredths", .int, .required)
            .field("day_rate_cents", .int64, .required)
            .field("other_costs_cents", .int64, .required)
            .field("status", .string, .required)
            .create()
        try await database.schema("consumption_shares")
            .field("id", .int, .identifier(auto: true))
            .field("consumption_id", .int, .required, .references("consumptions", "id", onDelete: .cascade))
            .field("ej", .string, .required)
            .field("amount_cents", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consumption_shares").delete()
        try await database.schema("consumptions").delete()
    }
}
