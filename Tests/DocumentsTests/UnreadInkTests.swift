import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// `UnreadInk`: a reading that kept a line's labels and dropped the values beside them (a bordered table's cells, a
/// spreadsheet's first column) has them read again region by region.
@Suite struct UnreadInkTests {
    /// A white page with, on each row band, ink strokes over `columns` (a glyph every 3 pixels) and vertical rulings.
    static func page(lines: [(top: Int, columns: Range<Int>)], rulings: [Int] = [], width: Int = 600, height: Int = 200) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for line in lines {
            for y in line.top + 2..<line.top + 18 { for x in stride(from: line.columns.lowerBound, to: line.columns.upperBound, by: 3) { pixels[y * width + x] = 0 } }
        }
        for x in rulings { for y in 0..<height { pixels[y * width + x] = 0 } }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// The words a first reading kept: a label from x = 20 to 120 on each line.
    static func labels(_ tops: [Int]) -> [PositionedWord] {
        tops.enumerated().map { index, top in
            PositionedWord(text: "Montant\(index)", x0: 20, y0: Double(top), x1: 120, y1: Double(top + 20), confidence: 0.95)
        }
    }

    @Test func inkBesideAReadLabelIsARegion() {
        let tops = [10, 40, 70, 100, 130]
        // The third line's value, from x = 400 to 480, was not read.
        let image = Self.page(lines: tops.map { ($0, 20..<120) } + [(70, 400..<480)])
        let regions = UnreadInk.regions(in: image, words: Self.labels(tops))
        #expect(regions.count == 1)
        #expect(regions.first.map { $0.count == UnreadInk.margins.count && $0[0].x0 <= 400 && $0[0].x1 >= 479 && $0[0].y0 <= 72 && $0[0].y1 >= 88 } == true)
    }

    @Test func rulingLinesAndSpecksAreNoRegion() {
        let tops = [10, 40, 70, 100, 130]
        // Vertical rulings cross every line; a speck of two columns stands beside the second label.
        let image = Self.page(lines: tops.map { ($0, 20..<120) } + [(40, 300..<304)], rulings: [200, 500])
        #expect(UnreadInk.regions(in: image, words: Self.labels(tops)).isEmpty)
    }

    @Test func aRegionStopsShortOfTheRulingBesideIt() {
        let tops = [10, 40, 70, 100, 130]
        let image = Self.page(lines: tops.map { ($0, 20..<120) } + [(70, 400..<480)], rulings: [490])
        let region = UnreadInk.regions(in: image, words: Self.labels(tops)).first?.first
        #expect(region.map { $0.x1 < 490 && $0.x0 >= 380 } == true)
    }

    @Test func aTurnedPagesSkewIsItsLongLinesSlope() {
        // Two lines of eight words falling 1 pixel every 50 to the right.
        let words = [20.0, 60].flatMap { top in
            (0..<8).map { index -> PositionedWord in
                let x = Double(index) * 60
                return PositionedWord(text: "mot", x0: x, y0: top + x / 50, x1: x + 40, y1: top + 12 + x / 50)
            }
        }
        let skew = UnreadInk.skew(of: UnreadInk.bands(of: words), width: 500)
        #expect(abs(skew - 0.02) < 0.002)
        #expect(UnreadInk.skew(of: UnreadInk.bands(of: Array(words.prefix(3))), width: 500) == 0)
    }

    /// The amounts are missing from the first reading: the reader looks for unread ink.
    @Test func aBoxedPricesAmountsAreReadOnAScan() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/boxed-price-scan.pdf"))
        #expect(extraction.textMethod == .ocr)
        #expect(extraction.facts[.amountHT] == "1860.55")
        #expect(extraction.facts[.amountTTC] == "2232.66")
    }

    @Test func aSpreadsheetsLabelsAreReadOnAScan() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/grid-cells-scan.pdf"))
        let text = extraction.pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("Service demandeur") && text.contains("Fournisseur"))
        #expect(extraction.facts[.supplierName] == "Espaces Verts du Val de Loire SA")
        #expect(extraction.facts[.object] == "Analyses de la qualité de l'eau du réseau Rentrée Numérique")
    }

    /// A reading that lacks nothing is not looked at again.
    @Test func aCompleteReadingIsNotReadAgain() {
        var facts = DocumentFacts()
        for (key, value) in [(FieldKey.documentType, "facture"), (.supplierName, "ACME"), (.object, "Maintenance"),
                             (.amountHT, "100.00"), (.amountTTC, "120.00")] {
            facts.offer(ExtractedField(key: key, value: value, confidence: 0.95, source: nil))
        }
        #expect(!DocumentReader.lacksFacts(facts, reliability: 1))
        facts.fields[.object] = nil
        #expect(DocumentReader.lacksFacts(facts, reliability: 1))
    }
}
