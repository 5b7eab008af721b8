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

/// A signed-in person and the products they are attached to (for sponsors and team members). What they may do is
/// `AccessPolicy`'s answer.
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
}
