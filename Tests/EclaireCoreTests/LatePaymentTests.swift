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

@Suite("The circuit explained, with the délai global de paiement and its cost")
struct CircuitTimelineTests {
    func overview(engaged: Int64, received: Int64, paid: Int64, sf: Int = 1, dp: Int = 0) -> EJOverview {
        EJOverview(ej: "2105000000", supplier: .init(), imputation: .init(), lineCount: 1,
                   amounts: [.engage: Money(cents: engaged)],
                   circuit: CircuitFacts(engaged: Money(cents: engaged), received: Money(cents: received),
                                         paid: Money(cents: paid), serviceFaitCount: sf, paymentRequestCount: dp))
    }

    @Test func ratesComeFromTheDatedTable() {
        #expect(ECBRates.rate(on: LocalDate(year: 2024, month: 7, day: 15)!) == .init(basisPoints: 425, known: true))
        #expect(ECBRates.rate(on: LocalDate(year: 2023, month: 3, day: 1)!) == .init(basisPoints: 250, known: true))
        #expect(ECBRates.rate(on: LocalDate(year: 2027, month: 2, day: 1)!) == .init(basisPoints: 215, known: false))
    }

    @Test func aServiceFaitWaitingBeyondThirtyDaysCostsInterest() throws {
        let timeline = CircuitTimeline(
            overview: overview(engaged: 1_000_000, received: 1_000_000, paid: 0),
            created: LocalDate(year: 2025, month: 1, day: 10), lastServiceFait: LocalDate(year: 2025, month: 3, day: 1),
            firstInvoice: nil, lastPayment: nil, asOf: LocalDate(year: 2025, month: 5, day: 15)!)
        #expect(timeline.steps.map(\.state) == [.done, .done, .done, .done, .current, .current, .waiting])
        #expect(timeline.steps[3].date == LocalDate(year: 2025, month: 3, day: 1))
        let payment = try #require(timeline.payment)
        #expect(payment.dueDate == LocalDate(year: 2025, month: 3, day: 31))
        #expect(payment.daysLate == 45)
        // 10 000 € × (3,15 % + 8 %) × 45 / 365 = 137,47 €.
        #expect(payment.interest == Money(cents: 13_747))
        #expect(timeline.rateKnown)
        #expect(timeline.nextAction.contains("Chorus Pro"))
    }

    @Test func anInvoiceAfterTheServiceFaitStartsTheClockAndAPaymentInTimeCostsNothing() throws {
        let timeline = CircuitTimeline(
            overview: overview(engaged: 500_000, received: 500_000, paid: 500_000, dp: 1),
            created: nil, lastServiceFait: LocalDate(year: 2025, month: 3, day: 1),
            firstInvoice: LocalDate(year: 2025, month: 3, day: 20), lastPayment: LocalDate(year: 2025, month: 4, day: 18),
            asOf: LocalDate(year: 2025, month: 12, day: 1)!)
        let payment = try #require(timeline.payment)
        #expect(payment.dueDate == LocalDate(year: 2025, month: 4, day: 19))
        #expect(!payment.isLate)
        #expect(timeline.steps.last?.state == .done)
        // Nothing received yet: no clock.
        let engaged = CircuitTimeline(overview: overview(engaged: 100, received: 0, paid: 0, sf: 0), created: nil,
                                      lastServiceFait: nil, firstInvoice: nil, lastPayment: nil,
                                      asOf: LocalDate(year: 2025, month: 1, day: 1)!)
        #expect(engaged.payment == nil)
        #expect(engaged.steps[3].state == .current)
    }
}
