import Testing
import EclaireCore
@testable import Documents

/// The lines of a document (quantity × unit price = amount) as a check of its totals (issue 15): they add up to
/// the HT, as printed or after a discount, whatever the total's label says, and a garbled VAT line (a scan's « O »
/// for « 0 ») no longer leaves the HT unknown.
@Suite struct LineTotalsTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    static let lines = ["FACTURE N° F-2025-031", "Désignation\tQté\tPU HT\tMontant",
                        "Audit de sécurité\t4\t850,00\t3 400,00", "Rapport et restitution\t1\t600,00\t600,00"]

    @Test func aSubtotalTheLinesAddUpToIsTheHTWhenTheVATLineIsGarbled() {
        // « Sous-total » and « Total » only say total; the VAT line reads « 8OO,0O »: nothing but the lines tells
        // which is the HT, and then the rate gives the VAT.
        let facts = Self.facts(Self.lines + ["Sous-total\t4 000,00", "TVA 20 %\t8OO,0O", "Total\t4 800,00"])
        #expect(facts[.amountHT] == "4000.00")
        #expect(facts[.amountTTC] == "4800.00")
        #expect(facts[.amountTVA] == "800.00")
    }

    @Test func aTotalAfterADiscountStillAgreesWithTheLines() {
        let facts = Self.facts(Self.lines + ["Remise 10 %\t-400,00", "Montant\t3 600,00", "TVA\t72O,OO", "Total\t4 320,00"])
        #expect(facts[.amountHT] == "3600.00")
        #expect(facts[.amountTTC] == "4320.00")
    }

    @Test func aHTTheLinesAddUpToIsSaidWithMoreConfidenceWhenNothingElseAgrees() {
        let agreeing = Self.facts(Self.lines + ["Total HT\t4 000,00", "TVA 20 %\t8OO,0O", "Total TTC\t4 8O0,00"])
        let alone = Self.facts(["FACTURE N° F-2025-031", "Total HT\t4 000,00", "TVA 20 %\t8OO,0O", "Total TTC\t4 8O0,00"])
        #expect(agreeing[.amountHT] == "4000.00" && alone[.amountHT] == "4000.00")
        #expect((agreeing.fields[.amountHT]?.confidence ?? 0) >= 0.8)
        #expect((alone.fields[.amountHT]?.confidence ?? 1) < 0.7)
    }

    @Test func threeTotalsThatAddUpAndTheLinesTooAreSaidSure() {
        // No label names HT, TVA or TTC: the arithmetic alone, checked by the lines.
        let facts = Self.facts(Self.lines + ["Sous-total\t4 000,00", "Taxes\t800,00", "Total\t4 800,00"])
        #expect(facts[.amountHT] == "4000.00" && facts[.amountTTC] == "4800.00")
        #expect((facts.fields[.amountHT]?.confidence ?? 0) >= 0.95)
    }

    @Test func aSingleTotalEqualToTheLinesIsNotMadeBothHTAndTTC() {
        // The two lines' amounts, 3 400 + 600 = 4 000 (600 is 17.6 % of 3 400, a mix of rates), read as HT + TVA =
        // TTC before: amounts of different lines are no totals.
        let facts = Self.facts(Self.lines + ["Total\t4 000,00"])
        #expect(facts[.amountHT] == nil || facts[.amountTTC] == nil)
    }

    @Test func aNegativeDiscountIsNoVATOfPositiveTotals() {
        // 12 949,47 + 681,55 = 13 631,02: the deduction's magnitude makes the sum, at 5.3 % (a harsh scan lost the
        // VAT line and the word « remise » of its heading).
        let facts = Self.facts(["FACTURE N° 2024-5442", "Montant des prestations\t13.631,02 €", "Ajustement\t-681,55 €",
                                "Prix total HT\t12.949,47 €", "Reste à payer\t10.877,55 €"])
        #expect(facts[.amountTVA] != "-681.55")
        // Nothing adds up any more: whatever the labels alone say is said with little confidence.
        #expect((facts.fields[.amountTTC]?.confidence ?? 0) < 0.6)
    }

    @Test func aGarbledValueLeftOfTheTotalsIsNoLabelOfThem() {
        // A scan read the first column's total as « 52I3MP81NE »: the totals beside it take their headings.
        let facts = Self.facts(["FACTURE N° 2024-5442", "Total des prestations\tMontant HT\tTVA 20 %\tTotal TTC",
                                "52I3MP81NE\t1 000,00\t200,00\t1 200,00"])
        #expect(facts[.amountHT] == "1000.00" && facts[.amountTTC] == "1200.00")
        #expect((facts.fields[.amountHT]?.confidence ?? 0) >= 0.95)
    }
}
