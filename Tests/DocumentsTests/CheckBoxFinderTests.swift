@testable import Documents
import Testing

/// Drawn check boxes on page images: squares whose edges stop at their corners, ticked when ink is inside.
@Suite("Check boxes drawn on a page")
struct CheckBoxFinderTests {
    /// A white 300 × 200 image (144 dpi: 2 pixels a point) with shapes drawn in black.
    struct Canvas {
        var pixels = [UInt8](repeating: 255, count: 300 * 200)
        mutating func ink(_ x: Int, _ y: Int) { pixels[y * 300 + x] = 0 }
        mutating func rectangle(_ x: Int, _ y: Int, _ width: Int, _ height: Int, thickness: Int = 2) {
            for i in 0..<width { for t in 0..<thickness { ink(x + i, y + t); ink(x + i, y + height - 1 - t) } }
            for j in 0..<height { for t in 0..<thickness { ink(x + t, y + j); ink(x + width - 1 - t, y + j) } }
        }
        mutating func cross(_ x: Int, _ y: Int, _ side: Int) {
            for i in 0..<side { ink(x + i, y + i); ink(x + side - 1 - i, y + i) }
        }
        var image: GrayImage { GrayImage(width: 300, height: 200, pixels: pixels) }
    }

    @Test func emptyAndTickedBoxesAreFoundTablesAndBlocksAreNot() {
        var canvas = Canvas()
        canvas.rectangle(20, 20, 20, 20)                    // empty, 10 pt a side
        canvas.rectangle(60, 20, 20, 20); canvas.cross(60, 20, 20)  // ticked
        canvas.rectangle(100, 20, 60, 20)                   // a label frame: not square
        // A table: rules run on past each small cell's corners.
        for y in [100, 120, 140] { for x in 10..<290 { canvas.ink(x, y) } }
        for x in [10, 30, 50, 290 - 1] { for y in 100...140 { canvas.ink(x, y) } }
        for y in 20..<40 { for x in 200..<220 { canvas.ink(x, y) } }  // a filled square (a bullet)
        canvas.rectangle(240, 20, 6, 6)                     // too small: a dot, a degree sign

        let boxes = CheckBoxFinder.boxes(in: canvas.image)
        #expect(boxes == [DrawnCheckBox(x0: 10, y0: 10, x1: 20, y1: 20, ticked: false),
                          DrawnCheckBox(x0: 30, y0: 10, x1: 40, y1: 20, ticked: true)])
        #expect(boxes.map(\.word.text) == ["[ ]", "[X]"])
    }

    /// Runs are measured only as far as a box's side: a page-wide rule on a very wide page is no box and no trap.
    @Test func aPageWideRuleOnAVeryWidePageIsNoBox() {
        let inked = GrayImage(width: 40_000, height: 40, pixels: [UInt8](repeating: 0, count: 40_000 * 40))
        #expect(CheckBoxFinder.boxes(in: inked).isEmpty)
    }

    @Test func aBoxThatIsTextIsNotAddedTwice() {
        var canvas = Canvas()
        canvas.rectangle(20, 20, 20, 20)
        let glyph = PositionedWord(text: "☐", x0: 9.5, y0: 9.5, x1: 20.5, y1: 20.5)
        #expect(CheckBoxFinder.drawn(CheckBoxFinder.boxes(in: canvas.image), apartFrom: [glyph]).isEmpty)
        #expect(CheckBoxFinder.drawn(CheckBoxFinder.boxes(in: canvas.image), apartFrom: []).count == 1)
    }
}
