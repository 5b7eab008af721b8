@testable import EclaireCore
@testable import EclaireServer
import Testing

/// On a product page an order engaged in several Chorus lines is one row with the order's verdict, its lines
/// beneath without a verdict of their own (issue 18: per-line gaps of −75 568 € read as if the order were off).
@Suite("Reconciliation rows of a product page")
struct ReconciliationRowsTests {
    @Test func aSplitOrderIsOneRowWithItsLinesBeneath() {
        let gap = Reconciliation.Verdict.bcEcart(difference: Money(cents: -50_000))
        let lines = [
            ReconciledLine(ej: "2105000001", kind: .engage, exercice: 2025, serviceFait: nil, chorusAmount: Money(cents: 7_556_848),
                           teamAmount: Money(cents: 17_868_152), verdict: gap),
            ReconciledLine(ej: "2105000001", kind: .engage, exercice: 2025, serviceFait: nil, chorusAmount: Money(cents: 10_261_304),
                           teamAmount: Money(cents: 17_868_152), verdict: gap),
            ReconciledLine(ej: "2105000001", kind: .receptionne, exercice: 2025, serviceFait: "SF1", chorusAmount: Money(cents: 100_000),
                           teamAmount: Money(cents: 100_000), verdict: .sf),
            ReconciledLine(ej: "2105000002", kind: .engage, exercice: 2025, serviceFait: nil, chorusAmount: Money(cents: 100_000),
                           teamAmount: Money(cents: 100_000), verdict: .bcInitial),
        ]
        let rows = ReconciledLineView.rows(lines)
        #expect(rows.map(\.level) == ["commande", "ligne", "ligne", "", ""])
        #expect(rows[0].kind == "bon de commande en 2 lignes" && rows[0].chorus == Money(cents: 17_818_152).french)
        #expect(rows[0].verdict == "KO - BC Écart non expliqué (diff = -500,00\u{00A0}€)" && rows[0].team == Money(cents: 17_868_152).french)
        #expect(rows[1].verdict.isEmpty && rows[2].verdict.isEmpty)
        #expect(rows[3].verdict == "OK - SF" && rows[4].verdict == "OK - BC initial")
    }
}
