import Foundation

/// The rows of one worksheet, scanned from its inflated part as they are asked for: (row number, cells by column
/// index from 0), empty rows skipped. Shared strings are resolved, numbers kept as printed (date serials included).
public final class XLSXSheetRows {
    private let scanner: XMLScanner
    private let handle: FileHandle
    private let sharedStrings: [String]
    private var lastRowNumber = 0

    init(handle: FileHandle, sharedStrings: [String], chunkSize: Int = 1 << 20) {
        self.handle = handle
        scanner = XMLScanner(handle: handle, chunkSize: chunkSize)
        self.sharedStrings = sharedStrings
    }

    deinit { try? handle.close() }

    private enum CellType { case number, shared, other }

    public func next() throws -> (Int, [String])? {
        var inRow = false
        var rowNumber = 0
        var cells: [String] = []
        var column = 0
        var type = CellType.number
        var value = ""
        var capturing = false
        var inPhonetic = false
        while let token = try scanner.next() {
            switch token {
            case .start(.row, let selfClosing):
                rowNumber = scanner.attribute(Self.reference).flatMap(Self.integer) ?? lastRowNumber + 1
                lastRowNumber = rowNumber
                if selfClosing { continue }
                inRow = true
                cells.removeAll(keepingCapacity: true)
            case .start(.c, let selfClosing) where inRow:
                column = scanner.attribute(Self.reference).map(Self.columnIndex) ?? cells.count
                type = switch scanner.attribute(Self.type) {
                case nil: .number
                case let t? where t.count == 1 && t.first == UInt8(ascii: "n"): .number
                case let t? where t.count == 1 && t.first == UInt8(ascii: "s"): .shared
                default: .other
                }
                value = ""
                if selfClosing { continue }
            case .start(.v, false), .start(.t, false):
                capturing = true
            case .start(.phonetic, false):
                inPhonetic = true
            case .end(.phonetic):
                inPhonetic = false
            case .end(.v), .end(.t):
                capturing = false
            case .text where capturing && !inPhonetic:
                value += scanner.text
            case .end(.c) where inRow:
                // A column given twice keeps its first value; past Excel's last column (XFD) nothing is kept.
                guard column >= cells.count, column < Self.maxColumns else { continue }
                while cells.count < column { cells.append("") }
                cells.append(resolved(value, type))
            case .end(.row):
                inRow = false
                if cells.contains(where: { !$0.isEmpty }) { return (rowNumber, cells) }
            default:
                break
            }
        }
        return nil
    }

    static let maxColumns = 16_384
    private static let reference = Array("r".utf8), type = Array("t".utf8)

    private func resolved(_ value: String, _ type: CellType) -> String {
        switch type {
        case .shared: return Int(value).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
        case .number: return Self.plainNumber(value)
        case .other: return value
        }
    }

    /// The shared strings table: each `si`'s text runs joined, phonetic readings left out.
    static func sharedStrings(_ handle: FileHandle) throws -> [String] {
        defer { try? handle.close() }
        let scanner = XMLScanner(handle: handle)
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        while let token = try scanner.next() {
            switch token {
            case .start(.sharedItem, let selfClosing):
                current = ""
                if selfClosing { strings.append("") }
            case .end(.sharedItem): strings.append(current)
            case .start(.t, false): inText = true
            case .end(.t): inText = false
            case .start(.phonetic, false): inPhonetic = true
            case .end(.phonetic): inPhonetic = false
            case .text where inText && !inPhonetic: current += scanner.text
            default: break
            }
        }
        return strings
    }

    /// `8.5129663200017E13` → `85129663200017`: identifiers typed as numbers must not reach us in scientific form.
    static func plainNumber(_ text: String) -> String {
        guard text.contains("E") || text.contains("e"), let number = Double(text) else { return text }
        if number == number.rounded(), abs(number) < 9e15 { return String(Int64(number)) }
        return String(format: "%.6f", number)
    }

    /// `AB12` → 27.
    static func columnIndex(_ reference: ArraySlice<UInt8>) -> Int {
        var index = 0
        for byte in reference {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(byte) - 64
            if index > 1 << 20 { break }
        }
        return max(0, index - 1)
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        Int(String(decoding: bytes, as: UTF8.self))
    }
}
