/// One change to the budget data: who made it, when, and the value before and after, in words a team reads.
public struct AuditEntry: Sendable, Equatable {
    /// ISO 8601 UTC.
    public var at: String
    public var actor: String
    public var productID: Int?
    /// `product`, `budget`, `funding`, `forecast_line`, `ej_link`, `link_rule`.
    public var entity: String
    public var entityID: String?
    /// `create`, `update`, `delete`, `link`, `unlink`, `duplicate`.
    public var action: String
    public var before: String?
    public var after: String?

    public init(at: String, actor: String, productID: Int?, entity: String, entityID: String?, action: String,
                before: String?, after: String?) {
        self.at = at
        self.actor = actor
        self.productID = productID
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.before = before
        self.after = after
    }
}
