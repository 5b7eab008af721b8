import CPoppler
import Foundation

/// A PDF opened with Poppler: its pages' text layer, and pages rendered to grayscale for OCR. Every GError and every
/// object Poppler returns is freed here. Used from one thread at a time.
final class PDFDocument {
    private let document: OpaquePointer
    let pageCount: Int

    init(path: String) throws {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        let name = file.lastPathComponent
        var error: UnsafeMutablePointer<GError>?
        // GLib builds file URIs from absolute paths only.
        guard let uri = g_filename_to_uri(file.path, nil, &error) else {
            throw DocumentError.unreadable(name, reason: Self.consume(error))
        }
        defer { g_free(uri) }
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            throw DocumentError.unreadable(name, reason: Self.consume(error))
        }
        self.document = document
        pageCount = Int(poppler_document_get_n_pages(document))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// The text layer of a page (0-based), empty when there is none.
    func text(page index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let text = poppler_page_get_text(page) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// The page drawn in 8-bit gray at `dpi`, white background, ready for OCR; nil when the page is missing or its
    /// image would exceed `maxPixels` (a hostile page size must not exhaust memory).
    func grayImage(page index: Int, dpi: Double, maxPixels: Int) -> GrayImage? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        let width = Int((widthPoints * dpi / 72).rounded()), height = Int((heightPoints * dpi / 72).rounded())
        guard width > 0, height > 0, width * height <= maxPixels else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, dpi / 72, dpi / 72)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var gray = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // RGB24 is stored as 32-bit words, blue in the lowest byte on little-endian machines.
                let pixel = row + x * 4
                let luminance = (Int(pixel[2]) * 299 + Int(pixel[1]) * 587 + Int(pixel[0]) * 114) / 1000
                gray[y * width + x] = UInt8(luminance)
            }
        }
        return GrayImage(width: width, height: height, pixels: gray)
    }

    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "erreur inconnue de Poppler" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "erreur inconnue de Poppler"
    }
}

/// An 8-bit grayscale image, one byte a pixel, rows end to end.
struct GrayImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]
}
