import CTesseract

/// A page scanned or photographed askew by more than Tesseract's own line finder follows: set straight by
/// Leptonica before it is read. Scans within a degree and a half read as well either way; at 4° set n's scans lost
/// a fifth of their facts (docs/QUALITY.md), their lines rebuilt from word positions crossing each other.
enum Skew {
    /// Under this many degrees a page is read as it lies.
    static let minimumDegrees: Float = 2
    /// Leptonica's confidence in the angle (its score ratio) under which the page is read as it lies.
    static let minimumConfidence: Float = 3

    /// The page set straight when it lies askew by `minimumDegrees` or more, with the angle found; nil when it lies
    /// straight enough or Leptonica cannot tell. The same image always gives the same result, so that a second look
    /// at a region is taken in the image the words were read in.
    static func straightened(_ image: GrayImage) -> (image: GrayImage, degrees: Float)? {
        // The angle is searched on every other pixel of the page in black and white (±7° by steps of 1°, then
        // halving, at a quarter and an eighth of the resolution): every scanned page pays for it, so it is cheap.
        // Only a page askew enough is turned, the full gray page then, white brought in at its edges.
        var half: UnsafeMutablePointer<PIX>? = image.pix(step: 2)
        defer { pixDestroy(&half) }
        var binary: UnsafeMutablePointer<PIX>? = half.flatMap { pixConvertTo1($0, 130) }
        defer { pixDestroy(&binary) }
        var angle: Float = 0, confidence: Float = 0
        guard let binary, pixFindSkewSweepAndSearch(binary, &angle, &confidence, 4, 2, 7, 1, 0.01) == 0, angle.isFinite,
              abs(angle) >= minimumDegrees, confidence >= minimumConfidence else { return nil }
        var pix: UnsafeMutablePointer<PIX>? = image.pix()
        defer { pixDestroy(&pix) }
        guard pix != nil else { return nil }
        var turned: UnsafeMutablePointer<PIX>? = pixRotate(pix, angle * .pi / 180, Int32(L_ROTATE_AREA_MAP),
                                                           Int32(L_BRING_IN_WHITE), 0, 0)
        defer { pixDestroy(&turned) }
        guard let turned, let straight = GrayImage(gray8: turned) else { return nil }
        return (straight, angle)
    }
}

extension GrayImage {
    /// An 8-bit Leptonica image holding these pixels, or one pixel of `step` each way; the caller destroys it.
    func pix(step: Int = 1) -> UnsafeMutablePointer<PIX>? {
        let width = self.width / step, height = self.height / step
        guard step >= 1, width > 0, height > 0, let pix = pixCreate(Int32(width), Int32(height), 8) else { return nil }
        guard let data = pixGetData(pix) else {
            var owned: UnsafeMutablePointer<PIX>? = pix
            pixDestroy(&owned)
            return nil
        }
        let wordsPerLine = Int(pixGetWpl(pix))
        let bytes = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt8.self)
        for y in 0..<height {
            let line = bytes + y * wordsPerLine * 4
            #if _endian(big)
            for x in 0..<width { line[x] = pixels[y * step * self.width + x * step] }
            #else
            for x in 0..<width { line[x ^ 3] = pixels[y * step * self.width + x * step] }
            #endif
        }
        return pix
    }

    /// The pixels of an 8-bit Leptonica image; nil for another depth.
    init?(gray8 pix: UnsafeMutablePointer<PIX>) {
        guard pixGetDepth(pix) == 8, let data = pixGetData(pix) else { return nil }
        let w = Int(pixGetWidth(pix)), h = Int(pixGetHeight(pix)), wordsPerLine = Int(pixGetWpl(pix))
        // Leptonica keeps each line in 32-bit words, the first pixel in the most significant byte: on a
        // little-endian machine the byte of pixel x is at x ^ 3.
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        var pixels = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let line = bytes + y * wordsPerLine * 4
            #if _endian(big)
            for x in 0..<w { pixels[y * w + x] = line[x] }
            #else
            for x in 0..<w { pixels[y * w + x] = line[x ^ 3] }
            #endif
        }
        self.init(width: w, height: h, pixels: pixels)
    }
}
