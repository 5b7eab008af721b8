/// What a person may do in Eclaire.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Everything, including accounts.
    case admin
    /// Reads everything (the budget office, the incubator's cross-team staff).
    case budgetOffice = "budget_office"
    /// Reads their products.
    case sponsor
    /// Reads their products and edits their forecasts and links.
    case teamMember = "team_member"

    public var french: String {
        switch self {
        case .admin: "administrateur"
        case .budgetOffice: "bureau budgétaire"
        case .sponsor: "sponsor"
        case .teamMember: "membre d'équipe"
        }
    }
}

/// A signed-in person and the products they are attached to (for sponsors and team members).
public struct User: Sendable, Equatable {
    public var id: Int
    public var login: String
    public var name: String
    public var role: Role
    public var productIDs: Set<Int>
    /// An API token's limits: the programmes it is confined to (none: no such limit), whether EJs of no product
    /// are out of its reach, and what it may do (nil for a person, whom the role alone bounds).
    public var programmes: Set<String>
    public var productsOnly: Bool
    public var scopes: Set<APIScope>?

    public init(id: Int, login: String, name: String, role: Role, productIDs: Set<Int> = [],
                programmes: Set<String> = [], productsOnly: Bool = false, scopes: Set<APIScope>? = nil) {
        self.id = id
        self.login = login
        self.name = name
        self.role = role
        self.productIDs = productIDs
        self.programmes = programmes
        self.productsOnly = productsOnly
        self.scopes = scopes
    }

    /// Whether the user sees every product and every EJ.
    public var readsEverything: Bool { isAnalyst && programmes.isEmpty }

    /// Analysts (administrators, the budget office) read the analysts' pages and lists, within their reach.
    public var isAnalyst: Bool { role == .admin || role == .budgetOffice }

    /// Whether a product limit applies: nil when every product is in reach.
    public var productLimit: Set<Int>? { isAnalyst ? nil : productIDs }

    public func canRead(product id: Int) -> Bool { productLimit?.contains(id) ?? true }

    /// Forecasts, budgets and links of a product.
    public func canEdit(product id: Int) -> Bool { role == .admin || (role == .teamMember && productIDs.contains(id)) }

    public var canManageAccounts: Bool { role == .admin && scopes == nil }

    /// Creating products, rules and allocations.
    public var canManageProducts: Bool { role == .admin }

    /// The import history and the whole base's figures.
    public var canSeeImports: Bool { readsEverything }

    /// An EJ is visible when the user reads everything, when it belongs to one of their products, or when it
    /// belongs to no product yet (so that a team can find and claim its orders).
    public func canRead(ejLinkedTo productID: Int?) -> Bool {
        guard let productID else { return !productsOnly }
        return canRead(product: productID)
    }

    /// Attaching documents to an EJ and correcting what was read from them: analysts (admin, bureau budgétaire)
    /// everywhere, a team on its own products' EJs and on EJs of no product; sponsors read only.
    public func canEditDocuments(ejLinkedTo productID: Int?) -> Bool {
        if isAnalyst { return true }
        guard role == .teamMember else { return false }
        return productID.map { productIDs.contains($0) } ?? true
    }
}
