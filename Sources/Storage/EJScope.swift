import EclaireCore
import SQLKit

/// Which EJs a caller may see: those of the products in reach (all products for analysts) and, unless the caller is
/// confined to its products, those linked to none (so that a team can find and claim its orders); an API token may
/// further be confined to programmes.
public struct EJScope: Sendable, Equatable {
    /// nil: every product.
    public var products: Set<Int>?
    public var includesUnlinked: Bool
    /// Empty: every programme.
    public var programmes: Set<String>

    public static let everything = EJScope(products: nil, includesUnlinked: true, programmes: [])

    public init(products: Set<Int>?, includesUnlinked: Bool = true, programmes: Set<String> = []) {
        self.products = products
        self.includesUnlinked = includesUnlinked
        self.programmes = programmes
    }

    public init(_ access: AccessPolicy) {
        self.init(products: access.ejProductLimit, includesUnlinked: access.reachesUnlinkedEJs, programmes: access.programmes)
    }

    public var isEverything: Bool { self == .everything }

    /// Keeps out the EJs outside the scope.
    func restrict(_ query: SQLSelectBuilder) {
        if let products {
            let ids = products.sorted().map(String.init).joined(separator: ", ")
            if includesUnlinked {
                let hidden = products.isEmpty
                    ? SQLRaw("SELECT ej FROM ej_links")
                    : SQLRaw("SELECT ej FROM ej_links WHERE product_id NOT IN (\(ids))")
                query.where(SQLIdentifier("ej"), .notIn, SQLGroupExpression(hidden))
            } else {
                let shown = SQLRaw("SELECT ej FROM ej_links WHERE product_id IN (\(products.isEmpty ? "NULL" : ids))")
                query.where(SQLIdentifier("ej"), .in, SQLGroupExpression(shown))
            }
        }
        if !programmes.isEmpty {
            let inner = SQLSelectBuilder(on: query.database).column("ej").from("ej_lines")
            EJFilter.matchProgrammes(programmes, in: inner)
            query.where(SQLIdentifier("ej"), .in, SQLGroupExpression(inner.query))
        }
    }

    /// Whether an EJ linked to `productID` (nil: to none) is in the scope as far as products go.
    public func contains(linkedTo productID: Int?) -> Bool {
        guard let productID else { return includesUnlinked }
        return products?.contains(productID) ?? true
    }
}

extension BudgetStore {
    /// The product an EJ is linked to, if any.
    public func productID(ofEJ ej: String) async throws -> Int? {
        try await links(ejs: [ej]).first?.productID
    }
}
