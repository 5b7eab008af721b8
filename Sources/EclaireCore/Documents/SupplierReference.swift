/// A company or establishment as a public register names it: SIRENE (the State's register of companies) or the
/// DECP (the contracts' holders as buyers declared them).
public struct SupplierReferenceEntry: Sendable, Equatable {
    public enum Source: String, Sendable, CaseIterable {
        case sireneUniteLegale = "sirene_unite_legale", sireneEtablissement = "sirene_etablissement", decp
    }

    public let siren: String
    /// Nil for a legal unit (SIRENE's StockUniteLegale): its name holds for all its establishments.
    public let siret: String?
    public let name: String
    public let source: Source

    public init(siren: String, siret: String?, name: String, source: Source) {
        self.siren = siren
        self.siret = siret
        self.name = name
        self.source = source
    }

    /// The key names are compared by: no case, accents, punctuation or legal form.
    public static func nameKey(_ name: String) -> String {
        let forms: Set<Substring> = ["sas", "sarl", "sa", "eurl", "sasu", "snc", "scop", "scic", "gie", "selarl", "sci"]
        return Text.foldedKey(name).split(separator: " ").filter { !forms.contains($0) }.joined(separator: " ")
    }
}
