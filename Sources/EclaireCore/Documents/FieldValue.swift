/// A value a person types for a field, checked and put in the canonical form extraction uses (amounts `1234.50`,
/// dates `2025-03-12`, identifiers compact, enums by raw value). Identifiers must pass their check digits: a
/// correction is meant to be right, unlike a reading, which keeps what is printed.
public struct FieldValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let key: FieldKey
    public let reason: String

    public var description: String { "\(key.label) : \(reason)" }
}

extension FieldKey {
    /// The canonical value, or the empty string to clear the field.
    public func canonical(_ typed: String) throws(FieldValueError) -> String {
        let text = Substring(typed).trimmingSpaces
        guard !text.isEmpty else { return "" }
        func fail(_ reason: String) -> FieldValueError { FieldValueError(key: self, reason: reason) }
        func checked(_ identifier: CheckedIdentifier, _ name: String) throws(FieldValueError) -> String {
            guard identifier.isValid else { throw fail("\(name) invalide (« \(text) » : chiffres de contrôle faux)") }
            return identifier.normalized
        }
        switch self {
        case .documentType:
            guard let type = DocumentType(rawValue: String(text)) else {
                throw fail("type inconnu « \(text) » (\(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return type.rawValue
        case .category:
            guard let category = PurchaseCategory(rawValue: String(text)) else {
                throw fail("catégorie inconnue « \(text) » (\(PurchaseCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return category.rawValue
        case .amountHT, .amountTVA, .amountTTC:
            let money: Money
            do {
                money = try AmountParser.parse(String(text))
            } catch {
                throw fail("montant illisible « \(text) » (par exemple 12 345,67)")
            }
            guard money.cents >= 0 else { throw fail("montant négatif « \(text) »") }
            return money.plain
        case .dateIssued:
            guard let date = LocalDate.parse(String(text)) else { throw fail("date illisible « \(text) » (jj/mm/aaaa)") }
            return date.iso
        case .supplierSiret: return try checked(Identifiers.siret(String(text)), "SIRET")
        case .supplierSiren: return try checked(Identifiers.siren(String(text)), "SIREN")
        case .supplierVAT: return try checked(Identifiers.vatNumber(String(text)), "numéro de TVA")
        case .iban: return try checked(Identifiers.iban(String(text)), "IBAN")
        case .numberEJ:
            let ej = Identifiers.ejNumber(String(text))
            guard ej.isValid else { throw fail("numéro d'EJ attendu (10 chiffres) : « \(text) »") }
            return ej.normalized
        case .supplierName, .buyer, .object, .numberDocument, .numberMarche, .numberAccordCadre, .cpv:
            return String(text)
        }
    }
}
