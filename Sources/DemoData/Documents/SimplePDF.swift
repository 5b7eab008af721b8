import Foundation

/// A minimal PDF writer for the demo's documents: one A4 page of text in Helvetica (a standard font every reader
/// has), WinAnsi-encoded so that French accents come out right, with a correct cross-reference table.
struct SimplePDF {
    struct Line {
        let x: Double
        let y: Double
        let size: Double
        let bold: Bool
        let text: String
    }

    private(set) var lines: [Line] = []
    /// Next baseline, from the top of the page, in points.
    var cursor = 60.0

    mutating func text(_ text: String, x: Double = 56, size: Double = 10, bold: Bool = false, at y: Double? = nil) {
        lines.append(Line(x: x, y: y ?? cursor, size: size, bold: bold, text: text))
        if y == nil { cursor += size * 1.45 }
    }

    mutating func skip(_ points: Double = 8) { cursor += points }

    func data() -> Data {
        var content = Data()
        for line in lines {
            let font = line.bold ? "F2" : "F1"
            content.append(Data("BT /\(font) \(format(line.size)) Tf \(format(line.x)) \(format(842 - line.y)) Td (".utf8))
            content.append(Self.escaped(line.text))
            content.append(Data(") Tj ET\n".utf8))
        }
        let objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8),
            Data("<< /Length \(content.count) >>\nstream\n".utf8) + content + Data("endstream".utf8),
        ]
        var pdf = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf.append(Data("\(index + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8))
        }
        let xref = pdf.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        pdf.append(Data(table.utf8))
        return pdf
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Windows-1252 bytes, with the PDF string delimiters escaped; characters outside it become `?`.
    static func escaped(_ text: String) -> Data {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            var byte: UInt8
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xFF: byte = UInt8(scalar.value)
            case 0x20AC: byte = 0x80  // €
            case 0x2019: byte = 0x92  // ’
            case 0x2013: byte = 0x96  // –
            case 0x0153: byte = 0x9C  // œ
            case 0x202F: byte = 0xA0  // narrow no-break space, printed as a no-break space
            default: byte = UInt8(ascii: "?")
            }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return Data(bytes)
    }
}
