import ArgumentParser
import Documents
import EclaireCore
import Foundation

/// `eclaire-bench quality DIR`: field accuracy of the text path against the XML each Factur-X sample embeds, read as
/// a plain PDF, then the same pages rasterised and OCR'd at 300 and 150 dpi; and the speed of each path.
struct QualityBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quality",
                                                    abstract: "Exactitude par champ sur les factures Factur-X (texte, OCR 300 et 150 dpi).")

    @Argument(help: "Dossier des PDF et de leurs *.embedded.xml.") var directory: String
    @Option(help: "Chemins à mesurer : structured, text, ocr300, ocr150.") var paths = "structured,text,ocr300,ocr150"

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".pdf") }.sorted()
        var samples: [(pdf: String, truth: DocumentFacts, printed: String)] = []
        for pdf in pdfs {
            let xml = folder.appendingPathComponent(pdf.replacingOccurrences(of: ".pdf", with: ".embedded.xml"))
            guard let data = try? Data(contentsOf: xml), let truth = FactComparison.truth(xml: data, name: xml.lastPathComponent)
            else { continue }
            // A sample whose visible pages do not carry its XML's invoice number shows another invoice than the
            // XML describes (the ZUGFeRD corpus has one): the XML is no truth for its text.
            let path = folder.appendingPathComponent(pdf).path
            let text = ((try? TextExtractor().pages(of: path)) ?? []).map(\.text).joined(separator: "\n")
            if let number = truth[.numberDocument], !text.contains(number) {
                print("écarté : \(pdf) (le PDF ne montre pas la facture \(number) que décrit son XML)")
                continue
            }
            samples.append((path, truth, text.filter { $0.isLetter || $0.isNumber }.uppercased()))
        }
        print("\(samples.count) échantillons\n")
        for path in paths.split(separator: ",") {
            if path == "read" {
                // Reading alone (text layer and layout, no extraction): where the time of the text path goes.
                let start = Date(), extractor = TextExtractor()
                for _ in 0..<5 { for sample in samples { _ = try extractor.read(sample.pdf) } }
                print("## read — \(String(format: "%.1f", Double(samples.count * 5) / Date().timeIntervalSince(start))) documents/s\n")
                continue
            }
            let options: DocumentReader.Options
            switch path {
            case "structured": options = .init(useStructured: true)
            case "text": options = .init(useStructured: false)
            case "ocr300": options = .init(useStructured: false, text: .init(forceOCR: true, ocrDPI: 300))
            case "ocr150": options = .init(useStructured: false, text: .init(forceOCR: true, ocrDPI: 150))
            default: throw ValidationError("chemin inconnu : \(path)")
            }
            let reader = DocumentReader(options: options)
            var right: [FieldKey: Int] = [:], total: [FieldKey: Int] = [:]
            var misses: [String] = []
            var unprinted = 0
            let start = Date()
            for sample in samples {
                let facts = try reader.read(sample.pdf).facts
                for key in FactComparison.measuredKeys {
                    guard let truth = sample.truth[key] else { continue }
                    // An identifier the XML states but the pages do not print cannot be read from them.
                    if path != "structured", [.supplierSiret, .supplierSiren, .supplierVAT, .iban].contains(key),
                       !sample.printed.contains(truth.filter { $0.isLetter || $0.isNumber }.uppercased()) {
                        unprinted += 1
                        continue
                    }
                    total[key, default: 0] += 1
                    if FactComparison.matches(key, extracted: facts[key], truth: truth) { right[key, default: 0] += 1 }
                    else { misses.append("  \(URL(fileURLWithPath: sample.pdf).lastPathComponent) \(key.rawValue): \(facts[key] ?? "null") ≠ \(truth)") }
                }
            }
            let seconds = Date().timeIntervalSince(start)
            let measured = FactComparison.measuredKeys.filter { total[$0] != nil }
            let accuracies = measured.map { Double(right[$0] ?? 0) / Double(total[$0]!) }
            let mean = accuracies.reduce(0, +) / Double(max(accuracies.count, 1))
            print("## \(path) — exactitude moyenne \(String(format: "%.3f", mean)), \(String(format: "%.2f", Double(samples.count) / seconds)) documents/s")
            for (key, accuracy) in zip(measured, accuracies) {
                print("| \(key.rawValue) | \(right[key] ?? 0)/\(total[key]!) | \(String(format: "%.2f", accuracy)) |")
            }
            if unprinted > 0 { print("(\(unprinted) identifiant(s) du XML non imprimé(s) sur les pages : non comptés)") }
            print(misses.joined(separator: "\n"))
            print("")
        }
    }
}
