import EclaireCore
import Testing

@Suite("Reconciliation of Chorus lines with the team's figures (the budget office's rules)")
struct ReconciliationTests {
    typealias Line = Reconciliation.Line

    func euros(_ value: Int64) -> Money { Money(cents: value * 100) }

    func verdicts(_ group: [Line]) -> [String] {
        group.map { Reconciliation.verdict(for: $0, in: group).label }
    }

    @Test func wholeOrderEngaged() {
        let line = Line(kind: .engage, chorusAmount: euros(12_000), exercice: 2025, orderAE: euros(12_000))
        #expect(verdicts([line]) == ["OK - BC initial"])
        // One cent apart is still the order; two cents is not.
        let cent = Line(kind: .engage, chorusAmount: Money(cents: 1_200_001), exercice: 2025, orderAE: euros(12_000))
        #expect(Reconciliation.verdict(for: cent, in: [cent]) == .bcInitial)
        let twoCents = Line(kind: .engage, chorusAmount: Money(cents: 1_200_002), exercice: 2025, orderAE: euros(12_000))
        #expect(Reconciliation.verdict(for: twoCents, in: [twoCents]) == .bcEcart(difference: Money(cents: 2)))
    }

    @Test func orderSplitOverLinesOfTheYear() {
        let group = [
            Line(kind: .engage, chorusAmount: euros(7_000), exercice: 2025, orderAE: euros(12_000)),
            Line(kind: .engage, chorusAmount: euros(5_000), exercice: 2025, orderAE: euros(12_000)),
            Line(kind: .engage, chorusAmount: euros(3_000), exercice: 2024, orderAE: euros(3_000)),
        ]
        #expect(verdicts(group) == ["OK - BC subdivisé", "OK - BC subdivisé", "OK - BC initial"])
    }

    @Test func aSplitOrderOffBy500EurosSaysSoOnEachOfItsLines() {
        // 178 181,52 € in three lines for an order of 178 681,52 €: the order is 500 € short, not each line 75 568 €.
        let group = [
            Line(kind: .engage, chorusAmount: Money(cents: 7_556_848), exercice: 2025, orderAE: Money(cents: 17_868_152)),
            Line(kind: .engage, chorusAmount: Money(cents: 5_373_659), exercice: 2025, orderAE: Money(cents: 17_868_152)),
            Line(kind: .engage, chorusAmount: Money(cents: 4_887_645), exercice: 2025, orderAE: Money(cents: 17_868_152)),
        ]
        #expect(group.map { Reconciliation.verdict(for: $0, in: group) } == Array(repeating: .bcEcart(difference: euros(-500)), count: 3))
        // A split order that is what remained after earlier years' payments.
        let remainder = [
            Line(kind: .engage, chorusAmount: euros(4_000), exercice: 2025, orderAE: euros(10_000)),
            Line(kind: .engage, chorusAmount: euros(2_000), exercice: 2025, orderAE: euros(10_000)),
            Line(kind: .paye, chorusAmount: euros(4_000), exercice: 2024, posteDP: 2, dateBaseDP: LocalDate(year: 2024, month: 11, day: 3)),
        ]
        #expect(Reconciliation.verdict(for: remainder[1], in: remainder) == .bcResteAEngager)
    }

    @Test func remainderAfterEarlierPaymentsTheAdvanceExcluded() {
        let group = [
            Line(kind: .engage, chorusAmount: euros(6_000), exercice: 2025, orderAE: euros(10_000)),
            Line(kind: .paye, chorusAmount: euros(4_000), exercice: 2024, posteDP: 2,
                 dateBaseDP: LocalDate(year: 2024, month: 11, day: 3)),
            // The advance (DP poste 1) is not deducted, nor is a payment of the same year.
            Line(kind: .paye, chorusAmount: euros(1_000), exercice: 2024, posteDP: 1,
                 dateBaseDP: LocalDate(year: 2024, month: 2, day: 1)),
            Line(kind: .paye, chorusAmount: euros(500), exercice: 2025, posteDP: 2,
                 dateBaseDP: LocalDate(year: 2025, month: 2, day: 1)),
        ]
        #expect(Reconciliation.verdict(for: group[0], in: group) == .bcResteAEngager)
    }

    @Test func unexplainedGapSaysByHowMuch() {
        let group = [
            Line(kind: .engage, chorusAmount: euros(6_500), exercice: 2025, orderAE: euros(10_000)),
            Line(kind: .paye, chorusAmount: euros(4_000), exercice: 2024, posteDP: 2,
                 dateBaseDP: LocalDate(year: 2024, month: 11, day: 3)),
        ]
        let verdict = Reconciliation.verdict(for: group[0], in: group)
        #expect(verdict == .bcEcart(difference: euros(500)))
        #expect(verdict.label == "KO - BC Écart non expliqué (diff = 500,00\u{00A0}€)")
        #expect(!verdict.isOK)
    }

    @Test func serviceFaitEqualOrSplitOnEitherSide() {
        let equal = Line(kind: .receptionne, chorusAmount: euros(4_000), exercice: 2025, serviceFait: "SF1",
                         serviceFaitCP: euros(4_000))
        #expect(Reconciliation.verdict(for: equal, in: [equal]) == .sf)

        // The team recorded one Chorus line as two rows of its own.
        let teamSplit = [
            Line(kind: .receptionne, chorusAmount: euros(4_000), exercice: 2025, serviceFait: "SF2", serviceFaitCP: euros(2_500)),
            Line(kind: .receptionne, chorusAmount: euros(4_000), exercice: 2025, serviceFait: "SF2", serviceFaitCP: euros(1_500)),
        ]
        #expect(teamSplit.map { Reconciliation.verdict(for: $0, in: teamSplit) } == [.sfSubdiviseEquipe, .sfSubdiviseEquipe])

        // Chorus split one team service fait over two lines.
        let chorusSplit = [
            Line(kind: .receptionne, chorusAmount: euros(3_000), exercice: 2025, serviceFait: "SF3", serviceFaitCP: euros(4_000)),
            Line(kind: .receptionne, chorusAmount: euros(1_000), exercice: 2025, serviceFait: "SF3", serviceFaitCP: euros(4_000)),
        ]
        #expect(chorusSplit.map { Reconciliation.verdict(for: $0, in: chorusSplit) } == [.sfSubdiviseChorus, .sfSubdiviseChorus])
    }

    @Test func serviceFaitMismatchAndNearMisses() {
        // Another service fait's rows do not explain this one.
        let group = [
            Line(kind: .receptionne, chorusAmount: euros(4_000), exercice: 2025, serviceFait: "SF4", serviceFaitCP: euros(2_500)),
            Line(kind: .receptionne, chorusAmount: euros(4_000), exercice: 2025, serviceFait: "SF5", serviceFaitCP: euros(1_500)),
        ]
        #expect(Reconciliation.verdict(for: group[0], in: group) == .sfEcart(difference: euros(1_500)))
        #expect(Reconciliation.verdict(for: group[0], in: group).label == "KO - SF (diff = 1\u{202F}500,00\u{00A0}€)")
    }

    @Test func linesWithoutTeamFiguresOrOutsideTheRules() {
        #expect(Reconciliation.verdict(for: Line(kind: .engage, chorusAmount: euros(1), exercice: 2025), in: []) == .aRapprocher)
        #expect(Reconciliation.verdict(for: Line(kind: .receptionne, chorusAmount: euros(1), exercice: 2025), in: []) == .aRapprocher)
        #expect(Reconciliation.verdict(for: Line(kind: .facture, chorusAmount: euros(1), exercice: 2025), in: []) == .nonConcerne)
    }
}
