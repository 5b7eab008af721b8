import EclaireCore
import FluentKit
import SQLKit

/// A name people confirmed for a SIRET by correcting a document.
public struct SupplierAlias: Sendable, Equatable {
    public let siret: String
    public let name: String
    /// Which correction made it: « correction du document N par LOGIN ».
    public let source: String
}

/// What the registers say of a SIRET or a name typed by a person.
public enum SupplierLookup: Sendable, Equatable {
    case name(siret: String, name: String, source: String)
    case siret(name: String, siret: String, source: String)

    /// One line in French, for the command line and the suppliers page.
    public var summary: String {
        switch self {
        case .name(let siret, let name, let source): "SIRET \(siret) : \(name) — \(source)"
        case .siret(let name, let siret, let source): "« \(name) » : SIRET \(siret) — \(source)"
        }
    }
}

extension SupplierReferenceStore {
    /// A valid SIRET gives its name; anything else is taken for a name and gives the SIRET one establishment bears.
    public func lookup(_ query: String) async throws -> SupplierLookup? {
        let siret = Identifiers.siret(query)
        if siret.isValid, let (name, source) = try await name(siret: siret.normalized) {
            return .name(siret: siret.normalized, name: name, source: source)
        }
        if let (found, source) = try await self.siret(name: query) {
            return .siret(name: query, siret: found, source: source)
        }
        return nil
    }

    /// Entries per register (SIRENE establishments, legal units, DECP), in the order names are taken from them.
    public func registerCounts() async throws -> [(register: String, count: Int)] {
        let rows = try await sql.select().column("source").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "entries")
            .from("supplier_reference").groupBy("source").all()
        return try rows.map { (try $0.decode(column: "source", as: String.self), try $0.decode(column: "entries", as: Int.self)) }
            .sorted { Self.rank($0.0) < Self.rank($1.0) }
            .map { (Self.label($0.0), $0.1) }
    }

    /// The aliases whose SIRET starts with, or whose name contains, `text` (every alias when nil), by SIRET.
    public func aliases(matching text: String?, limit: Int) async throws -> [SupplierAlias] {
        let query = sql.select().column("siret").column("name").column("source").from("supplier_aliases")
        if let text, !text.isEmpty {
            query.where { group in
                group.where(SQLColumn("siret"), .like, SQLBind(text + "%"))
                    .orWhere(SQLFunction("LOWER", args: SQLColumn("name")), .like, SQLBind("%" + text.lowercased() + "%"))
            }
        }
        return try await query.orderBy("siret").orderBy("name").limit(limit).all().map {
            SupplierAlias(siret: try $0.decode(column: "siret", as: String.self), name: try $0.decode(column: "name", as: String.self),
                          source: try $0.decode(column: "source", as: String.self))
        }
    }
}

extension SupplierReferenceStore {
    /// The names people confirmed for this SIRET, with the correction that made each.
    public func aliases(siret: String) async throws -> [SupplierAlias] {
        try await sql.select().column("siret").column("name").column("source").from("supplier_aliases")
            .where("siret", .equal, siret).orderBy("name").all().map {
                SupplierAlias(siret: try $0.decode(column: "siret", as: String.self),
                              name: try $0.decode(column: "name", as: String.self),
                              source: try $0.decode(column: "source", as: String.self))
            }
    }
}
