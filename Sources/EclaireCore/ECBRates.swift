/// The ECB's main refinancing rate in force on the first day of each half-year (1 January, 1 July): the rate the
/// interest for late payment uses, plus 8 points (Code de la commande publique, art. R2192-31).
///
/// Source: ECB, key interest rates (main refinancing operations), changes effective 27/07/2022 (0,50 %),
/// 14/09/2022 (1,25 %), 02/11/2022 (2,00 %), 21/12/2022 (2,50 %), 08/02/2023 (3,00 %), 22/03/2023 (3,50 %),
/// 10/05/2023 (3,75 %), 21/06/2023 (4,00 %), 02/08/2023 (4,25 %), 20/09/2023 (4,50 %), 12/06/2024 (4,25 %),
/// 18/09/2024 (3,65 %), 23/10/2024 (3,40 %), 18/12/2024 (3,15 %), 05/02/2025 (2,90 %), 12/03/2025 (2,65 %),
/// 23/04/2025 (2,40 %), 11/06/2025 (2,15 %). A half-year after the table uses its last rate and says so.
public enum ECBRates {
    /// (year, half 1 or 2, rate in basis points).
    public static let halfYears: [(year: Int, half: Int, basisPoints: Int)] = [
        (2022, 1, 0), (2022, 2, 0), (2023, 1, 250), (2023, 2, 400), (2024, 1, 450), (2024, 2, 425),
        (2025, 1, 315), (2025, 2, 215), (2026, 1, 215),
    ]

    public struct Rate: Sendable, Equatable {
        public let basisPoints: Int
        /// False when the date is past the table and its last known rate was used.
        public let known: Bool

        public init(basisPoints: Int, known: Bool) {
            self.basisPoints = basisPoints
            self.known = known
        }
    }

    /// The rate for a delay that began on `date`.
    public static func rate(on date: LocalDate) -> Rate {
        let half = date.month <= 6 ? 1 : 2
        if let entry = halfYears.first(where: { $0.year == date.year && $0.half == half }) {
            return Rate(basisPoints: entry.basisPoints, known: true)
        }
        let before = halfYears.last { ($0.year, $0.half) < (date.year, half) }
        return Rate(basisPoints: (before ?? halfYears[0]).basisPoints, known: false)
    }
}
