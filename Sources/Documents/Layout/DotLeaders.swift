/// The dot leaders of a typed form (« Montant HT ........ 1 000,00 € »), erased for a second reading. With its table
/// finder off (`OCREngine`), Tesseract drops whole rows that hold leaders: a scanned fiche navette lost its « Marché
/// de référence », « Montant HT » and « Montant TTC » rows (issue 15, session 19, set d of the stranger corpus), which
/// the same page without its dots reads whole. A page is looked at only when its first reading shows what is left of
/// a leader (a word of dots).
///
/// A leader is a chain of four dots at least on one level, each a small filled blob about as wide as high, the next
/// at most a sixth of an inch away: an ellipsis has three, a sentence's period stands alone, an « i »'s dot is a
/// letter or more from the next.
enum DotLeaders {
    static let darkLevel: UInt8 = 160

    /// A word made of leader marks only (« ….. », « ........ »), as OCR reads what it keeps of a leader.
    static func hintsAtLeaders(_ words: [PositionedWord]) -> Bool {
        words.contains { word in
            let weight = word.text.reduce(0) { $0 + ($1 == "…" ? 3 : $1 == "." || $1 == "·" ? 1 : 0) }
            return weight >= 3 && word.text.allSatisfy { ".…·,:;".contains($0) }
                || word.text.hasSuffix("....") || word.text.hasSuffix("……")
        }
    }

    struct Blob { var x0: Int, y0: Int, x1: Int, y1: Int, count: Int }

    /// The page without its leaders; nil when it has none.
    static func erased(from image: GrayImage, dpi: Int) -> GrayImage? {
        let width = image.width, height = image.height
        guard width > 8, height > 8, image.pixels.count == width * height else { return nil }
        let maxDot = max(3, dpi / 40), maxStep = max(8, dpi / 6)
        let dots = blobs(in: image, largest: maxDot).filter { blob in
            let w = blob.x1 - blob.x0 + 1, h = blob.y1 - blob.y0 + 1
            return w >= 2 && h >= 2 && abs(w - h) <= max(2, max(w, h) / 2) && blob.count * 5 >= w * h * 2
        }
        guard dots.count >= 4 else { return nil }
        // Rows of dots on one level, then chains along each row.
        let byLevel = dots.sorted { $0.y0 + $0.y1 < $1.y0 + $1.y1 }
        var leaders: [Blob] = []
        var row: [Blob] = []
        func closeRow() {
            let ordered = row.sorted { $0.x0 < $1.x0 }
            var chain: [Blob] = []
            for dot in ordered {
                if let last = chain.last, dot.x0 - last.x0 > maxStep || dot.x0 <= last.x1 {
                    if chain.count >= 4 { leaders += chain }
                    chain = []
                }
                chain.append(dot)
            }
            if chain.count >= 4 { leaders += chain }
            row = []
        }
        for dot in byLevel {
            if let first = row.first, abs((dot.y0 + dot.y1) - (first.y0 + first.y1)) > maxDot { closeRow() }
            row.append(dot)
        }
        closeRow()
        guard !leaders.isEmpty else { return nil }
        var pixels = image.pixels
        for dot in leaders {
            for y in max(0, dot.y0 - 1)...min(height - 1, dot.y1 + 1) {
                for x in max(0, dot.x0 - 1)...min(width - 1, dot.x1 + 1) { pixels[y * width + x] = 255 }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// The page's blobs of dark pixels (8-connected) no wider nor higher than `largest`; larger ones are passed over.
    static func blobs(in image: GrayImage, largest: Int) -> [Blob] {
        let width = image.width, height = image.height
        var seen = [Bool](repeating: false, count: width * height)
        var found: [Blob] = []
        var stack: [Int] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for start in 0..<(width * height) where !seen[start] && pixels[start] < darkLevel {
                var blob = Blob(x0: start % width, y0: start / width, x1: start % width, y1: start / width, count: 0)
                seen[start] = true
                stack.append(start)
                while let index = stack.popLast() {
                    let x = index % width, y = index / width
                    blob.x0 = min(blob.x0, x); blob.x1 = max(blob.x1, x)
                    blob.y0 = min(blob.y0, y); blob.y1 = max(blob.y1, y)
                    blob.count += 1
                    for dy in -1...1 {
                        let ny = y + dy
                        guard ny >= 0, ny < height else { continue }
                        for dx in -1...1 {
                            let nx = x + dx
                            guard nx >= 0, nx < width else { continue }
                            let next = ny * width + nx
                            if !seen[next] && pixels[next] < darkLevel {
                                seen[next] = true
                                stack.append(next)
                            }
                        }
                    }
                }
                if blob.x1 - blob.x0 < largest && blob.y1 - blob.y0 < largest { found.append(blob) }
            }
        }
        return found
    }
}
