import ArgumentParser
import Documents
import EclaireCore
import Foundation

/// `eclaire extract FILE… [--json]`: the facts of each document, read directly from the files.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Lit des documents (PDF, scans, images, DOCX, ODT) et en extrait les informations clés.")

    @Argument(help: "Fichiers à lire.") var files: [String]
    @Flag(help: "Un objet JSON par fichier (format du contrat).") var json = false
    @Flag(name: .customLong("no-structured"), help: "Ignore la facture structurée incluse (Factur-X, UBL) : lit le texte seul.")
    var noStructured = false
    @Flag(name: .customLong("force-ocr"), help: "Reconnaît chaque page comme un scan, même si elle a une couche texte.")
    var forceOCR = false
    @Option(help: "Résolution de la reconnaissance de caractères, en points par pouce.") var dpi = 300

    func run() async throws {
        let reader = DocumentReader(options: .init(useStructured: !noStructured, text: .init(forceOCR: forceOCR, ocrDPI: dpi)))
        var failed = false
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                let extraction = try reader.read(file)
                let report = ExtractionReport(file: name, facts: extraction.facts, textMethod: extraction.textMethod.rawValue)
                if json { try JSONOutput.line(report) } else { print(Self.french(report, extraction.facts)) }
            } catch let error as DocumentError {
                failed = true
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            }
        }
        JSONOutput.flush()
        if failed { throw ExitCode(1) }
    }

    static func french(_ report: ExtractionReport, _ facts: DocumentFacts) -> String {
        var lines = ["\(report.file) (\(report.textMethod))"]
        for key in FieldKey.allCases {
            guard let field = facts.fields[key] else { continue }
            var value = field.value
            if key.isAmount, let money = try? AmountParser.parse(value) { value = money.french }
            lines.append("  \(key.label) : \(value)  [confiance \(Int((field.confidence * 100).rounded())) %]")
        }
        if !facts.invalidIDs.isEmpty { lines.append("  Identifiants invalides : \(facts.invalidIDs.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }
}
