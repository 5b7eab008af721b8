import Foundation

/// The cells of an Excel 97–2003 workbook (.xls, BIFF8 records in the `Workbook` stream, [MS-XLS]): the sheets'
/// names and positions, the shared string table (strings continued across CONTINUE records), and each sheet's
/// text, number, RK, formula-result and boolean cells. Numbers come out as printed by `plainNumber`.
public struct XLSWorkbook {
    public struct Sheet: Sendable {
        public let name: String
        /// Rows in order, each as (row number from 1, cells by column index from 0).
        public let rows: [(Int, [String])]
    }

    public let sheets: [Sheet]

    public init(_ file: CompoundFile) throws {
        guard let stream = try file.stream("Workbook") ?? file.stream("Book") else {
            throw OfficeFileError("fichier Office binaire sans classeur Excel")
        }
        let records = Records(stream)
        guard let bof = records.first, bof.type == 0x0809, CompoundFile.u16(bof.data, 0) == 0x0600 else {
            throw OfficeFileError("classeur Excel antérieur à Excel 97 (BIFF5 ou plus ancien), non pris en charge")
        }
        var bounds: [(name: String, offset: Int)] = []
        var strings: [String] = []
        var index = 0
        while index < records.count {
            let record = records[index]
            switch record.type {
            case 0x002F: throw OfficeFileError("classeur Excel chiffré")
            case 0x0085:
                let kind = record.data.count > 5 ? record.data[5] : 0
                if kind == 0 {  // worksheets only: charts and macros have no cells to read
                    var reader = ContinuedReader([record.data])
                    reader.skip(6)
                    let length = Int(reader.byte())
                    bounds.append((reader.characters(length), Int(CompoundFile.u32(record.data, 0))))
                }
            case 0x00FC:
                var segments = [record.data]
                while index + 1 < records.count, records[index + 1].type == 0x003C {
                    index += 1
                    segments.append(records[index].data)
                }
                strings = Self.sharedStrings(segments)
            case 0x000A:
                index = records.count  // end of the globals
                continue
            default: break
            }
            index += 1
        }
        sheets = bounds.map { bound in
            Sheet(name: bound.name, rows: Self.cells(Records(stream, from: bound.offset), strings: strings))
        }
    }

    static func sharedStrings(_ segments: [[UInt8]]) -> [String] {
        var reader = ContinuedReader(segments)
        reader.skip(4)
        let unique = Int(reader.u32())
        var strings: [String] = []
        strings.reserveCapacity(min(unique, 1 << 20))
        while strings.count < unique, !reader.atEnd {
            strings.append(reader.unicodeString())
        }
        return strings
    }

    private static func cells(_ records: Records, strings: [String]) -> [(Int, [String])] {
        var grid: [Int: [Int: String]] = [:]
        var pendingFormula: (row: Int, column: Int)?
        func put(_ row: Int, _ column: Int, _ value: String) {
            guard !value.isEmpty, column < 16_384 else { return }
            grid[row, default: [:]][column] = value
        }
        for (offset, record) in records.enumerated() {
            let data = record.data
            let row = Int(CompoundFile.u16(data, 0)), column = Int(CompoundFile.u16(data, 2))
            switch record.type {
            case 0x00FD:
                let index = Int(CompoundFile.u32(data, 6))
                put(row, column, index < strings.count ? strings[index] : "")
            case 0x0204:
                var reader = ContinuedReader([data])
                reader.skip(6)
                put(row, column, reader.unicodeString(shortLength: false, rich: false))
            case 0x0203: put(row, column, plainNumber(Self.double(data, 6)))
            case 0x027E: put(row, column, plainNumber(Self.rk(CompoundFile.u32(data, 6))))
            case 0x00BD:
                let count = (data.count - 6) / 6
                for k in 0..<max(0, count) {
                    put(row, column + k, plainNumber(Self.rk(CompoundFile.u32(data, 4 + 6 * k + 2))))
                }
            case 0x0205: if data.count > 7, data[7] == 0 { put(row, column, data[6] != 0 ? "VRAI" : "FAUX") }
            case 0x0006:
                if data.count >= 14, data[12] == 0xFF, data[13] == 0xFF {
                    if data[6] == 0 { pendingFormula = (row, column) }
                    else if data[6] == 1 { put(row, column, data[8] != 0 ? "VRAI" : "FAUX") }
                } else {
                    put(row, column, plainNumber(Self.double(data, 6)))
                }
            case 0x0207:
                if let (row, column) = pendingFormula {
                    var reader = ContinuedReader([data])
                    put(row, column, reader.unicodeString(shortLength: false, rich: false))
                }
                pendingFormula = nil
            default: break
            }
            if record.type == 0x000A, offset > 0 { break }
        }
        return grid.keys.sorted().map { row in
            let cells = grid[row]!
            let width = (cells.keys.max() ?? -1) + 1
            return (row + 1, (0..<width).map { cells[$0] ?? "" })
        }
    }

    /// An RK number: a 30-bit integer or the high bits of a double, possibly divided by 100.
    static func rk(_ value: UInt32) -> Double {
        let number = value & 0x02 != 0
            ? Double(Int32(bitPattern: value) >> 2)
            : Double(bitPattern: UInt64(value & 0xFFFF_FFFC) << 32)
        return value & 0x01 != 0 ? number / 100 : number
    }

    static func double(_ data: [UInt8], _ offset: Int) -> Double {
        guard offset + 8 <= data.count else { return 0 }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(data[offset + k]) << (8 * UInt64(k)) }
        return Double(bitPattern: bits)
    }

    /// `1234` for an integral value, else the shortest decimal form (`12.5`).
    static func plainNumber(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// The BIFF records of a stream from an offset: (type, data), stopping at the first one that overruns the stream.
struct Records: RandomAccessCollection {
    private var items: [(type: UInt16, data: [UInt8])] = []

    init(_ stream: [UInt8], from start: Int = 0) {
        var offset = start
        while offset + 4 <= stream.count {
            let type = CompoundFile.u16(stream, offset), length = Int(CompoundFile.u16(stream, offset + 2))
            guard offset + 4 + length <= stream.count else { break }
            items.append((type, Array(stream[(offset + 4)..<(offset + 4 + length)])))
            offset += 4 + length
            if start > 0, type == 0x000A { break }  // a sheet's substream ends at its EOF
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { items.count }
    subscript(position: Int) -> (type: UInt16, data: [UInt8]) { items[position] }
}

/// Reads a record and its CONTINUE records as one run of bytes, except for characters: a string split across
/// records starts its continuation with a fresh flags byte saying whether the rest is 8-bit or UTF-16.
struct ContinuedReader {
    private let segments: [[UInt8]]
    private var segment = 0
    private var position = 0

    init(_ segments: [[UInt8]]) { self.segments = segments }

    var atEnd: Bool { segment >= segments.count || (segment == segments.count - 1 && position >= segments[segment].count) }

    mutating func byte() -> UInt8 {
        while segment < segments.count, position >= segments[segment].count {
            segment += 1
            position = 0
        }
        guard segment < segments.count else { return 0 }
        defer { position += 1 }
        return segments[segment][position]
    }

    mutating func u16() -> UInt16 { UInt16(byte()) | UInt16(byte()) << 8 }
    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }
    /// Moves on by `count` bytes, or to the end: a damaged string may declare four billion bytes of extras, which
    /// read one by one kept a fuzzed file's reading for 11 s.
    mutating func skip(_ count: Int) {
        var left = max(0, count)
        while left > 0, segment < segments.count {
            let available = segments[segment].count - position
            guard available > 0 else {
                segment += 1
                position = 0
                continue
            }
            let step = min(available, left)
            position += step
            left -= step
        }
    }

    /// An XLUnicodeRichExtendedString (SST) or, with `rich: false`, an XLUnicodeString.
    mutating func unicodeString(shortLength: Bool = false, rich: Bool = true) -> String {
        let length = shortLength ? Int(byte()) : Int(u16())
        let flags = byte()
        let runs = rich && flags & 0x08 != 0 ? Int(u16()) : 0
        let extra = rich && flags & 0x04 != 0 ? Int(u32()) : 0
        let text = characters(length, wide: flags & 0x01 != 0)
        skip(4 * runs + extra)
        return text
    }

    /// `count` characters; `wide` unless told by a flags byte (a ShortXLUnicodeString reads its own flags).
    mutating func characters(_ count: Int, wide initial: Bool? = nil) -> String {
        var wide = initial ?? (byte() & 0x01 != 0)
        var units: [UInt16] = []
        units.reserveCapacity(count)
        while units.count < count {
            if segment < segments.count, position >= segments[segment].count {
                guard segment + 1 < segments.count else { break }
                segment += 1
                position = 0
                wide = byte() & 0x01 != 0
                continue
            }
            guard segment < segments.count else { break }
            units.append(wide ? u16() : Windows1252.unit(byte()))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
