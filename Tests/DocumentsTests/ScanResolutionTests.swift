import Testing
@testable import Documents
import TestSupport

/// Scanned pages are read at the resolution they were scanned at, within what Tesseract reads well.
@Suite("Scans read at their own resolution")
struct ScanResolutionTests {
    @Test func aPageMadeOfOneImageHasItsResolution() throws {
        let scan = try PDFDocument(path: Fixtures.path("documents/checkbox-scan.pdf")).scanResolution(page: 0)
        #expect(abs((scan ?? 0) - 200) < 1)
        let fax = try PDFDocument(path: Fixtures.path("documents/lettre-ocr.pdf")).scanResolution(page: 0)
        #expect(abs((fax ?? 0) - 103) < 2)
        #expect(try PDFDocument(path: Fixtures.path("documents/lettre.pdf")).scanResolution(page: 0) == nil)
    }

    @Test func onlyScansOfUsualResolutionsAreReadAsTheyAre() {
        #expect(TextExtractor.ocrResolution(scan: 200, default: 300) == 200)
        #expect(TextExtractor.ocrResolution(scan: 150.4, default: 300) == 150)
        #expect(TextExtractor.ocrResolution(scan: 103, default: 300) == 300)
        #expect(TextExtractor.ocrResolution(scan: 600, default: 300) == 300)
        #expect(TextExtractor.ocrResolution(scan: nil, default: 300) == 300)
    }
}
