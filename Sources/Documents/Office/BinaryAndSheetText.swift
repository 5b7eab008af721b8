import Foundation
import OfficeFiles
import ZIPFoundation

/// Pages of the office files that are not running text: legacy Word (.doc, one page), and workbooks (.xls and
/// .xlsx, one page per worksheet, a line per row with its cells separated by tabs).
enum BinaryAndSheetText {
    static func legacyOffice(_ path: String) throws -> [PageText] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        do {
            let file = try CompoundFile(path: path)
            if file.streamNames.contains("WordDocument") { return [page(1, lines: try WordBinaryText.lines(of: file))] }
            if file.streamNames.contains("Workbook") || file.streamNames.contains("Book") {
                return sheetPages(try XLSWorkbook(file).sheets.map { ($0.name, $0.rows) })
            }
        } catch let error as OfficeFileError {
            throw DocumentError.unreadable(name, reason: error.reason)
        }
        throw DocumentError.unsupported(name, kind: "fichier Office binaire ni Word ni Excel")
    }

    /// A worksheet attached as a document is read whole into memory: past 64 MB inflated it is refused.
    static let maxSheetBytes = 64 << 20

    /// The worksheets of an XLSX, or nil when the archive holds no workbook.
    static func workbook(_ path: String) throws -> [PageText]? {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch { return nil }
        guard archive["xl/workbook.xml"] != nil else { return nil }
        do {
            let workbook = try XLSXWorkbook(path: path, maxSheetBytes: maxSheetBytes)
            return sheetPages(try workbook.sheets.map { ($0.name, try workbook.rows(of: $0)) })
        } catch is PartTooLarge {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent,
                                           reason: "feuille de calcul de plus de \(maxSheetBytes >> 20) Mo une fois décompressée")
        } catch {
            throw DocumentError.unreadable(URL(fileURLWithPath: path).lastPathComponent, reason: "\(error)")
        }
    }

    private static func sheetPages(_ sheets: [(String, [(Int, [String])])]) -> [PageText] {
        let pages = sheets.map { _, rows in
            rows.map { $0.1.filter { !$0.isEmpty }.joined(separator: "\t") }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty }
        return pages.enumerated().map { page($0.offset + 1, lines: $0.element) }
    }

    private static func page(_ number: Int, lines: [String]) -> PageText {
        PageText(number: number, method: .office, text: lines.joined(separator: "\n"),
                 layout: PageLayout(plainLines: lines), reliability: 1)
    }
}
