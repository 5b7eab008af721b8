import EclaireCore

/// Where `FactStatements` writes the values of one fact, column after column in the shape's order: a row of
/// `BulkValue`s for the SQLKit path, encoded bytes bound straight into prepared statements for the SQLite one.
protocol FactRowSink {
    mutating func put(_ text: String?)
    mutating func put(_ number: Int64?)
    mutating func put(_ flag: Bool?)
    mutating func put(_ date: LocalDate?)
    /// Closes the row begun by the first `put` since the last call.
    mutating func endRow()
}

extension FactRowSink {
    mutating func put(_ number: Int?) { put(number.map(Int64.init)) }
}

/// One row as `BulkValue`s, for the statements built per batch (PostgreSQL).
struct BulkValueRow: FactRowSink {
    private(set) var values: [BulkValue] = []

    init(capacity: Int) { values.reserveCapacity(capacity) }

    mutating func put(_ text: String?) { values.append(BulkValue(text)) }
    mutating func put(_ number: Int64?) { values.append(BulkValue(number)) }
    mutating func put(_ flag: Bool?) { values.append(BulkValue(flag)) }
    mutating func put(_ date: LocalDate?) { values.append(BulkValue(date?.iso)) }
    mutating func endRow() {}
}
