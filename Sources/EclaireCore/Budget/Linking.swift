/// How an EJ came to belong to a product.
public enum LinkMethod: String, Sendable, Codable, CaseIterable {
    case manual, rule, suggestion

    public var french: String {
        switch self {
        case .manual: "à la main"
        case .rule: "par règle"
        case .suggestion: "suggestion acceptée"
        }
    }
}

/// A standing rule that links every matching EJ to a product.
public struct LinkRule: Sendable, Equatable {
    public var id: Int?
    public var productID: Int
    public var criterion: Criterion

    public enum Criterion: Sendable, Equatable {
        /// One purchase order by its number.
        case ej(String)
        /// A supplier's orders charged to one centre de coûts.
        case supplierAndCentreCouts(siret: String, centreCouts: String)
        /// A supplier's orders charged to one activité (référentiel de programmation).
        case supplierAndActivite(siret: String, referentiel: String)
    }

    public init(id: Int? = nil, productID: Int, criterion: Criterion) {
        self.id = id
        self.productID = productID
        self.criterion = criterion
    }

    public func matches(_ ej: EJOverview) -> Bool {
        switch criterion {
        case .ej(let number): ej.ej == number
        case .supplierAndCentreCouts(let siret, let centreCouts):
            ej.supplier.siret?.normalized == siret && ej.imputation.centreCouts == centreCouts
        case .supplierAndActivite(let siret, let referentiel):
            ej.supplier.siret?.normalized == siret && ej.imputation.referentielProgrammation == referentiel
        }
    }

    public var french: String {
        switch criterion {
        case .ej(let number): "EJ \(number)"
        case .supplierAndCentreCouts(let siret, let centreCouts): "SIRET \(siret) et centre de coûts \(centreCouts)"
        case .supplierAndActivite(let siret, let referentiel): "SIRET \(siret) et activité \(referentiel)"
        }
    }

    /// The first rule that claims the EJ, in the order given (the oldest rule first).
    public static func firstMatch(for ej: EJOverview, in rules: [LinkRule]) -> LinkRule? {
        rules.first { $0.matches(ej) }
    }
}
