import Crypto
import Foundation
import EclaireCore
import OfficeFiles

/// A Chorus export on disk: its identity (SHA-256), what kind of file it is, and the tables it holds.
public struct ChorusFile {
    public let path: String
    public let displayName: String
    public let sha256: String
    public let byteCount: Int
    public let tables: [any ChorusTable]

    /// The layout reported for the file: that of its first table.
    public var layout: Layout { tables[0].layout }

    public static func open(_ path: String) throws -> ChorusFile {
        let displayName = (path as NSString).lastPathComponent
        let (sha, size, head) = try fingerprint(path, displayName: displayName)
        guard size > 0 else { throw ImportFailure.empty(displayName) }
        if head.starts(with: Array("%PDF".utf8)) {
            throw ImportFailure.notChorus(displayName, reason: "c'est un document PDF")
        }
        let tables: [any ChorusTable]
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            tables = try xlsxTables(path, displayName: displayName)
        } else if head.starts(with: CompoundFile.signature) {
            tables = try xlsTables(path, displayName: displayName)
        } else {
            if head.contains(0) { throw ImportFailure.notChorus(displayName, reason: "fichier binaire") }
            tables = [try CSVTable(path: path, displayName: displayName)]
        }
        return ChorusFile(path: path, displayName: displayName, sha256: sha, byteCount: size, tables: tables)
    }

    private static func xlsxTables(_ path: String, displayName: String) throws -> [any ChorusTable] {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(path: path) } catch {
            throw ImportFailure.notChorus(displayName, reason: "\(error)")
        }
        return try recognised(workbook.sheets, named: \.name, displayName: displayName) { sheet in
            let reader = try workbook.rowReader(of: sheet)
            return try SheetTable(sheetName: sheet.name, format: "xlsx", displayName: displayName, nextRow: reader.next)
        }
    }

    /// An Excel 97–2003 workbook (Business Objects and older tools still save them); its sheets are read whole.
    private static func xlsTables(_ path: String, displayName: String) throws -> [any ChorusTable] {
        let workbook: XLSWorkbook
        do { workbook = try XLSWorkbook(CompoundFile(path: path)) } catch {
            throw ImportFailure.notChorus(displayName, reason: "\(error)")
        }
        return try recognised(workbook.sheets, named: \.name, displayName: displayName) { sheet in
            var rows = sheet.rows[...]
            return try SheetTable(sheetName: sheet.name, format: "xls", displayName: displayName) { rows.popFirst() }
        }
    }

    /// The sheets whose header is a Chorus one; a file with none is refused.
    private static func recognised<Sheet>(_ sheets: [Sheet], named name: (Sheet) -> String, displayName: String,
                                          table: (Sheet) throws -> SheetTable?) throws -> [any ChorusTable] {
        let tables = try sheets.compactMap { sheet -> SheetTable? in
            do { return try table(sheet) } catch let failure as ImportFailure { throw failure } catch {
                throw ImportFailure.notChorus(displayName, reason: "feuille « \(name(sheet)) » illisible (\(error))")
            }
        }
        guard !tables.isEmpty else {
            throw ImportFailure.notChorus(displayName, reason: "aucune feuille du classeur n'a d'en-tête de restitution Chorus")
        }
        return tables
    }

    /// SHA-256 of the whole file, streamed, with its first bytes for sniffing.
    static func fingerprint(_ path: String, displayName: String) throws -> (String, Int, [UInt8]) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFailure.unreadable(displayName) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        var head: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            if head.isEmpty { head = Array(chunk.prefix(4096)) }
            hasher.update(data: chunk)
            size += chunk.count
        }
        let digest = Hex.lowercase(hasher.finalize())
        return (digest, size, head)
    }
}
