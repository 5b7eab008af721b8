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

    /// Whether the rule claims the EJ: its number, or its supplier together with the centre de coûts or activité
    /// of any of its lines (exports complete lines with different imputations).
    public func matches(_ ej: EJOverview, lines: [EJLineFacts] = []) -> Bool {
        let imputations = [ej.imputation] + lines.map(\.imputation)
        let sirets = Set(([ej.supplier.siret] + lines.map(\.supplier.siret)).compactMap { $0?.normalized })
        switch criterion {
        case .ej(let number): return ej.ej == number
        case .supplierAndCentreCouts(let siret, let centreCouts):
            return sirets.contains(siret) && imputations.contains { $0.centreCouts == centreCouts }
        case .supplierAndActivite(let siret, let referentiel):
            return sirets.contains(siret) && imputations.contains { $0.referentielProgrammation == referentiel }
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
    public static func firstMatch(for ej: EJOverview, lines: [EJLineFacts] = [], in rules: [LinkRule]) -> LinkRule? {
        rules.first { $0.matches(ej, lines: lines) }
    }
}
