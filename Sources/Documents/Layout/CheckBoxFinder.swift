/// A check box drawn on a page as a small square (nothing of it is in the PDF's text), ticked or empty, in points.
struct DrawnCheckBox: Equatable {
    let x0: Double, y0: Double, x1: Double, y1: Double
    let ticked: Bool

    var word: PositionedWord { PositionedWord(text: ticked ? "[X]" : "[ ]", x0: x0, y0: y0, x1: x1, y1: y1) }
}

/// Finds drawn check boxes on a page image: a square outline whose edges stop at its corners (a table's rules run
/// on), 0.2 to 0.6 cm a side; ticked when its inside holds ink (a cross, a tick), empty when it is blank.
enum CheckBoxFinder {
    static let dpi = 144.0
    /// A3 at 144 dpi is 4 Mpixels; a page larger than twice that is not searched (six bytes a pixel are needed).
    static let maxPixels = 8_000_000
    /// Forms put their choices on their first pages; a long document is not rendered page after page for boxes.
    static let maxPages = 20
    static let sidePoints = 5.5...17.0
    /// Below this gray level a pixel is ink; anti-aliased thin rules stay under it at 144 dpi.
    static let inkLevel: UInt8 = 170

    static func boxes(in image: GrayImage, dpi: Double = dpi) -> [DrawnCheckBox] {
        let width = image.width, height = image.height
        guard width > 2, height > 2, image.pixels.count >= width * height else { return [] }
        let scale = dpi / 72
        let sides = Int(sidePoints.lowerBound * scale)...Int(sidePoints.upperBound * scale)
        var found: [(x: Int, y: Int, side: Int, ticked: Bool)] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            let page = Page(pixels: pixels, width: width, height: height)
            // Runs are measured where they may start a box, not precomputed for every pixel: most of a page is
            // blank, and a run longer than a box's side is no box (the walks stop there).
            for y in 1..<height {
                var x = 1
                while x < width {
                    guard page.ink(x, y) else { x += 1; continue }
                    let run = page.runRight(x, y, cap: sides.upperBound + 1)
                    defer { x += run }
                    // The top edge: a run starting here, with no ink left of it or above its corner.
                    guard sides.contains(run), !page.ink(x - 1, y), !page.ink(x, y - 1) else { continue }
                    if found.contains(where: { abs($0.x - x) <= 2 && abs($0.y - y) <= 3 }) { continue }
                    guard let ticked = square(x: x, y: y, side: run, page: page) else { continue }
                    found.append((x, y, run, ticked))
                }
            }
        }
        return found.map { box in
            DrawnCheckBox(x0: Double(box.x) / scale, y0: Double(box.y) / scale, x1: Double(box.x + box.side) / scale,
                          y1: Double(box.y + box.side) / scale, ticked: box.ticked)
        }
    }

    /// A page's pixels as ink or paper, with the ink runs the search measures.
    private struct Page {
        let pixels: UnsafeBufferPointer<UInt8>
        let width: Int, height: Int

        func ink(_ x: Int, _ y: Int) -> Bool { pixels[y * width + x] < inkLevel }

        /// Ink pixels from (x, y) to the right, at most `cap`.
        func runRight(_ x: Int, _ y: Int, cap: Int) -> Int {
            var length = 0
            while length < cap, x + length < width, ink(x + length, y) { length += 1 }
            return length
        }

        /// Ink pixels from (x, y) downwards, at most `cap`.
        func runDown(_ x: Int, _ y: Int, cap: Int) -> Int {
            var length = 0
            while length < cap, y + length < height, ink(x, y + length) { length += 1 }
            return length
        }
    }

    /// Whether a square outline hangs from the top edge at (x, y): nil when it is no box, else whether it is ticked.
    private static func square(x: Int, y: Int, side: Int, page: Page) -> Bool? {
        let last = x + side - 1
        guard y + side < page.height else { return nil }
        // Both sides go down the length of the top edge and stop there.
        for column in [x, last] {
            guard abs(page.runDown(column, y, cap: side + 3) - side) <= 2 else { return nil }
        }
        let bottom = y + page.runDown(x, y, cap: side + 3) - 1
        let base = page.runRight(x, bottom, cap: side + 3)
        guard base >= side - 2, base <= side + 2 else { return nil }
        // The outline's thickness, from the top edge at its middle; the inside starts one pixel further.
        let thickness = page.runDown(x + side / 2, y, cap: side)
        guard thickness < side / 3 else { return nil }  // a filled square, a bullet
        let margin = thickness + 1
        guard bottom - margin - (y + margin) >= 2, last - margin - (x + margin) >= 2 else { return nil }
        let inside = (y + margin)...(bottom - margin)
        let across = (x + margin)...(last - margin)
        var inked = 0
        for row in inside { for column in across where page.ink(column, row) { inked += 1 } }
        let share = Double(inked) / Double(inside.count * across.count)
        // A cross or a tick covers a tenth or more of the inside; a blank box nothing; a letter framed by a box
        // (an « X » glyph is text, not drawn) is excluded by the caller.
        if share < 0.02 { return false }
        return share >= 0.06 ? true : nil
    }

    /// The boxes that are no text: a box glyph (☐, ☒) is already in the text layer.
    static func drawn(_ boxes: [DrawnCheckBox], apartFrom words: [PositionedWord]) -> [DrawnCheckBox] {
        boxes.filter { box in
            !words.contains { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }
        }
    }
}
