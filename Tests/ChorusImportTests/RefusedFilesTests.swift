import ChorusImport
import Foundation
import TestSupport
import Testing

@Suite("Files that are not Chorus exports are refused with a clear message")
struct RefusedFilesTests {
    @Test func missingIdentifierColumns() throws {
        #expect(throws: ImportFailure.missingColumns(
            "errors_chorus_ae_missing_column.csv", layout: "INF-BUD-53 AE (Business Objects)",
            columns: ["N° EJ", "N° poste EJ"])) {
            try ChorusFile.open(Fixtures.path("errors_chorus_ae_missing_column.csv"))
        }
    }

    @Test(arguments: ["errors_sample.csv", "errors_sample.pdf"])
    func aPDFWhateverItsName(name: String) throws {
        #expect(throws: ImportFailure.notChorus(name, reason: "c'est un document PDF")) {
            try ChorusFile.open(Fixtures.path(name))
        }
    }

    @Test func plainTextThatIsNotARestitution() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/notes.csv"
        try "nom;prénom;âge\nDupont;Jean;42\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ChorusFile.open(path)
            Issue.record("a non-Chorus CSV was accepted")
        } catch let failure as ImportFailure {
            guard case .notChorus(let file, _) = failure else {
                Issue.record("unexpected \(failure)")
                return
            }
            #expect(file == "notes.csv")
            #expect(failure.description.contains("pas un export Chorus"))
        }
    }

    @Test func emptyFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/vide.csv", contents: Data()))
        #expect(throws: ImportFailure.empty("vide.csv")) { try ChorusFile.open(directory + "/vide.csv") }
    }
}

@Suite("Hostile input stays bounded")
struct HostileInputTests {
    @Test func anOverlongLineIsReportedAndTheRestIsRead() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try String(contentsOfFile: Fixtures.path("financial_cp.csv"), encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Line 10 becomes 3 MB without a newline; the other rows must still be read.
        lines[9] = String(repeating: "A", count: 3 << 20)
        let path = directory + "/hostile.csv"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let reading = try Reading(path)
        #expect(reading.issues.map(\.line) == [10])
        #expect(reading.issues.first?.message.contains("Mo") == true)
        #expect(reading.payments.count == 4)
    }
}
