import Testing
@testable import Documents

/// The ruling lines of a scanned table, erased for a second reading when Tesseract broke the first.
@Suite struct RulingLinesTests {
    /// A white 600 × 400 page at 300 dpi.
    static func page(_ draw: (inout [UInt8], Int) -> Void) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: 600 * 400)
        draw(&pixels, 600)
        return GrayImage(width: 600, height: 400, pixels: pixels)
    }

    @Test func aTurnedBorderIsErasedAndALetterBesideItKept() throws {
        let image = Self.page { pixels, width in
            // A border 2 pixels thick, turned by 1.5° (one pixel down every 38).
            for x in 20..<580 { for t in 0..<2 { pixels[(100 + x / 38 + t) * width + x] = 0 } }
            // A vertical border.
            for y in 150..<390 { for t in 0..<2 { pixels[y * width + 50 + t] = 0 } }
            // A letter's stem and bar, 30 pixels tall and 20 wide, set 10 pixels under the border.
            for y in 130..<160 { pixels[y * width + 300] = 0; pixels[y * width + 301] = 0 }
            for x in 290..<310 { pixels[130 * width + x] = 0 }
        }
        let erased = try #require(RulingLines.erased(from: image, dpi: 300))
        #expect(erased.pixels[(100 + 300 / 38) * 600 + 300] == 255)
        #expect(erased.pixels[200 * 600 + 50] == 255)
        #expect(erased.pixels[145 * 600 + 300] == 0)
        #expect(erased.pixels[130 * 600 + 295] == 0)
    }

    @Test func aPageWithoutRulingsIsLeftAsItIs() {
        let image = Self.page { pixels, width in
            for y in 130..<160 { pixels[y * width + 300] = 0 }
        }
        #expect(RulingLines.erased(from: image, dpi: 300) == nil)
    }

    @Test func inkPerCharacterIsScaledTo300Dpi() {
        let image = Self.page { pixels, _ in for i in 0..<1_000 { pixels[i] = 0 } }
        #expect(RulingLines.inkPerCharacter(image, dpi: 300, characters: 10) == 100)
        // The same ink at 150 dpi stands for four times as much at 300.
        #expect(RulingLines.inkPerCharacter(image, dpi: 150, characters: 10) == 400)
    }
}
