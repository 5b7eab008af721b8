import ChorusImport
import EclaireCore
import Foundation
import TestSupport
import Testing

@Suite("Encodings are detected: UTF-8 with or without BOM, Windows-1252")
struct EncodingTests {
    func rewritten(_ fixture: String, as encoding: String.Encoding, bom: Bool = false) throws -> (String, String) {
        let text = try String(contentsOfFile: Fixtures.path(fixture), encoding: .utf8)
        let directory = try Fixtures.temporaryDirectory()
        var data = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(try #require(text.data(using: encoding)))
        let path = directory + "/" + fixture
        try data.write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    @Test func windows1252() throws {
        let (directory, path) = try rewritten("financial_cp.csv", as: .windowsCP1252)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reading = try Reading(path)
        #expect(reading.file.tables[0].encodingName == "windows-1252")
        #expect(reading.payments.count == 5)
        #expect(reading.payments[0].imputation.compteBudgetaire == "Transferts aux ménag")
    }

    @Test func utf8WithBOM() throws {
        let (directory, path) = try rewritten("national_aife_cp.csv", as: .utf8, bom: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reading = try Reading(path)
        #expect(reading.file.tables[0].encodingName == "utf-8-bom")
        #expect(reading.file.layout == .infBud53CPNational)
        #expect(reading.payments.first?.programmeOrNil == "0354")
    }
}

extension PaymentFacts {
    var programmeOrNil: String? { imputation.programme }
}
