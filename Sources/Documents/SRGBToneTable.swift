import Foundation

/// The sRGB transfer curve (IEC 61966-2.1) and whether a sampled table is that curve.
enum SRGBToneTable {
    /// A parametric type of Eclaire's own, registered with LittleCMS (`SRGBCurvePlugin`): LittleCMS's type 4,
    /// Y = (aX + b)^g for X ≥ d, Y = cX below, whose evaluator remembers the sRGB curve and its inverse at the points
    /// LittleCMS samples every curve it builds. Poppler builds them for each page (the curves of the output intent
    /// and their inverses, in four transforms): one `pow` per point, 60 000 a page.
    static let parametricType: Int32 = 1004

    /// The parameters of a type 4 curve, in LittleCMS's order g, a, b, c, d.
    struct Parameters: Equatable {
        var g, a, b, c, d: Double
        var array: [Double] { [g, a, b, c, d] }
    }

    static let sRGB = Parameters(g: 2.4, a: 1 / 1.055, b: 0.055 / 1.055, c: 1 / 12.92, d: 0.04045)

    /// LittleCMS samples each curve it builds at i / 4095 (`cmsBuildSegmentedToneCurve`).
    static let samplingPoints = 4096
    private static let sampled = (0..<samplingPoints).map { curve(Double($0) / Double(samplingPoints - 1), sRGB) }
    private static let sampledInverse = (0..<samplingPoints).map { inverse(Double($0) / Double(samplingPoints - 1), sRGB) }

    /// The curve (`type` > 0) or its inverse at `x`, remembered at the sampling points when the parameters are sRGB's.
    static func evaluate(type: Int32, parameters: Parameters, at x: Double) -> Double {
        if parameters == sRGB {
            let scaled = (x * Double(samplingPoints - 1)).rounded()
            if scaled >= 0, scaled < Double(samplingPoints), scaled / Double(samplingPoints - 1) == x {
                return type > 0 ? sampled[Int(scaled)] : sampledInverse[Int(scaled)]
            }
        }
        return type > 0 ? curve(x, parameters) : inverse(x, parameters)
    }

    /// LittleCMS 2.14's type 4, term for term.
    static func curve(_ x: Double, _ p: Parameters) -> Double {
        guard x >= p.d else { return x * p.c }
        let e = p.a * x + p.b
        return e > 0 ? pow(e, p.g) : 0
    }

    /// LittleCMS 2.14's type −4, term for term.
    static func inverse(_ y: Double, _ p: Parameters) -> Double {
        let tolerance = 0.0001  // MATRIX_DET_TOLERANCE
        let e = p.a * p.d + p.b
        let threshold = e < 0 ? 0 : pow(e, p.g)
        if y >= threshold {
            return abs(p.g) < tolerance || abs(p.a) < tolerance ? 0 : (pow(y, 1 / p.g) - p.b) / p.a
        }
        return abs(p.c) < tolerance ? 0 : y / p.c
    }

    /// Below this many entries, the straight lines between samples stray from the curve by more than half a 16-bit
    /// step, so a table that small is its own curve, not sRGB.
    static let minimumEntries = 256

    static func value(at x: Double) -> Double { curve(x, sRGB) }

    /// True when every entry is the sRGB curve at its position, rounded to 16 bits (one step of slack).
    static func matches(_ table: [UInt16]) -> Bool {
        guard table.count >= minimumEntries else { return false }
        let last = Double(table.count - 1)
        for (index, entry) in table.enumerated() where abs(Double(entry) - value(at: Double(index) / last) * 65535) > 1 {
            return false
        }
        return true
    }
}
