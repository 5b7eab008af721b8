import EclaireCore
import SQLKit

/// Assembles a product's year and the portfolio from the budget tables and the Chorus facts.
public struct BudgetQueries: Sendable {
    let store: BudgetStore
    var sql: any SQLDatabase { store.sql }

    public init(store: BudgetStore) { self.store = store }

    public func productYear(_ productID: Int, exercice: Int, asOf today: LocalDate) async throws -> ProductYear {
        let product = try await store.product(productID)
        return try await year(of: product, exercice: exercice, asOf: today)
    }

    /// `readable` limits the portfolio to the products a person may read (nil: all).
    public func portfolio(exercice: Int, asOf today: LocalDate, programme: String? = nil, sponsor: String? = nil,
                          readable: Set<Int>? = nil) async throws -> Portfolio
    {
        var years: [ProductYear] = []
        for product in try await store.products()
        where (programme == nil || product.programme == programme) && (sponsor == nil || product.sponsor == sponsor)
            && (readable == nil || readable!.contains(product.id)) {
            years.append(try await year(of: product, exercice: exercice, asOf: today))
        }
        return Portfolio(exercice: exercice, years: years, unlinkedEJCount: try await store.unlinkedCount())
    }

    /// Exercices that have a budget, a forecast line or a fact of a linked EJ, in order.
    public func exercices() async throws -> [Int] {
        let rows = try await sql.raw("""
            SELECT exercice FROM product_budgets UNION SELECT exercice FROM forecast_lines
            UNION SELECT exercice FROM amount_facts WHERE ej IN (SELECT ej FROM ej_links)
            """).all()
        return try rows.map { try $0.decode(column: "exercice", as: Int.self) }.filter { $0 > 0 }.sorted()
    }

    func year(of product: Product, exercice: Int, asOf today: LocalDate) async throws -> ProductYear {
        let links = try await store.links(productID: product.id)
        let numbers = links.map(\.ej)
        let overviews = try await ChorusQueries(sql: sql).overviews(of: numbers)
        let byExercice = try await amountsByExercice(numbers)
        let serviceFaitDates = try await lastServiceFaits(numbers)
        let payments = try await paymentDates(numbers)
        let methods = Dictionary(links.map { ($0.ej, $0.method) }, uniquingKeysWith: { first, _ in first })
        let linked = overviews.map { overview in
            LinkedEJ(overview: overview, method: methods[overview.ej] ?? .manual,
                     byExercice: byExercice[overview.ej] ?? [:], lastServiceFait: serviceFaitDates[overview.ej],
                     payments: payments[overview.ej] ?? [])
        }
        return BudgetExecution.year(
            exercice, of: product, budget: try await store.budgets(productID: product.id).first { $0.exercice == exercice },
            forecast: try await store.forecast(productID: product.id), linked: linked, asOf: today)
    }

    /// Amount facts and payments of the EJs, by EJ, exercice and kind.
    func amountsByExercice(_ ejs: [String]) async throws -> [String: [Int: [AmountKind: Money]]] {
        guard !ejs.isEmpty else { return [:] }
        var result: [String: [Int: [AmountKind: Money]]] = [:]
        let facts = try await sql.select().column("ej").column("exercice").column("kind")
            .column(ChorusQueries.centsSum, as: "total").from("amount_facts").where("ej", .in, ejs)
            .groupBy("ej").groupBy("exercice").groupBy("kind").all()
        for row in facts {
            guard let kind = AmountKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            result[try row.decode(column: "ej", as: String.self), default: [:]][
                try row.decode(column: "exercice", as: Int.self), default: [:]][kind] =
                Money(cents: try row.decode(column: "total", as: Int64.self))
        }
        let paid = try await sql.select().column("ej").column("exercice").column(ChorusQueries.centsSum, as: "total")
            .from("payments").where("ej", .in, ejs).groupBy("ej").groupBy("exercice").all()
        for row in paid {
            let exercice = try RowDecoding.int(row, "exercice") ?? 0
            result[try row.decode(column: "ej", as: String.self), default: [:]][exercice, default: [:]][.paye] =
                Money(cents: try row.decode(column: "total", as: Int64.self))
        }
        return result
    }

    func lastServiceFaits(_ ejs: [String]) async throws -> [String: LocalDate] {
        guard !ejs.isEmpty else { return [:] }
        let rows = try await sql.select().column("ej").column(SQLFunction("MAX", args: SQLColumn("date_comptable")), as: "d")
            .from("services_faits").where("ej", .in, ejs).groupBy("ej").all()
        var result: [String: LocalDate] = [:]
        for row in rows {
            if let date = try RowDecoding.date(row, "d") { result[try row.decode(column: "ej", as: String.self)] = date }
        }
        return result
    }

    func paymentDates(_ ejs: [String]) async throws -> [String: [(date: LocalDate?, amount: Money)]] {
        guard !ejs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("ej", "date_derniere_operation", "date_base", "amount_cents")
            .from("payments").where("ej", .in, ejs).all()
        var result: [String: [(date: LocalDate?, amount: Money)]] = [:]
        for row in rows {
            let date = try RowDecoding.date(row, "date_derniere_operation") ?? RowDecoding.date(row, "date_base")
            result[try row.decode(column: "ej", as: String.self), default: []]
                .append((date, Money(cents: try row.decode(column: "amount_cents", as: Int64.self))))
        }
        return result
    }

    /// Suggestions for every EJ linked to no product, best first.
    public func suggestions() async throws -> [LinkSuggestion] {
        let products = try await store.products()
        guard !products.isEmpty else { return [] }
        let links = try await store.links()
        let linkedOverviews = try await ChorusQueries(sql: sql).overviews(of: links.map(\.ej))
        var sirets: [Int: Set<String>] = [:]
        let productOf = Dictionary(links.map { ($0.ej, $0.productID) }, uniquingKeysWith: { first, _ in first })
        for overview in linkedOverviews {
            if let product = productOf[overview.ej], let siret = overview.supplier.siret?.normalized {
                sirets[product, default: []].insert(siret)
            }
        }
        var profiles: [ProductProfile] = []
        for product in products {
            profiles.append(ProductProfile(product: product, supplierSirets: sirets[product.id] ?? [],
                                           forecast: try await store.forecast(productID: product.id)))
        }
        var result: [LinkSuggestion] = []
        let queries = ChorusQueries(sql: sql)
        // A suggestion needs a known supplier or the product's centre de coûts (the other signals stay under the
        // threshold): only the EJs that share one of them are scored.
        let candidates = LinkSuggester.needsSupplierOrCentreCouts
            ? try await store.unlinkedNumbers(matching: [], sirets: sirets.values.reduce(into: Set()) { $0.formUnion($1) },
                                              centresCouts: Set(products.compactMap(\.centreCouts)))
            : try await store.unlinkedNumbers()
        for chunk in candidates.chunked(by: 500) {
            let lines = Dictionary(grouping: try await queries.ejLines(of: chunk).map(\.0), by: \.ej)
            for ej in try await queries.overviews(of: chunk) {
                let ejLines = lines[ej.ej] ?? []
                let created = ejLines.compactMap(\.dateCreation).min()
                result += LinkSuggester.suggestions(for: ej, lines: ejLines, createdOn: created, among: profiles)
                    .prefix(1)
            }
        }
        return result.sorted { $0.score > $1.score || ($0.score == $1.score && $0.ej < $1.ej) }
    }
}
