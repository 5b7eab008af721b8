import Foundation

/// The words of an OCR page worth a second, closer reading when a check failed: those holding digits that
/// Tesseract was unsure of (a total read « 15759 M20R€ »), widened to the digits beside them on their line.
enum DoubtfulDigits {
    /// Under this confidence a word holding digits is doubtful.
    static let threshold = 0.8
    /// Bounds the second reading's time on a page full of doubtful digits.
    static let maxRegions = 40
    /// A second reading is kept only when Tesseract is at least this sure of it.
    static let minimumConfidence = 0.6
    /// Margins around a region, in its height, vertically: Tesseract's reading of one line changes with a pixel
    /// of margin on a noisy scan (« 15.759,20 € » or « 17), A0 »), so each region is read with each margin and the
    /// surest reading kept.
    static let margins = [0.25, 0.45]

    /// A region with a margin of `margin` times its height above and below, and more on the sides.
    static func padded(_ region: PositionedWord, _ margin: Double) -> PositionedWord {
        let h = region.height
        return PositionedWord(text: "", x0: region.x0 - 0.6 * h, y0: region.y0 - margin * h, x1: region.x1 + 0.6 * h,
                              y1: region.y1 + margin * h)
    }

    /// Of several readings of a region, the one Tesseract is surest of.
    static func surest(_ readings: [[PositionedWord]]) -> [PositionedWord] {
        readings.max { meanConfidence($0) < meanConfidence($1) } ?? []
    }

    static func meanConfidence(_ words: [PositionedWord]) -> Double {
        words.isEmpty ? 0 : words.reduce(0) { $0 + $1.confidence } / Double(words.count)
    }

    /// The regions to read again, in the page's pixels, before their margins.
    static func regions(in words: [PositionedWord]) -> [PositionedWord] {
        var regions: [PositionedWord] = []
        for word in words where word.confidence < threshold && word.text.filter(\.isNumber).count >= 2 && word.height > 0 {
            var region = word
            var grown = true
            while grown {
                grown = false
                for other in words where sameLine(other, region) && !inside(other, region) && touches(other, region)
                    && other.text.contains(where: { $0.isNumber || $0 == "€" }) {
                    region = union(region, other)
                    grown = true
                }
            }
            let widest = padded(region, margins.max() ?? 0)
            if let at = regions.firstIndex(where: { overlap(padded($0, margins.max() ?? 0), widest) }) {
                regions[at] = union(regions[at], region)
            } else {
                regions.append(region)
            }
            if regions.count >= maxRegions { break }
        }
        return regions
    }

    /// The page's words with those inside each region replaced by its second reading, when Tesseract is surer of
    /// it than of the first (and sure enough); nil when none was.
    static func replacing(_ words: [PositionedWord], in regions: [PositionedWord], by rereads: [[PositionedWord]]) -> [PositionedWord]? {
        var kept = words
        var changed = false
        for (region, reread) in zip(regions, rereads) where !reread.isEmpty {
            let old = kept.filter { centre($0, in: region) }
            let after = meanConfidence(reread)
            guard after > meanConfidence(old), after >= minimumConfidence, reread.map(\.text) != old.map(\.text) else { continue }
            kept.removeAll { centre($0, in: region) }
            kept += reread
            changed = true
        }
        return changed ? kept : nil
    }

    static func sameLine(_ a: PositionedWord, _ b: PositionedWord) -> Bool {
        let shared = min(a.y1, b.y1) - max(a.y0, b.y0)
        return shared > 0.5 * min(a.height, b.height)
    }

    /// Less than a line's height apart.
    static func touches(_ a: PositionedWord, _ b: PositionedWord) -> Bool {
        let gap = max(a.x0, b.x0) - min(a.x1, b.x1)
        return gap < max(a.height, b.height)
    }

    static func inside(_ a: PositionedWord, _ region: PositionedWord) -> Bool {
        a.x0 >= region.x0 && a.x1 <= region.x1 && a.y0 >= region.y0 && a.y1 <= region.y1
    }

    static func centre(_ word: PositionedWord, in region: PositionedWord) -> Bool {
        let x = (word.x0 + word.x1) / 2, y = (word.y0 + word.y1) / 2
        return x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1
    }

    static func overlap(_ a: PositionedWord, _ b: PositionedWord) -> Bool {
        a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
    }

    static func union(_ a: PositionedWord, _ b: PositionedWord) -> PositionedWord {
        PositionedWord(text: a.text, x0: min(a.x0, b.x0), y0: min(a.y0, b.y0), x1: max(a.x1, b.x1), y1: max(a.y1, b.y1))
    }
}
