import ArgumentParser
import ChorusImport
import DemoData
import Foundation
import Storage

/// Benchmarks recorded in docs/BENCHMARKS.md (never timed unit tests).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eclaire-bench", abstract: "Benchmarks of Eclaire.",
        subcommands: [Generate.self, Parse.self, Import.self, QualityBench.self, DocumentsBench.self, ClassifierBench.self, CategoryBench.self, FuzzBench.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Writes an INF-BUD-53 AE restitution of N lines.")
        @Option var lines = 1_000_000
        @Argument var output: String

        func run() async throws {
            let start = Date()
            try LargeRestitution.write(lines: lines, to: output)
            print("generated \(lines) lines in \(String(format: "%.1f", Date().timeIntervalSince(start))) s: \(output)")
        }
    }

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reads a file without storing it: the parsing cost alone.")
        @Argument var file: String

        func run() async throws {
            let start = Date()
            let chorusFile = try ChorusFile.open(file)
            var rows = 0
            for table in chorusFile.tables { while try table.next() != nil { rows += 1 } }
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "parse: %d rows in %.2f s (%.0f rows/s), peak RSS %d MB",
                         rows, seconds, Double(rows) / seconds, peakResidentMegabytes()))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Imports a file into a fresh database and reports time and peak memory.")
        @Option var database: String
        @Argument var file: String

        func run() async throws {
            let location = try DatabaseLocation.parse(database)
            if case .sqlite(let path) = location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let (report, seconds) = try await StorageContainer.using(location) { storage in
                let start = Date()
                let report = try await ChorusImporter(database: storage.database).importFile(file)
                return (report, Date().timeIntervalSince(start))
            }
            let rate = Double(report.rowsStored) / seconds
            print(String(format: "eclaire import: %d rows in %.2f s (%.0f rows/s), peak RSS %d MB",
                         report.rowsStored, seconds, rate, peakResidentMegabytes()))
        }
    }
}

/// VmHWM from /proc: the process's peak resident memory.
func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
    return kilobytes / 1024
}

enum BenchMain {
    static func run() async {
        do {
            var command = try Bench.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Bench.exit(withError: error)
        }
    }
}
