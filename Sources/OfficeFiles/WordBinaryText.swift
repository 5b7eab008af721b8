import Foundation

/// The main text of a Word 97–2003 document (.doc, [MS-DOC]): the FIB locates the piece table (CLX) in the table
/// stream, each piece gives where its characters are in the WordDocument stream, 8-bit (Windows-1252) or UTF-16.
/// Field codes are dropped and their results kept; paragraphs become lines, table cells tab-separated.
public enum WordBinaryText {
    public static func lines(of file: CompoundFile) throws -> [String] {
        guard let word = try file.stream("WordDocument") else {
            throw OfficeFileError("fichier Office binaire sans document Word")
        }
        guard CompoundFile.u16(word, 0) == 0xA5EC else { throw OfficeFileError("document Word binaire endommagé (FIB)") }
        let nFib = CompoundFile.u16(word, 2)
        guard nFib >= 0xC0 else { throw OfficeFileError("document Word 6 ou 95, antérieur à Word 97, non pris en charge") }
        let flags = CompoundFile.u16(word, 0x0A)
        guard flags & 0x0100 == 0, flags & 0x8000 == 0 else { throw OfficeFileError("document Word chiffré") }
        guard let table = try file.stream(flags & 0x0200 != 0 ? "1Table" : "0Table") else {
            throw OfficeFileError("document Word sans table des pièces")
        }

        let csw = Int(CompoundFile.u16(word, 0x20))
        let cslw = Int(CompoundFile.u16(word, 0x22 + 2 * csw))
        let longs = 0x22 + 2 * csw + 2
        let ccpText = Int(CompoundFile.u32(word, longs + 12))
        let pairsCount = Int(CompoundFile.u16(word, longs + 4 * cslw))
        let pairs = longs + 4 * cslw + 2
        guard pairsCount > 33 else { throw OfficeFileError("document Word binaire endommagé (FIB tronquée)") }
        let fcClx = Int(CompoundFile.u32(word, pairs + 33 * 8))
        let lcbClx = Int(CompoundFile.u32(word, pairs + 33 * 8 + 4))
        guard lcbClx > 0, fcClx + lcbClx <= table.count else {
            throw OfficeFileError("document Word binaire endommagé (table des pièces hors du fichier)")
        }

        var characters: [UInt16] = []
        for piece in try pieces(table[fcClx..<(fcClx + lcbClx)]) {
            let start = piece.cpStart, end = min(piece.cpEnd, ccpText)
            guard end > start else { continue }
            let count = end - start
            if piece.compressed {
                let offset = piece.fc / 2
                guard offset + count <= word.count else { throw OfficeFileError("document Word binaire tronqué") }
                characters += word[offset..<(offset + count)].map(Windows1252.unit)
            } else {
                guard piece.fc + 2 * count <= word.count else { throw OfficeFileError("document Word binaire tronqué") }
                characters += (0..<count).map { CompoundFile.u16(word, piece.fc + 2 * $0) }
            }
            if characters.count > CompoundFile.maxStreamBytes { break }
        }
        return visibleLines(characters)
    }

    struct Piece {
        let cpStart: Int
        let cpEnd: Int
        let fc: Int
        let compressed: Bool
    }

    /// The CLX: property runs (0x01) to skip, then the piece table (0x02): n + 1 character positions, n descriptors.
    static func pieces(_ clx: ArraySlice<UInt8>) throws -> [Piece] {
        let bytes = Array(clx)
        var index = 0
        while index < bytes.count, bytes[index] == 0x01 {
            index += 3 + Int(CompoundFile.u16(bytes, index + 1))
        }
        guard index + 5 <= bytes.count, bytes[index] == 0x02 else {
            throw OfficeFileError("document Word binaire endommagé (pas de table des pièces)")
        }
        let length = Int(CompoundFile.u32(bytes, index + 1))
        let start = index + 5
        guard length >= 16, start + length <= bytes.count else {
            throw OfficeFileError("document Word binaire endommagé (table des pièces)")
        }
        let count = (length - 4) / 12
        let descriptors = start + 4 * (count + 1)
        return (0..<count).map { k in
            let field = CompoundFile.u32(bytes, descriptors + 8 * k + 2)
            return Piece(cpStart: Int(CompoundFile.u32(bytes, start + 4 * k)),
                         cpEnd: Int(CompoundFile.u32(bytes, start + 4 * (k + 1))),
                         fc: Int(field & 0x3FFF_FFFF), compressed: field & 0x4000_0000 != 0)
        }
    }

    /// Word's special characters turned into text: paragraph and line marks end lines, cell marks separate cells (a
    /// second mark in a row ends the row), field codes (between 0x13 and 0x14) are skipped, their results kept.
    static func visibleLines(_ characters: [UInt16]) -> [String] {
        var text: [UInt16] = []
        text.reserveCapacity(characters.count)
        var fields: [Bool] = []  // for each open field: true while in its code
        for unit in characters {
            switch unit {
            case 0x13: fields.append(true); continue
            case 0x14: if !fields.isEmpty { fields[fields.count - 1] = false }; continue
            case 0x15: _ = fields.popLast(); continue
            default: break
            }
            if fields.contains(true) { continue }
            switch unit {
            case 0x0D, 0x0B, 0x0C: text.append(0x0A)
            case 0x07:
                if text.last == 0x09 { text[text.count - 1] = 0x0A } else { text.append(0x09) }
            case 0x09: text.append(0x09)
            case 0x1E: text.append(0x2D)
            case 0xA0: text.append(0x20)
            case 0..<0x20: continue  // pictures, notes and other anchors
            default: text.append(unit)
            }
        }
        return String(decoding: text, as: UTF16.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Windows-1252 bytes as UTF-16 code units: Latin-1 but for 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt16] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func unit(_ byte: UInt8) -> UInt16 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt16(byte)
    }
}
