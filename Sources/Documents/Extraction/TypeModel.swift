import EclaireCore
import Foundation

/// A multinomial naive Bayes model of document types over words and word pairs (folded: no case, no accents),
/// trained in Swift on the labelled examples the project ships (`Resources/classifier/examples.tsv`, written by
/// `scripts/generate-classifier-examples.py` from DECP material). Training takes milliseconds, so the model is
/// trained when first used rather than stored.
public struct TypeModel: Sendable {
    let logPrior: [DocumentType: Double]
    let logLikelihood: [DocumentType: [String: Double]]
    let unseen: [DocumentType: Double]

    public struct Example: Sendable {
        public let type: DocumentType
        public let text: String

        public init(type: DocumentType, text: String) {
            self.type = type
            self.text = text
        }
    }

    public static let shipped: TypeModel = TypeModel(training: shippedExamples)

    public static let shippedExamples: [Example] = {
        guard let url = Bundle.module.url(forResource: "examples", withExtension: "tsv", subdirectory: "classifier"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let type = DocumentType(rawValue: String(parts[0])) else { return nil }
            return Example(type: type, text: String(parts[1]))
        }
    }()

    public init(training examples: [Example]) {
        var counts: [DocumentType: [String: Int]] = [:]
        var totals: [DocumentType: Int] = [:]
        var documents: [DocumentType: Int] = [:]
        var vocabulary = Set<String>()
        for example in examples {
            documents[example.type, default: 0] += 1
            for token in Self.tokens(example.text) {
                counts[example.type, default: [:]][token, default: 0] += 1
                totals[example.type, default: 0] += 1
                vocabulary.insert(token)
            }
        }
        let size = Double(vocabulary.count)
        let all = Double(examples.count)
        var prior: [DocumentType: Double] = [:], likelihood: [DocumentType: [String: Double]] = [:], unseen: [DocumentType: Double] = [:]
        for (type, count) in documents {
            prior[type] = log(Double(count) / all)
            let total = Double(totals[type] ?? 0)
            // Laplace smoothing: a word never seen with a type lowers its probability without ruling it out.
            unseen[type] = log(1 / (total + size))
            likelihood[type] = (counts[type] ?? [:]).mapValues { log((Double($0) + 1) / (total + size)) }
        }
        logPrior = prior
        logLikelihood = likelihood
        self.unseen = unseen
    }

    /// Each type's posterior probability for the text.
    public func posterior(_ text: String) -> [DocumentType: Double] {
        let tokens = Self.tokens(text)
        guard !logPrior.isEmpty else { return [:] }
        var scores: [DocumentType: Double] = [:]
        for (type, prior) in logPrior {
            let table = logLikelihood[type] ?? [:]
            let missing = unseen[type] ?? 0
            scores[type] = tokens.reduce(prior) { $0 + (table[$1] ?? missing) }
        }
        let top = scores.values.max() ?? 0
        let exponentials = scores.mapValues { exp($0 - top) }
        let sum = exponentials.values.reduce(0, +)
        return exponentials.mapValues { $0 / sum }
    }

    /// Words of two letters or more (digits dropped: numbers differ from one document to the next) and pairs of
    /// neighbouring words, which carry titles such as "bon de commande".
    static func tokens(_ text: String) -> [String] {
        let words = Text.foldedKey(text).split(separator: Character(" ")).filter { (word: Substring) in
            word.count >= 2 && !word.allSatisfy(\.isNumber)
        }.map(String.init)
        var tokens = words
        if words.count > 1 { for index in 1..<words.count { tokens.append(words[index - 1] + "_" + words[index]) } }
        return tokens
    }
}
