import VaporCSQLite

/// A failed SQLite call, with SQLite's own message.
public struct SQLiteCallError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public var description: String { "SQLite \(code): \(message)" }
}

/// One connection to a SQLite file for bulk loads, through the same SQLite library as SQLiteNIO (a second copy of
/// SQLite in the process would keep its own POSIX locks and could corrupt the file). Every return code is checked.
/// Used from one thread at a time.
final class SQLiteHandle {
    fileprivate let raw: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteCallError(code: code, message: message)
        }
        raw = handle
        // Pages' readers and other writers hold the file briefly: wait for them rather than fail.
        try check(sqlite_nio_sqlite3_busy_timeout(raw, 30_000))
    }

    deinit { sqlite_nio_sqlite3_close_v2(raw) }

    func execute(_ sql: String) throws {
        try check(sqlite_nio_sqlite3_exec(raw, sql, nil, nil, nil))
    }

    func prepare(_ sql: String) throws -> SQLiteStatementHandle {
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw SQLiteCallError(code: SQLITE_MISUSE, message: "empty statement: \(sql)") }
        return SQLiteStatementHandle(statement, connection: self)
    }

    var lastInsertRowID: Int64 { sqlite_nio_sqlite3_last_insert_rowid(raw) }

    @discardableResult
    func check(_ code: Int32) throws -> Int32 {
        guard code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE else {
            throw SQLiteCallError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(raw)))
        }
        return code
    }
}

/// A prepared statement reused row after row: bind, step, reset.
final class SQLiteStatementHandle {
    private let raw: OpaquePointer
    private let connection: SQLiteHandle
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate init(_ raw: OpaquePointer, connection: SQLiteHandle) {
        self.raw = raw
        self.connection = connection
    }

    deinit { sqlite_nio_sqlite3_finalize(raw) }

    func bind(_ index: Int32, _ value: BulkValue) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite_nio_sqlite3_bind_null(raw, index)
        case .integer(let number): code = sqlite_nio_sqlite3_bind_int64(raw, index, number)
        case .real(let number): code = sqlite_nio_sqlite3_bind_double(raw, index, number)
        case .boolean(let flag): code = sqlite_nio_sqlite3_bind_int64(raw, index, flag ? 1 : 0)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else {
                    return sqlite_nio_sqlite3_bind_text64(raw, index, "", 0, Self.transient, UInt8(SQLITE_UTF8))
                }
                return sqlite_nio_sqlite3_bind_text64(
                    raw, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), UInt64(bytes.count),
                    Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        try connection.check(code)
    }

    /// Binds the values to parameters 1…n, runs the statement to its end and makes it ready for the next row.
    func run(_ values: [BulkValue]) throws {
        for (offset, value) in values.enumerated() { try bind(Int32(offset + 1), value) }
        try run()
    }

    /// Binds `count` values encoded as `EncodedRows` writes them, from `offset` on, to parameters 1…count. Text is
    /// bound in place (no copy): the bytes must outlive the next `run()`, and every parameter is bound again before
    /// the one after.
    func bindEncoded(_ count: Int, from buffer: UnsafeRawBufferPointer, offset: inout Int) throws {
        guard let base = buffer.baseAddress else { throw SQLiteCallError(code: SQLITE_MISUSE, message: "no rows") }
        for index in 1...Int32(count) {
            let tag = buffer[offset]
            offset += 1
            let code: Int32
            switch tag {
            case EncodedRows.integer:
                code = sqlite_nio_sqlite3_bind_int64(
                    raw, index, Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
                offset += 8
            case EncodedRows.text:
                let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                code = sqlite_nio_sqlite3_bind_text64(
                    raw, index, (base + offset).assumingMemoryBound(to: CChar.self), UInt64(length), nil,
                    UInt8(SQLITE_UTF8))
                offset += length
            default:
                code = sqlite_nio_sqlite3_bind_null(raw, index)
            }
            try connection.check(code)
        }
    }

    /// Runs the statement with the values bound and makes it ready for the next row.
    func run() throws {
        let code = sqlite_nio_sqlite3_step(raw)
        sqlite_nio_sqlite3_reset(raw)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw SQLiteCallError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(connection.raw)))
        }
    }
}
