import EclaireCore
import TestSupport
import Testing
@testable import Documents

/// The second, closer reading of an OCR page's doubtful digits (issue 15): which regions are read again, which
/// readings replace the first, and which facts of the second reading are kept — only what passes its checks.
@Suite struct DoubtfulDigitsTests {
    static func word(_ text: String, _ x0: Double, _ y0: Double, _ x1: Double, height: Double = 30,
                     confidence: Double = 1) -> PositionedWord {
        PositionedWord(text: text, x0: x0, y0: y0, x1: x1, y1: y0 + height, confidence: confidence)
    }

    static func ocr(_ text: String, _ x0: Double, _ x1: Double, _ confidence: Double) -> PositionedWord {
        word(text, x0, 100, x1, confidence: confidence)
    }

    @Test func aDoubtfulWordOfDigitsIsReadAgainWithTheDigitsBesideItButNotAConfidentOneNorAWord() {
        let words = [Self.word("Taxe", 100, 100, 180, confidence: 0.3), Self.word("15759", 400, 100, 520, confidence: 0.2),
                     Self.word("M20R€", 530, 100, 640, confidence: 0.1), Self.word("94.555,20", 900, 100, 1100, confidence: 0.95),
                     Self.word("Montant", 100, 200, 240, confidence: 0.4), Self.word("12", 400, 200, 430, confidence: 0.9)]
        let regions = DoubtfulDigits.regions(in: words)
        #expect(regions.count == 1)
        // « 15759 » and « M20R€ » as one region, « Taxe » (no digits) and the confident total apart.
        #expect(regions.first.map { $0.x0 == 400 && $0.x1 == 640 && $0.y0 == 100 && $0.y1 == 130 } == true)
    }

    /// OCR's words always keep their space, even touching on a blurred 150 dpi scan, but an amount split at its
    /// decimals is one.
    @Test func ocrWordsKeepTheirSpacesButAnAmountSplitAtItsDecimalsIsOne() {
        let words = [Self.word("Boréal", 100, 100, 200), Self.word("Systèmes", 201, 100, 330), Self.word("SCOP", 331, 100, 400),
                     Self.word("15.759,", 600, 100, 700), Self.word("20", 702, 100, 730), Self.word("€", 740, 100, 755)]
        #expect(PageLayout(words: words, whole: true).text == "Boréal Systèmes SCOP   15.759,20 €")
        // A number split by OCR where nothing was printed between its digits stays whole.
        let siret = [Self.word("SIRET", 100, 100, 200), Self.word("9999", 220, 100, 300), Self.word("9999800010", 301, 100, 500)]
        #expect(PageLayout(words: siret, whole: true).text == "SIRET 99999999800010")
        // A line of specks between a ministry and its direction is no line.
        let heading = [Self.word("Ministère", 100, 100, 300), Self.word(":", 110, 150, 116, height: 10),
                       Self.word("Direction", 100, 200, 300)]
        #expect(PageLayout(words: heading, whole: true).lines.map(\.text) == ["Ministère", "Direction"])
        // Nor is a lone letter; a lone digit (a page's number, a quantity) stays.
        let letter = [Self.word("Ministère", 100, 100, 300), Self.word("L", 110, 150, 122), Self.word("Direction", 100, 200, 300),
                      Self.word("3", 400, 250, 412)]
        #expect(PageLayout(words: letter, whole: true).lines.map(\.text) == ["Ministère", "Direction", "3"])
        // A text layer's touching pieces are one word.
        #expect(PageLayout(words: [Self.word("Bor", 100, 100, 150), Self.word("éal", 150, 100, 200)]).text == "Boréal")
    }

    @Test func aSecondReadingReplacesTheFirstOnlyWhenTesseractIsSurerOfIt() {
        let words = [Self.word("15759", 400, 100, 520, confidence: 0.1), Self.word("M20R€", 530, 100, 640, confidence: 0.1),
                     Self.word("TVA", 100, 100, 160, confidence: 0.9)]
        let region = Self.word("", 390, 90, 650, height: 50)
        let surer = DoubtfulDigits.replacing(words, in: [region],
                                             by: [[Self.ocr("15.759,20", 400, 600, 0.9), Self.ocr("€", 610, 640, 0.95)]])
        #expect(surer != nil)
        #expect(Set(surer?.map(\.text) ?? []) == ["TVA", "15.759,20", "€"])
        let unsure = DoubtfulDigits.replacing(words, in: [region],
                                              by: [[Self.ocr("17),", 400, 500, 0.0), Self.ocr("A0", 510, 640, 0.67)]])
        #expect(unsure == nil)
    }

    @Test func onlyWhatPassesItsChecksIsTakenFromTheSecondReading() {
        func field(_ key: FieldKey, _ value: String, _ confidence: Double) -> ExtractedField {
            ExtractedField(key: key, value: value, confidence: confidence, source: nil)
        }
        let first = DocumentFacts(fields: [.iban: field(.iban, "ER7652550780747633210738731", 0.8),
                                           .amountHT: field(.amountHT, "78796.00", 0.5)], invalidIDs: ["iban"])
        // The second reading's IBAN passes its key; its totals add up only as a table's rows would (0.69).
        let second = DocumentFacts(fields: [.iban: field(.iban, "FR7652550780747633210738731", 0.8),
                                            .amountHT: field(.amountHT, "21.51", 0.69), .amountTTC: field(.amountTTC, "25.69", 0.69)])
        let kept = DocumentReader.keepingWhatPasses(first, from: second, reliability: 0.86)
        #expect(kept?[.iban] == "FR7652550780747633210738731")
        #expect(kept?.invalidIDs == [])
        #expect(kept?[.amountHT] == "78796.00" && kept?[.amountTTC] == nil)
        // Totals that add up with their labels are taken, all three.
        let labelled = DocumentFacts(fields: [.amountHT: field(.amountHT, "78796.00", 0.83), .amountTVA: field(.amountTVA, "15759.20", 0.83),
                                              .amountTTC: field(.amountTTC, "94555.20", 0.83)])
        let totals = DocumentReader.keepingWhatPasses(first, from: labelled, reliability: 0.86)
        #expect(totals?[.amountTTC] == "94555.20" && totals?[.amountTVA] == "15759.20")
        #expect(DocumentReader.keepingWhatPasses(first, from: first, reliability: 0.86) == nil)
    }

    /// A real scan (see Fixtures/README.md): the page's reading garbles the VAT and the TTC; read again, region by
    /// region, they add up with the HT.
    @Test func totalsTheFirstReadingGarbledAreReadAgainAndAddUp() throws {
        let path = Fixtures.path("documents/devis-totals-scan.pdf")
        let first = DocumentReader.facts(from: try TextExtractor().pages(of: path))
        #expect(first[.amountTVA] != "15759.20", "the first reading reads the VAT already: this test no longer tests re-reading")
        let facts = try DocumentReader().read(path).facts
        #expect(facts[.amountHT] == "78796.00")
        #expect(facts[.amountTVA] == "15759.20")
        #expect(facts[.amountTTC] == "94555.20")
    }
}
