import Foundation

/// A forward-only XML tokenizer over a file read in chunks, for the few constructs of SpreadsheetML parts.
/// Memory stays bounded by the longest tag or text run, whatever the size of the part, which is what lets a sheet of
/// a million rows be read without holding it. Entities other than the five predefined ones and character references
/// are left as printed: a DTD is skipped, never expanded (no entity bombs).
final class XMLScanner {
    enum Token {
        /// An element opens; `selfClosing` when it is also its end (`<c r="A1"/>`).
        case start(Name, selfClosing: Bool)
        case end(Name)
        /// Character data (decoded on demand by `text`).
        case text
    }

    /// The local names Eclaire reads; every other element is `.other`.
    enum Name {
        case row, c, v, t, inlineString, phonetic, formula, sharedItem, other
    }

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    /// The bytes of the last tag, between `<` and `>`.
    private(set) var tag: [UInt8] = []
    /// The raw bytes of the last text token (entities not yet decoded).
    private(set) var raw: [UInt8] = []
    private var rawIsCDATA = false

    init(handle: FileHandle, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    func next() throws -> Token? {
        while true {
            guard let byte = try peek() else { return nil }
            if byte != UInt8(ascii: "<") {
                try readText()
                return .text
            }
            position += 1
            guard let first = try peek() else { throw XMLScanError.truncated }
            switch first {
            case UInt8(ascii: "?"): try skip(past: Array("?>".utf8))
            case UInt8(ascii: "!"):
                if try startsWith(Array("![CDATA[".utf8)) {
                    position += 8
                    try readUntil(Array("]]>".utf8), into: &raw)
                    rawIsCDATA = true
                    return .text
                } else if try startsWith(Array("!--".utf8)) {
                    try skip(past: Array("-->".utf8))
                } else {
                    try skipDeclaration()
                }
            case UInt8(ascii: "/"):
                position += 1
                try readTag()
                return .end(Self.name(of: tag))
            default:
                try readTag()
                let selfClosing = tag.last == UInt8(ascii: "/")
                return .start(Self.name(of: tag), selfClosing: selfClosing)
            }
        }
    }

    /// The value of an attribute of the last start tag (its name as bytes: callers ask once per cell), undecoded.
    func attribute(_ wanted: [UInt8]) -> ArraySlice<UInt8>? {
        var index = tag.firstIndex { Self.isSpace($0) || $0 == UInt8(ascii: "/") } ?? tag.endIndex
        while index < tag.endIndex {
            while index < tag.endIndex, Self.isSpace(tag[index]) { index += 1 }
            let nameStart = index
            while index < tag.endIndex, tag[index] != UInt8(ascii: "="), !Self.isSpace(tag[index]) { index += 1 }
            let attributeName = tag[nameStart..<index]
            while index < tag.endIndex, tag[index] != UInt8(ascii: "\""), tag[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < tag.endIndex else { return nil }
            let quote = tag[index]
            let valueStart = index + 1
            guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
            if attributeName.elementsEqual(wanted) { return tag[valueStart..<valueEnd] }
            index = valueEnd + 1
        }
        return nil
    }

    /// The last text token, with its entities and character references decoded.
    var text: String {
        rawIsCDATA ? String(decoding: raw, as: UTF8.self) : Self.decodeEntities(raw)
    }

    // MARK: - Reading

    private func peek() throws -> UInt8? {
        if position >= buffer.count { try refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    /// Keeps the unread bytes and appends the next chunk; false at the end of the file.
    @discardableResult
    private func refill() throws -> Bool {
        guard !exhausted else { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try handle.read(upToCount: chunkSize) ?? Data()
        if chunk.isEmpty {
            exhausted = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    private func startsWith(_ bytes: [UInt8]) throws -> Bool {
        while buffer.count - position < bytes.count { guard try refill() else { return false } }
        return buffer[position..<(position + bytes.count)].elementsEqual(bytes)
    }

    private func readText() throws {
        raw.removeAll(keepingCapacity: true)
        rawIsCDATA = false
        while true {
            if let end = buffer[position...].firstIndex(of: UInt8(ascii: "<")) {
                raw.append(contentsOf: buffer[position..<end])
                position = end
                return
            }
            raw.append(contentsOf: buffer[position...])
            position = buffer.count
            guard try refill() else { return }
        }
    }

    /// Reads a tag's bytes up to its `>`, outside quoted attribute values.
    private func readTag() throws {
        tag.removeAll(keepingCapacity: true)
        var quote: UInt8 = 0
        while true {
            let start = position, end = buffer.count
            var found = -1
            buffer.withUnsafeBufferPointer { bytes in
                var index = start
                while index < end {
                    let byte = bytes[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == 0x22 || byte == 0x27 {
                        quote = byte
                    } else if byte == 0x3E {
                        found = index
                        return
                    }
                    index += 1
                }
            }
            if found >= 0 {
                tag.append(contentsOf: buffer[start..<found])
                position = found + 1
                return
            }
            tag.append(contentsOf: buffer[start..<end])
            position = end
            if tag.count > Self.maxTagLength { throw XMLScanError.tagTooLong }
            guard try refill() else { throw XMLScanError.truncated }
        }
    }

    private func readUntil(_ terminator: [UInt8], into bytes: inout [UInt8]) throws {
        bytes.removeAll(keepingCapacity: true)
        while true {
            if let range = Self.find(terminator, in: buffer, from: position) {
                bytes.append(contentsOf: buffer[position..<range])
                position = range + terminator.count
                return
            }
            // Keep the last bytes: the terminator may straddle two chunks.
            let keep = max(position, buffer.count - terminator.count + 1)
            bytes.append(contentsOf: buffer[position..<keep])
            position = keep
            guard try refill() else { throw XMLScanError.truncated }
        }
    }

    private func skip(past terminator: [UInt8]) throws {
        var ignored: [UInt8] = []
        try readUntil(terminator, into: &ignored)
    }

    /// `<!DOCTYPE …>` with an optional internal subset in brackets.
    private func skipDeclaration() throws {
        var depth = 0
        while true {
            guard let byte = try peek() else { throw XMLScanError.truncated }
            position += 1
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            if byte == UInt8(ascii: ">"), depth <= 0 { return }
        }
    }

    // MARK: - Bytes

    static let maxTagLength = 1 << 20

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count - start >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The element's local name (a namespace prefix such as `x:` dropped).
    private static func name(of tag: [UInt8]) -> Name {
        let end = tag.firstIndex { isSpace($0) || $0 == UInt8(ascii: "/") } ?? tag.endIndex
        let qualified = tag[..<end]
        let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
        switch local.count {
        case 1:
            switch local.first {
            case UInt8(ascii: "c"): return .c
            case UInt8(ascii: "v"): return .v
            case UInt8(ascii: "t"): return .t
            case UInt8(ascii: "f"): return .formula
            default: return .other
            }
        case 2:
            if local.elementsEqual("is".utf8) { return .inlineString }
            if local.elementsEqual("si".utf8) { return .sharedItem }
            return .other
        case 3:
            if local.elementsEqual("row".utf8) { return .row }
            if local.elementsEqual("rPh".utf8) { return .phonetic }
            return .other
        default: return .other
        }
    }

    static func decodeEntities(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"),
                  let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            if let scalar = entity(name) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}

enum XMLScanError: Error, CustomStringConvertible {
    case truncated
    case tagTooLong

    var description: String {
        switch self {
        case .truncated: return "XML tronqué"
        case .tagTooLong: return "balise XML démesurée"
        }
    }
}
