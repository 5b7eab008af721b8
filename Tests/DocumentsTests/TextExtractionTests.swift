import Documents
import EclaireCore
import Foundation
import TestSupport
import Testing

/// Text from the real documents of shared/data: the text layer where there is one, French OCR for scans and images.
@Suite("Reading a document's text: text layer, or OCR in French")
struct TextExtractionTests {
    static let truth = try! String(contentsOfFile: Fixtures.path("documents/lettre.md"), encoding: .utf8)

    /// The share of the truth's words (4 letters or more) found in the text, accents and case kept.
    static func recall(_ text: String) -> Double {
        let words = Set(truth.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 })
        let found = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return Double(words.intersection(found).count) / Double(words.count)
    }

    @Test func aPDFWithATextLayerIsReadFromIt() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/lettre.pdf"))
        #expect(pages.count == 1)
        #expect(pages[0].method == .textLayer)
        #expect(pages[0].text.contains("LETTRE DE MISSION"))
        #expect(pages[0].text.contains("85 000 euros HT"))
        #expect(Self.recall(pages[0].text) > 0.97)
    }

    @Test func aScannedPDFIsReadByOCR() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/lettre-ocr.pdf"))
        #expect(pages.allSatisfy { $0.method == .ocr })
        let text = pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("Objet"))
        #expect(Self.recall(text) > 0.9, "recall \(Self.recall(text))")
    }

    /// Dépenses éclairées' own OCR test: these phrases must be in the text of the scanned letter.
    @Test func theScannedLetterHasEveryPhraseItsAuthorsRequire() throws {
        let text = try TextExtractor().pages(of: Fixtures.path("documents/lettre-ocr.pdf")).map(\.text).joined(separator: "\n")
            .lowercased().replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        for phrase in ["lettre de mission", "paris", "mission de conseil", "technova solutions", "euros", "jean dupont",
                       "sophie martin", "cabinet conseil", "transformation digitale", "novembre 2025", "avril 2026", "85 000"] {
            #expect(text.contains(phrase), "« \(phrase) » absent")
        }
    }

    /// A form scanned at 200 dpi (the acte d'engagement of the suite, rasterised: see Fixtures/README.md) is read at
    /// its own resolution: rendered at 300 dpi, its check-box lines were lost.
    @Test func aScanIsReadAtItsOwnResolution() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/checkbox-scan.pdf"))
        #expect(pages.allSatisfy { $0.method == .ocr })
        let text = pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("m'engage sur la base de mon offre"))
        #expect(text.contains("Le mandataire (Candidat groupé)"))
        #expect(text.contains("Le signataire (Candidat individuel)"))
    }

    @Test func anImageIsReadByOCR() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/lettre.png"))
        #expect(pages.count == 1 && pages[0].method == .ocr)
        #expect(Self.recall(pages[0].text) > 0.9, "recall \(Self.recall(pages[0].text))")
    }

    @Test func whatIsNotADocumentIsRefusedNamingTheFile() throws {
        #expect(throws: DocumentError.unsupported("national_aife_ae.csv", kind: "ni PDF, ni image PNG, JPEG ou TIFF, ni Word, Excel ou OpenDocument")) {
            _ = try TextExtractor().pages(of: Fixtures.path("national_aife_ae.csv"))
        }
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("tronque-\(UUID().uuidString).pdf").path
        try Data("%PDF-1.7\n1 0 obj << /Type /Catalog".utf8).write(to: URL(fileURLWithPath: broken))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        #expect(throws: DocumentError.self) { _ = try TextExtractor().pages(of: broken) }
    }
}

/// Legacy Word and the three workbook formats, read to text as the letter and the workbook print.
@Suite("Reading office files: Word 97–2003, XLS, XLSX, ODS")
struct OfficeFileTests {
    @Test func aWord97DocumentGivesTheLettersText() throws {
        let pages = try TextExtractor().pages(of: Fixtures.path("documents/lettre.doc"))
        #expect(pages.count == 1)
        #expect(pages[0].method == .office)
        let lines = pages[0].text.split(separator: "\n").map(String.init)
        #expect(lines.first == "LETTRE DE MISSION")
        #expect(lines.contains("Objet : Mission de conseil en transformation digitale"))
        #expect(lines.contains("Montant : 85 000 euros HT"))
        #expect(TextExtractionTests.recall(pages[0].text) > 0.97)
    }

    /// An acte d'engagement's form check boxes (Word's FORMCHECKBOX fields) say which choices were made.
    @Test func aWordFormsCheckBoxesReadAsTheirState() throws {
        let text = try TextExtractor().pages(of: Fixtures.path("documents/checkbox.docx"))[0].text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("[X] Le signataire (Candidat individuel),"))
        #expect(lines.contains("[ ] Le mandataire (Candidat groupé),"))
        #expect(lines.contains { $0.hasPrefix("[X] engage la société") })
        #expect(lines.contains("[ ] du groupement solidaire"))
        #expect(lines.filter { $0.hasPrefix("[X] ") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("[ ] ") }.count == 5)
    }

    /// The same form as a PDF: its boxes are drawn (lines, no text), found on the rendered page for forms.
    @Test func aPDFFormsDrawnCheckBoxesReadAsTheirState() throws {
        let extraction = try DocumentReader().read(Fixtures.path("documents/checkbox.pdf"))
        #expect(extraction.facts[.documentType] == DocumentType.acteEngagement.rawValue)
        let lines = extraction.pages[0].layout.lines.map(\.text)
        #expect(lines.contains { $0.hasPrefix("[X] Le signataire") })
        #expect(lines.contains { $0.hasPrefix("[ ] Le mandataire") })
        #expect(lines.contains { $0.contains("[X] engage la société") })
        #expect(lines.contains { $0.hasPrefix("[ ] du groupement solidaire") })
        let boxes = lines.joined(separator: "\n")
        #expect(boxes.components(separatedBy: "[X]").count - 1 == 2, "\(lines)")
        #expect(boxes.components(separatedBy: "[ ]").count - 1 == 5)
        // An invoice is no form: its pages are not rendered, its text has no boxes.
        let invoice = try DocumentReader().read(Fixtures.path("documents/lettre.pdf"))
        #expect(!invoice.pages[0].layout.text.contains("[ ]"))
    }

    @Test(arguments: ["sample.xls", "sample.xlsx", "sample.ods"])
    func aWorkbookGivesTheSameRowsInEveryFormat(_ file: String) throws {
        let text = try TextExtractor().pages(of: Fixtures.path("documents/\(file)")).map(\.text).joined(separator: "\n")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.starts(with: ["Titre fusionné", "Col A\tCol B", "Ligne 1\t10", "Ligne 2\t20"]), "\(lines)")
        #expect(lines.contains("Fin"))
    }

    @Test func aBinaryFileThatIsNoOfficeDocumentIsRefusedWithAReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).doc").path
        var bytes = [UInt8](repeating: 0, count: 1536)
        bytes.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        bytes[0x1E] = 9; bytes[0x20] = 6
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try TextExtractor().pages(of: path)
        } throws: { error in
            guard case DocumentError.unreadable(let name, let reason) = error else { return false }
            return name.hasSuffix(".doc") && !reason.isEmpty
        }
    }
}
