import CTesseract

/// A sheet photographed on a desk is lit unevenly: brighter by the window, darker under the phone's shadow.
/// Tesseract's one threshold for the whole page (Otsu) then loses the words of one side — set n photographed under
/// a light falling from one side read 0.58 of its facts (docs/QUALITY.md). Such a page's paper is brought to one
/// level by Leptonica before it is read; a scanner's evenly lit page is read as it is.
enum UnevenLight {
    /// The page is cut into this many tiles each way, and the tiles into blocks of this many each way.
    static let tiles = 12, tilesPerBlock = 4
    /// The paper of the darkest block under this share of the brightest's makes a page unevenly lit. A scanner's
    /// page gives 0.95 and more; a shaded box or a dark band covers too little of a block to move its median.
    static let evenShare = 0.88

    /// The paper's brightness in each block of the page (the median of its tiles'), or nil for a page too small.
    static func paperLevels(_ image: GrayImage) -> [Int]? {
        let tileWidth = image.width / tiles, tileHeight = image.height / tiles
        guard tileWidth >= 8, tileHeight >= 8 else { return nil }
        // A tile's paper is its 95th percentile: above its print, below a speck of noise. Every other pixel of
        // every other line is enough to tell.
        var paper = [Int](repeating: 0, count: tiles * tiles)
        var histogram = [Int](repeating: 0, count: 256)
        for tileY in 0..<tiles {
            for tileX in 0..<tiles {
                for index in histogram.indices { histogram[index] = 0 }
                var count = 0
                for y in stride(from: tileY * tileHeight, to: (tileY + 1) * tileHeight, by: 2) {
                    let line = y * image.width
                    for x in stride(from: tileX * tileWidth, to: (tileX + 1) * tileWidth, by: 2) {
                        histogram[Int(image.pixels[line + x])] += 1
                        count += 1
                    }
                }
                var above = 0, level = 255
                while level > 0 {
                    above += histogram[level]
                    if 20 * above >= count { break }
                    level -= 1
                }
                paper[tileY * tiles + tileX] = level
            }
        }
        let blocks = tiles / tilesPerBlock
        return (0..<blocks * blocks).map { block in
            let (blockY, blockX) = block.quotientAndRemainder(dividingBy: blocks)
            var levels: [Int] = []
            for y in 0..<tilesPerBlock {
                for x in 0..<tilesPerBlock {
                    levels.append(paper[(blockY * tilesPerBlock + y) * tiles + blockX * tilesPerBlock + x])
                }
            }
            return levels.sorted()[levels.count / 2]
        }
    }

    static func isUneven(_ levels: [Int]) -> Bool {
        guard let darkest = levels.min(), let brightest = levels.max(), brightest > 0 else { return false }
        return Double(darkest) < evenShare * Double(brightest)
    }

    /// The page with its paper brought to one level when it is lit unevenly; nil when it is lit evenly (or
    /// Leptonica fails). The same image always gives the same result, so that a second look at a region is taken
    /// in the image the words were read in.
    static func evened(_ image: GrayImage) -> GrayImage? {
        guard let levels = paperLevels(image), isUneven(levels), let darkest = levels.min() else { return nil }
        var pix: UnsafeMutablePointer<PIX>? = image.pix()
        defer { pixDestroy(&pix) }
        guard pix != nil else { return nil }
        // Leptonica measures the paper tile by tile (tiles of a hundredth of the page's width), from the pixels
        // brighter than `thresh` — below the paper of the darkest block, above print —, and divides each pixel by it.
        let side = Int32(max(8, image.width / 100))
        let thresh = Int32(Double(darkest) * 0.6)
        var even: UnsafeMutablePointer<PIX>? = pixBackgroundNorm(pix, nil, nil, side, side, thresh, side * side / 4, 245, 2, 2)
        defer { pixDestroy(&even) }
        guard let even else { return nil }
        return GrayImage(gray8: even)
    }
}
