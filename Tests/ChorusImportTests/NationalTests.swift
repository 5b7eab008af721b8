import ChorusImport
import EclaireCore
import Foundation
import TestSupport
import Testing

@Suite("National restitutions (`;`, fully quoted, « Clé » headers) and AIFE daily files")
struct NationalTests {
    @Test func unescapedQuotesAndSemicolonsInsideNames() throws {
        let reading = try Reading.fixture("national_aife_ae.csv")
        #expect(reading.file.layout == .infBud53AENational)
        #expect(reading.issues.isEmpty)
        #expect(reading.ejLines.map(\.supplier.name) == ["XXX \";P BBB\"", "AGENCE; NATIONALE \"DES TITRES\""])
        let line = reading.ejLines[1]
        #expect(line.ej == "2104583353")
        #expect(line.supplier.tiers == "1000972118")
        #expect(line.supplier.siret?.normalized == "13000326200024")
        #expect(line.imputation.programme == "0354")
        #expect(line.imputation.centreFinancier == "0354-CDMA-CDAT")
        #expect(line.imputation.societe == "ADCE")
        #expect(line.imputation.compteBudgetaire == "64")
        #expect(reading.amounts.map(\.amount) == [Money(cents: 1_261_594_052), Money(cents: 915_957_518)])
        #expect(reading.amounts.map(\.exercice) == [2024, 2024])
    }

    @Test func thousandsSeparatedBySpaces() throws {
        let reading = try Reading.fixture("national_aife_ae_double_ej.csv")
        #expect(reading.amounts.map(\.amount) == [
            Money(cents: 100_000), Money(cents: 13_893_667_856), Money(cents: 20_000), Money(cents: 0),
        ])
        #expect(reading.ejLines.map(\.poste) == [1, 4, 1, 1])
    }

    @Test func nationalCP() throws {
        let reading = try Reading.fixture("national_aife_cp.csv")
        #expect(reading.file.layout == .infBud53CPNational)
        let payment = try #require(reading.payments.first)
        #expect(payment.dp == "100241599")
        #expect(payment.posteDP == 2)
        #expect(payment.ej == "2104453606")
        #expect(payment.posteEJ == 1)
        #expect(payment.exercice == 2024)
        #expect(payment.amount == Money(cents: 1_261_594_052))
    }

    @Test func commaVariantWithLabelColumns() throws {
        let reading = try Reading.fixture("national_nation_ej_1.csv")
        #expect(reading.file.layout == .infBud53AENational)
        let line = try #require(reading.ejLines.first)
        #expect(line.imputation.programme == "0354")
        #expect(line.imputation.domaineFonctionnel == "0354-02")  // the code, not its label column
        #expect(line.imputation.compteGeneral == "6541100000")
        #expect(line.supplier.name == "AGENCE NATIONALE DES TITRES")
        #expect(reading.amounts.first?.amount == Money(cents: 1_261_594_052))
    }

    @Test func aifeDailyEJ() throws {
        let reading = try Reading.fixture("national_ej_data_etat_quot_2024-09-26.csv")
        #expect(reading.file.layout == .aifeDailyEJ)
        #expect(reading.records.count == 45)
        #expect(reading.issues.isEmpty)
        let first = reading.ejLines[0]
        #expect(first.ej == "2104478529")
        #expect(first.poste == 1)
        #expect(first.imputation.centreFinancier == "0216-CIPD-DR31")
        #expect(first.imputation.domaineFonctionnel == "0216-10-04")
        #expect(first.imputation.groupeMarchandises == "12.02.01")
        #expect(first.imputation.fonds == nil)  // N/A
        #expect(first.supplier.siret?.normalized == "51988265800023")
        #expect(first.orderedAmount == Money(cents: 100_000))
        #expect(reading.ejLines[3].status == "C")
        #expect(reading.ejLines.first { $0.ej == "1600073826" && $0.poste == 10 } != nil)
    }

    @Test func aifeDailyDP() throws {
        let reading = try Reading.fixture("national_dp_data_etat_quot_2024-09-26.csv")
        #expect(reading.file.layout == .aifeDailyDP)
        #expect(reading.records.count == 37)
        let first = reading.payments[0]
        #expect(first.dp == "100083815")  // leading zero of `0100083815` dropped
        #expect(first.posteDP == 2)
        #expect(first.ej == "2104410702")
        #expect(first.posteEJ == 1)
        #expect(first.exercice == 2024)
        #expect(first.supplier.tiers == "2100014242")
        #expect(first.amount == Money(cents: 25_000))
        #expect(first.dateBase == LocalDate(year: 2024, month: 9, day: 25))
    }
}
