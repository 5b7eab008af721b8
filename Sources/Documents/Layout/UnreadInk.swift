/// Words a reading left out beside the words it kept. With its table finder off (`OCREngine`), Tesseract's page
/// analysis at the scan's own resolution took the right-hand cells of a small bordered table (an acte
/// d'engagement's « Montant HT │ 1 860,55 ») for no text and dropped them, keeping their labels (issue 15, session
/// 21, set h of the stranger corpus); read as one block or without the table's rulings, it still lost a row.
/// Each such region is read again on its own, as one line.
///
/// A region is a run of inked columns on the rows of a line the reading kept, outside its words' boxes, as wide as
/// a short word at least. A ruling line's column is dark over the whole line and counts as no ink; nor do specks
/// narrower than a character.
enum UnreadInk {
    static let darkLevel: UInt8 = 160
    static let rulingLevel: UInt8 = 200
    /// Bounds the second reading's time on a page of many.
    static let maxRegions = 12
    /// A word read again is kept only when Tesseract is this sure of it.
    static let minimumConfidence = 0.6

    /// Each region as one reading per margin (`margins`).
    static func regions(in image: GrayImage, words: [PositionedWord]) -> [[PositionedWord]] {
        let kept = words.filter { $0.text.contains(where: { $0.isLetter || $0.isNumber }) && $0.y1 > $0.y0 && $0.x1 > $0.x0 }
        guard kept.count >= 5, image.width > 8, image.height > 8, image.pixels.count == image.width * image.height else { return [] }
        let heights = kept.map(\.height).sorted()
        let lineHeight = heights[heights.count / 2]
        guard lineHeight >= 4 else { return [] }
        var regions: [[PositionedWord]] = []
        // A word far taller than the text (a column of rulings read as letters) would join lines into one.
        let lines = bands(of: kept.filter { $0.height <= 2 * lineHeight })
        let slope = skew(of: lines, width: Double(image.width))
        for band in lines {
            let top = Int(band.top + 0.15 * band.height), bottom = Int(band.bottom - 0.15 * band.height)
            guard bottom - top >= 3 else { continue }
            // A turned scan's line rises or falls across the page: its rows are followed along the skew.
            let centre = band.words.reduce(0) { $0 + ($1.x0 + $1.x1) / 2 } / Double(band.words.count)
            var covered = [Bool](repeating: false, count: image.width)
            for word in band.words {
                let margin = 0.3 * word.height
                let from = max(0, Int(word.x0 - margin)), to = min(image.width, Int((word.x1 + margin).rounded(.up)))
                if from < to { for x in from..<to { covered[x] = true } }
            }
            // Columns holding ink that is no ruling line, outside the words.
            var inked = [Bool](repeating: false, count: image.width)
            var rulings: [Int] = []
            for x in 0..<image.width where !covered[x] {
                let shift = Int(((Double(x) - centre) * slope).rounded())
                let from = max(0, top + shift), to = min(image.height, bottom + shift)
                guard to - from >= 3 else { continue }
                var dark = 0
                for y in from..<to where image.pixels[y * image.width + x] < darkLevel { dark += 1 }
                // A « 1 » darkens its column over the line's height too; a ruling line goes on, unbroken, above and
                // below it (a table's horizontal rules pass there, parted from the digit by white).
                var ruling = false
                if Double(dark) >= 0.85 * Double(to - from) {
                    let reach = Int(0.5 * band.height)
                    let above = max(0, from - reach), below = min(image.height, to + reach)
                    // A thin ruling scanned turns gray: it is followed at a lighter level.
                    let unbroken = (above..<below).count { y in
                        (max(0, x - 1)...min(image.width - 1, x + 1)).contains { image.pixels[y * image.width + $0] < rulingLevel }
                    }
                    ruling = Double(unbroken) >= 0.9 * Double(below - above)
                }
                inked[x] = dark >= 2 && !ruling
                if ruling { rulings.append(x) }
            }
            // A ruling's blurred edge is no ink; the region stops short of the ruling, which Tesseract would read
            // as a letter.
            let halo = 3
            for x in rulings { for near in max(0, x - halo)...min(image.width - 1, x + halo) { inked[near] = false } }
            let side = 0.6 * lineHeight
            regions += runs(inked, gap: Int(lineHeight), minimumInk: Int(0.8 * lineHeight), minimumWidth: Int(1.2 * lineHeight))
                .map { run in
                    let shift = ((Double(run.lowerBound + run.upperBound) / 2) - centre) * slope
                    let left = rulings.last { $0 < run.lowerBound }.map { Double($0 + halo) } ?? 0
                    let right = rulings.first { $0 >= run.upperBound }.map { Double($0 - halo) } ?? Double(image.width)
                    return inkRows(in: image, columns: run, around: (band.top + shift, band.bottom + shift), slope: slope).map { rows in
                        PositionedWord(text: "", x0: max(left, Double(run.lowerBound) - side), y0: rows.top,
                                       x1: min(right, Double(run.upperBound) + side), y1: rows.bottom)
                    }
                }
            if regions.count >= maxRegions { break }
        }
        return Array(regions.prefix(maxRegions))
    }

    struct Band {
        var words: [PositionedWord]
        var top: Double { median(words.map(\.y0)) }
        var bottom: Double { median(words.map(\.y1)) }
        var height: Double { bottom - top }
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// The page's skew, in pixels down per pixel right: the median slope of its long lines, each measured between
    /// the medians of its left and right halves' word bottoms (a median passes over descenders); 0 without long lines.
    static func skew(of bands: [Band], width: Double) -> Double {
        let slopes = bands.compactMap { band -> Double? in
            guard band.words.count >= 6 else { return nil }
            let words = band.words.sorted { $0.x0 + $0.x1 < $1.x0 + $1.x1 }
            guard let first = words.first, let last = words.last, last.x1 - first.x0 >= 0.4 * width else { return nil }
            let left = words.prefix(words.count / 2), right = words.suffix(words.count / 2)
            let dx = median(right.map { ($0.x0 + $0.x1) / 2 }) - median(left.map { ($0.x0 + $0.x1) / 2 })
            guard dx > 0 else { return nil }
            let slope = (median(right.map(\.y1)) - median(left.map(\.y1))) / dx
            // A scan turned more than 3° is no page's skew but a misread line.
            return abs(slope) <= 0.05 ? slope : nil
        }
        return slopes.isEmpty ? 0 : median(slopes)
    }

    /// The words grouped by line: a word joins the line it shares more than half its height with.
    static func bands(of words: [PositionedWord]) -> [Band] {
        var bands: [Band] = []
        for word in words.sorted(by: { $0.y0 + $0.y1 < $1.y0 + $1.y1 }) {
            if let index = bands.lastIndex(where: { band in band.words.contains { DoubtfulDigits.sameLine($0, word) } }) {
                bands[index].words.append(word)
            } else {
                bands.append(Band(words: [word]))
            }
        }
        return bands
    }

    /// Runs of inked columns, gaps up to `gap` inside, with at least `minimumInk` inked columns over `minimumWidth`.
    static func runs(_ inked: [Bool], gap: Int, minimumInk: Int, minimumWidth: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start: Int?, last = 0, count = 0
        func close() {
            if let start, count >= minimumInk, last + 1 - start >= minimumWidth { found.append(start..<(last + 1)) }
        }
        for (x, ink) in inked.enumerated() where ink {
            if let current = start, x - last - 1 <= gap, current <= last {
                count += 1
            } else {
                close()
                start = x
                count = 1
            }
            last = x
        }
        close()
        return found
    }

    /// The rows a region is read in: its ink's own rows near the line (a cell's text may sit higher or lower than
    /// the line's other words) with each of the margins, short of the rulings above and below
    /// (a row dark over most of the region's width), which Tesseract would read as a line of text.
    /// Rows follow the page's skew across the columns.
    static func inkRows(in image: GrayImage, columns: Range<Int>, around band: (top: Double, bottom: Double),
                        slope: Double) -> [(top: Double, bottom: Double)] {
        let height = band.bottom - band.top
        let from = max(0, Int(band.top - 0.6 * height)), to = min(image.height, Int(band.bottom + 0.6 * height))
        guard to - from >= 3 else { return margins.map { _ in band } }
        let middle = Double(columns.lowerBound + columns.upperBound) / 2
        let ink = (from..<to).map { y in
            columns.count { x in
                let row = y + Int(((Double(x) - middle) * slope).rounded())
                return row >= 0 && row < image.height && image.pixels[row * image.width + x] < darkLevel
            }
        }
        let isRuling = ink.map { Double($0) >= 0.8 * Double(columns.count) }
        let centre = min(ink.count - 1, max(0, Int((band.top + band.bottom) / 2) - from))
        var top = centre, bottom = centre
        var rulingAbove = from - 1, rulingBelow = to
        var blank = 0
        for y in stride(from: centre, through: 0, by: -1) {
            if isRuling[y] { rulingAbove = from + y; break }
            blank = ink[y] > 0 ? 0 : blank + 1
            if ink[y] > 0 { top = y }
            if blank > 2 { break }
        }
        blank = 0
        for y in centre..<ink.count {
            if isRuling[y] { rulingBelow = from + y; break }
            blank = ink[y] > 0 ? 0 : blank + 1
            if ink[y] > 0 { bottom = y }
            if blank > 2 { break }
        }
        let inkTop = Double(from + top), inkBottom = Double(from + bottom + 1)
        guard inkBottom - inkTop >= 0.4 * height else { return margins.map { _ in band } }
        return margins.map { margin in
            let width = margin * (inkBottom - inkTop)
            return (max(Double(rulingAbove + 2), inkTop - width), min(Double(rulingBelow - 1), inkBottom + width))
        }
    }

    /// Margins a region's rows get around its ink, in the ink's height: Tesseract's reading of one line changes with
    /// a few pixels of margin on a noisy scan, so each region is read with each and the surest reading kept.
    static let margins = [0.2, 0.45]

    /// The page's words with the regions' second readings added where Tesseract is sure of them; nil when none is.
    static func adding(_ rereads: [[PositionedWord]], to words: [PositionedWord]) -> [PositionedWord]? {
        let added = rereads.flatMap { reading in
            reading.filter { word in
                word.confidence >= minimumConfidence && word.text.contains(where: { $0.isLetter || $0.isNumber })
                    && !words.contains { $0.text.contains(where: { $0.isLetter || $0.isNumber }) && DoubtfulDigits.overlap($0, word) }
            }
        }
        return added.isEmpty ? nil : words + added
    }
}
