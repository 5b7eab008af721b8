/// A calendar date with no time zone: Chorus dates are days, and a time zone would only move them.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 `2025-12-31`, the form stored and served in JSON.
    public var iso: String { "\(year)-\(FrenchFormat.pad(month))-\(FrenchFormat.pad(day))" }
    public var description: String { iso }

    /// Accepts `dd.mm.yyyy`, `dd/mm/yyyy` and `yyyy-mm-dd` (an ISO time after the date is ignored).
    /// Read byte by byte: it runs for every date of every imported row.
    public static func parse(_ text: String) -> LocalDate? {
        var numbers = (0, 0, 0)
        var lengths = (0, 0, 0)
        var part = 0
        var started = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                started = true
                let digit = Int(byte) - 48
                switch part {
                case 0: numbers.0 = numbers.0 * 10 + digit; lengths.0 += 1
                case 1: numbers.1 = numbers.1 * 10 + digit; lengths.1 += 1
                default: numbers.2 = numbers.2 * 10 + digit; lengths.2 += 1
                }
                if lengths.0 > 4 || lengths.1 > 2 || lengths.2 > 4 { return nil }
            case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
                guard started, part < 2 else { return nil }
                part += 1
            case UInt8(ascii: " ") where part == 2 && lengths.2 > 0, UInt8(ascii: "T") where part == 2 && lengths.2 > 0:
                return make(numbers, lengths)
            case UInt8(ascii: " ") where !started:
                continue
            default:
                return nil
            }
        }
        guard part == 2 else { return nil }
        return make(numbers, lengths)
    }

    private static func make(_ numbers: (Int, Int, Int), _ lengths: (Int, Int, Int)) -> LocalDate? {
        if lengths.0 == 4, lengths.1 > 0, (1...2).contains(lengths.2) {
            return LocalDate(year: numbers.0, month: numbers.1, day: numbers.2)
        }
        guard lengths.2 == 4, (1...2).contains(lengths.0), lengths.1 > 0 else { return nil }
        return LocalDate(year: numbers.2, month: numbers.1, day: numbers.0)
    }

    /// Days since 1970-01-01, for durations such as the délai global de paiement.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Excel's serial day numbers (1900 date system), as XLSX stores dates.
    public init?(excelSerial serial: Double) {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        self.init(daysSinceEpoch: Int(serial.rounded(.down)) - 25_569)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
