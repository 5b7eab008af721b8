/// French display formats: `12 345,67 €`, `31/12/2025`.
public enum FrenchFormat {
    static let narrowNoBreakSpace = "\u{202F}"

    public static func amount(_ money: Money) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let absolute = money.cents.magnitude
        let fraction = absolute % 100
        return "\(sign)\(grouped(absolute / 100)),\(fraction < 10 ? "0" : "")\(fraction)\u{00A0}€"
    }

    /// `1 234 567`, grouped by three with narrow no-break spaces.
    public static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += narrowNoBreakSpace }
            out.append(digit)
        }
        return out
    }

    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(UInt64(value.magnitude))
    }

    public static func date(_ date: LocalDate) -> String {
        "\(pad(date.day))/\(pad(date.month))/\(date.year)"
    }

    public static let monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                    "septembre", "octobre", "novembre", "décembre"]

    /// `3` → `mars`; an impossible month is printed as its number.
    public static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : String(month)
    }

    /// `1850` hundredths → `18,5`; `2000` → `20`.
    public static func hundredths(_ value: Int) -> String {
        let whole = integer(value / 100)
        let fraction = abs(value % 100)
        guard fraction != 0 else { return whole }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : pad(fraction)
        return whole + "," + digits
    }

    /// `2026-11-23T23:58:05Z` → `23/11/2026 à 23:58 (UTC)`; other text is returned as it is.
    public static func timestamp(iso: String) -> String {
        guard iso.count >= 16, let date = LocalDate.parse(String(iso.prefix(10))) else { return iso }
        let time = iso.dropFirst(11).prefix(5)
        return "\(self.date(date)) à \(time) (UTC)"
    }

    public static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
