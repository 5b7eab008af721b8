import ChorusImport
import EclaireCore
import TestSupport
import Testing

@Suite("XLSX extractions, read from their parts")
struct XLSXTests {
    @Test func severalSheetsSharedStringsAndDateSerials() throws {
        let reading = try Reading.fixture("apisubv_new-chorus-export.xlsx")
        #expect(reading.file.layout == .xlsxCP)
        #expect(reading.file.tables.map(\.location) == ["feuille « 1. Extraction »", "feuille « 2. Extraction FEHBE »"])
        #expect(reading.issues.isEmpty)
        let first = reading.payments[0]
        #expect(first.ej == "0001821732")
        #expect(first.posteEJ == 1)
        #expect(first.dp == "195567")
        #expect(first.posteDP == 1)
        #expect(first.exercice == 2024)
        #expect(first.amount == Money(cents: 4_000_000))
        #expect(first.dateDerniereOperation == LocalDate(year: 2023, month: 7, day: 12))
        #expect(first.supplier.tiers == "1000011111")
        #expect(first.supplier.name == "ASSO 1 (in uniteLegaleName)")
        #expect(first.imputation.centreFinancier == "AA01/0776-C001-4000")
        #expect(first.imputation.domaineFonctionnel == "1111-01-02")
        #expect(first.imputation.referentielProgrammation == "BG00/077601000201")
    }

    @Test func hashMeansNoValue() throws {
        let reading = try Reading.fixture("apisubv_new-chorus-export.xlsx")
        let noSiret = try #require(reading.payments.first { $0.supplier.name == "ASSO 4 (pas de siret)" })
        #expect(noSiret.supplier.siret == nil)
        let fehbe = try #require(reading.payments.first { $0.dp == "500052084" })
        #expect(fehbe.ej == nil)  // "DP sans EJ" of the FEHBE sheet
        #expect(fehbe.amount == Money(cents: 13_174_831))
        #expect(fehbe.exercice == 2026)
    }

    @Test func binaryFloatAmountsRoundToTheCent() throws {
        let reading = try Reading.fixture("apisubv_old-chorus-export.xlsx")
        #expect(reading.file.layout == .xlsxCP)
        #expect(reading.payments.map(\.amount) == [
            Money(cents: 8_998_830), Money(cents: 8_993_190), Money(cents: 6_265_520), Money(cents: 692_500),
        ])
        #expect(reading.payments[1].supplier.siret?.normalized == "77568577900002")
    }

    @Test func duplicatedIdentifierColumnKeepsTheFirst() throws {
        // This workbook repeats "N° EJ" in its last column with other values ("ids in the wrong column").
        let reading = try Reading.fixture("apisubv_export-chorus.xlsx")
        #expect(reading.payments.map(\.ej) == ["0001821732", "0002822326", "0003823760", "0004274696"])
    }

    @Test func anExcel97WorkbookReadsLikeTheCSVItWasWrittenFrom() throws {
        let xls = try Reading.fixture("chorus_ae.xls")
        let csv = try Reading.fixture("chorus_ae.csv")
        #expect(xls.file.layout == .xlsxAE)
        #expect(xls.file.tables.map(\.location) == ["feuille « Extraction AE »"])  // the notes sheet is no table
        #expect(xls.file.tables[0].encodingName == "xls")
        #expect(!xls.ejLines.isEmpty)
        #expect(xls.ejLines == csv.ejLines)
        #expect(xls.amounts == csv.amounts)
        #expect(xls.issues.map(\.line) == csv.issues.map(\.line))
    }
}
