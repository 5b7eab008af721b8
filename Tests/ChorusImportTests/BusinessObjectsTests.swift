import ChorusImport
import EclaireCore
import Foundation
import TestSupport
import Testing

@Suite("INF-BUD-53 Business Objects restitutions (`,`, preamble, code + label columns)")
struct BusinessObjectsTests {
    @Test func aeRestitution() throws {
        let reading = try Reading.fixture("chorus_ae.csv")
        #expect(reading.file.layout == .infBud53AEBusinessObjects)
        #expect(reading.records.count == 2)
        let first = try #require(reading.ejLines.first)
        #expect(first.ej == "2103105755")
        #expect(first.poste == 5)
        #expect(first.supplier.tiers == "1001465507")
        #expect(first.supplier.name == "ATLAS SOUTENIR LES COMPETENCES")
        #expect(first.supplier.siret?.normalized == "85129663200017")
        #expect(first.supplier.siret?.isValid == true)
        #expect(first.imputation.programme == "0103")
        #expect(first.imputation.domaineFonctionnel == "0103-01-01")
        #expect(first.imputation.centreCouts == "BG00/DREETS0035")
        #expect(first.imputation.compteGeneral == "PCE/6522800000")
        #expect(first.imputation.groupeMarchandises == "09.02.01")
        #expect(first.imputation.localisation == "N53")
        #expect(first.dateCreation == LocalDate(year: 2023, month: 1, day: 10))
        // The preamble's exercice is not a year ("GFFF"): the EJ's replication date gives it.
        #expect(reading.amounts.map(\.amount) == [Money(cents: 2_250_012), Money(cents: 1_500_000)])
        #expect(reading.amounts.allSatisfy { $0.kind == .engage && $0.exercice == 2023 })
    }

    @Test func aRowWithAnImpossibleProgrammeIsReportedWithItsLineAndField() throws {
        let reading = try Reading.fixture("chorus_ae.csv")
        #expect(reading.issues == [RowIssue(line: 11, field: "Programme",
                                            message: "code programme invalide « XXX » (attendu : 3 ou 4 chiffres)")])
    }

    @Test func cpRestitutionWithDPSansEJ() throws {
        let reading = try Reading.fixture("financial_cp.csv")
        #expect(reading.file.layout == .infBud53CPBusinessObjects)
        #expect(reading.payments.count == 5)
        let sansEJ = reading.payments[0]
        #expect(sansEJ.dp == "500043027")
        #expect(sansEJ.ej == nil)
        #expect(sansEJ.amount == Money(cents: 2826))
        #expect(sansEJ.exercice == 2023)  // from the preamble
        #expect(sansEJ.dateBase == LocalDate(year: 2022, month: 12, day: 31))
        #expect(sansEJ.dateDerniereOperation == LocalDate(year: 2023, month: 1, day: 25))
        #expect(sansEJ.supplier.name == "SANS AE")
        #expect(sansEJ.supplier.siret?.normalized == "84442098400016")
        let withEJ = reading.payments[2]
        #expect(withEJ.ej == "2103105755")
        #expect(withEJ.posteEJ == 5)
        #expect(withEJ.amount == Money(cents: 25_200))
        #expect(withEJ.supplier.siret == nil)  // `#` is no value
        #expect(reading.payments.reduce(Money.zero) { $0 + $1.amount } == Money(cents: 126_550))
    }

    @Test func aPaymentRowWithoutItsDPNumberIsReportedNotFatal() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Fixtures.path("financial_cp.csv"), encoding: .utf8)
        let path = directory + "/cp_sans_dp.csv"
        try text.replacingOccurrences(of: ",500043030,", with: ",,").write(toFile: path, atomically: true, encoding: .utf8)
        let reading = try Reading(path)
        #expect(reading.payments.count == 4)
        #expect(reading.issues.map(\.field) == ["N° DP"])
        #expect(reading.issues.first?.message == "N° DP absent")
    }

    @Test func shiftedRowsAreRejectedNotMisread() throws {
        // This file's header lost a column ("Date de réplication") that its rows still have.
        let reading = try Reading.fixture("split_chorus_ae.csv")
        #expect(reading.records.isEmpty)
        #expect(reading.issues.count == 3)
        #expect(reading.issues.allSatisfy { $0.message.contains("colonnes décalées") })
    }

    @Test func semicolonRestitutionWithQuotedPreamble() throws {
        let reading = try Reading.fixture("apisubv_infbud-53.tests.csv")
        #expect(reading.file.layout == .infBud53CPBusinessObjects)
        let payment = try #require(reading.payments.first)
        #expect(payment.dp == "100000000")
        #expect(payment.ej == "2100000000")
        #expect(payment.amount == Money(cents: 100))
        #expect(payment.exercice == 2021)
        #expect(payment.supplier.name == "CAISSE DES DEPOTS ET CONSIGNATIONS")
    }
}
