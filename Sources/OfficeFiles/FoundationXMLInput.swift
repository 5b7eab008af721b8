import Foundation

/// Bytes fit for Foundation's `XMLParser`. On Linux it traps when libxml2 hands it an element or attribute name that
/// is not valid UTF-8 (it unwraps the name's conversion to a String), so a single damaged byte in an uploaded file
/// would stop the process; and libxml2 passes bytes through unchanged when the declared encoding is one it does not
/// know (`encoding="UT\t-8"`). So the part is decoded here — by its byte order mark, or a declared encoding Foundation
/// knows, else as UTF-8 with invalid bytes replaced by U+FFFD — and handed over as valid UTF-8 declared as such: a
/// damaged name then simply does not match. Processing instructions other than the declaration are removed: for
/// `<?x?>` libxml2 gives no data, and Foundation reads that null pointer with `strlen` (found by `scripts/fuzz.sh`);
/// no part of an office file needs them.
public enum FoundationXMLInput {
    public static func repaired(_ data: Data) -> Data {
        let text: String
        if data.starts(with: [0xFF, 0xFE]) {
            text = utf16(data.dropFirst(2), bigEndian: false)
        } else if data.starts(with: [0xFE, 0xFF]) {
            text = utf16(data.dropFirst(2), bigEndian: true)
        } else {
            let declared = declaredEncoding(data)
            if declared == nil || declared == "utf-8" || declared == "utf8" {
                if String(validating: data, as: UTF8.self) != nil && !hasProcessingInstruction(data) { return data }
                text = String(decoding: data, as: UTF8.self)
            } else if let encoding = declared.flatMap(foundationEncoding), let decoded = String(data: data, encoding: encoding) {
                text = decoded
            } else {
                text = String(decoding: data, as: UTF8.self)
            }
        }
        return Data(declaredUTF8(text).utf8)
    }

    /// Whether a `<?` follows the declaration (or starts a part that has none).
    private static func hasProcessingInstruction(_ data: Data) -> Bool {
        var from = data.startIndex
        if data.starts(with: Array("<?xml".utf8)), let end = data.firstRange(of: Data("?>".utf8)) { from = end.upperBound }
        return data[from...].firstRange(of: Data("<?".utf8)) != nil
    }

    /// The text without processing instructions; an unterminated `<?` loses its `?`, which libxml2 then refuses.
    private static func withoutProcessingInstructions(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = text
        while let start = rest.range(of: "<?") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "?>") else {
                result += "<"
                rest = rest[start.upperBound...]
                continue
            }
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    private static func utf16(_ bytes: Data, bigEndian: Bool) -> String {
        let bytes = Array(bytes)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1]), low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The encoding named by the XML declaration, lower-cased, if any.
    private static func declaredEncoding(_ data: Data) -> String? {
        guard data.starts(with: Array("<?xml".utf8)), let end = data.prefix(200).firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = String(decoding: data[data.startIndex..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding=") else { return nil }
        return String(declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" })
    }

    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "iso-8859-1", "latin1", "iso_8859-1": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        case "us-ascii", "ascii": .ascii
        case "utf-16", "utf-16le", "utf-16be": .utf16
        default: nil
        }
    }

    /// The text with its XML declaration (if any) saying UTF-8, which it now is.
    private static func declaredUTF8(_ text: String) -> String {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        guard body.hasPrefix("<?xml"), let end = body.range(of: "?>") else { return withoutProcessingInstructions(body) }
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + withoutProcessingInstructions(body[end.upperBound...])
    }
}
