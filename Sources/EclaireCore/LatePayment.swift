/// The délai global de paiement of the State (30 days) and what paying late costs: moratorium interest at the
/// ECB's main refinancing rate plus 8 points, pro rata of the days late, and a flat 40 € collection indemnity
/// (Code de la commande publique, articles R2192-10 to R2192-36).
public enum LatePayment {
    public static let deadlineDays = 30
    public static let indemnity = Money(cents: 4_000)
    /// Basis points added to the ECB rate.
    public static let penaltyMarginBasisPoints = 800

    public struct Assessment: Sendable, Equatable {
        public let dueDate: LocalDate
        public let daysLate: Int
        public let interest: Money
        public let indemnity: Money

        public var isLate: Bool { daysLate > 0 }
        public var cost: Money { interest + indemnity }
    }

    /// - Parameters:
    ///   - start: when the clock starts (receipt of the invoice, or the service fait when it comes later).
    ///   - paid: the payment date; `asOf` is used while unpaid.
    ///   - ecbRateBasisPoints: the ECB rate in force on the first day of the half-year in which the delay began.
    public static func assess(amount: Money, start: LocalDate, paid: LocalDate?, asOf: LocalDate,
                              ecbRateBasisPoints: Int) -> Assessment {
        let due = start.adding(days: deadlineDays)
        let end = paid ?? asOf
        let daysLate = max(0, end.daysSinceEpoch - due.daysSinceEpoch)
        guard daysLate > 0 else { return Assessment(dueDate: due, daysLate: 0, interest: .zero, indemnity: .zero) }
        // cents × basis points × days / (10 000 × 365), rounded half up to the cent.
        let rateDays = Int64(ecbRateBasisPoints + penaltyMarginBasisPoints) * Int64(daysLate)
        let interest = Money(cents: Money.scaled(amount.cents, times: rateDays, over: 10_000 * 365))
        return Assessment(dueDate: due, daysLate: daysLate, interest: interest, indemnity: indemnity)
    }
}
