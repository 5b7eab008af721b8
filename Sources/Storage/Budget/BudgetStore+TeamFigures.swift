import EclaireCore
import SQLKit

extension BudgetStore {
    /// Records (or corrects) the AE of a purchase order as the team signed it.
    public func setTeamOrder(productID: Int, _ order: TeamOrder) async throws {
        try await requireLinked(order.ej, to: productID)
        let previous = try await teamOrders(productID: productID).first { $0.ej == order.ej }
        try await audited { sql, audit in
            try await sql.delete(from: "team_orders").where("product_id", .equal, productID).where("ej", .equal, order.ej).run()
            try await sql.insert(into: "team_orders").columns("product_id", "ej", "ae_cents", "label")
                .values(SQLBind(productID), SQLBind(order.ej), SQLBind(order.ae.cents), SQLBind(order.label)).run()
            try await audit.record(product: productID, entity: "team_order", id: order.ej,
                                   action: previous == nil ? "create" : "update",
                                   before: previous.map { "BC \(order.ej) : AE \($0.ae.french)" },
                                   after: "BC \(order.ej) : AE \(order.ae.french)")
        }
    }

    public func addTeamServiceFait(productID: Int, _ sf: TeamServiceFait) async throws {
        try await requireLinked(sf.ej, to: productID)
        try await audited { sql, audit in
            try await sql.insert(into: "team_services_faits").columns("product_id", "ej", "number", "cp_cents", "label")
                .values(SQLBind(productID), SQLBind(sf.ej), SQLBind(sf.number), SQLBind(sf.cp.cents), SQLBind(sf.label))
                .run()
            try await audit.record(product: productID, entity: "team_service_fait", id: sf.number, action: "create",
                                   before: nil, after: "SF \(sf.number) (EJ \(sf.ej)) : CP \(sf.cp.french)")
        }
    }

    /// A team records figures for its own orders only.
    func requireLinked(_ ej: String, to productID: Int) async throws {
        let product = try await product(productID)
        guard try await self.productID(ofEJ: ej) == productID else {
            throw BudgetError.ejNotLinked(ej: ej, product: product.name)
        }
    }

    public func teamOrders(productID: Int) async throws -> [TeamOrder] {
        try await sql.select().column("*").from("team_orders").where("product_id", .equal, productID).orderBy("ej")
            .all().map { row in
                TeamOrder(ej: try row.decode(column: "ej", as: String.self),
                          ae: Money(cents: try row.decode(column: "ae_cents", as: Int64.self)),
                          label: try row.decode(column: "label", as: String.self))
            }
    }

    public func teamServicesFaits(productID: Int) async throws -> [TeamServiceFait] {
        try await sql.select().column("*").from("team_services_faits").where("product_id", .equal, productID)
            .orderBy("ej").orderBy("number").orderBy("id").all().map { row in
                TeamServiceFait(id: try row.decode(column: "id", as: Int.self),
                                ej: try row.decode(column: "ej", as: String.self),
                                number: try row.decode(column: "number", as: String.self),
                                cp: Money(cents: try row.decode(column: "cp_cents", as: Int64.self)),
                                label: try row.decode(column: "label", as: String.self))
            }
    }
}

extension BudgetQueries {
    /// Every engaged and received Chorus line of the product's EJs with the team's figure and its verdict.
    public func reconciliation(productID: Int) async throws -> [ReconciledLine] {
        let orders = Dictionary(try await store.teamOrders(productID: productID).map { ($0.ej, $0) },
                                uniquingKeysWith: { _, last in last })
        let servicesFaits = Dictionary(grouping: try await store.teamServicesFaits(productID: productID), by: \.ej)
        var lines: [ReconciledLine] = []
        let queries = ChorusQueries(sql: sql)
        for link in try await store.links(productID: productID) {
            guard let detail = try await queries.detail(ej: link.ej) else { continue }
            lines += ProductReconciliation.reconcile(
                ej: link.ej, facts: detail.amountFacts.map(\.0), payments: detail.payments.map(\.0),
                order: orders[link.ej], servicesFaits: servicesFaits[link.ej] ?? [])
        }
        return lines
    }
}
