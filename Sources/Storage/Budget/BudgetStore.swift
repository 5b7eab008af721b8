import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// Products, their budgets, forecasts and links, written with an audit entry in the same transaction.
public struct BudgetStore: Sendable {
    let database: any Database
    /// Who makes the changes (a user name, `cli:<login>` for the command line).
    public let actor: String

    public init(database: any Database, actor: String) {
        self.database = database
        self.actor = actor
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }
    public var sqlDatabase: any SQLDatabase { sql }

    /// Runs the change and its audit entries in one transaction.
    func audited<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase, AuditWriter) async throws -> T) async throws -> T {
        let actor = actor
        return try await database.writeTransaction { transaction in
            let sql = transaction as! any SQLDatabase
            return try await body(sql, AuditWriter(sql: sql, actor: actor))
        }
    }

    // MARK: Products

    public func createProduct(name: String, team: String, sponsor: String, programme: String? = nil,
                              centreFinancier: String? = nil, centreCouts: String? = nil) async throws -> Product {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw BudgetError.emptyName }
        if try await products().contains(where: { $0.name.lowercased() == name.lowercased() }) {
            throw BudgetError.duplicateProduct(name)
        }
        return try await audited { sql, audit in
            let row = try await sql.insert(into: "products")
                .columns("name", "team", "sponsor", "programme", "centre_financier", "centre_couts")
                .values(SQLBind(name), SQLBind(team), SQLBind(sponsor), SQLBind(programme), SQLBind(centreFinancier),
                        SQLBind(centreCouts))
                .returning("id").first()
            let product = Product(id: try row!.decode(column: "id", as: Int.self), name: name, team: team,
                                  sponsor: sponsor, programme: programme, centreFinancier: centreFinancier,
                                  centreCouts: centreCouts)
            try await audit.record(product: product.id, entity: "product", id: String(product.id), action: "create",
                                   before: nil, after: product.auditText)
            return product
        }
    }

    public func products() async throws -> [Product] {
        try await sql.select().column("*").from("products").orderBy("name").all().map(Self.product)
    }

    public func product(_ id: Int) async throws -> Product {
        guard let row = try await sql.select().column("*").from("products").where("id", .equal, id).first() else {
            throw BudgetError.unknownProduct(String(id))
        }
        return try Self.product(row)
    }

    /// A product by its number or its name (case-insensitive), as users type it.
    public func product(named reference: String) async throws -> Product {
        if let id = Int(reference) { return try await product(id) }
        guard let found = try await products().first(where: { $0.name.lowercased() == reference.lowercased() }) else {
            throw BudgetError.unknownProduct(reference)
        }
        return found
    }

    static func product(_ row: any SQLRow) throws -> Product {
        Product(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                team: try row.decode(column: "team", as: String.self),
                sponsor: try row.decode(column: "sponsor", as: String.self),
                programme: try RowDecoding.string(row, "programme"),
                centreFinancier: try RowDecoding.string(row, "centre_financier"),
                centreCouts: try RowDecoding.string(row, "centre_couts"))
    }

    // MARK: Budgets and fundings

    /// Sets the allocation of a year, replacing the previous one.
    public func setBudget(productID: Int, exercice: Int, allocatedAE: Money, allocatedCP: Money) async throws {
        _ = try await product(productID)
        let previous = try await budgets(productID: productID).first { $0.exercice == exercice }
        try await audited { sql, audit in
            if previous == nil {
                try await sql.insert(into: "product_budgets")
                    .columns("product_id", "exercice", "allocated_ae_cents", "allocated_cp_cents")
                    .values(SQLBind(productID), SQLBind(exercice), SQLBind(allocatedAE.cents), SQLBind(allocatedCP.cents))
                    .run()
            } else {
                try await sql.update("product_budgets")
                    .set("allocated_ae_cents", to: allocatedAE.cents).set("allocated_cp_cents", to: allocatedCP.cents)
                    .where("product_id", .equal, productID).where("exercice", .equal, exercice).run()
            }
            try await audit.record(
                product: productID, entity: "budget", id: String(exercice), action: previous == nil ? "create" : "update",
                before: previous.map { "AE \($0.allocatedAE.french), CP \($0.allocatedCP.french)" },
                after: "AE \(allocatedAE.french), CP \(allocatedCP.french)")
        }
    }

    public func addFunding(productID: Int, exercice: Int, funding: Funding) async throws {
        _ = try await product(productID)
        try await audited { sql, audit in
            try await sql.insert(into: "fundings").columns("product_id", "exercice", "source", "amount_cents")
                .values(SQLBind(productID), SQLBind(exercice), SQLBind(funding.source), SQLBind(funding.amount.cents))
                .run()
            try await audit.record(product: productID, entity: "funding", id: String(exercice), action: "create",
                                   before: nil, after: "\(funding.source) : \(funding.amount.french)")
        }
    }

    /// Budgets by exercice with their fundings; a year with fundings and no allocation has a zero allocation.
    public func budgets(productID: Int) async throws -> [ProductBudget] {
        var result: [Int: ProductBudget] = [:]
        for row in try await sql.select().column("*").from("product_budgets").where("product_id", .equal, productID)
            .all() {
            let exercice = try row.decode(column: "exercice", as: Int.self)
            result[exercice] = ProductBudget(
                exercice: exercice, allocatedAE: Money(cents: try row.decode(column: "allocated_ae_cents", as: Int64.self)),
                allocatedCP: Money(cents: try row.decode(column: "allocated_cp_cents", as: Int64.self)))
        }
        for row in try await sql.select().column("*").from("fundings").where("product_id", .equal, productID)
            .orderBy("id").all() {
            let exercice = try row.decode(column: "exercice", as: Int.self)
            let funding = Funding(source: try row.decode(column: "source", as: String.self),
                                  amount: Money(cents: try row.decode(column: "amount_cents", as: Int64.self)))
            result[exercice, default: ProductBudget(exercice: exercice, allocatedAE: .zero, allocatedCP: .zero)]
                .fundings.append(funding)
        }
        return result.values.sorted { $0.exercice < $1.exercice }
    }
}

public enum BudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyName
    case duplicateProduct(String)
    case unknownProduct(String)
    case unknownForecastLine(Int)
    case unknownEJ(String)
    case unknownConsumption(Int)
    case ejNotLinked(ej: String, product: String)

    public var description: String {
        switch self {
        case .emptyName: "le nom du produit est vide"
        case .duplicateProduct(let name): "un produit s'appelle déjà « \(name) »"
        case .unknownProduct(let reference): "produit inconnu : \(reference)"
        case .unknownForecastLine(let id): "ligne prévisionnelle inconnue : \(id)"
        case .unknownEJ(let ej): "EJ inconnu : \(ej)"
        case .unknownConsumption(let id): "consommation inconnue : \(id)"
        case .ejNotLinked(let ej, let product): "l'EJ \(ej) n'est pas rattaché à \(product)"
        }
    }
}

extension Product {
    var auditText: String {
        "\(name) — équipe \(team), sponsor \(sponsor)"
            + [programme.map { "programme \($0)" }, centreFinancier.map { "centre financier \($0)" },
               centreCouts.map { "centre de coûts \($0)" }].compactMap { $0 }.map { ", " + $0 }.joined()
    }
}
