import EclaireCore
import SQLKit

/// The upsert statements. Every value is bound; only constant column names are written into the SQL.
enum FactStatements {
    typealias Value = any Encodable & Sendable

    static let supplierColumns = ["supplier_tiers", "supplier_siret", "supplier_siret_valid", "supplier_name"]

    static func supplierValues(_ supplier: SupplierRef) -> [Value] {
        [supplier.tiers, supplier.siret?.normalized, supplier.siret?.isValid, supplier.name]
    }

    static func upsertEJLines(_ rows: [(EJLineFacts, Int)], fileID: Int, on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let columns = ["ej", "poste"] + supplierColumns + ImputationColumns.all
            + ["date_creation", "date_modification", "ordered_cents", "status", "source_file_id", "source_line"]
        let builder = sql.insert(into: "ej_lines").columns(columns)
        for (facts, line) in rows {
            let values: [Value] = [facts.ej, facts.poste] + supplierValues(facts.supplier)
                + facts.imputation.columnValues.map { $0 as Value }
                + [facts.dateCreation?.iso, facts.dateModification?.iso, facts.orderedAmount?.cents, facts.status,
                   fileID, line]
            builder.values(values.map { SQLBind($0) })
        }
        let kept = Set(["ej", "poste", "source_file_id", "source_line"])
        try await builder.onConflict(with: ["ej", "poste"]) { update in
            for column in columns where !kept.contains(column) {
                update.set(column, to: SQLRaw("COALESCE(excluded.\(column), ej_lines.\(column))"))
            }
            return update
        }.run()
    }

    static func upsertAmounts(_ rows: [(AmountFact, Int)], fileID: Int, on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let columns = ["fact_key", "kind", "ej", "poste", "exercice", "service_fait", "dp", "poste_dp",
                       "amount_cents", "source_file_id", "source_line"]
        let builder = sql.insert(into: "amount_facts").columns(columns)
        for (fact, line) in rows {
            let values: [Value] = [fact.key, fact.kind.rawValue, fact.ej, fact.poste, fact.exercice, fact.serviceFait,
                                   fact.dp, fact.posteDP, fact.amount.cents, fileID, line]
            builder.values(values.map { SQLBind($0) })
        }
        try await builder.onConflict(with: ["fact_key"]) { update in
            update.set("amount_cents", to: summedWithinFile("amount_facts"))
                .set(excludedValueOf: "source_file_id")
                .set(excludedValueOf: "source_line")
        }.run()
    }

    static func upsertPayments(_ rows: [(PaymentFacts, Int)], fileID: Int, on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let described = ["dp", "poste_dp", "ej", "poste_ej", "service_fait", "exercice", "date_base",
                         "date_derniere_operation"] + supplierColumns + ImputationColumns.all
        let columns = ["payment_key"] + described + ["amount_cents", "source_file_id", "source_line"]
        let builder = sql.insert(into: "payments").columns(columns)
        for (payment, line) in rows {
            let values: [Value] = [payment.key, payment.dp, payment.posteDP, payment.ej, payment.posteEJ,
                                   payment.serviceFait, payment.exercice, payment.dateBase?.iso,
                                   payment.dateDerniereOperation?.iso]
                + supplierValues(payment.supplier) + payment.imputation.columnValues.map { $0 as Value }
                + [payment.amount.cents, fileID, line]
            builder.values(values.map { SQLBind($0) })
        }
        try await builder.onConflict(with: ["payment_key"]) { update in
            for column in described {
                update.set(column, to: SQLRaw("COALESCE(excluded.\(column), payments.\(column))"))
            }
            return update.set("amount_cents", to: summedWithinFile("payments"))
                .set(excludedValueOf: "source_file_id")
                .set(excludedValueOf: "source_line")
        }.run()
    }

    static func upsertServicesFaits(_ rows: [(ServiceFaitFacts, Int)], fileID: Int, on sql: any SQLDatabase)
        async throws
    {
        guard !rows.isEmpty else { return }
        let builder = sql.insert(into: "services_faits")
            .columns(["number", "ej", "poste", "date_comptable", "source_file_id", "source_line"])
        for (sf, line) in rows {
            let values: [Value] = [sf.number, sf.ej, sf.poste, sf.dateComptable?.iso, fileID, line]
            builder.values(values.map { SQLBind($0) })
        }
        try await builder.onConflict(with: ["number"]) { update in
            for column in ["ej", "poste", "date_comptable"] {
                update.set(column, to: SQLRaw("COALESCE(excluded.\(column), services_faits.\(column))"))
            }
            return update
        }.run()
    }

    /// Same file: a further split line of the fact, added. Another file: the fact as that file reports it.
    private static func summedWithinFile(_ table: String) -> SQLRaw {
        SQLRaw("CASE WHEN \(table).source_file_id = excluded.source_file_id "
            + "THEN \(table).amount_cents + excluded.amount_cents ELSE excluded.amount_cents END")
    }
}
