import ChorusImport
import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// The supplier registers in the database, and their use on what a document says.
public struct SupplierReferenceStore: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Imports a SIRENE stock or a DECP file in one transaction; it replaces what the same register gave before
    /// (a stock is a whole snapshot), so importing a file again changes nothing.
    public func importFile(_ path: String) async throws -> (source: SupplierReferenceEntry.Source, count: Int) {
        let batches = try SupplierReferenceReader.open(path)
        let source = batches.source
        let count = try await database.transaction { transaction -> Int in
            let sql = transaction as! any SQLDatabase
            try await sql.delete(from: "supplier_reference").where("source", .equal, source.rawValue).run()
            var count = 0
            while let batch = try batches.next() {
                for chunk in stride(from: 0, to: batch.count, by: 400) {
                    let rows = batch[chunk..<min(chunk + 400, batch.count)]
                    let insert = sql.insert(into: "supplier_reference").columns("siren", "siret", "name", "name_key", "source")
                    for entry in rows {
                        insert.values(SQLBind(entry.siren), SQLBind(entry.siret), SQLBind(entry.name),
                                      SQLBind(SupplierReferenceEntry.nameKey(entry.name)), SQLBind(source.rawValue))
                    }
                    try await insert.run()
                }
                count += batch.count
            }
            return count
        }
        return (source, count)
    }

    /// The name a register gives a SIRET: a person's correction (alias) first, then the establishment, its legal
    /// unit, the DECP.
    public func name(siret: String) async throws -> (name: String, source: String)? {
        if let alias = try await sql.select().column("name").from("supplier_aliases").where("siret", .equal, siret).first() {
            return (try alias.decode(column: "name", as: String.self), "nom corrigé par un analyste")
        }
        let rows = try await sql.select().column("name").column("source").from("supplier_reference")
            .where("siret", .equal, siret)
            .orWhere { $0.where("siren", .equal, String(siret.prefix(9))).where(SQLColumn("siret"), .is, SQLLiteral.null) }
            .all()
        let ranked = try rows.map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "source", as: String.self)) }
            .sorted { Self.rank($0.1) < Self.rank($1.1) }
        return ranked.first.map { ($0.0, Self.label($0.1)) }
    }

    /// The SIRET a name points to, when exactly one establishment bears it.
    public func siret(name: String) async throws -> (siret: String, source: String)? {
        let key = SupplierReferenceEntry.nameKey(name)
        guard key.count >= 3 else { return nil }
        let rows = try await sql.select().column("siret").column("source").from("supplier_reference")
            .where("name_key", .equal, key).where(SQLColumn("siret"), .isNot, SQLLiteral.null).limit(5).all()
        let found = Set(try rows.map { try $0.decode(column: "siret", as: String.self) })
        guard found.count == 1, let siret = found.first, let row = rows.first else { return nil }
        return (siret, Self.label(try row.decode(column: "source", as: String.self)))
    }

    static func rank(_ source: String) -> Int {
        switch source {
        case SupplierReferenceEntry.Source.sireneEtablissement.rawValue: 0
        case SupplierReferenceEntry.Source.sireneUniteLegale.rawValue: 1
        default: 2
        }
    }

    static func label(_ source: String) -> String {
        switch source {
        case SupplierReferenceEntry.Source.sireneEtablissement.rawValue: "SIRENE (établissement)"
        case SupplierReferenceEntry.Source.sireneUniteLegale.rawValue: "SIRENE (unité légale)"
        default: "données essentielles de la commande publique (DECP)"
        }
    }

    /// What the registers add to a document's facts: the supplier's name confirmed from a valid SIRET (the
    /// register's name, confidence 0.97), or a SIRET found from the name when one establishment alone bears it
    /// (confidence 0.6). Source page 0: not the document's pages.
    public func enrich(_ record: ExtractionRecord) async throws -> ExtractionRecord {
        var facts = record.facts
        if let siret = facts[.supplierSiret], Identifiers.siret(siret).isValid {
            if let (name, source) = try await name(siret: siret) {
                facts.fields[.supplierName] = ExtractedField(key: .supplierName, value: name, confidence: 0.97,
                                                             source: FieldSource(page: 0, text: "\(source) : SIRET \(siret)"))
            }
        } else if facts[.supplierSiret] == nil, let name = facts[.supplierName], let (siret, source) = try await self.siret(name: name) {
            facts.fields[.supplierSiret] = ExtractedField(key: .supplierSiret, value: siret, confidence: 0.6,
                                                          source: FieldSource(page: 0, text: "\(source) : « \(name) »"))
            if facts[.supplierSiren] == nil {
                facts.fields[.supplierSiren] = ExtractedField(key: .supplierSiren, value: String(siret.prefix(9)), confidence: 0.6,
                                                              source: FieldSource(page: 0, text: "\(source) : « \(name) »"))
            }
        }
        return ExtractionRecord(textMethod: record.textMethod, pages: record.pages,
                                fields: EclaireCore.FieldKey.allCases.compactMap { facts.fields[$0] }, invalidIDs: record.invalidIDs,
                                typedFacts: record.typedFacts)
    }
}
