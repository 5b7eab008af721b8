import ArgumentParser
import ChorusImport
import DemoData
import Documents
import EclaireCore
import Foundation
import OfficeFiles
import ZIPFoundation

/// Feeds each parser mutated real inputs (the test fixtures) and random text, many thousand times: none may stop the
/// process, and every refusal must be an error Eclaire explains. A trap ends the process with the case's input kept
/// in `--work` (`<target>.current`), which `scripts/fuzz.sh` reports; the slowest case so far is kept as
/// `<target>.slowest`. Figures in docs/BENCHMARKS.md.
struct FuzzBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz", abstract: "Mutated inputs for every parser; counts accepted, refused and unclear answers.")

    enum Target: String, CaseIterable, ExpressibleByArgument {
        case csv, xlsx, xls, office, xml, text, amounts, dates, identifiers
    }

    @Option(help: "Cases per target.") var cases = 100_000
    @Option(help: "The same seed gives the same cases.") var seed: UInt64 = 1
    @Option(help: "Targets (all by default).") var target: [Target] = Target.allCases
    @Option(help: "Where the test fixtures are.") var fixtures = "Tests/TestSupport/Fixtures"
    @Option(help: "Where each case's input is written.") var work = NSTemporaryDirectory() + "eclaire-fuzz"

    func run() async throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var unclear = 0
        for target in target {
            var random = SeededRandom(seed: seed &+ UInt64(Target.allCases.firstIndex(of: target)!) &* 1_000_003)
            let run = try FuzzRun(target: target, fixtures: fixtures, work: work)
            let start = Date()
            let tally = try run.execute(cases: cases, random: &random)
            unclear += tally.unclear
            print(String(format: "%@: %d cases in %.1f s, %d accepted, %d refused with a clear error, %d unclear, "
                         + "slowest case %.0f ms, peak RSS %d MB%@", target.rawValue, tally.cases,
                         Date().timeIntervalSince(start), tally.accepted, tally.refused, tally.unclear,
                         tally.slowest * 1000, peakResidentMegabytes(),
                         tally.unclearExample.map { " — e.g. \($0)" } ?? ""))
        }
        if unclear > 0 { throw ExitCode(1) }
    }
}

struct FuzzTally {
    var cases = 0, accepted = 0, refused = 0, unclear = 0
    var slowest: TimeInterval = 0
    var unclearExample: String?

    /// Errors Eclaire raises say what is wrong in French; anything else (a Foundation or library error passed
    /// through, a bare enum case name) is a refusal nobody could act on.
    mutating func record(_ error: any Error) {
        let text = String(describing: error)
        let known = error is ImportFailure || error is OfficeFileError || error is DocumentError
            || error is AmountParser.Failure
        if known && !text.isEmpty && !text.contains("Error Domain=") && !Self.namesACodeCase(text) {
            refused += 1
        } else {
            unclear += 1
            if unclearExample == nil { unclearExample = "\(type(of: error)): \(text.prefix(200))" }
        }
    }

    /// `unreadableArchive`, `invalidCompressionMethod`: a library's error case printed as such.
    /// Such names start in lower case; « OpenDocument » or « LibreOffice » are words users read, and what stands
    /// between « » is the input quoted back.
    static func namesACodeCase(_ text: String) -> Bool {
        let unquoted = text.replacing(/«[^»]*»/, with: "")
        return unquoted.split(whereSeparator: { !$0.isLetter }).contains { word in
            guard let first = word.first, first.isLowercase else { return false }
            return zip(word, word.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
        }
    }
}
