import EclaireCore
import Testing

@Suite("Identifiers and their check digits")
struct IdentifierTests {
    @Test(arguments: ["85129663200017", "851 296 632 00017", "13000326200024", "51988265800023"])
    func validSirets(text: String) {
        let siret = Identifiers.siret(text)
        #expect(siret.isValid)
        #expect(siret.normalized.count == 14)
        #expect(siret.printed == text)
    }

    @Test(arguments: ["85129663200018", "10000000000001", "8512966320001", "ABCDEFGHIJKLMN"])
    func invalidSiretsAreKeptAsPrintedAndFlagged(text: String) {
        let siret = Identifiers.siret(text)
        #expect(!siret.isValid)
        #expect(siret.printed == text)
    }

    @Test func laPosteIsTheDocumentedException() {
        // 35600000012346: digits add up to 30 (a multiple of 5) but the Luhn sum fails.
        #expect(!Identifiers.luhn("35600000012346"))
        #expect(Identifiers.siret("35600000012346").isValid)
        // The same property outside La Poste is not enough.
        #expect(!Identifiers.siret("35700000012346").isValid)
    }

    @Test func siren() {
        #expect(Identifiers.siren("851 296 632").isValid)
        #expect(!Identifiers.siren("851296633").isValid)
    }

    @Test func frenchVATKey() {
        // key = (12 + 3 × (851296632 mod 97)) mod 97 = 91
        #expect(Identifiers.vatNumber("FR91851296632").isValid)
        #expect(Identifiers.vatNumber("FR 91 851 296 632").isValid)
        #expect(!Identifiers.vatNumber("FR92851296632").isValid)
        #expect(Identifiers.vatNumber("DE123456789").isValid)
        #expect(!Identifiers.vatNumber("123").isValid)
    }

    @Test func iban() {
        #expect(Identifiers.iban("FR76 3000 6000 0112 3456 7890 189").isValid)
        #expect(Identifiers.iban("DE89370400440532013000").isValid)
        #expect(!Identifiers.iban("FR76 3000 6000 0112 3456 7890 188").isValid)
        #expect(Identifiers.iban("FR76 3000 6000 0112 3456 7890 188").normalized == "FR7630006000011234567890188")
    }

    @Test func ejAndDPNumbers() {
        #expect(Identifiers.ejNumber("2103105755").normalized == "2103105755")
        #expect(Identifiers.ejNumber("1821732").normalized == "0001821732")
        #expect(!Identifiers.ejNumber("21031057551").isValid)
        #expect(!Identifiers.ejNumber("EJ12").isValid)
        #expect(Identifiers.dpNumber("0100083815") == Identifiers.dpNumber("100083815").with(printed: "0100083815"))
        #expect(Identifiers.posteNumber("0000000010") == 10)
        #expect(Identifiers.posteNumber("#") == nil)
    }
}

extension CheckedIdentifier {
    func with(printed: String) -> CheckedIdentifier {
        CheckedIdentifier(printed: printed, normalized: normalized, isValid: isValid)
    }
}
