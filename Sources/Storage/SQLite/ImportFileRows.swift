import ChorusImport
import Foundation

/// The `import_files` and `import_errors` rows of a bulk import, written on the import's own connection and
/// transaction, in the columns `ImportFileModel` and `ImportErrorModel` map.
enum ImportFileRows {
    static func insert(_ file: ChorusFile, on connection: SQLiteHandle) throws -> Int {
        let statement = try connection.prepare("""
            INSERT INTO import_files (sha256, file_name, layout, encoding, rows_read, rows_stored, rows_skipped, \
            imported_at) VALUES (?, ?, ?, ?, 0, 0, 0, ?)
            """)
        try statement.run([.text(file.sha256), .text(file.displayName), .text(file.layout.rawValue),
                           .text(TextEncoding.ascii.rawValue), .real(Date().timeIntervalSince1970)])
        return Int(connection.lastInsertRowID)
    }

    static func complete(_ fileID: Int, with report: ImportReport, on connection: SQLiteHandle) throws {
        let update = try connection.prepare(
            "UPDATE import_files SET rows_read = ?, rows_stored = ?, rows_skipped = ?, encoding = ? WHERE id = ?")
        try update.run([BulkValue(report.rowsRead), BulkValue(report.rowsStored), BulkValue(report.rowsSkipped),
                        .text(report.encoding), BulkValue(fileID)])
        let insertError = try connection.prepare(
            "INSERT INTO import_errors (file_id, line, field, message) VALUES (?, ?, ?, ?)")
        for issue in report.errors.prefix(ChorusImporter.storedErrorLimit) {
            try insertError.run([BulkValue(fileID), BulkValue(issue.line), .text(issue.field), .text(issue.message)])
        }
    }
}
