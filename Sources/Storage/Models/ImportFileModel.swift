import FluentKit
import Foundation

/// A file imported once, recognised by its SHA-256.
final class ImportFileModel: Model, @unchecked Sendable {
    static let schema = "import_files"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "sha256") var sha256: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "layout") var layout: String
    @Field(key: "encoding") var encoding: String
    @Field(key: "rows_read") var rowsRead: Int
    @Field(key: "rows_stored") var rowsStored: Int
    @Field(key: "rows_skipped") var rowsSkipped: Int
    @Field(key: "imported_at") var importedAt: Date

    init() {}

    init(sha256: String, fileName: String, layout: String, encoding: String) {
        self.sha256 = sha256
        self.fileName = fileName
        self.layout = layout
        self.encoding = encoding
        self.rowsRead = 0
        self.rowsStored = 0
        self.rowsSkipped = 0
        self.importedAt = Date()
    }
}

final class ImportErrorModel: Model, @unchecked Sendable {
    static let schema = "import_errors"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "file_id") var fileID: Int
    @Field(key: "line") var line: Int
    @Field(key: "field") var field: String
    @Field(key: "message") var message: String

    init() {}

    init(fileID: Int, line: Int, field: String, message: String) {
        self.fileID = fileID
        self.line = line
        self.field = field
        self.message = message
    }
}
