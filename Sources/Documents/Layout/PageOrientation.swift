/// A page fed to the scanner upside down reads as a few doubtful fragments: its first reading's mean confidence
/// falls far below a straight page's (0.30–0.55 against 0.83 and more on the generated and the real scans). A page
/// fed sideways (a landscape table scanned in portrait) reads well, Tesseract turning its lines itself, but its words'
/// boxes stand upright, one above the other, and the lines rebuilt from them make no sense. Only such pages pay for
/// finding their orientation.
enum PageOrientation {
    /// Under this mean word confidence, the page's orientation is looked for.
    static let doubtfulConfidence = 0.6
    /// Tesseract's orientation confidence under which its answer is not tried (a straight page scores 10 and more;
    /// a turned reading is kept anyway only when it is surer than the first).
    static let minimumConfidence = 2.0

    /// The page's words of four characters or more mostly stand taller than wide: its lines run up or down the
    /// image. A vertical mention in a margin (« RCS … » along the edge) is a few words among many lying ones.
    static func readsSideways(_ words: [PositionedWord]) -> Bool {
        var standing = 0, lying = 0
        for word in words where word.text.count(where: { $0.isLetter || $0.isNumber }) >= 4 {
            if word.y1 - word.y0 > word.x1 - word.x0 { standing += 1 } else { lying += 1 }
        }
        return standing >= 5 && standing > lying
    }

    /// The first reading leaves the page's orientation to be found.
    static func isDoubtful(_ meanConfidence: Double, words: [PositionedWord]) -> Bool {
        meanConfidence < doubtfulConfidence || readsSideways(words)
    }
}

extension GrayImage {
    /// The image turned clockwise by `quarterTurns` quarters (any integer, taken modulo 4).
    func turned(clockwise quarterTurns: Int) -> GrayImage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0, width > 0, height > 0 else { return self }
        var out = [UInt8](repeating: 255, count: pixels.count)
        switch turns {
        case 2:
            for index in pixels.indices { out[pixels.count - 1 - index] = pixels[index] }
            return GrayImage(width: width, height: height, pixels: out)
        case 1:
            // The new image is `height` wide: its pixel (x, y) was (y, height - 1 - x).
            for y in 0..<width {
                for x in 0..<height { out[y * height + x] = pixels[(height - 1 - x) * width + y] }
            }
        default:
            // Three quarters: its pixel (x, y) was (width - 1 - y, x).
            for y in 0..<width {
                for x in 0..<height { out[y * height + x] = pixels[x * width + (width - 1 - y)] }
            }
        }
        return GrayImage(width: height, height: width, pixels: out)
    }
}

/// How a page's image was set before its words were read — a photographed sheet set back to a rectangle
/// (`PaperEdges`), its paper evened out (`UnevenLight`), turned by quarters, then straightened (`Skew`) — or how a
/// text layer's boxes were turned (`TextDirection`). The words' boxes are in that frame, where a second look at a
/// region of the image must be taken.
struct ImageFrame: Sendable, Equatable {
    var rectified = false
    var evened = false
    var quarterTurns = 0
    var straightened = false

    /// The page's image set as its words were read. Each step taken again on the same image gives the same image.
    func applied(to image: GrayImage) -> GrayImage {
        let sheet = rectified ? PaperEdges.rectified(image) ?? image : image
        let lit = evened ? UnevenLight.evened(sheet) ?? sheet : sheet
        let turned = lit.turned(clockwise: quarterTurns)
        return straightened ? Skew.straightened(turned)?.image ?? turned : turned
    }
}
