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
    public static let progressInterval = 100_000

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
        let box = UncheckedBox(file)
        return try await database.transaction { transaction in
            try await Self.write(box.value, path: path, strict: strict, progress: progress, on: transaction)
        }
    }

    private static func write(_ file: ChorusFile, path: String, strict: Bool, progress: (@Sendable (Int) -> Void)?,
                              on database: any Database)
        async throws -> ImportReport
    {
        let model = ImportFileModel(sha256: file.sha256, fileName: file.displayName, layout: file.layout.rawValue,
                                    encoding: TextEncoding.ascii.rawValue)
        try await model.create(on: database)
        if let sqlite = database as? any SQLiteDatabase {
            // 64 MB of page cache for this connection: a large import otherwise spills pages to the WAL mid-way.
            _ = try await sqlite.query("PRAGMA cache_size = -65536")
        }
        var writer = FactWriter(database: database, fileID: model.id!)
        var report = ImportReport(file: path, layout: file.layout.rawValue, rowsRead: 0, rowsStored: 0,
                                  rowsSkipped: 0, errors: [], alreadyImported: false, encoding: "", sha256: file.sha256)
        for table in file.tables {
            while let row = table.next() {
                report.rowsRead += 1
                if report.rowsRead % progressInterval == 0 { progress?(report.rowsRead) }
                switch row.result {
                case .success(let record?):
                    writer.add(record, line: row.line)
                    report.rowsStored += 1
                    if writer.pendingCount >= batchSize { try await writer.flush() }
                case .success(nil):
                    report.rowsRead -= 1  // blank or subtotal rows are not data
                case .failure(let issue):
                    if strict {
                        try? await writer.waitForBatchInFlight()
                        throw ImportFailure.strictRowError(file.displayName, issue)
                    }
                    report.rowsSkipped += 1
                    report.errors.append(locate(issue, in: table))
                }
            }
        }
        try await writer.finish()
        report.encoding = file.tables[0].encodingName
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

    /// XLSX row issues name their sheet in the field, since several sheets share row numbers.
    private static func locate(_ issue: RowIssue, in table: any ChorusTable) -> RowIssue {
        guard let location = table.location else { return issue }
        return RowIssue(line: issue.line, field: "\(location) : \(issue.field)", message: issue.message)
    }
}

/// Moves a value used by one task at a time into a `@Sendable` closure (the transaction body).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
