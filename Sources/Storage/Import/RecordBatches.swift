import ChorusImport
import EclaireCore

/// Reads the rows of a Chorus file as batches of facts, counting the rows and locating those that cannot be read.
struct RecordBatches {
    typealias Batch = [(record: ChorusRecord, line: Int)]

    private let file: ChorusFile
    private let strict: Bool
    private let progress: (@Sendable (Int) -> Void)?
    private var tableIndex = 0
    private(set) var report: ImportReport

    init(file: ChorusFile, path: String, strict: Bool, progress: (@Sendable (Int) -> Void)?) {
        self.file = file
        self.strict = strict
        self.progress = progress
        report = ImportReport(file: path, layout: file.layout.rawValue, rowsRead: 0, rowsStored: 0, rowsSkipped: 0,
                              errors: [], alreadyImported: false, encoding: "", sha256: file.sha256)
    }

    /// Up to `size` readable rows, or nil once the file is read. A bad row is recorded and skipped, or, when strict,
    /// ends the import with an error naming the file, line and field.
    mutating func next(size: Int) throws -> Batch? {
        var batch = Batch()
        batch.reserveCapacity(size)
        while batch.count < size, tableIndex < file.tables.count {
            let table = file.tables[tableIndex]
            guard let row = try table.next() else {
                tableIndex += 1
                continue
            }
            switch row.result {
            case .success(let record?):
                report.rowsRead += 1
                report.rowsStored += 1
                batch.append((record, row.line))
                if report.rowsRead % ChorusImporter.progressInterval == 0 { progress?(report.rowsRead) }
            case .success(nil):
                continue  // blank or subtotal rows are not data
            case .failure(let issue):
                if strict { throw ImportFailure.strictRowError(file.displayName, issue) }
                report.rowsRead += 1
                report.rowsSkipped += 1
                report.errors.append(Self.locate(issue, in: table))
            }
        }
        report.encoding = file.tables[0].encodingName
        return batch.isEmpty && tableIndex >= file.tables.count ? nil : batch
    }

    /// XLSX row issues name their sheet in the field, since several sheets share row numbers.
    private static func locate(_ issue: RowIssue, in table: any ChorusTable) -> RowIssue {
        guard let location = table.location else { return issue }
        return RowIssue(line: issue.line, field: "\(location) : \(issue.field)", message: issue.message)
    }
}
