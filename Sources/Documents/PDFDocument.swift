import CPoppler
import Foundation

/// A PDF opened with Poppler: its pages' text layer, and pages rendered to grayscale for OCR. Every GError and every
/// object Poppler returns is freed here. Used from one thread at a time.
final class PDFDocument {
    private let document: OpaquePointer
    let pageCount: Int

    init(path: String) throws {
        SRGBCurvePlugin.register()
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

    /// The text layer of a page (0-based) and its words with their boxes, from one text pass: Poppler caches the
    /// page's text on the page object, and gives one rectangle per character of that text, in order.
    func textLayer(page index: Int) -> (text: String, words: [PositionedWord], quarterTurns: Int) {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return ("", [], 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let cText = poppler_page_get_text(page) else { return ("", [], 0) }
        defer { g_free(cText) }
        let text = String(cString: cText)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return (text, [], 0) }
        defer { g_free(rectangles) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scalars = Array(text.unicodeScalars.prefix(Int(count)))
        let (boxes, turns) = TextDirection.upright(UnsafeBufferPointer(start: rectangles, count: scalars.count).map {
            TextDirection.Box(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2)
        }, spaces: scalars.map(\.properties.isWhitespace), width: width, height: height)
        var words: [PositionedWord] = []
        var current = "", x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        func flush() {
            if !current.isEmpty { words.append(PositionedWord(text: current, x0: x0, y0: y0, x1: x1, y1: y1)) }
            current = ""
        }
        for (scalar, box) in zip(scalars, boxes) {
            if scalar.properties.isWhitespace { flush(); continue }
            // A character left of the previous one, below it, or after a gap wider than a thin space starts
            // another word even where the text has no space.
            if !current.isEmpty && (box.x1 < x0 || box.y1 < y0 || box.y1 > y1 + (y1 - y0) || box.x1 - x1 > (y1 - y0) * 0.3) {
                flush()
            }
            if current.isEmpty { x0 = box.x1; y0 = box.y1; x1 = box.x2; y1 = box.y2 }
            current.unicodeScalars.append(scalar)
            x1 = max(x1, box.x2); y0 = min(y0, box.y1); y1 = max(y1, box.y2)
        }
        flush()
        return (text, words, turns)
    }

    /// Files embedded in the PDF (a Factur-X invoice carries its XML this way), by name; each at most `maxBytes`.
    func attachments(maxBytes: Int) -> [(name: String, data: Data)] {
        guard poppler_document_has_attachments(document) != 0 else { return [] }
        var found: [(name: String, data: Data)] = []
        var list = poppler_document_get_attachments(document)
        let head = list
        defer { g_list_free_full(head) { g_object_unref($0) } }
        while let node = list {
            defer { list = node.pointee.next }
            guard let raw = node.pointee.data else { continue }
            let attachment = raw.assumingMemoryBound(to: PopplerAttachment.self)
            // The declared size may be missing or wrong: the sink enforces the limit on the bytes themselves.
            guard let cName = attachment.pointee.name else { continue }
            let sink = AttachmentSink(limit: maxBytes)
            var error: UnsafeMutablePointer<GError>?
            let saved = withExtendedLifetime(sink) {
                poppler_attachment_save_to_callback(attachment, { buffer, count, context, _ in
                    let sink = Unmanaged<AttachmentSink>.fromOpaque(context!).takeUnretainedValue()
                    guard let buffer, sink.data.count + Int(count) <= sink.limit else { return 0 }
                    buffer.withMemoryRebound(to: UInt8.self, capacity: Int(count)) { sink.data.append($0, count: Int(count)) }
                    return 1
                }, Unmanaged.passUnretained(sink).toOpaque(), &error)
            }
            if saved == 0 { _ = Self.consume(error); continue }
            found.append((String(cString: cName), sink.data))
        }
        return found
    }

    /// A scanned page: the resolution of the one image covering most of it (a scanner's 150, 200 or 300 dpi), and
    /// that image itself in gray when it is the whole page, upright, within `maxPixels`. nil when the page is not a
    /// single picture. Rendering a scan at another resolution resamples it, and Tesseract reads the resampled lines
    /// worse (a 200 dpi form rendered at 300 lost whole lines); rendering it at its own only decodes it a second time.
    func scan(page index: Int, maxPixels: Int) -> (dpi: Double, image: GrayImage?)? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        guard widthPoints > 0, heightPoints > 0, let mappings = poppler_page_get_image_mapping(page) else { return nil }
        defer { poppler_page_free_image_mapping(mappings) }
        var largest: (id: Int32, width: Double, height: Double)?
        var node: UnsafeMutablePointer<GList>? = mappings
        while let current = node {
            if let mapping = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self).pointee {
                let width = abs(mapping.area.x2 - mapping.area.x1), height = abs(mapping.area.y2 - mapping.area.y1)
                if width * height > (largest.map { $0.width * $0.height } ?? 0) { largest = (mapping.image_id, width, height) }
            }
            node = current.pointee.next
        }
        let pageArea = widthPoints * heightPoints
        guard let largest, largest.width * largest.height >= 0.8 * pageArea,
              let surface = poppler_page_get_image(page, largest.id) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let pixelWidth = Int(cairo_image_surface_get_width(surface)), pixelHeight = Int(cairo_image_surface_get_height(surface))
        guard pixelWidth > 0, pixelHeight > 0 else { return nil }
        let dpi = Double(pixelWidth) / (largest.width / 72)
        // Drawn turned or stretched (its pixels' proportions are not its box's), or with a margin: rendered instead.
        let upright = abs(Double(pixelWidth) / Double(pixelHeight) - largest.width / largest.height) < 0.02 * largest.width / largest.height
        guard upright, largest.width * largest.height >= 0.97 * pageArea, pixelWidth * pixelHeight <= maxPixels else {
            return (dpi, nil)
        }
        return (dpi, Self.gray(surface, width: pixelWidth, height: pixelHeight))
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
        return Self.gray(surface, width: width, height: height)
    }

    /// A 32-bit cairo image (RGB24, or ARGB32 laid over white) in 8-bit gray; nil for other formats.
    private static func gray(_ surface: OpaquePointer, width: Int, height: Int) -> GrayImage? {
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else { return nil }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let opaque = format == CAIRO_FORMAT_RGB24
        // Stored as 32-bit words, blue in the lowest byte on little-endian machines. Luminance 0.299 R + 0.587 G +
        // 0.114 B in 16-bit fixed point (the weights add up to 65 536, so white stays 255); ARGB32 is premultiplied,
        // so over white the missing alpha adds to each channel. A page is millions of pixels: integer arithmetic
        // only, one loop per format.
        let gray = [UInt8](unsafeUninitializedCapacity: width * height) { out, count in
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let line = out.baseAddress! + y * width
                for x in 0..<width {
                    let word = row[x]
                    let luminance = ((word >> 16) & 0xFF) &* 19_595 &+ ((word >> 8) & 0xFF) &* 38_470 &+ (word & 0xFF) &* 7_471
                    let level = luminance >> 16
                    line[x] = UInt8(opaque ? level : min(255, level &+ 255 &- (word >> 24)))
                }
            }
            count = width * height
        }
        return GrayImage(width: width, height: height, pixels: gray)
    }

    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "erreur inconnue de Poppler" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "erreur inconnue de Poppler"
    }
}

private final class AttachmentSink {
    let limit: Int
    var data = Data()
    init(limit: Int) { self.limit = limit }
}

/// An 8-bit grayscale image, one byte a pixel, rows end to end.
struct GrayImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]
}
