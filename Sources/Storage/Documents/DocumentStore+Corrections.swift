import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// Corrections by people: audited, kept when the document is read again, and reused — a supplier name corrected by
/// someone who may name suppliers for everyone (`AccessPolicy.namesSuppliers`) becomes an alias of the SIRET.
extension DocumentStore {
    public func correct(documentID: Int, key: EclaireCore.FieldKey, value: String, namingSupplier: Bool) async throws {
        let document = try await document(documentID)
        let value = try key.canonical(value)
        let before = try await fields(of: documentID).first { $0.field.key == key }
        let actor = actor
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.delete(from: "document_fields").where("document_id", .equal, documentID).where("key", .equal, key.rawValue).run()
            if !value.isEmpty {
                try await sql.insert(into: "document_fields")
                    .columns("document_id", "key", "value", "confidence", "page", "source_text", "corrected_by", "corrected_at")
                    .values(SQLBind(documentID), SQLBind(key.rawValue), SQLBind(value), SQLBind(1.0), SQLBind(Int?.none),
                            SQLBind(String?.none), SQLBind(actor), SQLBind(Timestamp.now()))
                    .run()
            }
            try await AuditWriter(sql: sql, actor: actor).record(
                product: nil, entity: "document_field", id: "\(documentID):\(key.rawValue)", action: "correct",
                before: before?.field.value, after: value.isEmpty ? nil : value)
            if namingSupplier, key == .supplierName, !value.isEmpty {
                let siret = try await sql.select().column("value").from("document_fields")
                    .where("document_id", .equal, documentID).where("key", .equal, EclaireCore.FieldKey.supplierSiret.rawValue).first()
                    .map { try $0.decode(column: "value", as: String.self) }
                if let siret {
                    let known = try await sql.select().column("siret").from("supplier_aliases")
                        .where("siret", .equal, siret).where("name", .equal, value).first()
                    if known == nil {
                        try await sql.insert(into: "supplier_aliases").columns("siret", "name", "source")
                            .values(SQLBind(siret), SQLBind(value), SQLBind("correction du document \(document.id) par \(actor)")).run()
                    }
                }
            }
        }
    }
}
