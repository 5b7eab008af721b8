/// Reading or changing (attaching documents, correcting their fields, editing forecasts, dismissing anomalies).
public enum AccessAction: Sendable { case read, change }

/// What decides who reaches an EJ: the product it is linked to (nil: none) and the programmes its lines charge.
public struct EJReach: Sendable, Equatable {
    public var productID: Int?
    /// Programme numbers without leading zeros (« 129 », not « 0129 »).
    public var programmes: Set<String>

    public init(productID: Int?, programmes: Set<String>) {
        self.productID = productID
        self.programmes = Set(programmes.map(Self.programme))
    }

    /// « 0129 » and « 129 » are the same programme.
    public static func programme(_ code: String) -> String {
        let digits = String(code.drop { $0 == "0" })
        return digits.isEmpty ? code : digits
    }
}

/// Who may read or change what: the one place every page, API route, export and command asks. People are bounded
/// by their role and products; an API token also by the products and programmes it is confined to and by its
/// scopes. A token confined to programmes is never the budget office: it reaches the EJs of its programmes, their
/// documents and anomalies, and no product's budget unless it is also confined to that product.
public struct AccessPolicy: Sendable {
    public let user: User

    public init(_ user: User) { self.user = user }

    private var confinedToProgrammes: Bool { !user.programmes.isEmpty }

    /// Administrators and the budget office (and their tokens): the analysts' pages, within their reach.
    public var isAnalyst: Bool { user.role == .admin || user.role == .budgetOffice }

    /// The whole base: lists of every document and supplier, the import history, statistics, bulk exports.
    public var wholeBase: Bool { isAnalyst && !confinedToProgrammes }

    public var manageAccounts: Bool { user.role == .admin && user.scopes == nil }

    /// The synchronisation with the AIFE: its runs and the EJs it will try again (operations, not data).
    public var administersSync: Bool { manageAccounts && !confinedToProgrammes }

    /// Creating products, rules and allocations.
    public var manageProducts: Bool { user.role == .admin && !confinedToProgrammes }

    /// What an API token's scopes allow; a person signed in is bounded by the role alone.
    public func allows(_ scope: APIScope) -> Bool { user.scopes?.contains(scope) ?? true }

    // MARK: Products

    /// The products in reach for their budgets, forecasts and history: nil when every one is.
    public var productLimit: Set<Int>? { wholeBase ? nil : user.productIDs }

    public func product(_ id: Int, _ action: AccessAction) -> Bool {
        switch action {
        case .read: productLimit?.contains(id) ?? true
        case .change: (user.role == .admin && !confinedToProgrammes) || (user.role == .teamMember && user.productIDs.contains(id))
        }
    }

    // MARK: EJs, their documents and anomalies

    /// The products whose EJs are in reach (nil: every product's); programmes are checked apart.
    public var ejProductLimit: Set<Int>? { isAnalyst ? nil : user.productIDs }

    /// Whether EJs linked to no product are in reach (so that a team can find and claim its orders).
    public var reachesUnlinkedEJs: Bool { !user.productsOnly }

    /// The programmes the caller is confined to (empty: every programme), without leading zeros.
    public var programmes: Set<String> { Set(user.programmes.map(EJReach.programme)) }

    /// An EJ, its lines, its documents and what was read from them. Changing (attaching a document, correcting a
    /// field) is for analysts within their reach and for a team on its own products' EJs; sponsors read only.
    public func ej(_ reach: EJReach, _ action: AccessAction) -> Bool {
        let products = reach.productID.map { ejProductLimit?.contains($0) ?? true } ?? reachesUnlinkedEJs
        let programmesInReach = programmes.isEmpty || !programmes.isDisjoint(with: reach.programmes)
        guard products && programmesInReach else { return false }
        switch action {
        case .read: return true
        case .change: return isAnalyst || (user.role == .teamMember && reach.productID.map(user.productIDs.contains) == true)
        }
    }

    /// A document is reached through any of its EJs.
    public func document(on ejs: [EJReach], _ action: AccessAction) -> Bool {
        ejs.contains { ej($0, action) }
    }

    /// A correction of a supplier's name names that supplier for everyone: only the whole base's analysts make one.
    public var namesSuppliers: Bool { wholeBase }

    /// An anomaly as the caller may see it: whole when every EJ it involves is in reach; otherwise reduced to the EJs
    /// in reach, without the amounts, evidence and wording that describe the others; nil when none is in reach.
    public func view(of anomaly: Anomaly, reaches: [String: EJReach]) -> Anomaly? {
        let shown = anomaly.ejs.filter { reaches[$0].map { ej($0, .read) } ?? wholeBase }
        if shown.count == anomaly.ejs.count { return anomaly }
        guard !shown.isEmpty else { return nil }
        let others = anomaly.ejs.count - shown.count
        let evidence = anomaly.evidence.filter { item in shown.contains { item.reference.hasPrefix($0) } }
        return Anomaly(kind: anomaly.kind, ejs: shown, amount: .zero,
                       explanation: "\(anomaly.kind.label) : concerne aussi \(others) autre(s) EJ hors de votre périmètre ; "
                           + "montants et détails réservés au bureau budgétaire.",
                       evidence: evidence)
    }
}
