import Foundation
import Testing
import ZIPFoundation
import ChorusImport
@testable import OfficeFiles
import TestSupport

/// The worksheet scanner reads parts as other producers write them, whatever the chunk boundaries.
@Suite("XLSX sheets, scanned as they are read")
struct XLSXStreamingTests {
    static let sheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE x [ <!ENTITY big "boom"> ]>
        <!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <x:sheetData>
        <x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>R&amp;D </x:t></x:r>\
        <x:r><x:t xml:space="preserve">&#233;t&#xE9; &lt;2025&gt;</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row>
        <x:row><x:c r="B3"/><x:c r="D3" t="str"><x:f>CONCAT("a";"b")</x:f><x:v>ab</x:v></x:c>\
        <x:c r="E3"><x:v>8.5129663200017E13</x:v></x:c><x:c r="F3" t="s"><x:v>99</x:v></x:c></x:row>
        <x:row r="7"/>
        <x:row r="9"><x:c r="A9"><![CDATA[kept <as> is]]></x:c><x:c r="B9" t="inlineStr"><x:is><x:t>a &unknown; b</x:t></x:is></x:c></x:row>
        </x:sheetData></x:worksheet>
        """

    static let expected: [(Int, [String])] = [
        (2, ["zéro", "", "R&D été <2025>"]),
        (3, ["", "", "", "ab", "85129663200017", ""]),
        (9, ["", "a &unknown; b"]),
    ]

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func rowsAreTheSameWhateverTheChunkSize(chunkSize: Int) throws {
        let handle = try Self.handle(for: Self.sheet)
        let reader = XLSXSheetRows(handle: handle, sharedStrings: ["un", "zéro"], chunkSize: chunkSize)
        var rows: [(Int, [String])] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.0) == Self.expected.map(\.0))
        #expect(rows.map(\.1) == Self.expected.map(\.1))
    }

    @Test func sharedStringsJoinRunsAndLeavePhoneticsOut() throws {
        let part = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Centre</t></si><si/>\
            <si><r><rPr><b/></rPr><t>Minist&#232;re </t></r><r><t>de l&apos;Int&#xE9;rieur</t></r>\
            <rPh sb="0" eb="1"><t>ミ</t></rPh></si></sst>
            """
        #expect(try XLSXSheetRows.sharedStrings(Self.handle(for: part)) == ["Centre", "", "Ministère de l'Intérieur"])
    }

    @Test func aTruncatedSheetIsRefusedWhole() throws {
        let path = try Self.workbook(sheet: """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>N° EJ</t></is></c>\
            <c r="B1" t="inlineStr"><is><t>N° poste EJ</t></is></c><c r="C1" t="inlineStr"><is><t
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try ChorusFile.open(path)
        } throws: { error in
            guard case ImportFailure.notChorus(let name, let reason) = error else { return false }
            return name.hasSuffix(".xlsx") && reason.contains("Feuil1") && reason.contains("XML tronqué")
        }
    }

    @Test func aRealExtractionReadsTheSameFromACopyWrittenWithPrefixesAndInlineStrings() throws {
        let original = try Reading.fixture("apisubv_new-chorus-export.xlsx")
        let path = try Self.rewritten(Fixtures.path("apisubv_new-chorus-export.xlsx"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let copy = try Reading(path)
        #expect(copy.payments.count == original.payments.count)
        #expect(copy.payments.count > 0)
        #expect(copy.payments.map(\.dp) == original.payments.map(\.dp))
        #expect(copy.payments.map(\.amount) == original.payments.map(\.amount))
        #expect(copy.payments.map(\.supplier.name) == original.payments.map(\.supplier.name))
        #expect(copy.issues == original.issues)
    }

    @Test func aDamagedByteInAnElementNameIsRepairedBeforeFoundationParsesIt() throws {
        var damaged = Data(#"<workbook><sheets><sheet name="Feuil1" r:id="rId1"/><sh"#.utf8)
        damaged.append(0xFF)
        damaged.append(contentsOf: Array(#"eet name="Feuil2"/></sheets></workbook>"#.utf8))
        let repaired = FoundationXMLInput.repaired(damaged)
        #expect(String(validating: repaired, as: UTF8.self)?.contains("sh\u{FFFD}eet") == true)
        let valid = Data("<a b=\"été\"/>".utf8)
        #expect(FoundationXMLInput.repaired(valid) == valid)
        // UTF-16 with an unpaired surrogate, and an encoding libxml2 does not know: valid UTF-8 comes out.
        let utf16 = Data([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0xFF, 0xD8, 0x2F, 0x00, 0x3E, 0x00])
        #expect(String(validating: FoundationXMLInput.repaired(utf16), as: UTF8.self) == "<a\u{FFFD}/>")
        var oddlyDeclared = Data("<?xml version=\"1.0\" encoding=\"UT\t-8\"?><sh".utf8)
        oddlyDeclared.append(0xFE)
        oddlyDeclared.append(contentsOf: Array("eet/>".utf8))
        #expect(String(validating: FoundationXMLInput.repaired(oddlyDeclared), as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sh\u{FFFD}eet/>")
        let latin1 = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"".utf8) + Data([0xE9]) + Data("\"/>".utf8)
        #expect(String(validating: FoundationXMLInput.repaired(latin1), as: UTF8.self)?.hasSuffix("<a b=\"é\"/>") == true)

        // The same damage in a workbook's own part: the file is read or refused, the process goes on.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try Self.add("xl/workbook.xml", damaged, to: archive)
        try Self.add("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8), to: archive)
        try Self.add("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData/></worksheet>".utf8), to: archive)
        #expect(throws: ImportFailure.self) { _ = try ChorusFile.open(path) }
    }

    @Test func processingInstructionsWithoutDataNoLongerReachFoundation() throws {
        // `<?xm?>` made Foundation's parser read a null pointer (fuzzing, case ~26 000 of the XLSX run).
        let part = Data(#"<?xm?><workbook><sheets><?mso-application progid="Excel.Sheet"?><sheet name="Feuil1" r:id="rId1"/></sheets></workbook>"#.utf8)
        let repaired = String(decoding: FoundationXMLInput.repaired(part), as: UTF8.self)
        #expect(repaired == #"<workbook><sheets><sheet name="Feuil1" r:id="rId1"/></sheets></workbook>"#)
        let declared = Data(#"<?xml version="1.0"?><a><?b?>x<?c</a>"#.utf8)
        #expect(String(decoding: FoundationXMLInput.repaired(declared), as: UTF8.self)
                == #"<?xml version="1.0" encoding="UTF-8"?><a>x<c</a>"#)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try Self.add("xl/workbook.xml", Data(#"<?xm?><workbook><sheets><sheet name="Feuil1" r:id="rId1"/></sheets></workbook>"#.utf8), to: archive)
        try Self.add("xl/_rels/workbook.xml.rels", Data(#"<?xm?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8), to: archive)
        try Self.add("xl/worksheets/sheet1.xml", Data("<?x?><worksheet><sheetData/></worksheet>".utf8), to: archive)
        #expect(throws: ImportFailure.self) { _ = try ChorusFile.open(path) }
    }

    @Test func skippingInAContinuedXLSRecordMovesAcrossSegmentsAndStopsAtTheEnd() {
        var reader = ContinuedReader([[1, 2], [], [3, 4, 5]])
        reader.skip(3)
        #expect(reader.byte() == 4)
        // A string of a damaged file declaring 4 GB of extras: the reader ends at once (it counted them one by one).
        reader.skip(Int(UInt32.max))
        #expect(reader.atEnd && reader.byte() == 0)
    }

    @Test func aDeflateStreamThatNeverEndsIsRefusedNotReadForever() throws {
        // Before BoundedUnzip, both readings of this fuzzed file looped at the end of the file for good.
        let path = Fixtures.path("hostile/endless-deflate.xlsx")
        #expect(throws: ImportFailure.self) { _ = try ChorusFile.open(path) }
        do {
            try BoundedUnzip.extract("xl/worksheets/sheet1.xml", fromZipAt: path) { _ in }
            Issue.record("the endless stream was accepted")
        } catch let error as BoundedUnzip.Damaged {
            #expect(error.description.contains("sans fin"))
        }
        // A sound part reads the same as ZIPFoundation reads it.
        let sound = Fixtures.path("apisubv_export-chorus.xlsx")
        var bounded = Data(), reference = Data()
        try BoundedUnzip.extract("xl/workbook.xml", fromZipAt: sound) { bounded.append($0) }
        let archive = try Archive(url: URL(fileURLWithPath: sound), accessMode: .read)
        _ = try archive.extract(archive["xl/workbook.xml"]!) { reference.append($0) }
        #expect(!bounded.isEmpty && bounded == reference)
        #expect(throws: BoundedUnzip.Damaged.self) { try BoundedUnzip.extract("absent.xml", fromZipAt: sound) { _ in } }
    }

    // MARK: - Helpers

    static func handle(for text: String) throws -> FileHandle {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(FileHandle(forReadingAtPath: path))
    }

    /// A one-sheet workbook holding `sheet` as its worksheet part.
    static func workbook(sheet: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let parts = [
            "xl/workbook.xml": #"<workbook><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
        ]
        for (name, text) in parts { try add(name, Data(text.utf8), to: archive) }
        return path
    }

    /// The fixture with every element prefixed `x:` and every shared string cell written inline, in two escaped runs.
    static func rewritten(_ source: String) throws -> String {
        let input = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in input where entry.type == .file {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        let strings = try XLSXSheetRows.sharedStrings(handle(for: String(decoding: parts["xl/sharedStrings.xml"]!, as: UTF8.self)))
        parts["xl/sharedStrings.xml"] = nil
        for (name, data) in parts where name.hasPrefix("xl/worksheets/") {
            parts[name] = Data(rewriteSheet(String(decoding: data, as: UTF8.self), strings: strings).utf8)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
        let output = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in parts { try add(name, data, to: output) }
        return path
    }

    static func rewriteSheet(_ xml: String, strings: [String]) -> String {
        let cell = try! NSRegularExpression(pattern: #"<c ([^>]*?)t="s"([^>]*)><v>(\d+)</v></c>"#)
        var result = ""
        var last = xml.startIndex
        for match in cell.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            let range = Range(match.range, in: xml)!
            result += xml[last..<range.lowerBound]
            let attributes = String(xml[Range(match.range(at: 1), in: xml)!]) + String(xml[Range(match.range(at: 2), in: xml)!])
            let text = strings[Int(xml[Range(match.range(at: 3), in: xml)!])!]
            let half = text.index(text.startIndex, offsetBy: text.count / 2)
            result += "<c \(attributes) t=\"inlineStr\"><is><r><t>\(escaped(text[..<half]))</t></r>"
                + "<r><t xml:space=\"preserve\">\(escaped(text[half...]))</t></r></is></c>"
            last = range.upperBound
        }
        result += xml[last...]
        let tags = try! NSRegularExpression(pattern: #"<(/?)([A-Za-z])"#)
        return tags.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                             withTemplate: "<$1x:$2")
    }

    static func escaped(_ text: Substring) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case _ where scalar.value > 127: return "&#\(scalar.value);"
            default: return String(scalar)
            }
        }.joined()
    }

    static func add(_ name: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}
