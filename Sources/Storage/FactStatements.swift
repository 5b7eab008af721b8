import EclaireCore
import FluentKit

/// The upserts of one batch, one statement per table.
enum FactStatements {
    static let supplierColumns = ["supplier_tiers", "supplier_siret", "supplier_siret_valid", "supplier_name"]

    static func supplierValues(_ supplier: SupplierRef) -> [BulkValue] {
        [BulkValue(supplier.tiers), BulkValue(supplier.siret?.normalized), BulkValue(supplier.siret?.isValid),
         BulkValue(supplier.name)]
    }

    static func imputationValues(_ imputation: Imputation) -> [BulkValue] {
        imputation.columnValues.map(BulkValue.init)
    }

    /// `column = COALESCE(excluded.column, table.column)`: a later file completes what is stored, never erases it.
    static func completing(_ columns: [String], of table: String) -> [String] {
        columns.map { "\($0) = COALESCE(excluded.\($0), \(table).\($0))" }
    }

    /// Same file: a further split line of the fact, added. Another file: the fact as that file reports it.
    static func summedWithinFile(_ table: String) -> [String] {
        ["amount_cents = CASE WHEN \(table).source_file_id = excluded.source_file_id "
            + "THEN \(table).amount_cents + excluded.amount_cents ELSE excluded.amount_cents END",
         "source_file_id = excluded.source_file_id", "source_line = excluded.source_line"]
    }

    static func ejLines(_ rows: [(EJLineFacts, Int)], fileID: Int) -> BulkUpsert {
        let described = supplierColumns + ImputationColumns.all
            + ["date_creation", "date_modification", "ordered_cents", "status"]
        var upsert = BulkUpsert(
            table: "ej_lines", columns: ["ej", "poste"] + described + ["source_file_id", "source_line"],
            conflict: ["ej", "poste"], updates: completing(described, of: "ej_lines"))
        upsert.rows = rows.map { facts, line in
            [BulkValue(facts.ej), BulkValue(facts.poste)] + supplierValues(facts.supplier)
                + imputationValues(facts.imputation)
                + [BulkValue(facts.dateCreation?.iso), BulkValue(facts.dateModification?.iso),
                   BulkValue(facts.orderedAmount?.cents), BulkValue(facts.status), BulkValue(fileID), BulkValue(line)]
        }
        return upsert
    }

    static func amounts(_ rows: [(AmountFact, Int)], fileID: Int) -> BulkUpsert {
        var upsert = BulkUpsert(
            table: "amount_facts",
            columns: ["fact_key", "kind", "ej", "poste", "exercice", "service_fait", "dp", "poste_dp",
                      "amount_cents", "source_file_id", "source_line"],
            conflict: ["fact_key"], updates: summedWithinFile("amount_facts"))
        upsert.rows = rows.map { fact, line in
            [BulkValue(fact.key), BulkValue(fact.kind.rawValue), BulkValue(fact.ej), BulkValue(fact.poste),
             BulkValue(fact.exercice), BulkValue(fact.serviceFait), BulkValue(fact.dp), BulkValue(fact.posteDP),
             BulkValue(fact.amount.cents), BulkValue(fileID), BulkValue(line)]
        }
        return upsert
    }

    static func payments(_ rows: [(PaymentFacts, Int)], fileID: Int) -> BulkUpsert {
        let described = ["dp", "poste_dp", "ej", "poste_ej", "service_fait", "exercice", "date_base",
                         "date_derniere_operation"] + supplierColumns + ImputationColumns.all
        var upsert = BulkUpsert(
            table: "payments", columns: ["payment_key"] + described + ["amount_cents", "source_file_id", "source_line"],
            conflict: ["payment_key"], updates: completing(described, of: "payments") + summedWithinFile("payments"))
        upsert.rows = rows.map { payment, line in
            [BulkValue(payment.key), BulkValue(payment.dp), BulkValue(payment.posteDP), BulkValue(payment.ej),
             BulkValue(payment.posteEJ), BulkValue(payment.serviceFait), BulkValue(payment.exercice),
             BulkValue(payment.dateBase?.iso), BulkValue(payment.dateDerniereOperation?.iso)]
                + supplierValues(payment.supplier) + imputationValues(payment.imputation)
                + [BulkValue(payment.amount.cents), BulkValue(fileID), BulkValue(line)]
        }
        return upsert
    }

    static func servicesFaits(_ rows: [(ServiceFaitFacts, Int)], fileID: Int) -> BulkUpsert {
        let described = ["ej", "poste", "date_comptable"]
        var upsert = BulkUpsert(
            table: "services_faits", columns: ["number"] + described + ["source_file_id", "source_line"],
            conflict: ["number"], updates: completing(described, of: "services_faits"))
        upsert.rows = rows.map { sf, line in
            [BulkValue(sf.number), BulkValue(sf.ej), BulkValue(sf.poste), BulkValue(sf.dateComptable?.iso),
             BulkValue(fileID), BulkValue(line)]
        }
        return upsert
    }
}
