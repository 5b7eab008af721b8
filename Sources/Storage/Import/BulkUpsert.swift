import FluentKit
import FluentSQLiteDriver
import SQLKit

/// A value to bind in a bulk statement; kept as a plain enum so that no dynamic cast runs per value.
enum BulkValue: Sendable {
    case text(String), integer(Int64), real(Double), boolean(Bool), null

    init(_ value: String?) { self = value.map(BulkValue.text) ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map(BulkValue.integer) ?? .null }
    init(_ value: Bool?) { self = value.map(BulkValue.boolean) ?? .null }
}

/// An `INSERT … ON CONFLICT (…) DO UPDATE SET …` of one table. The SQL text holds only constant table and
/// column names written in this module and the NULL literal; every other value is bound.
struct UpsertShape: Sendable {
    let table: String
    let columns: [String]
    let conflict: [String]
    /// `column = expression` assignments, the expressions naming `excluded.` and `table.` columns only.
    let updates: [String]

    func sql(rowsSQL: String) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(rowsSQL) ON CONFLICT ("
            + conflict.joined(separator: ", ") + ") DO UPDATE SET " + updates.joined(separator: ", ")
    }

    /// `rows` rows of `?` parameters, for a statement prepared once and run again and again.
    func preparedSQL(rows: Int) -> String {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return sql(rowsSQL: Array(repeating: row, count: rows).joined(separator: ", "))
    }
}

/// The upsert of many rows in one statement.
struct BulkUpsert: Sendable {
    let shape: UpsertShape
    var rows: [[BulkValue]] = []

    func sql(placeholder: (Int) -> String) -> String {
        var text = ""
        var index = 0
        for (rowIndex, row) in rows.enumerated() {
            text += rowIndex == 0 ? "(" : ", ("
            for (column, value) in row.enumerated() {
                if column > 0 { text += ", " }
                // NULL is written, not bound: an untyped literal fits any column on every database.
                if case .null = value { text += "NULL"; continue }
                index += 1
                text += placeholder(index)
            }
            text += ")"
        }
        return shape.sql(rowsSQL: text)
    }

    /// Runs natively on SQLite (no per-value encoding), through SQLKit on PostgreSQL; the statement is the same
    /// but for the placeholders each database expects.
    func run(on database: any Database) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = database as? any SQLiteDatabase {
            _ = try await sqlite.query(sql { _ in "?" }, rows.flatMap { $0.compactMap(\.sqlite) })
        } else {
            let statement = BoundSQL(text: sql { "$\($0)" }, binds: rows.flatMap { $0.compactMap(\.encodable) })
            try await (database as! any SQLDatabase).execute(sql: statement) { _ in }
        }
    }
}

/// Raw SQL text with its binds, for SQLKit databases.
private struct BoundSQL: SQLExpression {
    let text: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: binds)
    }
}

extension BulkValue {
    /// The value to bind; nil for NULL, which the statement writes as a literal.
    var sqlite: SQLiteData? {
        switch self {
        case .text(let value): .text(value)
        case .integer(let value): .integer(Int(value))
        case .real(let value): .float(value)
        case .boolean(let value): .integer(value ? 1 : 0)
        case .null: nil
        }
    }

    var encodable: (any Encodable & Sendable)? {
        switch self {
        case .text(let value): value
        case .integer(let value): value
        case .real(let value): value
        case .boolean(let value): value
        case .null: nil
        }
    }
}
