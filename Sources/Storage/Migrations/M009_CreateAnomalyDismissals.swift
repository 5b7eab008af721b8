import FluentKit

/// 009 — anomalies an analyst dismissed, with the reason: they stay dismissed across runs (keyed by kind and EJs).
struct M009_CreateAnomalyDismissals: AsyncMigration {
    var name: String { "009_create_anomaly_dismissals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("anomaly_dismissals")
            .field("key", .string, .required)
            .field("reason", .string, .required)
            .field("actor", .string, .required)
            .field("at", .string, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("anomaly_dismissals").delete()
    }
}
