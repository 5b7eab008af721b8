import FluentKit

/// 015 — the facts of each document's type (a fiche navette's imputation, an acte d'engagement's lots…), kept as
/// the JSON tree the reader gives: they are read whole, with their document, never queried one by one.
struct M015_DocumentTypedFacts: AsyncMigration {
    var name: String { "015_document_typed_facts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("documents").field("typed_facts", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("documents").deleteField("typed_facts").update()
    }
}
