import EclaireCore
import Foundation
import Vapor

/// `?format=csv|jsonl|xlsx` on an API list: the whole list (every page, the same filters) streamed as it is read,
/// so that memory stays flat whatever its length. JSON Lines are the list's JSON items; CSV and XLSX rows are their
/// top-level keys (`FlatRowEncoder`), objects and arrays within written as JSON text.
enum BulkFormat: String, CaseIterable {
    case json, csv, jsonl, xlsx

    static func requested(_ request: Request) throws -> BulkFormat {
        let text = try request.query.get(String?.self, at: "format") ?? "json"
        guard let format = BulkFormat(rawValue: text) else {
            throw Abort(.badRequest, reason: "format inconnu : \(text) (json, csv, jsonl, xlsx)")
        }
        return format
    }

    var contentType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        case .jsonl: "application/x-ndjson"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

struct BulkColumn: Sendable {
    let key: String
    let money: Bool

    static func text(_ key: String) -> BulkColumn { BulkColumn(key: key, money: false) }
    static func money(_ key: String) -> BulkColumn { BulkColumn(key: key, money: true) }
}

enum BulkExport {
    /// `next(cursor)` returns a page of items and the cursor of the next one (nil at the end); it starts with nil.
    /// Without `columns`, the first item's top-level keys are the columns, in the order its type encodes them.
    static func response<Item: Encodable & Sendable>(
        _ format: BulkFormat, name: String, columns: [BulkColumn]? = nil,
        next: @escaping @Sendable (String?) async throws -> (items: [Item], next: String?)
    ) -> Response {
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(format.rawValue)\"")
        response.body = .init(asyncStream: { writer in
            do {
                var sink = Sink(format: format, title: name, columns: columns)
                var cursor: String?
                repeat {
                    let page = try await next(cursor)
                    var chunk = Data()
                    for item in page.items { chunk += try sink.row(item) }
                    try await writer.writeBuffer(ByteBuffer(data: chunk))
                    cursor = page.next
                } while cursor != nil
                try await writer.writeBuffer(ByteBuffer(data: try sink.finish()))
                try await writer.write(.end)
            } catch {
                // Headers are gone: the client sees a cut transfer, the log says why.
                try? await writer.write(.error(error))
            }
        })
        return response
    }

    /// Turns items into the bytes of one format, keeping the XLSX archive's state.
    struct Sink {
        let format: BulkFormat
        let title: String
        private(set) var columns: [BulkColumn]?
        private var started = false
        private var zip = ZipStream()
        private var rowNumber = 1
        private let encoder = JSONEncoder()

        init(format: BulkFormat, title: String, columns: [BulkColumn]?) {
            self.format = format
            self.title = title
            self.columns = columns
            encoder.outputFormatting = [.withoutEscapingSlashes]
        }

        /// The head of the file, once the columns are known.
        private mutating func start() throws -> Data {
            started = true
            let columns = self.columns ?? []
            switch format {
            case .json: return Data("[".utf8)
            case .jsonl: return Data()
            case .csv: return Data(("\u{FEFF}" + columns.map { CSVExport.quote($0.key) }.joined(separator: ";") + "\r\n").utf8)
            case .xlsx:
                var data = Data()
                let parts: [(String, String)] = [
                    ("[Content_Types].xml", XLSXExport.contentTypes), ("_rels/.rels", XLSXExport.rootRelations),
                    ("xl/workbook.xml", XLSXExport.workbook(sheetName: XLSXExport.sheetName(title))),
                    ("xl/_rels/workbook.xml.rels", XLSXExport.workbookRelations), ("xl/styles.xml", XLSXExport.styles),
                ]
                for (path, text) in parts {
                    data += try zip.begin(path)
                    data += try zip.body(Data(text.utf8))
                    data += zip.end()
                }
                data += try zip.begin("xl/worksheets/sheet1.xml")
                let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + XLSXExport.row(1, columns.map { .text($0.key) }, header: true)
                return data + (try zip.body(Data(head.utf8)))
            }
        }

        mutating func row(_ item: some Encodable) throws -> Data {
            switch format {
            case .json, .jsonl:
                let json = try encoder.encode(item)
                let head = started ? Data() : try start()
                if format == .jsonl { return head + json + Data("\n".utf8) }
                rowNumber += 1
                return head + (rowNumber > 2 ? Data(",".utf8) : Data()) + json
            case .csv, .xlsx:
                let flat = try FlatRowEncoder.row(item)
                if columns == nil { columns = flat.keys.map(BulkColumn.text) }
                let head = started ? Data() : try start()
                let cells = (columns ?? []).map { Self.cell(flat.values[$0.key], money: $0.money) }
                if format == .csv { return head + Data((cells.map(CSVExport.cell).joined(separator: ";") + "\r\n").utf8) }
                rowNumber += 1
                return head + (try zip.body(Data(XLSXExport.row(rowNumber, cells, header: false).utf8)))
            }
        }

        static func cell(_ value: FlatRowEncoder.Value?, money: Bool) -> ExportTable.Cell {
            switch value {
            case nil, .null?: return .text(nil)
            case .text(let text)?: return .text(text)
            case .json(let text)?: return .text(text)
            case .bool(let flag)?: return .text(flag ? "oui" : "non")
            case .integer(let whole)?: return money ? .money(Money(cents: whole * 100)) : .integer(Int(whole))
            case .number(let number)?: return money ? .money(Money(cents: Int64((number * 100).rounded()))) : .ratio(number)
            }
        }

        mutating func finish() throws -> Data {
            let head = started ? Data() : try start()
            return head + (try end())
        }

        private mutating func end() throws -> Data {
            switch format {
            case .json: return Data("]".utf8)
            case .jsonl, .csv: return Data()
            case .xlsx: return try zip.body(Data("</sheetData></worksheet>".utf8)) + zip.end() + zip.finish()
            }
        }
    }
}

extension Request {
    /// An API list as JSON, or in the `format` asked, whole.
    func list<Item: Content & Sendable>(_ items: [Item], name: String, columns: [BulkColumn]? = nil) async throws -> Response {
        let format = try BulkFormat.requested(self)
        guard format == .json else {
            return BulkExport.response(format, name: name, columns: columns) { _ in (items, nil) }
        }
        return try await items.encodeResponse(for: self)
    }
}
