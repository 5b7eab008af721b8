import Foundation
import EclaireCore

/// How an extracted fact is compared with a known truth when accuracy is measured: identifiers compact, amounts
/// to the cent in absolute value (a credit note prints them negative, its XML positive), names without case,
/// accents, punctuation or legal form.
public enum FactComparison {
    /// The fields an embedded invoice states, measured on every sample that states them.
    public static let measuredKeys: [FieldKey] = [
        .documentType, .supplierName, .supplierSiret, .supplierSiren, .supplierVAT, .buyer, .amountHT, .amountTVA,
        .amountTTC, .dateIssued, .numberDocument, .numberMarche, .iban,
    ]

    /// The facts of an invoice's XML (Factur-X CII or UBL), the truth for its PDF.
    public static func truth(xml data: Data, name: String) -> DocumentFacts? {
        StructuredInvoice.read(data, name: name)
    }

    public static func matches(_ key: FieldKey, extracted: String?, truth: String) -> Bool {
        guard let extracted else { return false }
        if key.isAmount {
            guard let a = try? AmountParser.parse(extracted), let b = try? AmountParser.parse(truth) else { return false }
            return a.cents.magnitude == b.cents.magnitude
        }
        switch key {
        case .supplierName, .buyer: return SupplierReferenceEntry.nameKey(extracted) == SupplierReferenceEntry.nameKey(truth)
        case .documentType, .dateIssued: return extracted == truth
        default: return Identifiers.compact(extracted) == Identifiers.compact(truth)
        }
    }
}
