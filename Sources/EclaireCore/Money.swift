/// An exact amount of euros, held as integer cents: amounts are never `Double`.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }

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
        self.cents = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    }
}
