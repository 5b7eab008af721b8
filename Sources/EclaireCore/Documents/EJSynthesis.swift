/// What an EJ buys, from whom, for whom — decided from all its documents. Where documents disagree, the documented
/// priority decides (acte d'engagement > avenant > bon de commande > devis > fiche navette > facture > others) and
/// the disagreement is kept to be shown.
public struct EJSynthesis: Sendable, Equatable {
    /// One synthesised fact, the document it was taken from, and the documents that say otherwise.
    public struct Decision: Sendable, Equatable {
        public let value: String
        public let confidence: Double
        public let documentID: Int
        public let documentType: DocumentType
        public let conflicts: [Conflict]
    }

    public struct Conflict: Sendable, Equatable {
        public let value: String
        public let documentID: Int
        public let documentType: DocumentType
    }

    public struct Source: Sendable {
        public let documentID: Int
        public let facts: DocumentFacts
        public let typedFacts: TypedFacts

        public init(documentID: Int, facts: DocumentFacts, typedFacts: TypedFacts = TypedFacts()) {
            self.documentID = documentID
            self.facts = facts
            self.typedFacts = typedFacts
        }

        var type: DocumentType { facts.documentType }
    }

    /// The contract's own documents come last: a CCAP's or CCTP's object names the whole marché, an order's its part.
    public static let priority: [DocumentType] = [.acteEngagement, .avenant, .bonDeCommande, .devis, .ficheNavette, .facture,
                                                  .ccap, .cctp, .avisMarche]

    /// A party to the contract besides its titulaire: a co-traitant of the groupement or a sous-traitant.
    public struct Party: Sendable, Equatable {
        public enum Role: String, Sendable { case cotraitant, sousTraitant = "sous_traitant" }
        public let role: Role
        public let name: String?
        public let siret: String?
        public let documentID: Int
    }

    public let designation: Decision?
    public let supplierName: Decision?
    public let supplierSiret: Decision?
    public let beneficiary: Decision?
    /// Every co-traitant and sous-traitant its actes d'engagement and DC4 name, once each (by SIRET, else by name).
    public let parties: [Party]

    /// The EJ has the three facts the State measures this work by: what, from whom, for whom.
    public var isComplete: Bool { designation != nil && (supplierName != nil || supplierSiret != nil) && beneficiary != nil }

    public init(sources: [Source]) {
        designation = Self.decide(.object, sources)
        supplierName = Self.decide(.supplierName, sources)
        supplierSiret = Self.decide(.supplierSiret, sources)
        beneficiary = Self.decide(.buyer, sources)
        parties = Self.parties(sources)
    }

    static func parties(_ sources: [Source]) -> [Party] {
        var found: [Party] = []
        var seen: Set<String> = []
        func add(_ fact: TypedFact, _ role: Party.Role, _ source: Source) {
            let name = fact.value(at: "nom")?.value, siret = fact.value(at: "siret")?.value
            guard let key = siret ?? name.map(Text.foldedKey), !seen.contains(key) else { return }
            seen.insert(key)
            found.append(Party(role: role, name: name, siret: siret, documentID: source.documentID))
        }
        for source in sources.sorted(by: { (rank($0.type), $0.documentID) < (rank($1.type), $1.documentID) }) {
            for (key, role) in [("cotraitants", Party.Role.cotraitant), ("sous_traitants", .sousTraitant)] {
                if case .list(let items)? = source.typedFacts[key] { items.forEach { add($0, role, source) } }
            }
            if let single = source.typedFacts["sous_traitant"] { add(single, .sousTraitant, source) }
        }
        return found
    }

    static func rank(_ type: DocumentType) -> Int { priority.firstIndex(of: type) ?? priority.count }

    static func decide(_ key: FieldKey, _ sources: [Source]) -> Decision? {
        let candidates = sources.compactMap { source in source.facts.fields[key].map { (source, $0) } }
            .sorted { a, b in
                (rank(a.0.type), -a.1.confidence, a.0.documentID) < (rank(b.0.type), -b.1.confidence, b.0.documentID)
            }
        guard let (source, field) = candidates.first else { return nil }
        let chosen = Text.foldedKey(field.value)
        let conflicts = candidates.dropFirst().filter { Text.foldedKey($0.1.value) != chosen }
            .map { Conflict(value: $0.1.value, documentID: $0.0.documentID, documentType: $0.0.type) }
        return Decision(value: field.value, confidence: field.confidence, documentID: source.documentID,
                        documentType: source.type, conflicts: conflicts)
    }
}
