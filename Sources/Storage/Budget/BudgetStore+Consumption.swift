import EclaireCore
import SQLKit

extension BudgetStore {
    public func addConsumption(productID: Int, _ consumption: MonthlyConsumption) async throws -> Int {
        _ = try await product(productID)
        return try await audited { sql, audit in
            let row = try await sql.insert(into: "consumptions")
                .columns("product_id", "contract", "year", "month", "days_hundredths", "day_rate_cents",
                         "other_costs_cents", "status")
                .values(SQLBind(productID), SQLBind(consumption.contract), SQLBind(consumption.year),
                        SQLBind(consumption.month), SQLBind(consumption.daysHundredths),
                        SQLBind(consumption.dayRate.cents), SQLBind(consumption.otherCosts.cents),
                        SQLBind(consumption.status.rawValue))
                .returning("id").first()
            let id = try row!.decode(column: "id", as: Int.self)
            try await audit.record(product: productID, entity: "consumption", id: String(id), action: "create",
                                   before: nil, after: consumption.auditText)
            return id
        }
    }

    public func consumptions(productID: Int) async throws -> [MonthlyConsumption] {
        let rows = try await sql.select().column("*").from("consumptions").where("product_id", .equal, productID)
            .orderBy("year").orderBy("month").orderBy("id").all()
        var result: [MonthlyConsumption] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let shares = try await sql.select().columns("ej", "amount_cents").from("consumption_shares")
                .where("consumption_id", .equal, id).orderBy("id").all().map { share in
                    ConsumptionShare(ej: try share.decode(column: "ej", as: String.self),
                                     amount: Money(cents: try share.decode(column: "amount_cents", as: Int64.self)))
                }
            result.append(MonthlyConsumption(
                id: id, contract: try row.decode(column: "contract", as: String.self),
                year: try row.decode(column: "year", as: Int.self), month: try row.decode(column: "month", as: Int.self),
                daysHundredths: try row.decode(column: "days_hundredths", as: Int.self),
                dayRate: Money(cents: try row.decode(column: "day_rate_cents", as: Int64.self)),
                otherCosts: Money(cents: try row.decode(column: "other_costs_cents", as: Int64.self)),
                status: MonthlyConsumption.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .estimate,
                shares: shares))
        }
        return result
    }

    func consumption(_ id: Int, productID: Int) async throws -> MonthlyConsumption {
        guard let found = try await consumptions(productID: productID).first(where: { $0.id == id }) else {
            throw BudgetError.unknownConsumption(id)
        }
        return found
    }

    public func setConsumptionStatus(_ id: Int, productID: Int, _ status: MonthlyConsumption.Status) async throws {
        let before = try await consumption(id, productID: productID)
        try await audited { sql, audit in
            try await sql.update("consumptions").set("status", to: status.rawValue).where("id", .equal, id).run()
            try await audit.record(product: productID, entity: "consumption", id: String(id), action: "update",
                                   before: "statut \(before.status.french)", after: "statut \(status.french)")
        }
    }

    /// Replaces the split of a consumption; a split by hand must add up to its total.
    public func splitConsumption(_ id: Int, productID: Int, shares: [ConsumptionShare]) async throws {
        let consumption = try await consumption(id, productID: productID)
        try ConsumptionSplit.check(shares, total: consumption.total)
        try await writeShares(id, productID: productID, shares: shares, before: consumption)
    }

    /// Découper une conso: fills the product's orders, oldest first, each up to what remains on it (the team's
    /// order AE where recorded, else what Chorus engaged) once the other consumptions' shares are deducted.
    public func splitConsumptionAutomatically(_ id: Int, productID: Int) async throws -> [ConsumptionShare] {
        let consumption = try await consumption(id, productID: productID)
        let orders = Dictionary(try await teamOrders(productID: productID).map { ($0.ej, $0.ae) },
                                uniquingKeysWith: { _, last in last })
        var used: [String: Money] = [:]
        for other in try await consumptions(productID: productID) where other.id != id {
            for share in other.shares { used[share.ej, default: .zero] += share.amount }
        }
        let links = try await links(productID: productID).map(\.ej)
        let overviews = try await ChorusQueries(sql: sql).overviews(of: links)
        let created = try await BudgetQueries(store: self).creationDates(links)
        let available = overviews
            .sorted { (created[$0.ej] ?? .init(daysSinceEpoch: .max / 2), $0.ej) < (created[$1.ej] ?? .init(daysSinceEpoch: .max / 2), $1.ej) }
            .map { ($0.ej, (orders[$0.ej] ?? $0.ae) - (used[$0.ej] ?? .zero)) }
        let shares = ConsumptionSplit.fill(consumption.total, orders: available)
        try await writeShares(id, productID: productID, shares: shares, before: consumption)
        return shares
    }

    private func writeShares(_ id: Int, productID: Int, shares: [ConsumptionShare], before: MonthlyConsumption)
        async throws
    {
        try await audited { sql, audit in
            try await sql.delete(from: "consumption_shares").where("consumption_id", .equal, id).run()
            for share in shares {
                try await sql.insert(into: "consumption_shares").columns("consumption_id", "ej", "amount_cents")
                    .values(SQLBind(id), SQLBind(share.ej), SQLBind(share.amount.cents)).run()
            }
            try await audit.record(product: productID, entity: "consumption", id: String(id), action: "split",
                                   before: before.shares.splitText, after: shares.splitText)
        }
    }
}

extension BudgetQueries {
    func creationDates(_ ejs: [String]) async throws -> [String: LocalDate] {
        var result: [String: LocalDate] = [:]
        for chunk in ejs.chunked(by: 500) {
            let rows = try await sql.select().column("ej").column(SQLFunction("MIN", args: SQLColumn("date_creation")), as: "d")
                .from("ej_lines").where("ej", .in, chunk).groupBy("ej").all()
            for row in rows {
                if let date = try RowDecoding.date(row, "d") { result[try row.decode(column: "ej", as: String.self)] = date }
            }
        }
        return result
    }
}

extension MonthlyConsumption {
    var auditText: String {
        "\(contract), \(FrenchFormat.monthName(month)) \(year) : \(total.french) (\(status.french))"
    }
}

extension [ConsumptionShare] {
    var splitText: String {
        isEmpty ? "non répartie" : map { "EJ \($0.ej) : \($0.amount.french)" }.joined(separator: ", ")
    }
}
