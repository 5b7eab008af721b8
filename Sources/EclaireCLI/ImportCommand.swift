import ArgumentParser
import ChorusImport
import EclaireCore
import Foundation
import Storage

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des restitutions Chorus (CSV, XLSX ou XLS), une transaction par fichier.")

    @OptionGroup var options: DatabaseOption
    @Flag(help: "Une ligne par fichier au format JSON.") var json = false
    @Flag(help: "Refuse tout le fichier à la première ligne illisible.") var strict = false
    @Argument(help: "Fichiers à importer.") var files: [String]

    func run() async throws {
        try await options.withStorage { storage in
            let progress = Self.terminalProgress()
            let importer = ChorusImporter(database: storage.database, progress: progress)
            var failure: (any Error)?
            for file in files {
                do {
                    let report = try await importer.importFile(file, strict: strict)
                    if progress != nil, report.rowsRead >= ChorusImporter.progressInterval {
                        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                    }
                    try show(report)
                } catch {
                    // The other files are still imported; the command exits 1 at the end.
                    FileHandle.standardError.write(Data("eclaire : \(Self.describe(error, file: file))\n".utf8))
                    failure = error
                }
            }
            if failure != nil { throw ExitCode(1) }
        }
    }

    private func show(_ report: ImportReport) throws {
        if json { return try JSONOutput.line(report) }
        if report.alreadyImported {
            print("\(report.file) : déjà importé (même empreinte SHA-256), rien n'a changé.")
            return
        }
        print("\(report.file) : \(report.layout), \(report.rowsRead) lignes lues, \(report.rowsStored) enregistrées, \(report.rowsSkipped) rejetées")
        for issue in report.errors.prefix(20) {
            print("  ligne \(issue.line), champ « \(issue.field) » : \(issue.message)")
        }
        if report.errors.count > 20 { print("  … et \(report.errors.count - 20) autres lignes rejetées") }
    }

    /// Progress goes to a terminal only: scripts reading stderr get the one-line errors of the contract.
    static func terminalProgress() -> (@Sendable (Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { rows in
            FileHandle.standardError.write(Data("\r… \(FrenchFormat.integer(rows)) lignes lues".utf8))
        }
    }

    static func describe(_ error: any Error, file: String) -> String {
        if let failure = error as? ImportFailure { return failure.description }
        return "\(file) : import annulé, rien n'a été enregistré (\(error))"
    }
}
