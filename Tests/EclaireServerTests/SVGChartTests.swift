import EclaireCore
@testable import EclaireServer
import Testing

/// Charts readable without hovering and on paper: each bar's value written, an axis of round amounts (issue 18).
@Suite("Charts drawn on the server")
struct SVGChartTests {
    @Test func amountsAreShortAndTheAxisRound() {
        #expect(SVGChart.compact(123_456_789) == "1,2\u{00A0}M€")
        #expect(SVGChart.compact(35_000_000) == "350\u{00A0}k€")
        #expect(SVGChart.compact(8_000) == "80\u{00A0}€")
        #expect(SVGChart.compact(0) == "0\u{00A0}€")
        // About four grid lines of 1, 2 or 5 times a power of ten.
        #expect(SVGChart.step(for: 123_456_789) == 50_000_000)
        #expect(SVGChart.step(for: 1) == 1)
        #expect(SVGChart.step(for: Int64.max) > 0)
    }

    @Test func barsCarryTheirValuesAndTheAxisItsAmounts() {
        let svg = SVGChart.bars(labels: ["AE", "CP"],
                                series: [.init(name: "Prévu", cssClass: "s-prevu", values: [Money(cents: 120_000_000), Money(cents: 45_000_000)])],
                                title: "Prévu")
        #expect(svg.contains(">1,2\u{00A0}M€</text>") && svg.contains(">450\u{00A0}k€</text>"))
        // The axis: 0, then round steps up to the largest bar.
        #expect(svg.contains(#"class="axe""#) && svg.contains(">0\u{00A0}€</text>") && svg.contains(">1,5\u{00A0}M€</text>"))
        // A huge amount draws without trapping.
        _ = SVGChart.bars(labels: ["x"], series: [.init(name: "s", cssClass: "c", values: [Money(cents: .max)])], title: "t")
    }
}
