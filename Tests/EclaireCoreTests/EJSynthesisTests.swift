@testable import EclaireCore
import Testing

/// What an EJ buys, from whom, for whom, from all its documents.
@Suite("The synthesis of an EJ's documents")
struct EJSynthesisTests {
    static func source(_ id: Int, _ type: DocumentType, object: String? = nil, typed: TypedFacts = TypedFacts()) -> EJSynthesis.Source {
        var facts = DocumentFacts()
        facts.offer(ExtractedField(key: .documentType, value: type.rawValue, confidence: 0.9, source: nil))
        if let object { facts.offer(ExtractedField(key: .object, value: object, confidence: 0.8, source: nil)) }
        return EJSynthesis.Source(documentID: id, facts: facts, typedFacts: typed)
    }

    @Test func anOrderNamesWhatIsBoughtBeforeTheContractsOwnDocuments() {
        let ccap = Self.source(1, .ccap, object: "Tierce maintenance applicative des systèmes de la DGFiP")
        let order = Self.source(2, .bonDeCommande, object: "Maintenance corrective de Tchap — lot 1")
        #expect(EJSynthesis(sources: [ccap, order]).designation?.documentID == 2)
        // Without an order, the CCAP's object still says what the EJ buys.
        #expect(EJSynthesis(sources: [ccap]).designation?.value == "Tierce maintenance applicative des systèmes de la DGFiP")
    }

    @Test func everyPartyOfTheGroupementOnceEach() {
        let party: (String, String) -> TypedFact = { name, siret in .group(["nom": .value(name, 0.7, nil), "siret": .value(siret, 0.9, nil)]) }
        let acte = Self.source(1, .acteEngagement, typed: TypedFacts([
            "cotraitants": .list([party("BETA CONSEIL", "55208131700000")]),
            "sous_traitants": .list([party("GAMMA DATA", "44306184100013")]),
        ]))
        let dc4 = Self.source(2, .sousTraitance, typed: TypedFacts(["sous_traitant": party("GAMMA DATA SARL", "44306184100013")]))
        let parties = EJSynthesis(sources: [dc4, acte]).parties
        #expect(parties.map(\.role) == [.cotraitant, .sousTraitant])
        #expect(parties.map(\.siret) == ["55208131700000", "44306184100013"])
        #expect(parties[1].documentID == 1, "the acte d'engagement ranks before the DC4")
    }
}
