import Foundation

/// How a page's text was obtained.
public enum TextMethod: String, Sendable, Codable {
    case textLayer = "text_layer", ocr
}

public struct PageText: Sendable, Equatable {
    public let number: Int
    public let method: TextMethod
    public let text: String
}

/// The text of a document, page by page: the PDF text layer where a page has one, OCR in French where it has too
/// little text (a scan), OCR for images.
public final class TextExtractor {
    /// Under this many letters and digits, a PDF page is taken for a scan.
    static let minimumTextLayerCharacters = 25
    static let ocrDPI = 300
    /// A4 at 300 dpi is 8.7 Mpixels; beyond 4 times that, a page is refused rather than rendered.
    static let maxPixels = 35_000_000
    public static let maxPages = 500

    private var engine: OCREngine?

    public init() {}

    public func pages(of path: String) throws -> [PageText] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError.unreadable(name, reason: "fichier introuvable ou illisible")
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        let bytes = [UInt8](head)
        if bytes.starts(with: Array("%PDF".utf8)) { return try pdfPages(path) }
        if Self.isImage(bytes) { return [PageText(number: 1, method: .ocr, text: try ocr().text(ofImageAt: path))] }
        throw DocumentError.unsupported(name, kind: "ni PDF ni image PNG, JPEG ou TIFF")
    }

    private func pdfPages(_ path: String) throws -> [PageText] {
        let document = try PDFDocument(path: path)
        guard document.pageCount <= Self.maxPages else {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent,
                                           reason: "\(document.pageCount) pages, au-delà de \(Self.maxPages)")
        }
        return try (0..<document.pageCount).map { index in
            let layer = document.text(page: index)
            if layer.unicodeScalars.filter(CharacterSet.alphanumerics.contains).count >= Self.minimumTextLayerCharacters {
                return PageText(number: index + 1, method: .textLayer, text: layer)
            }
            guard let image = document.grayImage(page: index, dpi: Double(Self.ocrDPI), maxPixels: Self.maxPixels) else {
                return PageText(number: index + 1, method: .textLayer, text: layer)
            }
            return PageText(number: index + 1, method: .ocr, text: try ocr().text(of: image, dpi: Self.ocrDPI))
        }
    }

    private func ocr() throws -> OCREngine {
        if let engine { return engine }
        let created = try OCREngine()
        engine = created
        return created
    }

    static func isImage(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    }
}
