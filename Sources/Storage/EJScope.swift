import EclaireCore
import SQLKit

/// Which EJs a person may see: all of them, or those linked to their products and those linked to none.
public enum EJScope: Sendable, Equatable {
    case everything
    case products(Set<Int>)

    public init(_ user: User) {
        self = user.readsEverything ? .everything : .products(user.productIDs)
    }

    /// Keeps out the EJs linked to a product outside the scope.
    func restrict(_ query: SQLSelectBuilder) {
        guard case .products(let ids) = self else { return }
        let hidden = ids.isEmpty
            ? SQLRaw("SELECT ej FROM ej_links")
            : SQLRaw("SELECT ej FROM ej_links WHERE product_id NOT IN (\(ids.sorted().map(String.init).joined(separator: ", ")))")
        query.where(SQLIdentifier("ej"), .notIn, SQLGroupExpression(hidden))
    }

    /// Whether an EJ linked to `productID` (nil: to none) is in the scope.
    public func contains(linkedTo productID: Int?) -> Bool {
        guard case .products(let ids) = self, let productID else { return true }
        return ids.contains(productID)
    }
}

extension BudgetStore {
    /// The product an EJ is linked to, if any.
    public func productID(ofEJ ej: String) async throws -> Int? {
        try await links(ejs: [ej]).first?.productID
    }
}
