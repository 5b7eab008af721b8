import EclaireCore
import Foundation
import SQLKit

/// Read side of the Chorus data, in domain terms. Aggregates run in SQL (SQLKit); nothing here writes.
public struct ChorusQueries: Sendable {
    let sql: any SQLDatabase

    public init(sql: any SQLDatabase) { self.sql = sql }

    /// PostgreSQL sums `bigint` into `numeric`: cast back so that both databases return a 64-bit integer.
    static let centsSum = SQLRaw("CAST(SUM(amount_cents) AS BIGINT)")

    public func stats() async throws -> SpendingStats {
        let counts = try await sql.raw("""
            SELECT (SELECT COUNT(DISTINCT ej) FROM ej_lines) AS ej_count,
                   (SELECT COUNT(*) FROM ej_lines) AS line_count,
                   (SELECT COUNT(*) FROM payments) AS payment_count,
                   (SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM amount_facts WHERE kind = \(bind: AmountKind.engage.rawValue)) AS ae,
                   (SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM payments) AS cp,
                   (SELECT COUNT(*) FROM (
                        SELECT COALESCE(supplier_siret, supplier_tiers, supplier_name) AS s FROM ej_lines
                        UNION SELECT COALESCE(supplier_siret, supplier_tiers, supplier_name) FROM payments
                   ) AS suppliers WHERE s IS NOT NULL) AS supplier_count
            """).first()!
        return SpendingStats(
            ejCount: try counts.decode(column: "ej_count", as: Int.self),
            ejLineCount: try counts.decode(column: "line_count", as: Int.self),
            supplierCount: try counts.decode(column: "supplier_count", as: Int.self),
            paymentCount: try counts.decode(column: "payment_count", as: Int.self),
            aeTotal: Money(cents: try counts.decode(column: "ae", as: Int64.self)),
            cpTotal: Money(cents: try counts.decode(column: "cp", as: Int64.self)))
    }

    /// EJ numbers in order, a page at a time; `search` matches the EJ number, supplier name or SIRET.
    /// `after` pages by key (the last EJ of the previous page), which stays fast deep into a large base.
    public func ejNumbers(limit: Int, offset: Int = 0, after: String? = nil, search: String? = nil,
                          scope: EJScope = .everything, filter: EJFilter = EJFilter()) async throws -> [String]
    {
        try await ejPage(limit: limit, offset: offset, after: after, search: search, scope: scope, filter: filter).ejs
    }

    /// A page of EJ numbers in the given order, and the cursor of the next page (nil on the last one).
    public func ejPage(limit: Int, offset: Int = 0, after: String? = nil, search: String? = nil,
                       scope: EJScope = .everything, filter: EJFilter = EJFilter(), sort: EJSort = .byEJ)
        async throws -> (ejs: [String], next: String?)
    {
        let matching = sql.select().distinct().column("ej").from("ej_lines")
        Self.filter(matching, search: search)
        filter.apply(to: matching)
        scope.restrict(matching)
        if sort == .byEJ {
            if let after { matching.where("ej", .greaterThan, after) }
            let ejs = try await matching.orderBy("ej").limit(limit).offset(offset).all()
                .map { try $0.decode(column: "ej", as: String.self) }
            return (ejs, ejs.count == limit ? ejs.last : nil)
        }
        let direction = sort.descending ? "DESC" : "ASC", comparison = sort.descending ? "<" : ">"
        var query: SQLQueryString = """
            SELECT s.ej, s.sort_key FROM (SELECT f.ej, \(unsafeRaw: sort.expression) AS sort_key FROM (\(matching.query)) f) s
            """
        if let after {
            guard let (key, ej) = sort.parse(cursor: after) else { throw QueryError.badCursor(after) }
            query = query + " WHERE (s.sort_key \(unsafeRaw: comparison) \(key) OR (s.sort_key = \(key) AND s.ej \(unsafeRaw: comparison) \(bind: ej)))"
        }
        query = query + " ORDER BY s.sort_key \(unsafeRaw: direction), s.ej \(unsafeRaw: direction) LIMIT \(literal: limit) OFFSET \(literal: offset)"
        let rows = try await sql.raw(query).all()
        var ejs: [String] = [], next: String?
        for row in rows {
            let ej = try row.decode(column: "ej", as: String.self)
            let key = sort.key == .montant ? String(try row.decode(column: "sort_key", as: Int64.self))
                : try row.decode(column: "sort_key", as: String.self)
            ejs.append(ej)
            next = sort.cursor(key: key, ej: ej)
        }
        return (ejs, ejs.count == limit ? next : nil)
    }

    /// Every EJ number of the base, in order.
    public func allEJNumbers() async throws -> [String] {
        try await sql.select().distinct().column("ej").from("ej_lines").orderBy("ej").all()
            .map { try $0.decode(column: "ej", as: String.self) }
    }

    public func ejCount(search: String? = nil, scope: EJScope = .everything, filter: EJFilter = EJFilter()) async throws -> Int {
        let query = sql.select().column(SQLRaw("COUNT(DISTINCT ej)"), as: "n").from("ej_lines")
        Self.filter(query, search: search)
        filter.apply(to: query)
        scope.restrict(query)
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func filter(_ query: SQLSelectBuilder, search: String?) {
        guard let search, !search.isEmpty else { return }
        let pattern = "%\(search.lowercased())%"
        query.where { group in
            group.where("ej", .like, pattern)
                .orWhere(SQLFunction("LOWER", args: SQLColumn("supplier_name")), .like, SQLBind(pattern))
                .orWhere("supplier_siret", .like, pattern)
        }
    }

    /// Overviews of the given EJs (all EJs when nil), in EJ order.
    public func overviews(of ejs: [String]?) async throws -> [EJOverview] {
        if let ejs, ejs.isEmpty { return [] }
        let lines = try await ejLines(of: ejs)
        let sums = try await amountSums(of: ejs)
        let paid = try await paymentSums(of: ejs)
        let sfCounts = try await serviceFaitCounts(of: ejs)
        var result: [EJOverview] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let ej = lines[index].0.ej
            var end = index
            while end < lines.endIndex && lines[end].0.ej == ej { end += 1 }
            let group = lines[index..<end].map(\.0)
            result.append(overview(ej: ej, lines: group, sums: sums[ej] ?? [:], paid: paid[ej], sfCount: sfCounts[ej] ?? 0))
            index = end
        }
        return result
    }

    private func overview(ej: String, lines: [EJLineFacts], sums: [AmountKind: Money], paid: (Money, Int)?,
                          sfCount: Int) -> EJOverview {
        let described = lines.first { $0.poste > 0 && $0.imputation.centreFinancier != nil } ?? lines[0]
        let supplierLine = lines.first { $0.supplier.siret != nil || $0.supplier.name != nil } ?? described
        var amounts = sums
        if let paid { amounts[.paye] = paid.0 }
        let invoiced = (sums[.facture] ?? .zero) + (sums[.preEnregistre] ?? .zero) + (sums[.certifieNonSolde] ?? .zero)
        let circuit = CircuitFacts(
            engaged: sums[.engage] ?? .zero, received: sums[.receptionne] ?? .zero, invoiced: invoiced,
            paid: paid?.0 ?? .zero, serviceFaitCount: sfCount, paymentRequestCount: paid?.1 ?? 0,
            closed: !lines.isEmpty && lines.allSatisfy { $0.status == "C" })
        return EJOverview(ej: ej, supplier: supplierLine.supplier, imputation: described.imputation,
                          lineCount: lines.filter { $0.poste > 0 }.count, amounts: amounts, circuit: circuit)
    }

    func ejLines(of ejs: [String]?) async throws -> [(EJLineFacts, SourceRef)] {
        let query = sql.select().column(SQLLiteral.all).column(SQLColumn("file_name", table: "f"))
            .from(SQLAlias(SQLIdentifier("ej_lines"), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier("import_files"), as: SQLIdentifier("f")), method: SQLJoinMethod.inner,
                  on: SQLColumn("source_file_id", table: "l"), .equal, SQLColumn("id", table: "f"))
        if let ejs { query.where(SQLColumn("ej", table: "l"), .in, SQLBind.group(ejs)) }
        return try await query.orderBy(SQLColumn("ej", table: "l")).orderBy(SQLColumn("poste", table: "l")).all()
            .map { row in (try RowDecoding.ejLine(row), try RowDecoding.source(row)) }
    }

    func amountSums(of ejs: [String]?) async throws -> [String: [AmountKind: Money]] {
        let query = sql.select().column("ej").column("kind").column(Self.centsSum, as: "total")
            .from("amount_facts").groupBy("ej").groupBy("kind")
        if let ejs { query.where("ej", .in, ejs) }
        var result: [String: [AmountKind: Money]] = [:]
        for row in try await query.all() {
            guard let kind = AmountKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            result[try row.decode(column: "ej", as: String.self), default: [:]][kind] =
                Money(cents: try row.decode(column: "total", as: Int64.self))
        }
        return result
    }

    private func paymentSums(of ejs: [String]?) async throws -> [String: (Money, Int)] {
        let query = sql.select().column("ej").column(Self.centsSum, as: "total")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("payments").where("ej", .isNot, SQLLiteral.null).groupBy("ej")
        if let ejs { query.where("ej", .in, ejs) }
        var result: [String: (Money, Int)] = [:]
        for row in try await query.all() {
            result[try row.decode(column: "ej", as: String.self)] =
                (Money(cents: try row.decode(column: "total", as: Int64.self)), try row.decode(column: "n", as: Int.self))
        }
        return result
    }

    private func serviceFaitCounts(of ejs: [String]?) async throws -> [String: Int] {
        let query = sql.select().column("ej").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("services_faits").where("ej", .isNot, SQLLiteral.null).groupBy("ej")
        if let ejs { query.where("ej", .in, ejs) }
        var result: [String: Int] = [:]
        for row in try await query.all() {
            result[try row.decode(column: "ej", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    public func detail(ej: String) async throws -> EJDetail? {
        let lines = try await ejLines(of: [ej])
        guard !lines.isEmpty else { return nil }
        let overview = overview(
            ej: ej, lines: lines.map(\.0), sums: try await amountSums(of: [ej])[ej] ?? [:],
            paid: try await paymentSums(of: [ej])[ej], sfCount: try await serviceFaitCounts(of: [ej])[ej] ?? 0)
        let facts = try await joined("amount_facts", ej: ej, order: ["exercice", "poste", "kind"])
            .map { (try RowDecoding.amountFact($0), try RowDecoding.source($0)) }
        let sfs = try await joined("services_faits", ej: ej, order: ["number"])
            .map { (try RowDecoding.serviceFait($0), try RowDecoding.source($0)) }
        let payments = try await joined("payments", ej: ej, order: ["date_derniere_operation", "dp"])
            .map { (try RowDecoding.payment($0), try RowDecoding.source($0)) }
        return EJDetail(overview: overview, lines: lines, amountFacts: facts, servicesFaits: sfs, payments: payments)
    }

    private func joined(_ table: String, ej: String, order: [String]) async throws -> [any SQLRow] {
        let query = sql.select().column(SQLLiteral.all).column(SQLColumn("file_name", table: "f"))
            .from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("import_files"), as: SQLIdentifier("f")), method: SQLJoinMethod.inner,
                  on: SQLColumn("source_file_id", table: "t"), .equal, SQLColumn("id", table: "f"))
            .where(SQLColumn("ej", table: "t"), .equal, SQLBind(ej))
        for column in order { query.orderBy(SQLColumn(column, table: "t")) }
        return try await query.all()
    }

    /// Changes with every import: what cached totals are keyed by.
    public func importGeneration() async throws -> Int {
        try await sql.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "n").from("import_files")
            .first().flatMap { try $0.decodeNil(column: "n") ? 0 : $0.decode(column: "n", as: Int.self) } ?? 0
    }

    public func importHistory() async throws -> [ImportedFile] {
        try await sql.select().columns("file_name", "sha256", "layout", "encoding", "rows_read", "rows_stored", "rows_skipped",
                                       "imported_at", "imported_by")
            .from("import_files").orderBy("id").all().map { row in
                ImportedFile(
                    fileName: try row.decode(column: "file_name", as: String.self),
                    sha256: try row.decode(column: "sha256", as: String.self),
                    layout: try row.decode(column: "layout", as: String.self),
                    encoding: try row.decode(column: "encoding", as: String.self),
                    rowsRead: try row.decode(column: "rows_read", as: Int.self),
                    rowsStored: try row.decode(column: "rows_stored", as: Int.self),
                    rowsSkipped: try row.decode(column: "rows_skipped", as: Int.self),
                    importedAt: (try? row.decode(column: "imported_at", as: Date.self)).map(Timestamp.iso),
                    importedBy: try row.decode(column: "imported_by", as: String?.self))
            }
    }

    /// Names who imported the file of this digest (the `/imports` page; the import itself is the importer's).
    public func recordAuthor(sha256: String, login: String) async throws {
        try await sql.update("import_files").set("imported_by", to: login).where("sha256", .equal, sha256)
            .where("imported_by", .is, SQLLiteral.null).run()
    }
}

public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    case badCursor(String)

    public var description: String {
        switch self {
        case .badCursor(let cursor): "curseur invalide pour ce tri : « \(cursor) » (reprenez next_after de la page précédente)"
        }
    }
}
