import DemoData
import EclaireCore
@testable import EclaireServer
import Foundation
import Testing
import VaporTesting
import ZIPFoundation

@Suite("Bulk exports of the API's lists: CSV, JSON Lines and XLSX, whole and streamed")
struct BulkExportTests {
    @Test func theEJListInEveryFormatHoldsTheSameRows() async throws {
        let ledger = DemoLedger(orderCount: 24)
        try await DemoApp.with(ledger: ledger) { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let programme = ledger.orders[0].programme.code
            let expected = ledger.orders.filter { $0.programme.code == programme }.map(\.ej)
            var listed: [[String: Any]] = []
            try await admin.get("/api/v1/ejs?limit=2&programme=\(programme)") { response in
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                listed = json["items"] as! [[String: Any]]
            }
            #expect(listed.count == 2 && expected.count > 2)

            // JSON Lines: every EJ of the filter (not only the page's two), each line one list item.
            try await admin.get("/api/v1/ejs?limit=2&programme=\(programme)&format=jsonl") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.description.contains("ndjson") == true)
                let lines = response.body.string.split(separator: "\n")
                let items = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
                #expect(items.map { $0["ej"] as! String } == expected)
                #expect(NSDictionary(dictionary: items[0]) == NSDictionary(dictionary: listed[0]))
            }
            // CSV: French spreadsheet conventions, one row per EJ, amounts with a decimal comma.
            try await admin.get("/api/v1/ejs?programme=\(programme)&format=csv&sort=-montant") { response in
                let text = response.body.string
                #expect(text.hasPrefix("\u{FEFF}\"ej\";\"supplier_siret\""))
                let rows = text.split(separator: "\r\n").dropFirst()
                #expect(rows.count == expected.count)
                let first = try #require(ledger.orders.filter { $0.programme.code == programme }.max { $0.total.cents < $1.total.cents })
                #expect(rows.first?.hasPrefix("\"\(first.ej)\";") == true)
                #expect(rows.first?.contains(first.total.plain.replacingOccurrences(of: ".", with: ",")) == true)
            }
            // XLSX: a valid archive (checksums verified on extraction) whose sheet has a row per EJ and a header.
            try await admin.get("/api/v1/ejs?programme=\(programme)&format=xlsx") { response in
                #expect(response.headers.first(name: .contentDisposition)?.contains("ejs.xlsx") == true)
                let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
                let entry = try #require(archive["xl/worksheets/sheet1.xml"])
                var sheet = Data()
                _ = try archive.extract(entry) { sheet.append($0) }
                let xml = String(decoding: sheet, as: UTF8.self)
                #expect(xml.components(separatedBy: "<row ").count - 1 == expected.count + 1)
                for ej in expected { #expect(xml.contains(">\(ej)<")) }
                #expect(archive["xl/workbook.xml"] != nil && archive["[Content_Types].xml"] != nil)
            }
            try await admin.get("/api/v1/ejs?format=pdf") { response in
                #expect(response.status == .badRequest)
            }
            // Other lists: the same formats, columns from their JSON keys.
            try await admin.get("/api/v1/products?format=csv") { response in
                let text = response.body.string
                #expect(text.hasPrefix("\u{FEFF}\"id\";"))
                #expect(text.split(separator: "\r\n").count == 1 + DemoPortfolio(ledger: ledger).entries.count)
            }
            try await admin.get("/api/v1/imports?format=jsonl") { response in
                #expect(response.body.string.split(separator: "\n").count >= 2)
            }
        }
    }

    @Test func theSynthesesOfEveryDocumentedEJ() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 24)) { app, _ in
            var analyst = try await Visitor.signedIn(app, as: "budget")
            var walked: [[String: Any]] = [], after: String? = nil, total = 0
            repeat {
                try await analyst.get("/api/v1/documents/syntheses?limit=3" + (after.map { "&after=\($0)" } ?? "")) { response in
                    let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    walked += json["items"] as! [[String: Any]]
                    after = json["next_after"] as? String
                    total = json["total"] as! Int
                }
            } while after != nil
            #expect(walked.count == total && total >= 6)
            var lines = 0
            try await analyst.get("/api/v1/documents/syntheses?format=jsonl") { response in
                lines = response.body.string.split(separator: "\n").count
            }
            #expect(lines == total)
            // Each row says what the EJ's own page says.
            for row in walked.prefix(4) {
                let ej = row["ej"] as! String
                try await analyst.get("/api/v1/ejs/\(ej)") { response in
                    let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                    let facts = json["extracted_facts"] as! [String: Any]
                    #expect((facts["designation"] as? [String: Any])?["value"] as? String == row["designation"] as? String)
                    #expect(facts["complete"] as? Bool == row["complete"] as? Bool)
                }
            }
            var sponsor = try await Visitor.signedIn(app, as: "sponsor")
            try await sponsor.get("/api/v1/documents/syntheses") { #expect($0.status == .forbidden) }
        }
    }

    @Test func aRowHasTheItemsKeysInTheOrderTheyAreEncoded() throws {
        struct Item: Encodable {
            let zeta = "z"
            let alpha: Int? = nil
            let amount = 1234.5
            let flags = ["a", "b"]
            let nested = ["k": 1]
            let done = true

            enum CodingKeys: String, CodingKey { case zeta, alpha, amount, flags, nested, done = "is_done" }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(zeta, forKey: .zeta)
                try container.encode(alpha, forKey: .alpha)
                try container.encode(amount, forKey: .amount)
                try container.encode(flags, forKey: .flags)
                try container.encode(nested, forKey: .nested)
                try container.encode(done, forKey: .done)
            }
        }
        let row = try FlatRowEncoder.row(Item())
        #expect(row.keys == ["zeta", "alpha", "amount", "flags", "nested", "is_done"])
        var sink = BulkExport.Sink(format: .csv, title: "t", columns: nil)
        let text = String(decoding: try sink.row(Item()) + sink.finish(), as: UTF8.self)
        #expect(text == "\u{FEFF}\"zeta\";\"alpha\";\"amount\";\"flags\";\"nested\";\"is_done\"\r\n"
            + "\"z\";;1234,5;\"[\"\"a\"\",\"\"b\"\"]\";\"{\"\"k\"\":1}\";\"oui\"\r\n")
    }

    @Test func aZipStreamIsReadBackExactly() throws {
        var zip = ZipStream()
        var data = Data()
        let parts = [("a.txt", String(repeating: "Montant engagé 12 345,67 €\n", count: 5000)), ("vide.txt", ""), ("b/c.xml", "<x/>")]
        for (name, text) in parts {
            data += try zip.begin(name)
            for chunk in Array(text.utf8).chunked(into: 4096) { data += try zip.body(Data(chunk)) }
            data += zip.end()
        }
        data += zip.finish()
        let archive = try Archive(data: data, accessMode: .read)
        for (name, text) in parts {
            let entry = try #require(archive[name])
            var read = Data()
            _ = try archive.extract(entry) { read.append($0) }
            #expect(String(decoding: read, as: UTF8.self) == text)
        }
        var crc = CRC32()
        crc.update(Data("123456789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }
}

private extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
