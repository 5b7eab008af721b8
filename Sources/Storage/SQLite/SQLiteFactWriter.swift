import EclaireCore

/// Writes facts through statements prepared once for the whole file, so that SQLite parses each upsert once
/// instead of once per batch. Rows are sent `rowsPerStatement` at a time (a key repeated within one statement is
/// applied row after row by SQLite); the upserts add split lines of one file and replace another file's facts.
final class SQLiteFactWriter {
    static let rowsPerStatement = 32

    private let fileID: Int
    private let ejLines: PreparedUpsert
    private let amounts: PreparedUpsert
    private let payments: PreparedUpsert
    private let servicesFaits: PreparedUpsert

    init(connection: SQLiteHandle, fileID: Int) throws {
        self.fileID = fileID
        ejLines = try PreparedUpsert(FactStatements.ejLines, on: connection)
        amounts = try PreparedUpsert(FactStatements.amounts, on: connection)
        payments = try PreparedUpsert(FactStatements.payments, on: connection)
        servicesFaits = try PreparedUpsert(FactStatements.servicesFaits, on: connection)
    }

    func write(_ record: ChorusRecord, line: Int) throws {
        if let facts = record.ejLine { try ejLines.add(FactStatements.values(facts, line: line, fileID: fileID)) }
        for fact in record.amounts { try amounts.add(FactStatements.values(fact, line: line, fileID: fileID)) }
        if let payment = record.payment {
            try payments.add(FactStatements.values(payment, line: line, fileID: fileID))
        }
        if let sf = record.serviceFait {
            try servicesFaits.add(FactStatements.values(sf, line: line, fileID: fileID))
        }
    }

    /// Writes the rows still pending, in the order they came.
    func finish() throws {
        for upsert in [ejLines, amounts, payments, servicesFaits] { try upsert.flush() }
    }
}

/// One table's upsert, prepared for a full group of rows and for a single row (the remainder).
private final class PreparedUpsert {
    private let group: SQLiteStatementHandle
    private let single: SQLiteStatementHandle
    private var pending: [BulkValue] = []
    private var pendingRows = 0

    init(_ shape: UpsertShape, on connection: SQLiteHandle) throws {
        group = try connection.prepare(shape.preparedSQL(rows: SQLiteFactWriter.rowsPerStatement))
        single = try connection.prepare(shape.preparedSQL(rows: 1))
        pending.reserveCapacity(shape.columns.count * SQLiteFactWriter.rowsPerStatement)
    }

    func add(_ values: [BulkValue]) throws {
        pending += values
        pendingRows += 1
        if pendingRows == SQLiteFactWriter.rowsPerStatement {
            try group.run(pending)
            pending.removeAll(keepingCapacity: true)
            pendingRows = 0
        }
    }

    func flush() throws {
        guard pendingRows > 0 else { return }
        let width = pending.count / pendingRows
        for row in 0..<pendingRows { try single.run(Array(pending[(row * width)..<((row + 1) * width)])) }
        pending.removeAll(keepingCapacity: true)
        pendingRows = 0
    }
}
