import Testing
@testable import EclaireCore

/// No amount a user types or a file holds may stop the process (issue 16): sums saturate, products are computed on
/// 128 bits, amounts are read with at most 13 digits of euros.
@Suite struct MoneyOverflowTests {
    @Test func sumsSaturateInsteadOfTrapping() {
        let max = Money(cents: .max), min = Money(cents: .min)
        #expect((max + Money(cents: 1)).cents == .max)
        #expect((min - Money(cents: 1)).cents == .min)
        #expect((min + Money(cents: -1)).cents == .min)
        #expect((Money(cents: 5) - min).cents == .max)
        #expect((-min).cents == .max)
        var total = Money.zero
        for _ in 0..<3 { total += max }
        #expect(total.cents == .max)
        #expect((Money(cents: 250) + Money(cents: -100)).cents == 150)
    }

    @Test func scaledIsExactAndRoundsHalfAwayFromZero() {
        #expect(Money.scaled(65_000, times: 1_850, over: 100) == 1_202_500)
        #expect(Money.scaled(5, times: 1, over: 2) == 3)
        #expect(Money.scaled(-5, times: 1, over: 2) == -3)
        #expect(Money.scaled(Int64.max, times: 10_000, over: 12_000) == 7_686_143_364_045_646_506)
        #expect(Money.scaled(Int64.max, times: Int64.max, over: 1) == .max)
        #expect(Money.scaled(Int64.min, times: 2, over: 1) == .min)
    }

    @Test func productsOfHugeAmountsDoNotTrap() {
        let staffing = StaffingCost(person: "Expert", month: 3, dayRate: Money(cents: 999_999_999_999_999),
                                    daysHundredths: 999_999_999_999_999, otherCosts: Money(cents: .max))
        #expect(staffing.total.cents == .max)
        #expect(StaffingCost(person: "Dev", month: 1, dayRate: Money(cents: 65_000), daysHundredths: 1_850).total.cents == 1_202_500)
        let huge = Money(cents: 999_999_999_999_999_99)
        #expect(ProcurementThresholds.estimatedHT(fromTTC: huge).cents > 0)
        #expect(Money(roundingEuros: 1e300).cents == .max)
        #expect(Money(roundingEuros: -.infinity).cents == .min)
        #expect(Money(roundingEuros: .nan).cents == 0)
    }

    @Test func amountsOfMoreThanThirteenDigitsOfEurosAreRefused() throws {
        #expect(try AmountParser.parse("9 999 999 999 999,99").cents == 999_999_999_999_999)
        #expect(throws: AmountParser.Failure.self) { try AmountParser.parse("99 999 999 999 999,99") }
        #expect(throws: AmountParser.Failure.self) { try AmountParser.parse("99999999999999") }
    }
}
