/// Reads amounts as French and Chorus files print them.
///
/// Accepted: `12 345,67`, `"22500,12"`, `1000.0`, `12.345,67`, `138 936 678,56`, `-5,00`, `5,00-` (SAP),
/// `(5,00)`, a trailing `€`/`EUR`, and binary-float noise such as `89931.899999999994` (rounded to the cent).
/// Thousands may be separated by a space, a no-break space, a narrow no-break space, an apostrophe or a dot.
public enum AmountParser {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber(String)

        public var description: String {
            switch self {
            case .empty: "montant vide"
            case .notANumber(let text): "« \(text.prefix(80)) » n'est pas un montant"
            }
        }
    }

    /// Up to 9 999 999 999 999,99 €, a thousand times the State's yearly budget: more is a typing error, and a
    /// million such amounts still add up without overflow.
    static let maxIntegerDigits = 13

    public static func parse(_ text: String) throws(Failure) -> Money {
        if let plain = plainAmount(text) { return plain }
        var body = Substring(text).trimmingSpaces
        for suffix in ["EUR", "€"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count).trimmingSpaces
        }
        guard !body.isEmpty else { throw .empty }
        var negative = false
        if body.hasPrefix("(") && body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        if body.hasPrefix("-") { negative.toggle(); body = body.dropFirst() }
        else if body.hasPrefix("+") { body = body.dropFirst() }
        if body.hasSuffix("-") { negative.toggle(); body = body.dropLast() }

        var digits: [UInt8] = []
        var separators: [(UInt8, Int)] = []  // (separator, number of digits seen before it)
        for scalar in body.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.append(UInt8(scalar.value) - 48)
            case ",", ".": separators.append((UInt8(scalar.value), digits.count))
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’": continue
            default: throw .notANumber(text)
            }
        }
        guard !digits.isEmpty else { throw .notANumber(text) }
        let decimalPosition = try decimalSeparatorPosition(separators, digitCount: digits.count, text: text)
        let integerDigits = digits[..<decimalPosition]
        let fractionDigits = digits[decimalPosition...]
        guard integerDigits.count <= maxIntegerDigits else { throw .notANumber(text) }
        var cents: Int64 = integerDigits.reduce(0) { $0 * 10 + Int64($1) } * 100
        let fraction = Array(fractionDigits)
        if fraction.count > 0 { cents += Int64(fraction[0]) * 10 }
        if fraction.count > 1 { cents += Int64(fraction[1]) }
        if fraction.count > 2 && fraction[2] >= 5 { cents += 1 }
        return Money(cents: negative ? -cents : cents)
    }

    /// The form of nearly every exported amount — `-1234`, `22500,12`, `1000.0` — read without allocating;
    /// nil for anything else, which the general reading handles.
    private static func plainAmount(_ text: String) -> Money? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var units: Int64 = 0
        var integerDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = -1  // -1: no decimal mark yet
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte &- 48)
                if fractionDigits < 0 {
                    integerDigits += 1
                    guard integerDigits <= maxIntegerDigits else { return nil }
                    units = units * 10 + digit
                } else {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    fraction = fraction * 10 + digit
                }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
            default: return nil
            }
        }
        guard integerDigits > 0, fractionDigits != 0 else { return nil }
        let cents = units * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return Money(cents: negative ? -cents : cents)
    }

    /// Where the decimal part starts, as an index in the digit array (the digit count when there is none).
    private static func decimalSeparatorPosition(
        _ separators: [(UInt8, Int)], digitCount: Int, text: String
    ) throws(Failure) -> Int {
        guard let last = separators.last else { return digitCount }
        let kinds = Set(separators.map(\.0))
        if kinds.count == 2 {
            // Both marks: the last one is the decimal mark, and it must appear once.
            guard separators.filter({ $0.0 == last.0 }).count == 1 else { throw .notANumber(text) }
            return last.1
        }
        if separators.count > 1 {
            // One kind repeated (`1.234.567`): thousands only, and every group has three digits.
            let positions = separators.map(\.1) + [digitCount]
            for (a, b) in zip(positions, positions.dropFirst()) where b - a != 3 { throw .notANumber(text) }
            return digitCount
        }
        // A lone mark is decimal: Chorus writes `1000.0` and `22500,12`.
        return last.1
    }
}

extension Substring {
    /// Without the spaces (including no-break ones) and line ends around it.
    public var trimmingSpaces: Substring {
        var slice = self
        while let first = slice.unicodeScalars.first, first.isTrimmableSpace { slice = slice.dropFirst() }
        while let last = slice.unicodeScalars.last, last.isTrimmableSpace { slice = slice.dropLast() }
        return slice
    }
}

extension Unicode.Scalar {
    /// Space, tab, line ends, no-break and narrow no-break space: what surrounds values in exports.
    var isTrimmableSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F: true
        default: false
        }
    }
}
