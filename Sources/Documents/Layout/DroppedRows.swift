/// Rows of text a reading left out. With its table finder off (`OCREngine`), Tesseract's page analysis may drop a
/// whole block: a scanned invoice printed by an old accounting system in a fixed-width font, its lines ruled by rows
/// of dashes, lost every item and its totals (issue 15, session 20, set f of the stranger corpus). Read as one block
/// of text, the same page keeps them (with the table finder on, it lost the amounts' column instead). A page is read
/// again only when such a hole shows.
///
/// A hole is a band between two lines the reading kept, holding no word, whose ink spreads over more pixel rows
/// than one and a half lines of its text: a ruling line or a row of dashes darkens a few rows, a line of text as
/// many rows as it is high. Above the first line and under the last (a logo, a signature) is no hole.
enum DroppedRows {
    static let darkLevel: UInt8 = 160

    static func hasHole(in image: GrayImage, words: [PositionedWord]) -> Bool { hole(in: image, words: words) != nil }

    /// The pixel rows of the first hole: the band of rows no word covers around it.
    static func hole(in image: GrayImage, words: [PositionedWord]) -> Range<Int>? {
        let kept = words.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && $0.y1 > $0.y0 && $0.x1 > $0.x0 }
        guard kept.count >= 5, image.width > 8, image.height > 8, image.pixels.count == image.width * image.height else { return nil }
        let heights = kept.map(\.height).sorted()
        let lineHeight = heights[heights.count / 2]
        let left = max(0, Int(kept.map(\.x0).min()!)), right = min(image.width, Int(kept.map(\.x1).max()!.rounded(.up)))
        guard right - left >= 8 else { return nil }
        // A word covers its rows and a quarter of its height around them (accents, descenders).
        var covered = [Bool](repeating: false, count: image.height)
        for word in kept {
            let margin = word.height / 4
            let top = max(0, Int(word.y0 - margin)), bottom = min(image.height, Int((word.y1 + margin).rounded(.up)))
            if top < bottom { for y in top..<bottom { covered[y] = true } }
        }
        guard let first = covered.firstIndex(of: true), let last = covered.lastIndex(of: true) else { return nil }
        let spread = max(2, (right - left) / 50)
        var inked = 0, start = first
        for y in first...last {
            if covered[y] {
                inked = 0
                start = y + 1
                continue
            }
            var dark = 0
            let row = y * image.width
            for x in left..<right where image.pixels[row + x] < darkLevel { dark += 1 }
            if dark >= spread { inked += 1 }
            if Double(inked) >= 1.5 * lineHeight { return start..<(covered[y...].firstIndex(of: true) ?? last) }
        }
        return nil
    }
}
