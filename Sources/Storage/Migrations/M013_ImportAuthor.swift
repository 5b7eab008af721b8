import FluentKit

/// 013 — who imported each file: an import made on the `/imports` page names its author; one made on the command
/// line leaves it empty.
struct M013_ImportAuthor: AsyncMigration {
    var name: String { "013_import_author" }

    func prepare(on database: any Database) async throws {
        try await database.schema("import_files").field("imported_by", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_files").deleteField("imported_by").update()
    }
}
