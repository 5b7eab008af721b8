import Testing
@testable import Documents
import TestSupport

/// Scanned pages are read at the resolution they were scanned at, within what Tesseract reads well.
@Suite("Scans read at their own resolution")
struct ScanResolutionTests {
    @Test func aPageMadeOfOneImageHasItsResolution() throws {
        let scan = try PDFDocument(path: Fixtures.path("documents/checkbox-scan.pdf")).scan(page: 0, maxPixels: 50_000_000)
        #expect(abs((scan?.dpi ?? 0) - 200) < 1)
        let fax = try PDFDocument(path: Fixtures.path("documents/lettre-ocr.pdf")).scan(page: 0, maxPixels: 50_000_000)
        #expect(abs((fax?.dpi ?? 0) - 103) < 2)
        #expect(try PDFDocument(path: Fixtures.path("documents/lettre.pdf")).scan(page: 0, maxPixels: 50_000_000) == nil)
    }

    /// The scan's own pixels are what rendering the page at the scan's resolution would give, without the second
    /// decoding; beyond the pixel cap only the resolution is told.
    @Test func aWholePageScanIsTakenAsItsImage() throws {
        let pdf = try PDFDocument(path: Fixtures.path("documents/checkbox-scan.pdf"))
        let scan = try #require(pdf.scan(page: 0, maxPixels: 50_000_000))
        let image = try #require(scan.image)
        let rendered = try #require(pdf.grayImage(page: 0, dpi: scan.dpi.rounded(), maxPixels: 50_000_000))
        #expect(abs(image.width - rendered.width) <= 1 && abs(image.height - rendered.height) <= 1)
        let width = min(image.width, rendered.width), height = min(image.height, rendered.height)
        var difference = 0
        for y in 0..<height { for x in 0..<width { difference += abs(Int(image.pixels[y * image.width + x]) - Int(rendered.pixels[y * rendered.width + x])) } }
        #expect(Double(difference) / Double(width * height) < 8, "mean gray difference per pixel")
        #expect(image.pixels.contains { $0 < 100 } && image.pixels.contains { $0 > 200 })
        let capped = try #require(pdf.scan(page: 0, maxPixels: 1000))
        #expect(capped.image == nil && abs(capped.dpi - 200) < 1)
    }

    @Test func onlyScansOfUsualResolutionsAreReadAsTheyAre() {
        #expect(TextExtractor.ocrResolution(scan: 200, default: 300) == 200)
        #expect(TextExtractor.ocrResolution(scan: 150.4, default: 300) == 150)
        // 1 241 pixels across an A4 page of 595.68 points.
        #expect(TextExtractor.ocrResolution(scan: 149.92, default: 300) == 150)
        #expect(TextExtractor.ocrResolution(scan: 400.4, default: 300) == 400)
        #expect(TextExtractor.ocrResolution(scan: 103, default: 300) == 300)
        #expect(TextExtractor.ocrResolution(scan: 600, default: 300) == 300)
        #expect(TextExtractor.ocrResolution(scan: nil, default: 300) == 300)
    }
}
