import EclaireCore
import Testing

@Suite("Dates as Chorus prints them")
struct LocalDateTests {
    @Test(arguments: ["10.01.2023", "10/01/2023", "2023-01-10", "2023-01-10T00:00:00"])
    func parsesTheUsualForms(text: String) {
        #expect(LocalDate.parse(text) == LocalDate(year: 2023, month: 1, day: 10))
    }

    @Test(arguments: ["31.02.2023", "2023-13-01", "GFFF", "", "1/1/23"])
    func refusesImpossibleDates(text: String) {
        #expect(LocalDate.parse(text) == nil)
    }

    @Test func excelSerials() {
        // 45119 days after 1899-12-30 (Excel's 1900 system, including its leap-year bug).
        #expect(LocalDate(excelSerial: 45119) == LocalDate(year: 2023, month: 7, day: 12))
        #expect(LocalDate(excelSerial: 46044) == LocalDate(year: 2026, month: 1, day: 22))
    }

    @Test func daysRoundTrip() {
        let date = LocalDate(year: 2024, month: 2, day: 29)!
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(date.adding(days: 1) == LocalDate(year: 2024, month: 3, day: 1))
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    }

    @Test func frenchDisplay() {
        #expect(FrenchFormat.date(LocalDate(year: 2025, month: 12, day: 31)!) == "31/12/2025")
    }
}
