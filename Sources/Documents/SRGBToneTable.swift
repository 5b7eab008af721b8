import Foundation

/// The sRGB transfer curve (IEC 61966-2.1) and whether a sampled table is that curve.
enum SRGBToneTable {
    /// LittleCMS parametric curve type 4: Y = (aX + b)^g for X ≥ d, Y = cX below.
    static let parametricType: Int32 = 4
    static let parameters: [Double] = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]

    /// Below this many entries, the straight lines between samples stray from the curve by more than half a 16-bit
    /// step, so a table that small is its own curve, not sRGB.
    static let minimumEntries = 256

    static func value(at x: Double) -> Double {
        x < parameters[4] ? x * parameters[3] : pow(parameters[1] * x + parameters[2], parameters[0])
    }

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
