import EclaireCore
import Testing

@Suite("Amounts as Chorus and French documents print them")
struct AmountParserTests {
    @Test(arguments: [
        ("12 345,67", Int64(1_234_567)),
        ("22500,12", 2_250_012),
        ("15000", 1_500_000),
        ("1000.0", 100_000),
        ("138 936 678,56", 13_893_667_856),
        ("12\u{00A0}345,67", 1_234_567),
        ("12\u{202F}345,67\u{00A0}€", 1_234_567),
        ("12.345,67", 1_234_567),
        ("1.234.567", 123_456_700),
        ("1,234,567.5", 123_456_750),
        ("89931.899999999994", 8_993_190),
        ("200,0", 20_000),
        ("-5,00", -500),
        ("5,00-", -500),
        ("(5,00)", -500),
        ("12 345,67 EUR", 1_234_567),
        ("0,005", 1),
        ("0", 0),
    ])
    func parses(text: String, cents: Int64) throws {
        #expect(try AmountParser.parse(text) == Money(cents: cents))
    }

    @Test(arguments: ["", "  ", "N53", "12,34,56", "1.23.4", "douze", "1,2.3,4"])
    func refuses(text: String) {
        #expect(throws: AmountParser.Failure.self) { try AmountParser.parse(text) }
    }

    @Test func refusalsSayWhatWasReadInFrench() {
        #expect(throws: AmountParser.Failure.notANumber("douze")) { try AmountParser.parse("douze") }
        #expect(AmountParser.Failure.notANumber("douze").description == "« douze » n'est pas un montant")
        #expect(AmountParser.Failure.empty.description == "montant vide")
    }

    @Test func formatsInFrench() {
        #expect(Money(cents: 1_234_567).french == "12\u{202F}345,67\u{00A0}€")
        #expect(Money(cents: -5).french == "-0,05\u{00A0}€")
        #expect(Money(cents: 100_000_000).french == "1\u{202F}000\u{202F}000,00\u{00A0}€")
        #expect(Money(cents: 1_234_567).plain == "12345.67")
    }

    @Test func roundsBinaryFloatsToTheCent() {
        #expect(Money(roundingEuros: 89931.899999999994) == Money(cents: 8_993_190))
        #expect(Money(roundingEuros: 0.125) == Money(cents: 13))
    }
}
