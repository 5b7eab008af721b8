import EclaireCore

/// Writes encoded facts through statements prepared once for the whole file, so that SQLite parses each upsert once
/// instead of once per batch. Rows are sent `rowsPerStatement` at a time (a key repeated within one statement is
/// applied row after row by SQLite), the rest of a batch one by one; the upserts add split lines of one file and
/// replace another file's facts.
final class SQLiteFactWriter {
    static let rowsPerStatement = 32

    private let ejLines: PreparedUpsert
    private let amounts: PreparedUpsert
    private let payments: PreparedUpsert
    private let servicesFaits: PreparedUpsert

    init(connection: SQLiteHandle) throws {
        ejLines = try PreparedUpsert(FactStatements.ejLines, on: connection)
        amounts = try PreparedUpsert(FactStatements.amounts, on: connection)
        payments = try PreparedUpsert(FactStatements.payments, on: connection)
        servicesFaits = try PreparedUpsert(FactStatements.servicesFaits, on: connection)
    }

    func write(_ facts: EncodedFacts) throws {
        try ejLines.write(facts.ejLines)
        try amounts.write(facts.amounts)
        try payments.write(facts.payments)
        try servicesFaits.write(facts.servicesFaits)
    }
}

/// One table's upsert, prepared for a full group of rows and for a single row (the remainder of a batch).
private final class PreparedUpsert {
    private let group: SQLiteStatementHandle
    private let single: SQLiteStatementHandle
    private let width: Int

    init(_ shape: UpsertShape, on connection: SQLiteHandle) throws {
        group = try connection.prepare(shape.preparedSQL(rows: SQLiteFactWriter.rowsPerStatement))
        single = try connection.prepare(shape.preparedSQL(rows: 1))
        width = shape.columns.count
    }

    func write(_ rows: EncodedRows) throws {
        guard rows.count > 0 else { return }
        try rows.bytes.withUnsafeBytes { buffer in
            var offset = 0
            var left = rows.count
            while left >= SQLiteFactWriter.rowsPerStatement {
                try group.bindEncoded(width * SQLiteFactWriter.rowsPerStatement, from: buffer, offset: &offset)
                try group.run()
                left -= SQLiteFactWriter.rowsPerStatement
            }
            for _ in 0..<left {
                try single.bindEncoded(width, from: buffer, offset: &offset)
                try single.run()
            }
        }
    }
}
