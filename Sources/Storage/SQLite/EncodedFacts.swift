import EclaireCore

/// The rows of one table as bytes, built on the parsing thread and bound on the writing one without a Swift value
/// per cell. Each value is a tag — 0 NULL, 1 integer (8 bytes, little-endian), 2 text (4-byte length, UTF-8) —
/// followed by its bytes.
struct EncodedRows: FactRowSink, Sendable {
    static let null: UInt8 = 0, integer: UInt8 = 1, text: UInt8 = 2

    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func put(_ text: String?) {
        guard var text else { return bytes.append(Self.null) }
        bytes.append(Self.text)
        text.withUTF8 { utf8 in
            appendLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func put(_ number: Int64?) {
        guard let number else { return bytes.append(Self.null) }
        bytes.append(Self.integer)
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ flag: Bool?) { put(flag.map { $0 ? Int64(1) : 0 }) }

    /// `yyyy-mm-dd` written digit by digit: there are one or two dates in most rows.
    mutating func put(_ date: LocalDate?) {
        guard let date else { return bytes.append(Self.null) }
        guard (1000...9999).contains(date.year) else { return put(date.iso) }
        bytes.append(Self.text)
        appendLength(10)
        appendDigits(date.year, count: 4)
        bytes.append(0x2D)
        appendDigits(date.month, count: 2)
        bytes.append(0x2D)
        appendDigits(date.day, count: 2)
    }

    mutating func endRow() { count += 1 }

    private mutating func appendLength(_ length: Int) {
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func appendDigits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// One batch of parsed rows, encoded per fact table in the order of the rows.
struct EncodedFacts: Sendable {
    var ejLines: EncodedRows
    var amounts: EncodedRows
    var payments: EncodedRows
    var servicesFaits: EncodedRows

    init(_ batch: RecordBatches.Batch, fileID: Int) {
        ejLines = EncodedRows(capacity: batch.count * 400)
        amounts = EncodedRows(capacity: batch.count * 160)
        payments = EncodedRows(capacity: 0)
        servicesFaits = EncodedRows(capacity: 0)
        for (record, line) in batch {
            if let facts = record.ejLine { FactStatements.write(facts, line: line, fileID: fileID, into: &ejLines) }
            for fact in record.amounts { FactStatements.write(fact, line: line, fileID: fileID, into: &amounts) }
            if let payment = record.payment {
                FactStatements.write(payment, line: line, fileID: fileID, into: &payments)
            }
            if let sf = record.serviceFait {
                FactStatements.write(sf, line: line, fileID: fileID, into: &servicesFaits)
            }
        }
    }
}
