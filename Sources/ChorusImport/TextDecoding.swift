/// Decodes lines of bytes: UTF-8 (with or without BOM) when valid, else Windows-1252, line by line so that one
/// stray byte does not garble the rest of a file.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8", utf8BOM = "utf-8-bom", windows1252 = "windows-1252", ascii

    /// What a file is once a further cell was found in `other`: one Windows-1252 cell makes the file Windows-1252;
    /// UTF-8 beyond ASCII makes an ASCII file UTF-8; a BOM stays the BOM.
    func merged(with other: TextEncoding) -> TextEncoding {
        if other == .windows1252 || (self == .ascii && other == .utf8) { return other }
        return self
    }
}

enum TextDecoding {
    static func decode(_ bytes: ArraySlice<UInt8>) -> (String, TextEncoding) {
        if bytes.allSatisfy({ $0 < 0x80 }) { return (String(decoding: bytes, as: UTF8.self), .ascii) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    /// The 0x80–0x9F block is where Windows-1252 differs from Latin-1.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
