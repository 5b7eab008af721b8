import Foundation

/// Splits a record into fields.
///
/// Two modes: standard CSV, lenient about stray quotes; and *fully quoted* files (Chorus national exports),
/// where every field is quoted and a field ends only at `"<delimiter>"` — these files print unescaped quotes and
/// delimiters inside names (`"AGENCE; NATIONALE "DES TITRES""`), which standard CSV would shift.
struct FieldSplitter: Sendable {
    let delimiter: UInt8
    let fullyQuoted: Bool

    /// The fields as slices (headers, small files).
    func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var fields = SplitFields()
        split(bytes, into: &fields)
        return fields.slices
    }

    /// Splits into `fields`, emptied first and reused from one record to the next: a million-line import then
    /// allocates nothing per field (slices of each record cost a reference count each, a fifth of the parsing).
    func split(_ bytes: [UInt8], into fields: inout SplitFields) {
        fields.removeAll()
        if fullyQuoted, bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 {
            splitFullyQuoted(bytes, into: &fields)
        } else {
            splitStandard(bytes, into: &fields)
        }
    }

    private func splitFullyQuoted(_ bytes: [UInt8], into fields: inout SplitFields) {
        let end = bytes.count - 1
        var start = 1
        var index = 1
        while index < end {
            if bytes[index] == 0x22, index + 2 < end, bytes[index + 1] == delimiter, bytes[index + 2] == 0x22 {
                fields.appendUnescaped(bytes[start..<index])
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        fields.appendUnescaped(bytes[start..<end])
    }

    private func splitStandard(_ bytes: [UInt8], into fields: inout SplitFields) {
        var index = 0
        let count = bytes.count
        while true {
            if index < count && bytes[index] == 0x22 {
                // Quoted field: `""` is a quote; a quote not followed by the delimiter is kept as text.
                fields.startField()
                index += 1
                while index < count {
                    if bytes[index] == 0x22 {
                        if index + 1 < count && bytes[index + 1] == 0x22 { fields.appendByte(0x22); index += 2; continue }
                        if index + 1 == count || bytes[index + 1] == delimiter { index += 1; break }
                        fields.appendByte(0x22); index += 1; continue
                    }
                    fields.appendByte(bytes[index]); index += 1
                }
                fields.endField()
                if index >= count { break }
                index += 1  // the delimiter
                if index == count { fields.append(bytes[count..<count]); break }
            } else {
                let start = index
                while index < count && bytes[index] != delimiter { index += 1 }
                fields.append(bytes[start..<index])
                if index >= count { break }
                index += 1
                if index == count { fields.append(bytes[count..<count]); break }
            }
        }
    }
}

/// The fields of one record: their bytes end to end in one buffer, and each field's range in it.
struct SplitFields {
    private(set) var bytes: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []
    private var fieldStart = 0

    var count: Int { ranges.count }
    subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }
    var slices: [ArraySlice<UInt8>] { ranges.map { bytes[$0] } }

    init() {}

    init(_ fields: [[UInt8]]) {
        for field in fields { append(field[...]) }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
    }

    mutating func append(_ field: ArraySlice<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: field)
        ranges.append(start..<bytes.count)
    }

    /// A fully quoted field: `""` inside is one quote.
    mutating func appendUnescaped(_ field: ArraySlice<UInt8>) {
        guard field.contains(0x22) else { return append(field) }
        startField()
        var index = field.startIndex
        while index < field.endIndex {
            bytes.append(field[index])
            if field[index] == 0x22, index + 1 < field.endIndex, field[index + 1] == 0x22 { index += 2 } else { index += 1 }
        }
        endField()
    }

    mutating func startField() { fieldStart = bytes.count }
    mutating func appendByte(_ byte: UInt8) { bytes.append(byte) }
    mutating func endField() { ranges.append(fieldStart..<bytes.count) }

    /// Whether field `index` holds the same bytes as field `otherIndex` of `other`.
    func field(_ index: Int, equals otherIndex: Int, of other: SplitFields) -> Bool {
        let mine = ranges[index], theirs = other.ranges[otherIndex]
        guard mine.count == theirs.count else { return false }
        guard !mine.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { a in
            other.bytes.withUnsafeBufferPointer { b in
                memcmp(a.baseAddress! + mine.lowerBound, b.baseAddress! + theirs.lowerBound, mine.count) == 0
            }
        }
    }
}
