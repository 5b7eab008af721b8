import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an XLSX workbook from its parts: workbook, relationships, shared strings and each worksheet.
/// Cells come out as text: shared and inline strings, numbers as printed (dates stay serial numbers).
struct XLSXWorkbook {
    struct Sheet {
        let name: String
        let path: String
    }

    /// Past this size an uncompressed part is refused: an XLSX is a ZIP, and a ZIP can be a bomb.
    static let maxPartSize = 512 * 1024 * 1024

    private let archive: Archive
    let sheets: [Sheet]
    let sharedStrings: [String]

    init(path: String, displayName: String) throws {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportFailure.notChorus(displayName, reason: "archive XLSX illisible")
        }
        guard let workbook = try? Self.read("xl/workbook.xml", in: archive) else {
            throw ImportFailure.notChorus(displayName, reason: "archive ZIP sans classeur Excel (xl/workbook.xml)")
        }
        let relations = (try? Self.read("xl/_rels/workbook.xml.rels", in: archive)).map(XMLCollector.relations) ?? [:]
        sheets = XMLCollector.sheets(workbook).compactMap { name, relation in
            guard let target = relations[relation] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: name, path: path)
        }
        sharedStrings = (try? Self.read("xl/sharedStrings.xml", in: archive)).map(XMLCollector.sharedStrings) ?? []
    }

    /// The sheet's rows as (row number, cells by column index from 0).
    func rows(of sheet: Sheet) throws -> [(Int, [String])] {
        let data = try Self.read(sheet.path, in: archive)
        return XMLCollector.rows(data, sharedStrings: sharedStrings)
    }

    private static func read(_ path: String, in archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        guard entry.uncompressedSize <= maxPartSize else { throw CocoaError(.fileReadTooLarge) }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
            data.append(chunk)
            if data.count > maxPartSize { throw CocoaError(.fileReadTooLarge) }
        }
        return data
    }
}

/// SAX collectors for the few SpreadsheetML elements Eclaire needs.
enum XMLCollector {
    static func relations(_ data: Data) -> [String: String] {
        let delegate = ElementCollector(element: "Relationship")
        parse(data, delegate)
        var map: [String: String] = [:]
        for attributes in delegate.found { if let id = attributes["Id"], let target = attributes["Target"] { map[id] = target } }
        return map
    }

    static func sheets(_ data: Data) -> [(String, String)] {
        let delegate = ElementCollector(element: "sheet")
        parse(data, delegate)
        return delegate.found.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"] ?? attributes["id"] else { return nil }
            return (name, id)
        }
    }

    static func sharedStrings(_ data: Data) -> [String] {
        let delegate = SharedStringsDelegate()
        parse(data, delegate)
        return delegate.strings
    }

    static func rows(_ data: Data, sharedStrings: [String]) -> [(Int, [String])] {
        let delegate = SheetDelegate(sharedStrings: sharedStrings)
        parse(data, delegate)
        return delegate.rows
    }

    private static func parse(_ data: Data, _ delegate: XMLParserDelegate) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        parser.parse()
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []
    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

private final class SheetDelegate: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var rows: [(Int, [String])] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var capturing = false

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            column = attributes["r"].map(Self.columnIndex) ?? cells.count
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": capturing = false
        case "c":
            while cells.count < column { cells.append("") }
            cells.append(resolved())
        case "row":
            if cells.contains(where: { !$0.isEmpty }) { rows.append((rowNumber, cells)) }
        default: break
        }
    }

    private func resolved() -> String {
        switch type {
        case "s": return Int(value).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
        case "n": return Self.plainNumber(value)
        default: return value
        }
    }

    /// `8.5129663200017E13` → `85129663200017`: identifiers typed as numbers must not reach us in scientific form.
    static func plainNumber(_ text: String) -> String {
        guard text.contains("E") || text.contains("e"), let number = Double(text) else { return text }
        if number == number.rounded(), abs(number) < 9e15 { return String(Int64(number)) }
        return String(format: "%.6f", number)
    }

    /// `AB12` → 27.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value) - 64
        }
        return max(0, index - 1)
    }
}
