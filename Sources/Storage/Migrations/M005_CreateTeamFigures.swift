import FluentKit

/// 005 — the team's own figures that Chorus lines are reconciled with: the AE of each purchase order as signed,
/// and the CP of each service fait (several rows may share one SF number when the team splits it).
struct M005_CreateTeamFigures: AsyncMigration {
    var name: String { "005_create_team_figures" }

    func prepare(on database: any Database) async throws {
        try await database.schema("team_orders")
            .field("id", .int, .identifier(auto: true))
            .field("product_id", .int, .required, .references("products", "id", onDelete: .cascade))
            .field("ej", .string, .required)
            .field("ae_cents", .int64, .required)
            .field("label", .string, .required)
            .unique(on: "product_id", "ej")
            .create()
        try await database.schema("team_services_faits")
            .field("id", .int, .identifier(auto: true))
            .field("product_id", .int, .required, .references("products", "id", onDelete: .cascade))
            .field("ej", .string, .required)
            .field("number", .string, .required)
            .field("cp_cents", .int64, .required)
            .field("label", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("team_services_faits").delete()
        try await database.schema("team_orders").delete()
    }
}
