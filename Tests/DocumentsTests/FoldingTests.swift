import Testing
@testable import Documents

/// The folded copy of a cell that labels are matched in: lower case, no French accents, one character for one.
@Suite("Folding text for matching labels")
struct FoldingTests {
    @Test func frenchTextLosesCaseAndAccentsCharacterForCharacter() {
        let text = "Déjà réglé : Ÿ ÉCOLE Œuvre Straße 12\u{202F}345,67\u{00A0}€ l’État\tçà"
        let folded = DocumentLines.fold(text)
        #expect(folded == "deja regle : ÿ ecole œuvre straße 12 345,67 € l'etat ca")
        #expect(folded.count == text.count)
    }

    /// The table used for one-scalar characters must fold as the character-by-character rule does, for every
    /// character of Latin-1 and its neighbours, alone and among others.
    @Test func theTableAgreesWithTheCharacterRule() {
        let samples = (0..<0x250).compactMap(Unicode.Scalar.init).map(Character.init)
            + ["\u{2019}", "\u{202F}", "\u{2018}", "\u{00A0}", "e\u{0301}", "E\u{0301}", "\r\n", "🇫🇷", "ﬁ"]
        for character in samples {
            let text = "É" + String(character) + "x"
            let expected = String([Character("e"), DocumentLines.foldCharacter(character), Character("x")])
            #expect(DocumentLines.fold(text) == expected, "U+\(String(character.unicodeScalars.first!.value, radix: 16))")
        }
    }
}
