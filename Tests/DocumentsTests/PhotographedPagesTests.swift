import Foundation
@testable import Documents
import EclaireCore
import TestSupport
import Testing

/// Sheets photographed by a phone rather than scanned: lit unevenly, lying on a desk seen at a slant.
@Suite("Reading photographed pages")
struct PhotographedPagesTests {
    /// A page `width` × `height` of paper at `paper(x, y)`, with rows of dark « words » inside `inside(x, y)`.
    static func page(width: Int, height: Int, inside: (Int, Int) -> Bool = { _, _ in true },
                     desk: UInt8 = 80, paper: (Int, Int) -> UInt8 = { _, _ in 235 }) -> GrayImage {
        var pixels = [UInt8](repeating: desk, count: width * height)
        for y in 0..<height {
            for x in 0..<width where inside(x, y) {
                let word = (y / 12) % 3 == 0 && (x / 30) % 2 == 0 && y % 12 < 6
                pixels[y * width + x] = word ? 20 : paper(x, y)
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test func aSheetOnADeskIsFoundByItsFourCorners() throws {
        // A sheet seen at a slant: its corners moved from a rectangle, the far (top) side narrower.
        let corners = [(x: 120.0, y: 90.0), (x: 860.0, y: 110.0), (x: 900.0, y: 1250.0), (x: 80.0, y: 1230.0)]
        func inside(_ x: Int, _ y: Int) -> Bool {
            // Left of each edge, going round clockwise in the image (y down).
            (0..<4).allSatisfy { index in
                let a = corners[index], b = corners[(index + 1) % 4]
                return (b.x - a.x) * (Double(y) - a.y) - (b.y - a.y) * (Double(x) - a.x) >= 0
            }
        }
        let image = Self.page(width: 1000, height: 1340, inside: inside)
        let found = try #require(PaperEdges.sheetCorners(image))
        for (corner, expected) in zip(found, corners) {
            #expect(abs(corner.x - expected.x) <= 8 && abs(corner.y - expected.y) <= 8, "\(corner) ≠ \(expected)")
        }
        let sheet = try #require(PaperEdges.rectified(image))
        #expect(abs(sheet.width - 820) <= 12 && abs(sheet.height - 1141) <= 12)
        // The desk is cut away: the rectified sheet's border is paper, not desk.
        let border = (0..<sheet.height).map { sheet.pixels[$0 * sheet.width + 2] } + (0..<sheet.width).map { sheet.pixels[2 * sheet.width + $0] }
        #expect(border.count(where: { $0 < 150 }) * 10 < border.count)
    }

    /// A scanner's page is paper to its borders; a dark band printed at its top (set m's headers) is no desk.
    @Test func aScannedPageShowsNoSheetToSetStraight() {
        #expect(PaperEdges.sheetCorners(Self.page(width: 1000, height: 1340)) == nil)
        let banded = Self.page(width: 1000, height: 1340, paper: { _, y in (60..<160).contains(y) ? 60 : 240 })
        #expect(PaperEdges.sheetCorners(banded) == nil)
        #expect(PaperEdges.rectified(banded) == nil)
    }

    @Test func paperLitFromOneSideIsEvenedOutAndAnEvenPageIsLeftAlone() throws {
        // Light falling from the left: the right side's paper 45 % darker.
        let lit = Self.page(width: 1200, height: 1600, paper: { x, _ in UInt8(240 - 108 * x / 1200) })
        let levels = try #require(UnevenLight.paperLevels(lit))
        #expect(UnevenLight.isUneven(levels))
        let evened = try #require(UnevenLight.evened(lit))
        #expect(!UnevenLight.isUneven(try #require(UnevenLight.paperLevels(evened))))
        // The words stay dark on both sides.
        #expect(evened.pixels[3 * 1200 + 5] < 100 && evened.pixels[3 * 1200 + 1085] < 100)

        #expect(UnevenLight.evened(Self.page(width: 1200, height: 1600)) == nil)
        // A shaded box or a dark band covers too little of a block of the page to make it uneven.
        let banded = Self.page(width: 1200, height: 1600, paper: { x, y in (80..<200).contains(y) || (x < 200 && y > 800) ? 70 : 240 })
        #expect(UnevenLight.evened(banded) == nil)
    }

    /// Set n's invoice with totals in cards, photographed from above under a light falling from one side and the
    /// shadow of the phone (see Fixtures/README.md): read as it is, Tesseract's one threshold lost its totals.
    @Test func anUnevenlyLitPageIsReadWithItsPaperEvenedOut() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/photo-uneven-light.pdf"))
        #expect(extraction.pages.map(\.frame.evened) == [true])
        #expect(extraction.facts[.amountHT] == "4379.00")
        #expect(extraction.facts[.amountTVA] == "875.80")
        #expect(extraction.facts[.amountTTC] == "5254.80")
        #expect(extraction.facts[.supplierSiret] == "35809739218603")
    }

    /// The same design photographed on a desk at a slant (see Fixtures/README.md): its lines turned more at one end
    /// than the other, read as it lies its totals and its numbers were lost.
    @Test func aSheetPhotographedOnADeskIsSetBackToARectangleBeforeItIsRead() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/photo-on-desk.pdf"))
        #expect(extraction.pages.map(\.frame.rectified) == [true])
        #expect(extraction.facts[.documentType] == "facture")
        #expect(extraction.facts[.amountHT] == "116302.00")
        #expect(extraction.facts[.amountTVA] == "11630.20")
        #expect(extraction.facts[.amountTTC] == "127932.20")
        #expect(extraction.facts[.numberDocument] == "F-2025-786")
        #expect(extraction.facts[.numberEJ] == "1300480402")
    }

    /// A real invoice's layout (a Factur-X sample of shared/data, its XML removed, photographed on a desk — see
    /// Fixtures/README.md): Tesseract's analysis of the page drops its bordered table of totals, which a second reading
    /// as sparse text finds; the rest of the first reading's facts stay.
    @Test func totalsATablesAnalysisDroppedAreReadAsSparseText() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/photo-totals-table.pdf"))
        #expect(extraction.facts[.amountHT] == "100.00")
        #expect(extraction.facts[.amountTVA] == "0.00")
        #expect(extraction.facts[.amountTTC] == "100.00")
        #expect(extraction.facts[.numberDocument] == "F20220030")
    }

    /// Totals in cards beside the table, their small labels lost by OCR, read on the table's rows: amounts right of a
    /// line's own amount are not the line's, and add up as totals do.
    @Test func totalsReadOnTheTablesRowsAddUpAsTotals() {
        let facts = DocumentReader.facts(fromLines: [
            "Désignation\tQté\tP.U. HT\tTotal HT",
            "Agent de sécurité (heure)\t100\t25,00\t2 500,00\t10 142,00",
            "Ronde de nuit\t4\t85,00\t340,00",
            "Astreinte mensuelle\t1\t500,00\t500,00\t1 014,20",
            "Agent de sécurité (heure)\t250\t25,00\t6 250,00",
            "Ronde de nuit\t6\t92,00\t552,00\t11 156,20",
        ])
        #expect(facts[.amountHT] == "10142.00")
        #expect(facts[.amountTVA] == "1014.20")
        #expect(facts[.amountTTC] == "11156.20")
    }

    /// A one-line invoice's row printing its HT, VAT and TTC still adds up; two lines' amounts still do not.
    @Test func aLinesOwnAmountsStillAddUpOnlyOnTheirRow() {
        let one = DocumentReader.facts(fromLines: ["Prestation de conseil\t1\t1 000,00\t1 000,00\t200,00\t1 200,00"])
        #expect(one[.amountHT] == "1000.00")
        #expect(one[.amountTTC] == "1200.00")
        let two = DocumentReader.facts(fromLines: [
            "Désignation\tQté\tP.U. HT\tTotal HT",
            "Audit\t1\t1 000,00\t1 000,00",
            "Rapport\t1\t200,00\t200,00",
            "Restitution\t1\t1 200,00\t1 200,00",
        ])
        #expect(two[.amountTVA] == nil)
    }
}
