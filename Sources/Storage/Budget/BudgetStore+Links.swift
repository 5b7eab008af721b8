import EclaireCore
import SQLKit

/// An EJ's link to a product.
public struct EJLink: Sendable, Equatable {
    public var ej: String
    public var productID: Int
    public var method: LinkMethod
    public var ruleID: Int?
    public var linkedAt: String
    public var linkedBy: String
}

extension BudgetStore {
    /// Links an EJ to a product, replacing any earlier link of that EJ.
    public func link(ej: String, productID: Int, method: LinkMethod = .manual, ruleID: Int? = nil) async throws {
        let product = try await product(productID)
        guard try await !ChorusQueries(sql: sql).ejLines(of: [ej]).isEmpty else { throw BudgetError.unknownEJ(ej) }
        let previous = try await links(ejs: [ej]).first
        if previous?.productID == productID { return }
        try await audited { sql, audit in
            try await sql.delete(from: "ej_links").where("ej", .equal, ej).run()
            try await sql.insert(into: "ej_links")
                .columns("ej", "product_id", "method", "rule_id", "linked_at", "linked_by")
                .values(SQLBind(ej), SQLBind(productID), SQLBind(method.rawValue), SQLBind(ruleID),
                        SQLBind(Timestamp.now()), SQLBind(audit.actor))
                .run()
            if let previous {
                try await audit.record(product: previous.productID, entity: "ej_link", id: ej, action: "unlink",
                                       before: "EJ \(ej) lié au produit \(previous.productID)",
                                       after: "EJ \(ej) lié à \(product.name)")
            }
            try await audit.record(product: productID, entity: "ej_link", id: ej, action: "link",
                                   before: previous.map { "EJ \(ej) lié au produit \($0.productID)" },
                                   after: "EJ \(ej) lié à \(product.name) (\(method.french))")
        }
    }

    public func unlink(ej: String) async throws {
        guard let previous = try await links(ejs: [ej]).first else { return }
        try await audited { sql, audit in
            try await sql.delete(from: "ej_links").where("ej", .equal, ej).run()
            try await audit.record(product: previous.productID, entity: "ej_link", id: ej, action: "unlink",
                                   before: "EJ \(ej) lié au produit \(previous.productID)", after: nil)
        }
    }

    /// Links of the given EJs, or of a product, or all.
    public func links(ejs: [String]? = nil, productID: Int? = nil) async throws -> [EJLink] {
        let query = sql.select().column("*").from("ej_links").orderBy("ej")
        if let ejs { query.where("ej", .in, ejs) }
        if let productID { query.where("product_id", .equal, productID) }
        return try await query.all().map { row in
            EJLink(ej: try row.decode(column: "ej", as: String.self),
                   productID: try row.decode(column: "product_id", as: Int.self),
                   method: LinkMethod(rawValue: try row.decode(column: "method", as: String.self)) ?? .manual,
                   ruleID: try RowDecoding.int(row, "rule_id"),
                   linkedAt: try row.decode(column: "linked_at", as: String.self),
                   linkedBy: try row.decode(column: "linked_by", as: String.self))
        }
    }

    // MARK: Rules

    public func addRule(_ rule: LinkRule) async throws -> Int {
        _ = try await product(rule.productID)
        return try await audited { sql, audit in
            var ej: String?, siret: String?, centreCouts: String?, referentiel: String?
            let kind: String
            switch rule.criterion {
            case .ej(let number): kind = "ej"; ej = number
            case .supplierAndCentreCouts(let s, let c): kind = "siret_centre_couts"; siret = s; centreCouts = c
            case .supplierAndActivite(let s, let r): kind = "siret_activite"; siret = s; referentiel = r
            }
            let row = try await sql.insert(into: "link_rules")
                .columns("product_id", "kind", "ej", "siret", "centre_couts", "referentiel")
                .values(SQLBind(rule.productID), SQLBind(kind), SQLBind(ej), SQLBind(siret), SQLBind(centreCouts),
                        SQLBind(referentiel))
                .returning("id").first()
            let id = try row!.decode(column: "id", as: Int.self)
            try await audit.record(product: rule.productID, entity: "link_rule", id: String(id), action: "create",
                                   before: nil, after: rule.french)
            return id
        }
    }

    public func rules() async throws -> [LinkRule] {
        try await sql.select().column("*").from("link_rules").orderBy("id").all().compactMap { row in
            let criterion: LinkRule.Criterion
            switch try row.decode(column: "kind", as: String.self) {
            case "ej": criterion = .ej(try row.decode(column: "ej", as: String.self))
            case "siret_centre_couts":
                criterion = .supplierAndCentreCouts(siret: try row.decode(column: "siret", as: String.self),
                                                    centreCouts: try row.decode(column: "centre_couts", as: String.self))
            case "siret_activite":
                criterion = .supplierAndActivite(siret: try row.decode(column: "siret", as: String.self),
                                                 referentiel: try row.decode(column: "referentiel", as: String.self))
            default: return nil
            }
            return LinkRule(id: try row.decode(column: "id", as: Int.self),
                            productID: try row.decode(column: "product_id", as: Int.self), criterion: criterion)
        }
    }

    /// Links every EJ linked to no product that a rule claims; returns how many were linked. An EJ linked by hand
    /// is never moved by a rule.
    public func applyRules() async throws -> Int {
        let rules = try await rules()
        guard !rules.isEmpty else { return 0 }
        var linked = 0
        let queries = ChorusQueries(sql: sql)
        // Only EJs that share an EJ number or a supplier with a rule can match one.
        var numbers = Set<String>(), sirets = Set<String>()
        for rule in rules {
            switch rule.criterion {
            case .ej(let number): numbers.insert(number)
            case .supplierAndCentreCouts(let siret, _), .supplierAndActivite(let siret, _): sirets.insert(siret)
            }
        }
        let candidates = try await unlinkedNumbers(matching: numbers, sirets: sirets, centresCouts: [])
        for chunk in candidates.chunked(by: 500) {
            let lines = Dictionary(grouping: try await queries.ejLines(of: chunk).map(\.0), by: \.ej)
            for ej in try await queries.overviews(of: chunk) {
                guard let rule = LinkRule.firstMatch(for: ej, lines: lines[ej.ej] ?? [], in: rules) else { continue }
                try await link(ej: ej.ej, productID: rule.productID, method: .rule, ruleID: rule.id)
                linked += 1
            }
        }
        return linked
    }

    func unlinkedNumbers() async throws -> [String] {
        let linked = Set(try await links().map(\.ej))
        return try await ChorusQueries(sql: sql).allEJNumbers().filter { !linked.contains($0) }
    }

    /// Unlinked EJs with a line whose EJ number, supplier SIRET or centre de coûts is among those given: what a rule
    /// or a suggestion can match, found by the database instead of reading every EJ of a large base.
    func unlinkedNumbers(matching numbers: Set<String>, sirets: Set<String>, centresCouts: Set<String>) async throws
        -> [String]
    {
        guard !(numbers.isEmpty && sirets.isEmpty && centresCouts.isEmpty) else { return [] }
        let query = sql.select().distinct().column("ej").from("ej_lines")
            .where(SQLIdentifier("ej"), .notIn, SQLGroupExpression(SQLRaw("SELECT ej FROM ej_links")))
            .where { group in
                var group = group
                for (column, values) in [("ej", numbers), ("supplier_siret", sirets), ("centre_couts", centresCouts)]
                where !values.isEmpty {
                    group = group.orWhere(SQLIdentifier(column), .in, SQLBind.group(values.sorted()))
                }
                return group
            }
            .orderBy("ej")
        return try await query.all().map { try $0.decode(column: "ej", as: String.self) }
    }

    /// Overviews of the EJs linked to no product.
    public func unlinkedEJs() async throws -> [EJOverview] {
        var result: [EJOverview] = []
        for chunk in try await unlinkedNumbers().chunked(by: 500) {
            result += try await ChorusQueries(sql: sql).overviews(of: chunk)
        }
        return result
    }

    /// Changes with every change of products, budgets, forecasts, links and rules: each one writes the audit log.
    public func version() async throws -> Int {
        try await sql.raw("SELECT MAX(id) AS v FROM audit_log").first()?.decode(column: "v", as: Int?.self) ?? 0
    }

    public func unlinkedCount() async throws -> Int {
        let row = try await sql.raw("""
            SELECT COUNT(DISTINCT ej) AS n FROM ej_lines WHERE ej NOT IN (SELECT ej FROM ej_links)
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements: IN lists stay under the databases' bind limits.
    func chunked(by size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
