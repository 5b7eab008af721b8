/// What an API token may do. People signed in with a password are bounded by their role only; a token is bounded
/// by its role-like reach (products, programmes) and by these scopes.
public enum APIScope: String, Sendable, Codable, CaseIterable, Comparable {
    /// EJs, their lines, services faits, payments, anomalies, statistics, the import history.
    case readSpending = "read_spending"
    /// Documents, the text and fields read from them.
    case readDocuments = "read_documents"
    /// Products, budgets, forecasts, reconciliation, the portfolio.
    case readBudgets = "read_budgets"
    /// Correcting a document's fields, dismissing an anomaly.
    case writeCorrections = "write_corrections"
    /// Attaching documents to EJs.
    case writeDocuments = "write_documents"

    public static func < (lhs: APIScope, rhs: APIScope) -> Bool { lhs.rawValue < rhs.rawValue }

    public var french: String {
        switch self {
        case .readSpending: "lire les dépenses (EJ, paiements, anomalies)"
        case .readDocuments: "lire les pièces et ce qui en est extrait"
        case .readBudgets: "lire les produits et leurs budgets"
        case .writeCorrections: "corriger des champs, écarter des anomalies"
        case .writeDocuments: "joindre des pièces aux EJ"
        }
    }
}
