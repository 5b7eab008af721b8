import CTesseract

/// A sheet photographed on a desk stands out, brighter, from the desk round it, seen at a slant: its edges are not
/// parallel (the far end narrower) and its lines turn more at one end than at the other. Tesseract then splits words
/// whose letters narrow along a line and drops rows that no single angle straightens. The sheet's edges are found
/// against the desk and the sheet set back to a rectangle by Leptonica before it is read. A scanner's page, paper to
/// its borders, shows no such edge and is read as it is.
enum PaperEdges {
    /// The page is looked at shrunk to about this many pixels on its longer side.
    static let lookingSide = 800
    /// An edge is looked for this far in from the image's border (a share of the image).
    static let reach = 0.25
    /// The paper is brighter than the desk by this factor and by this many levels.
    static let paperOverDesk = 1.3, paperOverDeskLevels = 24
    /// A side is found when its edge is seen on this share of the lines scanned across it.
    static let seenShare = 0.5

    /// A line across the shrunk image: depth = slope × position + offset, the depth counted from the image's border in.
    struct Side: Equatable {
        var slope = 0.0, offset = 0.0
        func depth(at position: Double) -> Double { slope * position + offset }
    }

    /// The sheet set back to an upright rectangle, the desk cut away; nil when no sheet stands out from a desk on two
    /// sides at least, or Leptonica fails. The same image always gives the same result, so that a second look at a
    /// region is taken in the image the words were read in.
    static func rectified(_ image: GrayImage) -> GrayImage? {
        guard let corners = sheetCorners(image) else { return nil }
        let (topLeft, topRight, bottomRight, bottomLeft) = (corners[0], corners[1], corners[2], corners[3])
        func distance(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        let width = min(image.width, Int(max(distance(topLeft, topRight), distance(bottomLeft, bottomRight)).rounded()))
        let height = min(image.height, Int(max(distance(topLeft, bottomLeft), distance(topRight, bottomRight)).rounded()))
        guard width * 2 >= image.width, height * 2 >= image.height else { return nil }
        var pix: UnsafeMutablePointer<PIX>? = image.pix()
        defer { pixDestroy(&pix) }
        var source: UnsafeMutablePointer<PTA>? = ptaCreate(4), target: UnsafeMutablePointer<PTA>? = ptaCreate(4)
        defer { ptaDestroy(&source); ptaDestroy(&target) }
        guard pix != nil, source != nil, target != nil else { return nil }
        let rectangle = [(0.0, 0.0), (Double(width - 1), 0.0), (Double(width - 1), Double(height - 1)), (0.0, Double(height - 1))]
        for (corner, place) in zip(corners, rectangle) {
            guard ptaAddPt(source, Float(corner.x), Float(corner.y)) == 0, ptaAddPt(target, Float(place.0), Float(place.1)) == 0
            else { return nil }
        }
        // Leptonica's output keeps the input's size; the sheet fills its top left corner.
        var warped: UnsafeMutablePointer<PIX>? = pixProjectivePtaGray(pix, target, source, 255)
        defer { pixDestroy(&warped) }
        guard let warped, let whole = GrayImage(gray8: warped) else { return nil }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            pixels.replaceSubrange(y * width..<(y + 1) * width, with: whole.pixels[y * whole.width..<y * whole.width + width])
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// The sheet's corners in the image's pixels (top left, top right, bottom right, bottom left), a side not seen
    /// taken at the image's border; nil when fewer than two sides stand out from a desk.
    static func sheetCorners(_ image: GrayImage) -> [(x: Double, y: Double)]? {
        let factor = max(1, (max(image.width, image.height) + lookingSide - 1) / lookingSide)
        let width = image.width / factor, height = image.height / factor
        guard width >= 64, height >= 64 else { return nil }
        let small = shrunk(image, by: factor, width: width, height: height)
        func row(_ y: Int, fromRight: Bool) -> (Int) -> Int {
            { fromRight ? small[y * width + width - 1 - $0] : small[y * width + $0] }
        }
        func column(_ x: Int, fromBottom: Bool) -> (Int) -> Int {
            { fromBottom ? small[(height - 1 - $0) * width + x] : small[$0 * width + x] }
        }
        let left = side(lines: height, length: width) { row($0, fromRight: false) }
        let right = side(lines: height, length: width) { row($0, fromRight: true) }
        let top = side(lines: width, length: height) { column($0, fromBottom: false) }
        let bottom = side(lines: width, length: height) { column($0, fromBottom: true) }
        guard [left, right, top, bottom].count(where: { $0 != nil }) >= 2 else { return nil }
        // Sides as x = p·y + q (left, right) and y = r·x + s (top, bottom), in the shrunk image.
        let (w, h) = (Double(width - 1), Double(height - 1))
        let l = left ?? Side(), r = right ?? Side(), t = top ?? Side(), b = bottom ?? Side()
        let verticals = [(p: l.slope, q: l.offset), (p: -r.slope, q: w - r.offset)]
        let horizontals = [(r: t.slope, s: t.offset), (r: -b.slope, s: h - b.offset)]
        func corner(_ v: (p: Double, q: Double), _ h: (r: Double, s: Double)) -> (x: Double, y: Double) {
            let x = (v.p * h.s + v.q) / (1 - v.p * h.r)
            return (x: (x + 0.5) * Double(factor), y: (h.r * x + h.s + 0.5) * Double(factor))
        }
        return [corner(verticals[0], horizontals[0]), corner(verticals[1], horizontals[0]),
                corner(verticals[1], horizontals[1]), corner(verticals[0], horizontals[1])]
    }

    /// The page in blocks of `factor` pixels each way, each the mean of its block.
    static func shrunk(_ image: GrayImage, by factor: Int, width: Int, height: Int) -> [Int] {
        var small = [Int](repeating: 0, count: width * height)
        for y in 0..<height * factor {
            let line = y * image.width, target = (y / factor) * width
            for x in 0..<width * factor { small[target + x / factor] += Int(image.pixels[line + x]) }
        }
        let area = factor * factor
        return small.map { $0 / area }
    }

    /// One side of the sheet: its edge looked for on each line scanned across it (the middle four fifths of the side),
    /// `pixel(line)(depth)` reading from the border in; a line fitted to the edges seen, twice without those far from
    /// it. Nil when the edge is seen on too few lines, or turns too far from the border's direction to be a sheet's.
    static func side(lines: Int, length: Int, pixel: (Int) -> (Int) -> Int) -> Side? {
        let scanned = Array(lines / 10..<lines - lines / 10)
        var points: [(position: Double, depth: Double)] = scanned.compactMap { line in
            edge(length: length, pixel(line)).map { (Double(line), Double($0)) }
        }
        var fitted: Side?
        for _ in 0..<3 {
            guard 2 * points.count >= scanned.count, let line = fit(points) else { return nil }
            fitted = line
            points = points.filter { abs(line.depth(at: $0.position) - $0.depth) <= 2 }
        }
        guard let fitted, Double(points.count) >= seenShare * Double(scanned.count), abs(fitted.slope) <= 0.15 else { return nil }
        // One pixel further in, so that the blurred border of the desk stays out of the sheet.
        return Side(slope: fitted.slope, offset: fitted.offset + 1)
    }

    /// Where, going in from the border, a line leaves an even darker desk for paper that stays bright; nil when the
    /// line starts on paper or finds no such step within `reach`.
    static func edge(length: Int, _ pixel: (Int) -> Int) -> Int? {
        let limit = Int(Double(length) * reach)
        var sum = 0, brightest = 0
        for depth in 0..<limit {
            let value = pixel(depth)
            if depth >= 3 {
                let desk = sum / depth
                if Double(value) >= paperOverDesk * Double(desk), value - desk >= paperOverDeskLevels {
                    guard brightest <= desk + paperOverDeskLevels, depth + 6 < length else { return nil }
                    return (depth..<depth + 6).allSatisfy { Double(pixel($0)) >= paperOverDesk * Double(desk) } ? depth : nil
                }
            }
            sum += value
            brightest = max(brightest, value)
        }
        return nil
    }

    /// The least-squares line through the points; nil for fewer than two.
    static func fit(_ points: [(position: Double, depth: Double)]) -> Side? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanPosition = points.reduce(0) { $0 + $1.position } / n, meanDepth = points.reduce(0) { $0 + $1.depth } / n
        var covariance = 0.0, variance = 0.0
        for point in points {
            covariance += (point.position - meanPosition) * (point.depth - meanDepth)
            variance += (point.position - meanPosition) * (point.position - meanPosition)
        }
        guard variance > 0 else { return nil }
        let slope = covariance / variance
        return Side(slope: slope, offset: meanDepth - slope * meanPosition)
    }
}
