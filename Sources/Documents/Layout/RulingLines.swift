/// The ruling lines of a scanned form or table (cell borders, frames), erased for a second reading. Tesseract's page
/// analysis took a slightly turned table of a scanned fiche navette for a picture and read its rows as « IN CO Œœ ©
/// re »; without its borders the same page reads whole (issue 15, session 18, set c of the stranger corpus). Erased
/// on every page, borders cost more than they give (cells run together): only a page read broken is read again.
///
/// A ruling is a run of dark pixels at least a third of an inch long. A page turned by a degree or two draws a line
/// as a staircase: runs are measured over a band of 5 pixel rows (or columns), so that the steps join, and a pixel is
/// erased only when its own run along the line is longer than a letter's stroke is thick — a letter set close to a
/// border keeps its shape.
enum RulingLines {
    static let darkLevel: UInt8 = 160
    /// Dark pixels a page holds at 300 dpi for each character read with confidence, rulings and all: 150 to 420 on
    /// 50 generated scans read whole, over 900 on a fiche navette whose table Tesseract broke.
    static let brokenInkPerCharacter = 600.0

    /// The page's dark pixels for each character read, scaled to 300 dpi (a character's ink grows with the square
    /// of the resolution).
    static func inkPerCharacter(_ image: GrayImage, dpi: Int, characters: Int) -> Double {
        let ink = image.pixels.reduce(0) { $0 + ($1 < darkLevel ? 1 : 0) }
        let scale = 300.0 / Double(max(dpi, 1))
        return Double(ink) * scale * scale / Double(max(characters, 1))
    }

    /// A horizontal ruling line crosses the rows: a run of dark pixels a quarter of an inch long at least (a line of
    /// text has gaps between its letters).
    static func crosses(_ rows: Range<Int>, in image: GrayImage, dpi: Int) -> Bool {
        let width = image.width, minimumLength = max(20, dpi / 4)
        guard image.pixels.count == width * image.height else { return false }
        for y in rows.clamped(to: 0..<image.height) {
            var run = 0
            for x in 0..<width {
                run = image.pixels[y * width + x] < DroppedRows.darkLevel ? run + 1 : 0
                if run >= minimumLength { return true }
            }
        }
        return false
    }

    /// The page without its ruling lines; nil when it has none.
    static func erased(from image: GrayImage, dpi: Int) -> GrayImage? {
        let width = image.width, height = image.height
        guard width > 8, height > 8, image.pixels.count == width * height else { return nil }
        let minimumLength = max(30, dpi / 3), minimumOwnRun = max(6, dpi / 25)
        var pixels = image.pixels
        var erase = [Bool](repeating: false, count: width * height)
        pixels.withUnsafeBufferPointer { source in
            // Horizontal lines: x along the line, y across; then vertical ones with the axes swapped.
            for horizontal in [true, false] {
                let along = horizontal ? width : height, across = horizontal ? height : width
                func index(_ a: Int, _ c: Int) -> Int { horizontal ? c * width + a : a * width + c }
                var band = [Bool](repeating: false, count: along)
                for c in 0..<across {
                    let low = max(0, c - 2), high = min(across - 1, c + 2)
                    for a in 0..<along {
                        var dark = false
                        for other in low...high where source[index(a, other)] < darkLevel { dark = true; break }
                        band[a] = dark
                    }
                    var start = 0
                    while start < along {
                        guard band[start] else { start += 1; continue }
                        var end = start
                        while end < along, band[end] { end += 1 }
                        if end - start >= minimumLength { markOwnRuns(c, start..<end) }
                        start = end
                    }
                }
                // The pixels of line `c` within a long band run whose own run is longer than a stroke.
                func markOwnRuns(_ c: Int, _ range: Range<Int>) {
                    var a = range.lowerBound
                    while a < range.upperBound {
                        guard source[index(a, c)] < darkLevel else { a += 1; continue }
                        var end = a
                        while end < range.upperBound, source[index(end, c)] < darkLevel { end += 1 }
                        if end - a >= minimumOwnRun { for k in a..<end { erase[index(k, c)] = true } }
                        a = end
                    }
                }
            }
        }
        guard erase.contains(true) else { return nil }
        for i in erase.indices where erase[i] { pixels[i] = 255 }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
