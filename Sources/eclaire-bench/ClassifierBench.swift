import ArgumentParser
import DemoData
import Documents
import EclaireCore
import Foundation

/// `eclaire-bench classifier`: accuracy of the document-type classifier — rules alone, the statistical model alone,
/// both — by 5-fold cross-validation on the shipped examples (held out: each fold is classified by a model trained
/// on the other four), then on real documents whose type is known.
struct ClassifierBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classifier",
                                                    abstract: "Exactitude du classement des documents (validation croisée, documents réels).")

    @Option(help: "Dossier des factures Factur-X (type connu par leur XML).") var facturx = "../shared/data/documents/facturx"
    @Option(help: "Dossier des avis de marché BOAMP.") var procurement = "../shared/data/documents/procurement"
    @Option(help: "Dossier de la suite d'extraction de texte (l'acte d'engagement checkbox.pdf et .docx).")
    var textExtraction = "../shared/data/documents/text-extraction"

    func run() throws {
        var examples = TypeModel.shippedExamples
        var random = SeededRandom(seed: 7)
        examples.shuffle(using: &random)
        let folds = 5
        var right: [DocumentClassifier.Mode: Int] = [:]
        var confusions: [String: Int] = [:]
        for fold in 0..<folds {
            let test = examples.enumerated().filter { $0.offset % folds == fold }.map(\.element)
            let model = TypeModel(training: examples.enumerated().filter { $0.offset % folds != fold }.map(\.element))
            for example in test {
                for mode in [DocumentClassifier.Mode.rules, .model, .combined] {
                    let found = DocumentClassifier.classify(text: example.text, mode: mode, model: model)
                    if found == example.type { right[mode, default: 0] += 1 }
                    else if mode == .combined { confusions["\(example.type.rawValue) → \(found.rawValue)", default: 0] += 1 }
                }
            }
        }
        print("## Validation croisée (\(folds) plis, \(examples.count) exemples, \(Set(examples.map(\.type)).count) types)")
        for mode in [DocumentClassifier.Mode.rules, .model, .combined] {
            print("| \(mode) | \(right[mode] ?? 0)/\(examples.count) | \(String(format: "%.3f", Double(right[mode] ?? 0) / Double(examples.count))) |")
        }
        print("Confusions (combiné) : " + confusions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8).map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))

        var real: [(String, DocumentType)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: facturx))?.sorted() ?? [] where name.hasSuffix(".pdf") {
            let xml = facturx + "/" + name.replacingOccurrences(of: ".pdf", with: ".embedded.xml")
            if let data = FileManager.default.contents(atPath: xml), let truth = FactComparison.truth(xml: data, name: xml),
               let type = truth[.documentType].flatMap(DocumentType.init(rawValue:)) {
                real.append((facturx + "/" + name, type))
            }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: procurement))?.sorted() ?? [] where name.hasSuffix(".pdf") {
            real.append((procurement + "/" + name, .avisMarche))
        }
        for name in ["checkbox.pdf", "checkbox.docx"] where FileManager.default.fileExists(atPath: textExtraction + "/" + name) {
            real.append((textExtraction + "/" + name, .acteEngagement))
        }
        let extractor = TextExtractor()
        var realRight: [DocumentClassifier.Mode: Int] = [:]
        var misses: [String] = []
        for (path, truth) in real {
            let pages = try extractor.pages(of: path)
            for mode in [DocumentClassifier.Mode.rules, .model, .combined] {
                let found = DocumentClassifier.classify(pages: pages, mode: mode)
                if found == truth { realRight[mode, default: 0] += 1 }
                else if mode == .combined { misses.append("\(URL(fileURLWithPath: path).lastPathComponent): \(found.rawValue) ≠ \(truth.rawValue)") }
            }
        }
        print("\n## Documents réels (\(real.count) : Factur-X, avis BOAMP, acte d'engagement en PDF et Word ; sans le XML)")
        for mode in [DocumentClassifier.Mode.rules, .model, .combined] {
            print("| \(mode) | \(realRight[mode] ?? 0)/\(real.count) | \(String(format: "%.3f", Double(realRight[mode] ?? 0) / Double(max(real.count, 1)))) |")
        }
        if !misses.isEmpty { print("Erreurs (combiné) : " + misses.joined(separator: "; ")) }
    }
}
