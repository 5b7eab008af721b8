import Foundation
@testable import Documents
import EclaireCore
import TestSupport
import Testing

/// Pages that do not lie straight: a sheet fed to the scanner upside down, sideways or askew, a PDF page shown
/// turned.
@Suite("Reading turned pages")
struct TurnedPagesTests {
    @Test func anImageTurnedAQuarterMovesEachPixelClockwise() {
        // 3 wide, 2 high: a b c / d e f.
        let image = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
        let quarter = image.turned(clockwise: 1)
        #expect(quarter.width == 2 && quarter.height == 3)
        #expect(quarter.pixels == [4, 1, 5, 2, 6, 3])
        #expect(image.turned(clockwise: 2).pixels == [6, 5, 4, 3, 2, 1])
        #expect(image.turned(clockwise: 3).pixels == [3, 6, 2, 5, 1, 4])
        #expect(image.turned(clockwise: -1).pixels == image.turned(clockwise: 3).pixels)
        #expect(quarter.turned(clockwise: 3).pixels == image.pixels)
    }

    /// Four lines of « abcd efgh » written as the page is shown turned, each way.
    static func boxes(running direction: (dx: Double, dy: Double), lineStep: (dx: Double, dy: Double),
                      origin: (x: Double, y: Double)) -> ([TextDirection.Box], [Bool]) {
        var boxes: [TextDirection.Box] = [], spaces: [Bool] = []
        for line in 0..<4 {
            for index in 0..<9 {
                let x = origin.x + Double(index) * 10 * direction.dx + Double(line) * 20 * lineStep.dx
                let y = origin.y + Double(index) * 10 * direction.dy + Double(line) * 20 * lineStep.dy
                boxes.append(TextDirection.Box(x1: min(x, x + 8 * direction.dx + 8 * direction.dy), y1: y,
                                               x2: max(x, x + 8 * direction.dx + 8 * direction.dy), y2: y + 8))
                spaces.append(index == 4)
            }
        }
        return (boxes, spaces)
    }

    @Test func aTextLayersBoxesRunningLeftDownOrUpAreTurnedToRunRight() {
        let cases: [((Double, Double), (Double, Double), (Double, Double), Int)] = [
            ((-1, 0), (0, -1), (400, 500), 2),  // upside down: right to left, lines going up
            ((0, 1), (-1, 0), (500, 100), 3),   // text running down, lines going left
            ((0, -1), (1, 0), (100, 500), 1),   // text running up, lines going right
        ]
        for (direction, step, origin, turns) in cases {
            let (boxes, spaces) = Self.boxes(running: direction, lineStep: step, origin: origin)
            let (turned, quarterTurns) = TextDirection.upright(boxes, spaces: spaces, width: 600, height: 800)
            #expect(quarterTurns == turns)
            // In the new frame each character stands right of the one before, and the second line below the first.
            for index in 1..<9 where !spaces[index] && !spaces[index - 1] {
                #expect(turned[index].x1 > turned[index - 1].x1)
            }
            #expect(turned[9].y1 > turned[0].y1 + 10)
        }
        let (straight, _) = Self.boxes(running: (1, 0), lineStep: (0, 1), origin: (50, 50))
        let (same, none) = TextDirection.upright(straight, spaces: Array(repeating: false, count: straight.count), width: 600, height: 800)
        #expect(none == 0 && same.map(\.x1) == straight.map(\.x1))
    }

    @Test func aFewWordsStandingInAMarginDoNotMakeAPageSideways() {
        let lying = (0..<20).map { PositionedWord(text: "Montant", x0: 100, y0: Double($0) * 30, x1: 170, y1: Double($0) * 30 + 12) }
        let standing = (0..<6).map { PositionedWord(text: "RCS Lyon", x0: 10, y0: Double($0) * 90, x1: 22, y1: Double($0) * 90 + 80) }
        #expect(!PageOrientation.readsSideways(lying + standing))
        #expect(PageOrientation.readsSideways(standing + Array(lying.prefix(3))))
        #expect(PageOrientation.isDoubtful(0.4, words: lying))
        #expect(!PageOrientation.isDoubtful(0.9, words: lying))
    }

    /// The letter's page shown turned a quarter, half and three quarters (/Rotate 90, 180, 270; see
    /// Fixtures/README.md): its lines read as on the straight page.
    @Test func aTextLayerShownTurnedIsReadInItsLines() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/turned-text.pdf"))
        #expect(pages.count == 3)
        for page in pages {
            let lines = page.layout.text.split(separator: "\n").map(String.init)
            #expect(page.method == .textLayer)
            #expect(lines.first == "LETTRE DE MISSION")
            #expect(lines.contains("Montant : 85 000 euros HT"))
            #expect(lines.contains("Objet : Mission de conseil en transformation digitale"))
        }
        #expect(pages.map(\.frame.quarterTurns) == [3, 2, 1])
    }

    /// Set m's dark-band invoice scanned upside down (see Fixtures/README.md): the first reading is a few doubtful
    /// fragments; turned over, the page gives the same facts as the straight scan.
    @Test func anUpsideDownScanIsReadTurnedOver() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/upside-down-scan.pdf"))
        #expect(extraction.textMethod == .ocr)
        #expect(extraction.pages.map(\.frame.quarterTurns) == [2])
        #expect(extraction.facts[.documentType] == "facture")
        #expect(extraction.facts[.numberDocument] == "FA/2024/98885")
        #expect(extraction.facts[.amountHT] == "329.44")
        #expect(extraction.facts[.amountTTC] == "395.33")
        #expect(extraction.facts[.supplierSiret] == "82360402058811")
    }

    /// An image file scanned upside down (set d's navette with dot leaders, see Fixtures/README.md): turned over, then
    /// read again without its leaders in the turned image, as the straight image is.
    @Test func anUpsideDownImageFileIsReadTurnedOver() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/navette-upside-down.jpg"))
        #expect(extraction.pages.map(\.frame.quarterTurns) == [2])
        #expect(extraction.facts[.amountHT] == "8963.68")
        #expect(extraction.facts[.amountTTC] == "10756.42")
        #expect(extraction.facts[.numberMarche] == "BOP2024-980")
    }

    /// Rows of dark bars like lines of words, falling `degrees` to the right.
    static func rows(width: Int, height: Int, degrees: Double) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        let slope = tan(degrees * .pi / 180)
        for top in stride(from: 60, to: height - 80, by: 40) {
            for x in 40..<(width - 40) where (x / 30) % 4 != 3 {
                let y0 = top + Int((Double(x) * slope).rounded())
                for y in y0..<(y0 + 12) where (0..<height).contains(y) { pixels[y * width + x] = 0 }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    @Test func aPageAskewBySeveralDegreesIsSetStraightAndAStraightOneIsLeft() throws {
        let askew = try #require(Skew.straightened(Self.rows(width: 1200, height: 900, degrees: 4)))
        #expect(abs(abs(Double(askew.degrees)) - 4) < 0.5)
        #expect(Skew.straightened(Self.rows(width: 1200, height: 900, degrees: 0.8)) == nil)
        #expect(Skew.straightened(Self.rows(width: 1200, height: 900, degrees: 0)) == nil)
    }

    /// Set n's quote whose totals stand in cards, scanned 4° askew (see Fixtures/README.md): read as it lies, its
    /// lines cross each other and its totals are lost; set straight, they add up.
    @Test func aScanAskewBySeveralDegreesIsReadStraightened() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/askew-scan.pdf"))
        #expect(extraction.pages.map(\.frame.straightened) == [true])
        #expect(extraction.facts[.amountHT] == "10142.00")
        #expect(extraction.facts[.amountTVA] == "1014.20")
        #expect(extraction.facts[.amountTTC] == "11156.20")
        #expect(extraction.facts[.dateIssued] == "2024-07-01")
        #expect(extraction.facts[.numberDocument] == "D-2024-478")
        #expect(extraction.facts[.supplierSiret] == "51939186611981")
        #expect(extraction.facts[.object] == "Gardiennage du site de Nantes Malakoff")
    }

    /// Set m's grey quote scanned sideways: Tesseract reads its words well, but their boxes stand one above the
    /// other and the rebuilt lines mixed the columns; turned upright, its lines and facts are the straight scan's.
    @Test func aSidewaysScanIsReadTurnedUpright() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/sideways-scan.pdf"))
        #expect(extraction.pages.map(\.frame.quarterTurns) == [3])
        #expect(extraction.facts[.documentType] == "devis")
        #expect(extraction.facts[.numberDocument] == "2025-D8723")
        #expect(extraction.facts[.amountHT] == "3908.30")
        #expect(extraction.facts[.amountTTC] == "4689.96")
        #expect(extraction.facts[.supplierSiret] == "63674752940656")
        #expect(extraction.facts[.object] == "Mise en conformité électrique de Nevers Colbert")
    }
}
