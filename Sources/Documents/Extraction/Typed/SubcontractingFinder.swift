import Foundation
import EclaireCore

/// A DC4 (déclaration de sous-traitance): the sous-traitant, the nature and amount of what is subcontracted, and
/// whether it is paid directly by the administration.
enum SubcontractingFinder {
    static func find(in values: LabelledValues, document: DocumentLines, facts: DocumentFacts, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        if let party = PartiesFinder.find(in: document, role: .sousTraitant, excluding: nil, reliability: reliability),
           case .list(let parties) = party, let first = parties.first {
            found["sous_traitant"] = first
        } else if let name = facts.fields[.supplierName] {
            var members: [String: TypedFact] = ["nom": .value(name.value, name.confidence * 0.8, name.source)]
            if let siret = facts.fields[.supplierSiret] { members["siret"] = .value(siret.value, siret.confidence, siret.source) }
            found["sous_traitant"] = .group(members)
        }
        if let nature = values.first(["nature des prestations sous-traitees", "nature des prestations", "prestations sous-traitees",
                                      "objet de la sous-traitance"], accept: LabelledValues.text(minLength: 4)) {
            found["nature"] = .value(nature.value, 0.8 * reliability, nature.source)
        }
        if let amount = values.first(["montant maximum des sommes", "montant des prestations sous-traitees", "montant de la sous-traitance",
                                      "montant maximum", "montant sous-traite"], accept: LabelledValues.amount) {
            found["montant"] = .value(amount.value, 0.85 * reliability, amount.source)
        }
        // The boxes stand on the question's row or just under it.
        let rows = document.wholeLines
        for (index, row) in rows.enumerated() where row.folded.contains("paiement direct") {
            guard let boxed = rows[index..<min(rows.count, index + 3)].first(where: { ContractFinder.hasTick($0.folded) }) else { continue }
            let ticked = ContractFinder.tickedText(boxed.folded).trimmingCharacters(in: .whitespaces)
            let refuses = ticked.hasPrefix("non") || ticked.contains("ne demande pas") || ticked.contains("n'a pas droit")
            found["paiement_direct"] = .value(refuses ? "non" : "oui", 0.85 * reliability, boxed.source)
            break
        }
        return found
    }
}
