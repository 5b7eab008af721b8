/// An exact amount of euros, held as integer cents: amounts are never `Double`.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    // Sums saturate instead of trapping: no amount a user types or a file holds may stop the process. Amounts are
    // read with at most 13 digits of euros, so a saturated sum needs a million of the largest: it shows as absurd,
    // never as a crash.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: saturating(lhs.cents.addingReportingOverflow(rhs.cents), rhs.cents)) }
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(cents: saturating(lhs.cents.subtractingReportingOverflow(rhs.cents), rhs.cents == .min ? 1 : -rhs.cents))
    }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static prefix func - (value: Money) -> Money { Money(cents: value.cents == .min ? .max : -value.cents) }

    /// `value × numerator ÷ denominator` rounded half away from zero, on 128 bits so that no intermediate product
    /// overflows; a result beyond Int64 saturates. `denominator` must be positive.
    public static func scaled(_ value: Int64, times numerator: Int64, over denominator: Int64) -> Int64 {
        guard denominator > 0 else { return 0 }
        let negative = (value < 0) != (numerator < 0)
        let product = value.magnitude.multipliedFullWidth(by: numerator.magnitude)
        let divisor = UInt64(denominator)
        let bound: Int64 = negative ? .min : .max
        guard product.high < divisor else { return bound }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let (rounded, overflow) = quotient.addingReportingOverflow(remainder >= divisor - remainder ? 1 : 0)
        guard !overflow, rounded <= UInt64(Int64.max) else { return bound }
        return negative ? -Int64(rounded) : Int64(rounded)
    }

    /// The result, or the bound it ran past (the sign of the added term tells which).
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), _ added: Int64) -> Int64 {
        result.overflow ? (added > 0 ? .max : .min) : result.partialValue
    }

    public var isZero: Bool { cents == 0 }

    /// Euros as a JSON-friendly number; exact to the cent because every cent value has a shortest decimal form.
    public var euros: Double { Double(cents) / 100 }

    /// `12345.67` — the machine form used in CSV output and logs.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        let fraction = absolute % 100
        return "\(sign)\(absolute / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { plain }

    /// `12 345,67 €` with narrow no-break spaces, as French typography and the State's design system write it.
    public var french: String { FrenchFormat.amount(self) }

    /// Euros to cents, rounding half away from zero (used for spreadsheets that store binary floats).
    public init(roundingEuros value: Double) {
        let cents = (value * 100).rounded(.toNearestOrAwayFromZero)
        // A float beyond Int64 (or not a number) would trap the conversion.
        self.cents = cents.isNaN ? 0 : cents >= 9.2e18 ? .max : cents <= -9.2e18 ? .min : Int64(cents)
    }
}
