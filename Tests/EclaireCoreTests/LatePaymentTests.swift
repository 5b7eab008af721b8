import EclaireCore
import Testing

@Suite("Délai global de paiement and the cost of paying late")
struct LatePaymentTests {
    let start = LocalDate(year: 2025, month: 3, day: 1)!

    @Test func paidWithinThirtyDaysCostsNothing() {
        let assessment = LatePayment.assess(amount: Money(cents: 1_000_000), start: start,
                                            paid: LocalDate(year: 2025, month: 3, day: 31), asOf: start,
                                            ecbRateBasisPoints: 265)
        #expect(assessment.dueDate == LocalDate(year: 2025, month: 3, day: 31))
        #expect(!assessment.isLate)
        #expect(assessment.cost == .zero)
    }

    @Test func interestProRataOfTheDaysLatePlusTheIndemnity() {
        // 10 000 € paid 10 days late at 2,65 % + 8 points: 10 000 × 10,65 % × 10 / 365 = 29,18 €.
        let assessment = LatePayment.assess(amount: Money(cents: 1_000_000), start: start,
                                            paid: LocalDate(year: 2025, month: 4, day: 10), asOf: start,
                                            ecbRateBasisPoints: 265)
        #expect(assessment.daysLate == 10)
        #expect(assessment.interest == Money(cents: 2_918))
        #expect(assessment.indemnity == Money(cents: 4_000))
        #expect(assessment.cost == Money(cents: 6_918))
    }

    @Test func stillUnpaidIsJudgedOnTheDayAsked() {
        let assessment = LatePayment.assess(amount: Money(cents: 100_000), start: start, paid: nil,
                                            asOf: LocalDate(year: 2025, month: 4, day: 1)!, ecbRateBasisPoints: 400)
        #expect(assessment.daysLate == 1)
        // 1 000 € × 12 % / 365 = 0,33 €
        #expect(assessment.interest == Money(cents: 33))
    }
}
