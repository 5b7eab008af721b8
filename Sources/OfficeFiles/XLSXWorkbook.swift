import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an XLSX workbook from its parts: workbook, relationships, shared strings and each worksheet.
/// Cells come out as text: shared and inline strings, numbers as printed (dates stay serial numbers).
public struct XLSXWorkbook {
    public struct Sheet: Sendable {
        public let name: String
        let path: String
    }

    /// Past this size an uncompressed part is refused: an XLSX is a ZIP, and a ZIP can be a bomb.
    static let maxPartSize = 512 * 1024 * 1024

    private let archive: Archive
    public let sheets: [Sheet]
    let sharedStrings: [String]
    /// The inflated size past which a worksheet is refused: a Chorus export may be gigabytes, a document
    /// attached to an EJ is not.
    let maxSheetBytes: Int

    public init(path: String, maxSheetBytes: Int = maxSheetSize) throws {
        self.maxSheetBytes = maxSheetBytes
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw OfficeFileError("archive XLSX illisible")
        }
        guard let workbook = try? Self.read("xl/workbook.xml", in: archive) else {
            throw OfficeFileError("archive ZIP sans classeur Excel (xl/workbook.xml)")
        }
        let relations = (try? Self.read("xl/_rels/workbook.xml.rels", in: archive)).map(XMLCollector.relations) ?? [:]
        sheets = XMLCollector.sheets(workbook).compactMap { name, relation in
            guard let target = relations[relation] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: name, path: path)
        }
        if let entry = archive["xl/sharedStrings.xml"] {
            do {
                sharedStrings = try XLSXSheetRows.sharedStrings(try Self.inflate(entry, in: archive, limit: maxSheetBytes))
            } catch {
                throw OfficeFileError("table des chaînes partagées illisible (\(error))")
            }
        } else {
            sharedStrings = []
        }
    }

    /// The sheet's rows, read as they come: the part is inflated to an unlinked temporary file (bounded by
    /// `maxSheetSize`), then scanned in chunks.
    public func rowReader(of sheet: Sheet) throws -> XLSXSheetRows {
        guard let entry = archive[sheet.path] else { throw OfficeFileError("partie « \(sheet.path) » absente de l'archive") }
        return XLSXSheetRows(handle: try Self.inflate(entry, in: archive, limit: maxSheetBytes), sharedStrings: sharedStrings)
    }

    /// Every row of the sheet at once (small workbooks, tests).
    public func rows(of sheet: Sheet) throws -> [(Int, [String])] {
        let reader = try rowReader(of: sheet)
        var rows: [(Int, [String])] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// Past this size an inflated worksheet is refused: it goes to disk, and a ZIP bomb could fill it.
    public static let maxSheetSize = 4 * 1024 * 1024 * 1024

    private static func inflate(_ entry: Entry, in archive: Archive, limit: Int) throws -> FileHandle {
        guard entry.uncompressedSize <= limit else { throw PartTooLarge(part: entry.path, limit: limit) }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("eclaire-sheet-\(UUID().uuidString).xml").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let writer = FileHandle(forWritingAtPath: path), let reader = FileHandle(forReadingAtPath: path) else {
            throw OfficeFileError("fichier temporaire impossible à créer pour décompresser « \(entry.path) »")
        }
        // Unlinked at once: the bytes live as long as the reading handle, and nothing is left behind by a crash.
        try? FileManager.default.removeItem(atPath: path)
        defer { try? writer.close() }
        var written = 0
        try extract(entry, from: archive) { chunk in
            written += chunk.count
            if written > limit { throw PartTooLarge(part: entry.path, limit: limit) }
            do { try writer.write(contentsOf: chunk) } catch {
                throw OfficeFileError("écriture impossible en décompressant « \(entry.path) » (disque plein ?)")
            }
        }
        return reader
    }

    private static func read(_ path: String, in archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw OfficeFileError("partie « \(path) » absente de l'archive") }
        guard entry.uncompressedSize <= maxPartSize else { throw PartTooLarge(part: path, limit: maxPartSize) }
        var data = Data()
        try extract(entry, from: archive) { chunk in
            data.append(chunk)
            if data.count > maxPartSize { throw PartTooLarge(part: path, limit: maxPartSize) }
        }
        return data
    }

    /// ZIPFoundation's and zlib's errors name code cases; the people who gave the file get a sentence.
    private static func extract(_ entry: Entry, from archive: Archive, consumer: (Data) throws -> Void) throws {
        do {
            try BoundedUnzip.extract(entry.path, fromZipAt: archive.url.path, consumer: consumer)
        } catch let error as BoundedUnzip.Damaged {
            throw OfficeFileError(error.description)
        } catch let error as PartTooLarge {
            throw error
        } catch let error as OfficeFileError {
            throw error
        } catch {
            throw OfficeFileError("partie « \(entry.path) » endommagée (données compressées illisibles)")
        }
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

    private static func parse(_ data: Data, _ delegate: XMLParserDelegate) {
        let parser = XMLParser(data: FoundationXMLInput.repaired(data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // A part that is no valid XML yields what was collected before the error: the caller checks for what it needs.
        _ = parser.parse()
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
