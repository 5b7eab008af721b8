import ChorusImport
import EclaireCore
import FluentKit
import FluentSQLiteDriver
import SQLKit

/// Imports Chorus exports: one transaction per file, streamed in batches, idempotent.
public struct ChorusImporter: Sendable {
    let database: any Database
    /// Rows per INSERT: far under SQLite's and PostgreSQL's bind limits, large enough to amortise round trips.
    static let batchSize = 400
    /// Row errors kept in the database per file (all are counted).
    static let storedErrorLimit = 1000

    /// Called every `progressInterval` rows with the number of rows read so far.
    let progress: (@Sendable (Int) -> Void)?
    // Often enough for the import page, which reloads every 2 s, to show the count move (~25 000 rows a second).
    public static let progressInterval = 10_000

    public init(database: any Database, progress: (@Sendable (Int) -> Void)? = nil) {
        self.database = database
        self.progress = progress
    }

    public func importFile(_ path: String, strict: Bool = false) async throws -> ImportReport {
        let file = try ChorusFile.open(path)
        if let previous = try await ImportFileModel.query(on: database).filter(\.$sha256 == file.sha256).first() {
            return ImportReport(file: path, layout: previous.layout, rowsRead: previous.rowsRead, rowsStored: 0,
                                rowsSkipped: 0, errors: [], alreadyImported: true, encoding: previous.encoding,
                                sha256: file.sha256)
        }
        if let databasePath = try await Self.sqliteFilePath(of: database) {
            return try await SQLiteBulkImport.run(file, path: path, databasePath: databasePath, strict: strict,
                                                  progress: progress)
        }
        let box = UncheckedBox(file)
        return try await database.transaction { transaction in
            try await Self.write(box.value, path: path, strict: strict, progress: progress, on: transaction)
        }
    }

    /// The file behind a SQLite database, which bulk loads open directly; nil for PostgreSQL or an in-memory base.
    static func sqliteFilePath(of database: any Database) async throws -> String? {
        guard let sqlite = database as? any SQLiteDatabase else { return nil }
        let rows = try await sqlite.query("PRAGMA database_list")
        let main = rows.first { $0.column("name")?.string == "main" }
        return main?.column("file")?.string.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The path of PostgreSQL (and in-memory SQLite): multi-row upserts through the transaction's connection.
    private static func write(_ file: ChorusFile, path: String, strict: Bool, progress: (@Sendable (Int) -> Void)?,
                              on database: any Database)
        async throws -> ImportReport
    {
        let model = ImportFileModel(sha256: file.sha256, fileName: file.displayName, layout: file.layout.rawValue,
                                    encoding: TextEncoding.ascii.rawValue)
        try await model.create(on: database)
        var writer = FactWriter(database: database, fileID: model.id!)
        var reader = RecordBatches(file: file, path: path, strict: strict, progress: progress)
        while true {
            let batch: RecordBatches.Batch?
            do {
                batch = try reader.next(size: batchSize)
            } catch {
                try? await writer.waitForBatchInFlight()
                throw error
            }
            guard let batch else { break }
            for (record, line) in batch { writer.add(record, line: line) }
            try await writer.flush()
        }
        try await writer.finish()
        let report = reader.report
        model.rowsRead = report.rowsRead
        model.rowsStored = report.rowsStored
        model.rowsSkipped = report.rowsSkipped
        model.encoding = report.encoding
        try await model.update(on: database)
        for issue in report.errors.prefix(storedErrorLimit) {
            try await ImportErrorModel(fileID: model.id!, line: issue.line, field: issue.field, message: issue.message)
                .create(on: database)
        }
        return report
    }
}

/// Moves a value used by one task at a time into a `@Sendable` closure (the transaction body).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
