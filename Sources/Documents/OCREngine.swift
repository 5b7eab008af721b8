import CTesseract
import Foundation

/// Tesseract in French, created once and reused for every page (loading the model costs more than a page). One
/// thread inside Tesseract: workers run in parallel instead. Used from one thread at a time.
final class OCREngine {
    private let api: OpaquePointer

    init(language: String = "fra") throws {
        // Tesseract's OpenMP threads fight over the cores with the other workers: one each.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        guard let api = TessBaseAPICreate() else { throw DocumentError.ocrUnavailable(reason: "Tesseract n'a pas démarré") }
        guard TessBaseAPIInit3(api, nil, language) == 0 else {
            TessBaseAPIDelete(api)
            throw DocumentError.ocrUnavailable(reason: "modèle « \(language) » absent (paquet tesseract-ocr-\(language))")
        }
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    func text(of image: GrayImage, dpi: Int) -> String {
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(api, Int32(dpi))
            return recognise()
        }
    }

    /// An image file (PNG, JPEG, TIFF) read by Leptonica.
    func text(ofImageAt path: String) throws -> String {
        var pix: UnsafeMutablePointer<PIX>? = pixRead(path)
        guard pix != nil else {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent, reason: "image illisible")
        }
        defer { pixDestroy(&pix) }
        TessBaseAPISetImage2(api, pix)
        if TessBaseAPIGetSourceYResolution(api) < 70 { TessBaseAPISetSourceResolution(api, 300) }
        return recognise()
    }

    private func recognise() -> String {
        defer { TessBaseAPIClear(api) }
        guard let text = TessBaseAPIGetUTF8Text(api) else { return "" }
        defer { TessDeleteText(text) }
        return String(cString: text)
    }
}
