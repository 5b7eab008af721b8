@testable import EclaireCore
import Testing

/// The split-order window is found in one pass (a supplier may have thousands of orders for one need): it must
/// choose the same window as the plain definition, every run of orders within 365 days tried in turn.
@Suite("Fractionnement: the longest split window")
struct FractionnementWindowTests {
    /// The definition, quadratic: for each last order, the orders of the 365 days before it.
    static func reference(_ orders: [AnomalyRules.WindowOrder]) -> ClosedRange<Int>? {
        var best: ClosedRange<Int>?
        for end in orders.indices {
            guard let start = orders.indices.first(where: {
                orders[end].created.daysSinceEpoch - orders[$0].created.daysSinceEpoch <= 365 }) else { continue }
            let window = orders[start...end]
            let nature: ProcurementThresholds.Nature = window.allSatisfy(\.works) ? .works : .suppliesAndServices
            let threshold = ProcurementThresholds.dispense(on: orders[end].created, nature: nature)
            guard window.count >= 2, window.allSatisfy({ $0.ht <= threshold }),
                  window.map(\.ht).reduce(.zero, +) > threshold else { continue }
            if best.map({ window.count > $0.count }) ?? true { best = start...end }
        }
        return best
    }

    @Test func theOnePassWindowIsTheDefinitionsOnRandomOrders() {
        var random = LinearCongruential(seed: 20_261_206)
        let roof = AnomalyRulesTests.document(1, .devis, [.object: "Travaux de rénovation de la toiture du bâtiment B"])
        let firstDay = AnomalyRulesTests.date("01/01/2025").daysSinceEpoch
        var found = 0
        for round in 0..<300 {
            let count = 2 + random.next(below: 40)
            let orders = (0..<count).map { index -> AnomalyRules.WindowOrder in
                let day = LocalDate(daysSinceEpoch: firstDay + random.next(below: 900))
                let ttc = Int64(1_000 + random.next(below: round % 3 == 0 ? 140_000 : 50_000))
                let input = AnomalyRulesTests.order(String(1_300_000_000 + index), ttc: ttc, on: FrenchFormat.date(day),
                                                    documents: random.next(below: 4) == 0 ? [roof] : [])
                return AnomalyRules.WindowOrder(input, index: index)
            }.sorted { $0.created < $1.created }
            let expected = Self.reference(orders)
            #expect(AnomalyRules.longestSplitWindow(orders) == expected, "round \(round)")
            if expected != nil { found += 1 }
        }
        // Both outcomes are exercised: windows found and none.
        #expect(found > 30 && found < 270)
    }

    @Test func amountsNearTheLimitOfMoneyDoNotWrapTheSum() {
        let huge = AnomalyRulesTests.order("1300000201", ttc: Int64.max / 100, on: "10/01/2025")
        let small = AnomalyRulesTests.order("1300000202", ttc: 36_000, on: "10/02/2025")
        let orders = [huge, small, AnomalyRulesTests.order("1300000203", ttc: 36_000, on: "10/03/2025")]
            .enumerated().map { AnomalyRules.WindowOrder($1, index: $0) }
        // The huge order is over the threshold and within 365 days of the others: no window, and no trap.
        #expect(AnomalyRules.longestSplitWindow(orders) == nil)
        #expect(AnomalyRules.longestSplitWindow(orders) == Self.reference(orders))
    }
}

/// A small deterministic generator: the same cases on every run.
struct LinearCongruential {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
