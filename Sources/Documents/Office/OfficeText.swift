import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OfficeFiles
import ZIPFoundation

/// The text of Word (DOCX) and OpenDocument text (ODT) files, read from their XML part: one line per paragraph,
/// table cells of a row on one line separated by tabs, Word's form check boxes as « [X] » or « [ ] ».
enum OfficeText {
    /// A document part above this size (uncompressed) is refused: a zip bomb must not exhaust memory.
    static let maxPartBytes: UInt64 = 64 << 20

    static func lines(of file: URL) throws -> [String] {
        let name = file.lastPathComponent
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            throw DocumentError.unreadable(name, reason: "archive ZIP illisible")
        }
        let style: Style
        let entry: Entry
        if let docx = archive["word/document.xml"] { style = .word; entry = docx }
        else if let odt = archive["content.xml"] { style = .openDocument; entry = odt }
        else { throw DocumentError.unsupported(name, kind: "archive ZIP sans document Word ni OpenDocument") }
        guard entry.uncompressedSize <= maxPartBytes else {
            throw DocumentError.unreadable(name, reason: "contenu de plus de \(maxPartBytes >> 20) Mo décompressé")
        }
        var xml = Data()
        do {
            try BoundedUnzip.extract(entry.path, fromZipAt: archive.url.path) { chunk in
                xml.append(chunk)
                if UInt64(xml.count) > maxPartBytes { throw DocumentError.unreadable(name, reason: "contenu trop grand") }
            }
        } catch let error as DocumentError { throw error } catch {
            throw DocumentError.unreadable(name, reason: "partie XML illisible")
        }
        let reader = ParagraphReader(style: style)
        let parser = XMLParser(data: FoundationXMLInput.repaired(xml))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else { throw DocumentError.unreadable(name, reason: "XML invalide") }
        return reader.lines
    }

    enum Style { case word, openDocument }

    /// Collects paragraphs; inside a table row, paragraphs of the row's cells end up on the row's one line.
    private final class ParagraphReader: NSObject, XMLParserDelegate {
        let style: Style
        var lines: [String] = []
        private var paragraph = ""
        private var row: [String]?
        private var cell = ""
        private var inText = false

        init(style: Style) { self.style = style }

        private func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch (style, local(name)) {
            case (.word, "t"), (.openDocument, "p"), (.openDocument, "h"): inText = true
            case (.word, "tab"), (.openDocument, "tab"), (.word, "br"), (.openDocument, "line-break"):
                // One space for a run of tabs and breaks (and after a check box): they only separate words here.
                if !paragraph.hasSuffix(" ") { paragraph += " " }
            case (.openDocument, "s"): paragraph += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
            case (.word, "tr"), (.openDocument, "table-row"): row = []
            case (.word, "tc"), (.openDocument, "table-cell"): cell = ""
            case (.word, "checkBox"): checkBox = (byDefault: false, checked: nil)
            case (.word, "default") where checkBox != nil: checkBox?.byDefault = Self.isOn(attributes)
            case (.word, "checked") where checkBox != nil: checkBox?.checked = Self.isOn(attributes)
            default: break
            }
        }

        /// A legacy form check box (`FORMCHECKBOX`): its state is in its field data, not in the text, and it often
        /// carries the choice an acte d'engagement makes (single candidate or group, joint or several).
        private var checkBox: (byDefault: Bool, checked: Bool?)?

        /// `w:val` absent means on; "0", "false" and "off" mean off.
        private static func isOn(_ attributes: [String: String]) -> Bool {
            guard let value = attributes.first(where: { $0.key == "val" || $0.key.hasSuffix(":val") })?.value else { return true }
            return !["0", "false", "off"].contains(value.lowercased())
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inText else { return }
            // Blanks at the start of a run after a separator (a tab, a check box) would double it.
            paragraph += paragraph.hasSuffix(" ") ? String(string.drop(while: \.isWhitespace)) : string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch (style, local(name)) {
            case (.word, "t"): inText = false
            case (.word, "checkBox"):
                if let box = checkBox { paragraph += (box.checked ?? box.byDefault) ? "[X] " : "[ ] " }
                checkBox = nil
            case (.word, "p"), (.openDocument, "p"), (.openDocument, "h"):
                inText = false
                let text = paragraph.trimmingCharacters(in: .whitespaces)
                paragraph = ""
                guard !text.isEmpty else { return }
                if row != nil { cell += cell.isEmpty ? text : " " + text } else { lines.append(text) }
            case (.word, "tc"), (.openDocument, "table-cell"):
                if !cell.isEmpty { row?.append(cell) }
                cell = ""
            case (.word, "tr"), (.openDocument, "table-row"):
                if let row, !row.isEmpty { lines.append(row.joined(separator: "\t")) }
                row = nil
            default: break
            }
        }
    }
}
