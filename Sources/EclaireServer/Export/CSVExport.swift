import Foundation

/// CSV as French spreadsheets open it: UTF-8 with a BOM, `;` between fields, `,` as the decimal mark, no thousands
/// separator, every text field quoted.
enum CSVExport {
    static func render(_ table: ExportTable) -> Data {
        var text = "\u{FEFF}" + table.columns.map(quote).joined(separator: ";") + "\r\n"
        for row in table.rows {
            text += row.map(cell).joined(separator: ";") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func cell(_ cell: ExportTable.Cell) -> String {
        switch cell {
        case .text(let value): value.map(quote) ?? ""
        case .money(let value): value.map { $0.plain.replacingOccurrences(of: ".", with: ",") } ?? ""
        case .integer(let value): value.map(String.init) ?? ""
        case .ratio(let value): String(value).replacingOccurrences(of: ".", with: ",")
        }
    }

    /// Quoted, inner quotes doubled; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a spreadsheet never
    /// runs a formula from imported text.
    static func quote(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
