import EclaireCore

/// A RIB: IBAN, BIC, titulaire, domiciliation; and the French bank details (code banque, guichet, compte, clé RIB)
/// when printed, whose key is checked.
enum BankDetailsFinder {
    nonisolated(unsafe) static let bic = /[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?/

    static func find(in values: LabelledValues, facts: DocumentFacts, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        let iban = facts.fields[.iban]
        if let iban { found["iban"] = .value(iban.value, iban.confidence, iban.source) }
        let country = iban.map { String($0.value.prefix(2)) }
        let acceptBIC: (String) -> String? = { text in
            let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
            guard let match = compact.prefixMatch(of: bic), match.output.count == 8 || match.output.count == 11 else { return nil }
            return String(match.output)
        }
        if let labelled = values.first(["bic", "code swift", "swift", "code b.i.c"], accept: acceptBIC) {
            let agrees = country.map { String(labelled.value.dropFirst(4).prefix(2)) == $0 } ?? false
            found["bic"] = .value(labelled.value, (agrees ? 0.95 : 0.8) * reliability, labelled.source)
        }
        let holderLabels = ["titulaire du compte", "intitule du compte", "nom du titulaire", "titulaire", "beneficiaire", "account holder", "au nom de"]
        if let holder = values.first(holderLabels, accept: LabelledValues.text(minLength: 3)) {
            found["titulaire"] = .value(holder.value, 0.85 * reliability, holder.source)
        }
        if let bank = values.first(["domiciliation", "banque domiciliataire", "etablissement teneur du compte", "agence"],
                                   accept: LabelledValues.text(minLength: 3)) {
            found["domiciliation"] = .value(bank.value, 0.85 * reliability, bank.source)
        }
        if let details = ribDetails(values, reliability: reliability) { found["rib"] = details }
        return found
    }

    /// « Code banque | Code guichet | N° de compte | Clé RIB » over their values: the four parts and whether the key
    /// is right (97 − (89 × banque + 15 × guichet + 3 × compte) mod 97, letters of the account by the RIB table).
    static func ribDetails(_ values: LabelledValues, reliability: Double) -> TypedFact? {
        let digits: (Int) -> (String) -> String? = { count in
            { text in
                let token = text.split(separator: " ").first.map(String.init) ?? ""
                return token.count == count && token.allSatisfy({ $0.isNumber || $0.isLetter }) ? token.uppercased() : nil
            }
        }
        guard let bank = values.first(["code banque", "banque :", "etablissement"], accept: digits(5)),
              let branch = values.first(["code guichet", "guichet"], accept: digits(5)),
              let account = values.first(["numero de compte", "n° de compte", "no de compte", "n° compte", "compte"], accept: digits(11)),
              let key = values.first(["cle rib", "cle"], accept: digits(2)) else { return nil }
        let valid = ribKey(bank: bank.value, branch: branch.value, account: account.value) == key.value
        return .group(["code_banque": .value(bank.value, 0.9 * reliability, bank.source),
                       "code_guichet": .value(branch.value, 0.9 * reliability, branch.source),
                       "numero_compte": .value(account.value, 0.9 * reliability, account.source),
                       "cle_rib": .value(key.value, 0.9 * reliability, key.source),
                       "cle_valide": .value(valid ? "oui" : "non", 0.99, key.source)])
    }

    /// The RIB key of a French account; nil when a part is not of its shape.
    static func ribKey(bank: String, branch: String, account: String) -> String? {
        func number(_ text: String) -> Int? {
            var digits = ""
            for character in text.uppercased() {
                if character.isNumber { digits.append(character); continue }
                guard let ascii = character.asciiValue, (65...90).contains(ascii) else { return nil }
                // A–I → 1–9, J–R → 1–9, S–Z → 2–9.
                let value = ascii <= 73 ? Int(ascii) - 64 : ascii <= 82 ? Int(ascii) - 73 : Int(ascii) - 81
                digits.append(String(value))
            }
            return digits.isEmpty ? nil : digits.reduce(0) { ($0 * 10 + Int(String($1))!) % 97 }
        }
        guard bank.count == 5, branch.count == 5, account.count == 11, let b = number(bank), let g = number(branch),
              let c = number(account) else { return nil }
        let key = 97 - (89 * b + 15 * g + 3 * c) % 97
        return key < 10 ? "0\(key)" : String(key)
    }
}
