import EclaireCore
import Testing

@Suite("A person's correction is checked and put in the canonical form of extraction")
struct FieldValueTests {
    @Test func canonicalValues() throws {
        #expect(try FieldKey.amountHT.canonical(" 12 345,67 € ") == "12345.67")
        #expect(try FieldKey.amountTTC.canonical("1000") == "1000.00")
        #expect(try FieldKey.dateIssued.canonical("31/12/2025") == "2025-12-31")
        #expect(try FieldKey.category.canonical("conseil_strategie") == "conseil_strategie")
        #expect(try FieldKey.documentType.canonical("bon_de_commande") == "bon_de_commande")
        #expect(try FieldKey.supplierSiret.canonical("732 829 320 00074") == "73282932000074")
        #expect(try FieldKey.supplierName.canonical("  ANALYSES BUDGETAIRES SAS ") == "ANALYSES BUDGETAIRES SAS")
        #expect(try FieldKey.object.canonical("   ") == "")
    }

    /// What the command line and the pages show: the stored canonical value read the French way.
    @Test func valuesShownTheFrenchWay() {
        #expect(FieldKey.amountHT.french("12345.67") == "12\u{202F}345,67\u{00A0}€")
        #expect(FieldKey.dateIssued.french("2025-12-31") == "31/12/2025")
        #expect(FieldKey.documentType.french("bon_de_commande") == DocumentType.bonDeCommande.label)
        #expect(FieldKey.dateIssued.french("pas une date") == "pas une date")
        #expect(FieldKey.supplierName.french("ACME SAS") == "ACME SAS")
    }

    @Test func wrongValuesAreRefusedWithTheirReason() {
        for (key, value) in [(FieldKey.category, "ANALYSES BUDGETAIRES SAS"), (.documentType, "lettre"),
                             (.amountHT, "douze euros"), (.amountTVA, "-5,00"), (.dateIssued, "31/02/2025"),
                             (.supplierSiret, "73282932000075"), (.iban, "FR7630004000031234567890144"),
                             (.numberEJ, "EJ n° abc")] {
            #expect(throws: FieldValueError.self, "\(key) \(value)") { try key.canonical(value) }
        }
        do {
            _ = try FieldKey.category.canonical("divers")
            Issue.record("an unknown category was accepted")
        } catch {
            #expect(error.description.contains("conseil_strategie"))
        }
    }
}
