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

    /// The scope an API call needs, from its method and path (`/api/v1/…`); nil when no token may make it.
    /// One table for the whole API, so that a new route cannot be left unguarded by accident.
    public static func required(method: String, path: String) -> APIScope? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v1" else { return nil }
        let resource = parts[2].split(separator: ".").first.map(String.init) ?? parts[2]
        switch (method, resource) {
        case ("GET", "documents"), ("HEAD", "documents"): return .readDocuments
        case ("PUT", "documents") where parts.count == 6 && parts[4] == "fields": return .writeCorrections
        case ("POST", "anomalies") where parts.count == 5 && parts[4] == "dismiss": return .writeCorrections
        case ("POST", "ejs") where parts.count == 5 && parts[4] == "documents": return .writeDocuments
        case ("GET", "products"), ("GET", "portfolio"), ("GET", "suggestions"): return .readBudgets
        case ("HEAD", "products"), ("HEAD", "portfolio"), ("HEAD", "suggestions"): return .readBudgets
        case ("GET", _), ("HEAD", _): return .readSpending
        default: return nil
        }
    }
}
