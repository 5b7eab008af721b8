/// The thresholds under which a purchase needs no advertised procedure (« seuil de dispense »), by date: they change
/// by decree, so they are kept in one dated table.
public enum ProcurementThresholds {
    public enum Nature: Sendable { case suppliesAndServices, works }

    /// (first day, supplies and services, works), amounts HT. Décret 2022-1683: 40 000 € HT from 1 January 2020
    /// for supplies and services (works raised to 100 000 € HT from 1 January 2023); 60 000 € HT for supplies and
    /// services from 1 April 2026.
    static let table: [(from: LocalDate, services: Money, works: Money)] = [
        (LocalDate(year: 2020, month: 1, day: 1)!, Money(cents: 4_000_000), Money(cents: 4_000_000)),
        (LocalDate(year: 2023, month: 1, day: 1)!, Money(cents: 4_000_000), Money(cents: 10_000_000)),
        (LocalDate(year: 2026, month: 4, day: 1)!, Money(cents: 6_000_000), Money(cents: 10_000_000)),
    ]

    public static func dispense(on date: LocalDate, nature: Nature = .suppliesAndServices) -> Money {
        let row = table.last { $0.from <= date } ?? table[0]
        return nature == .works ? row.works : row.services
    }

    /// The usual VAT rate, to estimate HT from Chorus's TTC amounts when no document gives HT.
    public static let usualVATBasisPoints = 2000

    public static func estimatedHT(fromTTC ttc: Money) -> Money {
        Money(cents: Money.scaled(ttc.cents, times: 10_000, over: 10_000 + Int64(usualVATBasisPoints)))
    }
}
