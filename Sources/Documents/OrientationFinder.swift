import CTesseract

/// Tesseract's orientation and script detection (its « osd » model), created only when a page reads as if turned.
/// Used from one thread at a time, like `OCREngine`.
final class OrientationFinder {
    private let api: OpaquePointer

    /// nil when the « osd » model is not installed (package tesseract-ocr-osd): pages are then read as they lie.
    init?() {
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit3(api, nil, "osd") == 0 else {
            TessBaseAPIDelete(api)
            return nil
        }
        TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// The clockwise quarter turns that set the page's text upright, with Tesseract's confidence; nil when it found
    /// too little text to tell.
    func uprightTurns(_ image: GrayImage, dpi: Int) -> (quarterTurns: Int, confidence: Double)? {
        defer { TessBaseAPIClear(api) }
        return image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(api, Int32(dpi))
            // The script is not asked for: its name would point into the model, not be a copy to free.
            var degrees: Int32 = 0, confidence: Float = 0
            guard TessBaseAPIDetectOrientationScript(api, &degrees, &confidence, nil, nil) != 0 else { return nil }
            // Tesseract gives how far the text is turned clockwise; turning the page back is the rest of a full turn.
            guard degrees % 90 == 0, confidence.isFinite else { return nil }
            return ((4 - Int(degrees) / 90) % 4, Double(confidence))
        }
    }
}
