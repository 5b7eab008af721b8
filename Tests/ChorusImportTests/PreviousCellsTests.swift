@testable import ChorusImport
import Testing

/// Cells repeated from the row above are reused, not decoded again: the texts and the file's encoding must be
/// exactly those of decoding every cell.
@Suite("Repeated cells give the texts of a fresh decoding")
struct PreviousCellsTests {
    @Test func reusedCellsMatchFreshDecoding() {
        let rows: [[[UInt8]]] = [
            [Array("2100000001".utf8), Array("Ministère".utf8), Array("12,50".utf8)],
            [Array("2100000001".utf8), Array("Ministère".utf8), Array("13,50".utf8)],
            [Array("2100000001".utf8), [0x4D, 0xE9, 0x74, 0x72, 0x6F], Array("13,50".utf8), Array("extra".utf8)],
            [Array("2100000002".utf8)],
            [Array("2100000002".utf8), Array("".utf8), Array("".utf8)],
        ]
        var previous = PreviousCells()
        var reusedEncoding = TextEncoding.ascii
        var freshEncoding = TextEncoding.ascii
        for row in rows {
            let cells = row.map { $0[...] }
            var fields = SplitFields(row)
            let reused = previous.decode(&fields, encoding: &reusedEncoding)
            let fresh = cells.map { cell in
                let (text, found) = TextDecoding.decode(cell)
                freshEncoding = freshEncoding.merged(with: found)
                return text
            }
            #expect(reused == fresh)
        }
        #expect(reusedEncoding == freshEncoding)
        #expect(reusedEncoding == .windows1252)
    }
}
