import EclaireCore

/// An extrait Kbis or an attestation SIRENE: dénomination, SIREN, activité principale, adresse, date.
enum RegisterFinder {
    static func find(in values: LabelledValues, facts: DocumentFacts, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        let text = LabelledValues.text(minLength: 2)
        if let name = values.first(["denomination sociale", "denomination", "raison sociale", "nom commercial", "nom, prenoms"], accept: text) {
            found["denomination"] = .value(name.value, 0.85 * reliability, name.source)
        }
        let siren: (String) -> String? = { value in
            let digits = value.filter(\.isNumber)
            guard digits.count >= 9 else { return nil }
            let candidate = String(digits.prefix(9))
            return Identifiers.luhn(candidate) ? candidate : nil
        }
        if let number = values.first(["numero d'identification", "siren", "immatriculation au rcs", "rcs", "numero unique d'identification"], accept: siren) {
            found["siren"] = .value(number.value, 0.9 * reliability, number.source)
        } else if let known = facts.fields[.supplierSiren] ?? facts.fields[.supplierSiret] {
            found["siren"] = .value(String(known.value.prefix(9)), known.confidence, known.source)
        }
        if let activity = values.first(["activite principale exercee", "activite principale", "activites exercees", "activite (naf", "code ape", "objet social"],
                                       accept: text) {
            found["activite_principale"] = .value(activity.value, 0.8 * reliability, activity.source)
        }
        if let address = values.first(["adresse du siege", "siege social", "adresse de l'etablissement", "adresse"], accept: LabelledValues.text(minLength: 6)) {
            found["adresse"] = .value(address.value, 0.8 * reliability, address.source)
        }
        if let date = values.first(["a jour au", "mis a jour le", "date de l'extrait", "delivre le", "date d'immatriculation", "en date du"],
                                   accept: LabelledValues.date) {
            found["date"] = .value(date.value, 0.8 * reliability, date.source)
        }
        return found
    }
}
