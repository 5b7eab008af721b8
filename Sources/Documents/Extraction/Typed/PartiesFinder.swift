import Foundation
import EclaireCore

/// The parties of a contract beyond its supplier: co-traitants of a groupement and sous-traitants, each found where
/// a SIRET (with right check digits) stands near the word that names its role; the name is the text before the
/// SIRET on its row, or the nearest line above it; the amount, an amount on its row.
enum PartiesFinder {
    nonisolated(unsafe) static let siret = /(?:^|\D)(\d{3}[ \u00A0]?\d{3}[ \u00A0]?\d{3}[ \u00A0]?\d{5})(?!\d)/

    enum Role { case cotraitant, sousTraitant }

    static let cotraitantWords = ["co-traitant", "cotraitant", "membre du groupement", "membres du groupement"]
    static let sousTraitantWords = ["sous-traitant", "sous traitant", "soustraitant"]

    static func nearestRole(_ linesUpward: [String]) -> Role? {
        for line in linesUpward {
            let sub = sousTraitantWords.compactMap { line.range(of: $0)?.lowerBound }.min()
            let co = cotraitantWords.compactMap { line.range(of: $0)?.lowerBound }.min()
            switch (co, sub) {
            case (nil, nil): continue
            case (.some, nil): return .cotraitant
            case (nil, .some): return .sousTraitant
            case (.some(let c), .some(let s)): return c < s ? .cotraitant : .sousTraitant
            }
        }
        return nil
    }

    static func find(in document: DocumentLines, role: Role, excluding supplier: String?, reliability: Double) -> TypedFact? {
        let rows = document.wholeLines
        var parties: [TypedFact] = []
        var seen: Set<String> = []
        for (index, row) in rows.enumerated() {
            for match in row.text.matches(of: siret) {
                let number = Identifiers.compact(String(match.output.1))
                guard Identifiers.luhn(number), number != supplier, !seen.contains(number) else { continue }
                // The role word nearest above the SIRET (its own row first) decides whose it is.
                guard nearestRole(rows[max(0, index - 4)...index].reversed().map(\.folded)) == role else { continue }
                seen.insert(number)
                let before = String(row.text[..<match.output.1.startIndex])
                var name = before.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }
                    .last { $0.count >= 3 && $0.contains(where: \.isLetter) && !DocumentLines.fold($0).hasPrefix("siret") } ?? ""
                if name.isEmpty {
                    name = rows[max(0, index - 2)..<index].reversed().map(\.text)
                        .first { $0.contains(where: \.isLetter) && !DocumentLines.fold($0).contains("siret") }?
                        .components(separatedBy: "   ").first?.trimmingCharacters(in: .whitespaces) ?? ""
                }
                // « Sous-traitant : ACME SAS, SIRET … »: the name without its role's label and the identifier's.
                if let colon = name.firstIndex(of: ":"), name[..<colon].count <= 30, let value = name.valueAfterColon {
                    name = value
                }
                name = PartyFinder.cleanName(name)
                var members: [String: TypedFact] = ["siret": .value(number, 0.9 * reliability, row.source)]
                if !name.isEmpty { members["nom"] = .value(String(name.prefix(200)), 0.7 * reliability, row.source) }
                let after = String(row.text[match.output.1.endIndex...])
                if let amount = LabelledValues.amount(after) { members["montant"] = .value(amount, 0.7 * reliability, row.source) }
                parties.append(.group(members))
            }
        }
        return parties.isEmpty ? nil : .list(parties)
    }
}
