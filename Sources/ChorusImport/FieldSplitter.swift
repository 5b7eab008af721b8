/// Splits a record into fields.
///
/// Two modes: standard CSV, lenient about stray quotes; and *fully quoted* files (Chorus national exports),
/// where every field is quoted and a field ends only at `"<delimiter>"` — these files print unescaped quotes and
/// delimiters inside names (`"AGENCE; NATIONALE "DES TITRES""`), which standard CSV would shift.
struct FieldSplitter: Sendable {
    let delimiter: UInt8
    let fullyQuoted: Bool

    func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        if fullyQuoted, bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 {
            return splitFullyQuoted(bytes)
        }
        return splitStandard(bytes)
    }

    private func splitFullyQuoted(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var fields: [ArraySlice<UInt8>] = []
        let inner = bytes[1..<(bytes.count - 1)]
        var start = inner.startIndex
        var index = inner.startIndex
        while index < inner.endIndex {
            if inner[index] == 0x22, index + 2 < inner.endIndex, inner[index + 1] == delimiter, inner[index + 2] == 0x22 {
                fields.append(unescape(inner[start..<index]))
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        fields.append(unescape(inner[start..<inner.endIndex]))
        return fields
    }

    private func splitStandard(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var fields: [ArraySlice<UInt8>] = []
        var index = 0
        let count = bytes.count
        while true {
            if index < count && bytes[index] == 0x22 {
                // Quoted field: `""` is a quote; a quote not followed by the delimiter is kept as text.
                var value: [UInt8] = []
                index += 1
                while index < count {
                    if bytes[index] == 0x22 {
                        if index + 1 < count && bytes[index + 1] == 0x22 { value.append(0x22); index += 2; continue }
                        if index + 1 == count || bytes[index + 1] == delimiter { index += 1; break }
                        value.append(0x22); index += 1; continue
                    }
                    value.append(bytes[index]); index += 1
                }
                fields.append(value[...])
                if index >= count { break }
                index += 1  // the delimiter
                if index == count { fields.append([]); break }
            } else {
                let start = index
                while index < count && bytes[index] != delimiter { index += 1 }
                fields.append(bytes[start..<index])
                if index >= count { break }
                index += 1
                if index == count { fields.append([]); break }
            }
        }
        return fields
    }

    private func unescape(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard slice.contains(0x22) else { return slice }
        var out: [UInt8] = []
        var index = slice.startIndex
        while index < slice.endIndex {
            out.append(slice[index])
            if slice[index] == 0x22, index + 1 < slice.endIndex, slice[index + 1] == 0x22 { index += 2 } else { index += 1 }
        }
        return out[...]
    }
}
