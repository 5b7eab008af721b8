import EclaireCore
import Foundation

/// A multinomial naive Bayes model of document types over words and word pairs (folded: no case, no accents),
/// trained in Swift on the labelled examples the project ships (`Resources/classifier/examples.tsv`, written by
/// `scripts/generate-classifier-examples.py` from DECP material). Training takes milliseconds, so the model is
/// trained when first used rather than stored.
public struct TypeModel: Sendable {
    /// The types in a fixed order: each word's log-likelihoods are one row indexed by it, so scoring a text costs one
    /// lookup per word rather than one per word and type.
    let types: [DocumentType]
    let logPrior: [Double]
    let logLikelihood: [String: [Double]]
    /// A word never seen in training counts the same for every text of a type.
    let unseen: [Double]

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
        let types = documents.keys.sorted { $0.rawValue < $1.rawValue }
        self.types = types
        logPrior = types.map { log(Double(documents[$0] ?? 0) / all) }
        // Laplace smoothing: a word never seen with a type lowers its probability without ruling it out.
        let denominators = types.map { Double(totals[$0] ?? 0) + size }
        unseen = denominators.map { log(1 / $0) }
        var likelihood: [String: [Double]] = [:]
        for word in vocabulary {
            likelihood[word] = types.indices.map { index in
                log((Double(counts[types[index]]?[word] ?? 0) + 1) / denominators[index])
            }
        }
        logLikelihood = likelihood
    }

    /// Each type's posterior probability for the text.
    public func posterior(_ text: String) -> [DocumentType: Double] {
        guard !types.isEmpty else { return [:] }
        var scores = logPrior
        for token in Self.tokens(text) {
            let row = logLikelihood[token] ?? unseen
            for index in scores.indices { scores[index] += row[index] }
        }
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - top) }
        let sum = exponentials.reduce(0, +)
        return Dictionary(uniqueKeysWithValues: zip(types, exponentials.map { $0 / sum }))
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
