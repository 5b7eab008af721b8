import EclaireCore
import SQLKit

extension BudgetStore {
    public func addForecastLine(productID: Int, _ line: ForecastLine) async throws -> Int {
        _ = try await product(productID)
        return try await audited { sql, audit in
            let id = try await Self.insert(line, productID: productID, on: sql)
            try await audit.record(product: productID, entity: "forecast_line", id: String(id), action: "create",
                                   before: nil, after: line.auditText)
            return id
        }
    }

    public func deleteForecastLine(_ id: Int) async throws {
        guard let (productID, line) = try await forecastLine(id) else { throw BudgetError.unknownForecastLine(id) }
        try await audited { sql, audit in
            try await sql.delete(from: "forecast_lines").where("id", .equal, id).run()
            try await audit.record(product: productID, entity: "forecast_line", id: String(id), action: "delete",
                                   before: line.auditText, after: nil)
        }
    }

    /// Copies every line of one year into another (dupliquer le prévisionnel); returns the number of lines copied.
    public func duplicateForecast(productID: Int, from source: Int, to target: Int) async throws -> Int {
        let lines = try await forecast(productID: productID).filter { $0.exercice == source }
        return try await audited { sql, audit in
            for line in lines { _ = try await Self.insert(line.duplicated(into: target), productID: productID, on: sql) }
            try await audit.record(product: productID, entity: "forecast_line", id: nil, action: "duplicate",
                                   before: "prévisionnel \(source)", after: "\(lines.count) lignes copiées en \(target)")
            return lines.count
        }
    }

    /// Turns a year's fundings into forecast lines; returns the number of lines added.
    public func forecastFromFundings(productID: Int, exercice: Int) async throws -> Int {
        let fundings = try await budgets(productID: productID).first { $0.exercice == exercice }?.fundings ?? []
        for funding in fundings { _ = try await addForecastLine(productID: productID, funding.forecastLine(exercice: exercice)) }
        return fundings.count
    }

    public func forecast(productID: Int) async throws -> [ForecastLine] {
        try await sql.select().column("*").from("forecast_lines").where("product_id", .equal, productID)
            .orderBy("exercice").orderBy("id").all().map(Self.forecastLine)
    }

    func forecastLine(_ id: Int) async throws -> (Int, ForecastLine)? {
        guard let row = try await sql.select().column("*").from("forecast_lines").where("id", .equal, id).first()
        else { return nil }
        return (try row.decode(column: "product_id", as: Int.self), try Self.forecastLine(row))
    }

    static func insert(_ line: ForecastLine, productID: Int, on sql: any SQLDatabase) async throws -> Int {
        var columns: [String] = ["product_id", "exercice", "kind"]
        var values: [any Encodable & Sendable] = [productID, line.exercice]
        switch line.cost {
        case .staffing(let staffing):
            columns += ["person", "contract", "month", "day_rate_cents", "days_hundredths", "other_costs_cents"]
            values += ["staffing", staffing.person, staffing.contract, staffing.month, staffing.dayRate.cents,
                       staffing.daysHundredths, staffing.otherCosts.cents]
        case .free(let free):
            columns += ["label", "ae_cents", "cp_cents", "cp_prior_ae_cents"]
            values += ["free", free.label, free.ae.cents, free.cp.cents, free.cpFromPriorAE.cents]
        }
        let row = try await sql.insert(into: "forecast_lines").columns(columns).values(values.map { SQLBind($0) })
            .returning("id").first()
        return try row!.decode(column: "id", as: Int.self)
    }

    static func forecastLine(_ row: any SQLRow) throws -> ForecastLine {
        let cost: ForecastLine.Cost
        if try row.decode(column: "kind", as: String.self) == "staffing" {
            cost = .staffing(StaffingCost(
                person: try row.decode(column: "person", as: String.self),
                contract: try RowDecoding.string(row, "contract"), month: try RowDecoding.int(row, "month") ?? 1,
                dayRate: try RowDecoding.cents(row, "day_rate_cents") ?? .zero,
                daysHundredths: try RowDecoding.int(row, "days_hundredths") ?? 0,
                otherCosts: try RowDecoding.cents(row, "other_costs_cents") ?? .zero))
        } else {
            cost = .free(FreeCost(
                label: try RowDecoding.string(row, "label") ?? "", ae: try RowDecoding.cents(row, "ae_cents") ?? .zero,
                cp: try RowDecoding.cents(row, "cp_cents") ?? .zero,
                cpFromPriorAE: try RowDecoding.cents(row, "cp_prior_ae_cents") ?? .zero))
        }
        return ForecastLine(id: try row.decode(column: "id", as: Int.self),
                            exercice: try row.decode(column: "exercice", as: Int.self), cost: cost)
    }
}

extension ForecastLine {
    var auditText: String { "\(exercice) — \(label) : AE \(ae.french), CP \(cp.french)" }
}
