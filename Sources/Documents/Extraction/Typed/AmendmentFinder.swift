import EclaireCore

/// An avenant: its number, the change of amount (plus or minus) and the new total. When the initial amount, the
/// change and the new total are all printed they must add up, which settles the sign and the confidence; when two
/// are printed the third is derived.
enum AmendmentFinder {
    nonisolated(unsafe) static let number = /avenant\s*(?:n\s?°|no\.?|numero|nº)\s*(\d{1,3})(?!\d)/

    static let initialLabels = ["montant initial", "montant du marche initial", "montant avant avenant", "montant anterieur",
                                "montant precedent", "montant du marche avant", "ancien montant"]
    static let changeLabels = ["montant de l'avenant", "incidence financiere", "montant de la modification", "plus-value",
                               "moins-value", "plus value", "moins value", "variation", "ecart introduit"]
    static let newLabels = ["nouveau montant", "montant apres avenant", "montant total apres", "montant du marche apres",
                            "montant modifie", "nouveau total"]

    static func find(in values: LabelledValues, document: DocumentLines, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        for cell in document.cells {
            if let match = cell.folded.firstMatch(of: number) {
                found["numero"] = .value(String(match.output.1), 0.9 * reliability, cell.source)
                break
            }
        }
        let initial = values.first(initialLabels, accept: LabelledValues.amount)
        let new = values.first(newLabels, accept: LabelledValues.amount)
        var change = values.first(changeLabels, accept: LabelledValues.amount)
        var changeValue = change.flatMap { try? AmountParser.parse($0.value) }
        // A « moins-value » or a « diminution » is a decrease even when printed without its minus sign.
        if let cell = change?.cell, let value = changeValue, value.cents > 0,
           ["moins", "diminution", "reduction", "minoration"].contains(where: { cell.folded.contains($0) }) {
            changeValue = Money(cents: -value.cents)
        }
        let initialValue = initial.flatMap { try? AmountParser.parse($0.value) }
        let newValue = new.flatMap { try? AmountParser.parse($0.value) }
        var confidence = 0.75
        if let i = initialValue, let n = newValue {
            let derived = n.cents &- i.cents
            if let c = changeValue {
                if c.cents == derived { confidence = 0.97 } else if -c.cents == derived { changeValue = Money(cents: derived); confidence = 0.9 } else { confidence = 0.5 }
            } else {
                changeValue = Money(cents: derived)
                change = new
                confidence = 0.85
            }
        }
        if let i = initialValue, let initial { found["montant_initial"] = .value(i.plain, confidence * reliability, initial.source) }
        if let c = changeValue, let change { found["montant_modification"] = .value(c.plain, confidence * reliability, change.source) }
        if let n = newValue, let new { found["nouveau_montant"] = .value(n.plain, confidence * reliability, new.source) }
        return found
    }
}
