/// Logarithms and the robust score of amounts, in plain Swift (the Core imports nothing).
enum RobustScore {
    static let ln2 = 0.693_147_180_559_945_3

    /// Natural logarithm of a positive number: x = m × 2^e with m in [1, 2), ln m = 2 atanh((m − 1)/(m + 1)).
    static func log(_ x: Double) -> Double {
        precondition(x > 0)
        let e = Double(x.exponent)
        let m = x.significand
        let y = (m - 1) / (m + 1), y2 = y * y
        var term = y, sum = 0.0, n = 1.0
        while abs(term / n) > 1e-17 {
            sum += term / n
            term *= y2
            n += 2
        }
        return e * ln2 + 2 * sum
    }

    static func exp(_ x: Double) -> Double {
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0, n = 1.0
        while abs(term) > 1e-17 {
            term *= r / n
            sum += term
            n += 1
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `4,3`: one decimal, French comma.
    static func french(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(abs(tenths % 10))"
    }
}
