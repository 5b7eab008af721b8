@testable import ChorusImport
import Testing

/// Fields split into one reused buffer: the same fields as CSV reading gives, record after record.
@Suite("Splitting records into fields")
struct FieldSplitterTests {
    static func texts(_ line: String, delimiter: Character = ";", fullyQuoted: Bool = false,
                      into fields: inout SplitFields) -> [String] {
        FieldSplitter(delimiter: delimiter.asciiValue!, fullyQuoted: fullyQuoted).split(Array(line.utf8), into: &fields)
        return (0..<fields.count).map { String(decoding: fields[$0], as: UTF8.self) }
    }

    @Test func standardRecordsReuseTheBuffer() {
        var fields = SplitFields()
        #expect(Self.texts(#"a;"b;c";"say ""hi""";"#, into: &fields) == ["a", "b;c", #"say "hi""#, ""])
        #expect(Self.texts(#"x;"stray " quote";;"#, into: &fields) == ["x", #"stray " quote"#, "", ""])
        #expect(Self.texts("", into: &fields) == [""])
        #expect(Self.texts("2100000001", into: &fields) == ["2100000001"])
    }

    @Test func fullyQuotedRecordsEndFieldsOnlyAtQuoteDelimiterQuote() {
        var fields = SplitFields()
        let line = #""2100000001";"AGENCE; NATIONALE "DES TITRES"";"a ""b""";"""#
        #expect(Self.texts(line, fullyQuoted: true, into: &fields)
                == ["2100000001", #"AGENCE; NATIONALE "DES TITRES""#, #"a "b""#, ""])
        #expect(Self.texts(#""""#, fullyQuoted: true, into: &fields) == [""])
    }

    @Test func fieldsCompareByTheirBytes() {
        var first = SplitFields(), second = SplitFields()
        _ = Self.texts("a;bc;;d", into: &first)
        _ = Self.texts("a;bd;;", into: &second)
        #expect(first.field(0, equals: 0, of: second))
        #expect(!first.field(1, equals: 1, of: second))
        #expect(first.field(2, equals: 2, of: second))
        #expect(!first.field(3, equals: 3, of: second))
    }
}
