/// An identifier as printed, its normalised form, and whether its check digits hold.
///
/// An invalid identifier is kept exactly as printed and flagged: it is never silently "fixed".
public struct CheckedIdentifier: Hashable, Sendable, Codable {
    public let printed: String
    public let normalized: String
    public let isValid: Bool

    public init(printed: String, normalized: String, isValid: Bool) {
        self.printed = printed
        self.normalized = normalized
        self.isValid = isValid
    }
}

public enum Identifiers {
    /// Removes the spaces, dots and dashes people put in identifiers.
    public static func compact(_ text: String) -> String {
        // Most identifiers in exports are already compact digits: return them untouched.
        if text.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) { return text }
        return String(text.unicodeScalars.filter { !" \u{00A0}\u{202F}.-\t".unicodeScalars.contains($0) }).uppercased()
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Luhn checksum, as INSEE uses for SIREN and SIRET.
    public static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, byte) in digits.utf8.reversed().enumerated() {
            var value = Int(byte) - 48
            if index % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }

    /// La Poste's SIREN: its establishments' SIRETs follow a documented exception to Luhn.
    public static let laPosteSiren = "356000000"

    public static func siren(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        return CheckedIdentifier(printed: text, normalized: value, isValid: isDigits(value, count: 9) && luhn(value))
    }

    public static func siret(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        guard isDigits(value, count: 14) else { return CheckedIdentifier(printed: text, normalized: value, isValid: false) }
        if value.hasPrefix(laPosteSiren) {
            // INSEE: for La Poste the sum of the 14 digits is a multiple of 5.
            let sum = value.utf8.reduce(0) { $0 + Int($1) - 48 }
            return CheckedIdentifier(printed: text, normalized: value, isValid: sum % 5 == 0 || luhn(value))
        }
        return CheckedIdentifier(printed: text, normalized: value, isValid: luhn(value) && luhn(String(value.prefix(9))))
    }

    /// French intra-EU VAT number: `FR` + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.
    /// Other member states are accepted on form only (two letters and 2–13 characters).
    public static func vatNumber(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        guard value.count >= 4, value.prefix(2).allSatisfy({ $0.isLetter && $0.isASCII }) else {
            return CheckedIdentifier(printed: text, normalized: value, isValid: false)
        }
        guard value.hasPrefix("FR") else {
            let rest = value.dropFirst(2)
            let ok = (2...13).contains(rest.count) && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            return CheckedIdentifier(printed: text, normalized: value, isValid: ok)
        }
        let body = String(value.dropFirst(2))
        guard isDigits(body, count: 11) else { return CheckedIdentifier(printed: text, normalized: value, isValid: false) }
        return CheckedIdentifier(printed: text, normalized: value, isValid: frenchVATNumber(siren: String(body.dropFirst(2))) == value)
    }

    /// The French VAT number of a SIREN: `FR`, its key (12 + 3 × (SIREN mod 97)) mod 97 on two digits, the SIREN.
    public static func frenchVATNumber(siren: String) -> String? {
        guard isDigits(siren, count: 9), let number = Int(siren) else { return nil }
        let key = (12 + 3 * (number % 97)) % 97
        return "FR\(key < 10 ? "0" : "")\(key)\(siren)"
    }

    /// IBAN (ISO 13616): country, key, BBAN; valid when the rearranged number mod 97 is 1.
    public static func iban(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        guard (15...34).contains(value.count), value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              value.prefix(2).allSatisfy(\.isLetter) else {
            return CheckedIdentifier(printed: text, normalized: value, isValid: false)
        }
        let rearranged = value.dropFirst(4) + value.prefix(4)
        var remainder = 0
        for character in rearranged {
            let number = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            for digit in String(number) { remainder = (remainder * 10 + Int(String(digit))!) % 97 }
        }
        return CheckedIdentifier(printed: text, normalized: value, isValid: remainder == 1)
    }

    /// N° EJ: ten digits (Chorus pads shorter numbers with zeros on the left, as exports sometimes drop them).
    public static func ejNumber(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        let digitsOnly = !value.isEmpty && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        guard digitsOnly, value.count <= 10 else { return CheckedIdentifier(printed: text, normalized: value, isValid: false) }
        let padded = String(repeating: "0", count: 10 - value.count) + value
        return CheckedIdentifier(printed: text, normalized: padded, isValid: true)
    }

    /// N° DP: digits; leading zeros differ between exports (`0100083815` vs `100083815`), so they are dropped.
    public static func dpNumber(_ text: String) -> CheckedIdentifier {
        let value = compact(text)
        let digitsOnly = !value.isEmpty && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        guard digitsOnly, value.count <= 12 else { return CheckedIdentifier(printed: text, normalized: value, isValid: false) }
        let trimmed = value.drop { $0 == "0" }
        return CheckedIdentifier(printed: text, normalized: trimmed.isEmpty ? "0" : String(trimmed), isValid: true)
    }

    /// Poste numbers (`0000000001`, `00001`, `1`) compared as integers.
    public static func posteNumber(_ text: String) -> Int? {
        let value = compact(text)
        guard !value.isEmpty, value.count <= 10, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(value)
    }
}
