import EclaireCore
import FluentKit

/// The upserts of the four fact tables: their shape, and the values of one fact in the shape's column order.
enum FactStatements {
    static let supplierColumns = ["supplier_tiers", "supplier_siret", "supplier_siret_valid", "supplier_name"]

    static func append(_ supplier: SupplierRef, to values: inout [BulkValue]) {
        values.append(BulkValue(supplier.tiers))
        values.append(BulkValue(supplier.siret?.normalized))
        values.append(BulkValue(supplier.siret?.isValid))
        values.append(BulkValue(supplier.name))
    }

    static func append(_ imputation: Imputation, to values: inout [BulkValue]) {
        for value in imputation.columnValues { values.append(BulkValue(value)) }
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

    private static let ejLineDescribed = supplierColumns + ImputationColumns.all
        + ["date_creation", "date_modification", "ordered_cents", "status"]

    static let ejLines = UpsertShape(
        table: "ej_lines", columns: ["ej", "poste"] + ejLineDescribed + ["source_file_id", "source_line"],
        conflict: ["ej", "poste"], updates: completing(ejLineDescribed, of: "ej_lines"))

    static func values(_ facts: EJLineFacts, line: Int, fileID: Int) -> [BulkValue] {
        var values = [BulkValue(facts.ej), BulkValue(facts.poste)]
        values.reserveCapacity(ejLines.columns.count)
        append(facts.supplier, to: &values)
        append(facts.imputation, to: &values)
        values += [BulkValue(facts.dateCreation?.iso), BulkValue(facts.dateModification?.iso),
                   BulkValue(facts.orderedAmount?.cents), BulkValue(facts.status), BulkValue(fileID), BulkValue(line)]
        return values
    }

    static let amounts = UpsertShape(
        table: "amount_facts",
        columns: ["fact_key", "kind", "ej", "poste", "exercice", "service_fait", "dp", "poste_dp",
                  "amount_cents", "source_file_id", "source_line"],
        conflict: ["ej", "poste", "fact_key"], updates: summedWithinFile("amount_facts"))

    static func values(_ fact: AmountFact, line: Int, fileID: Int) -> [BulkValue] {
        [BulkValue(fact.key), BulkValue(fact.kind.rawValue), BulkValue(fact.ej), BulkValue(fact.poste),
         BulkValue(fact.exercice), BulkValue(fact.serviceFait), BulkValue(fact.dp), BulkValue(fact.posteDP),
         BulkValue(fact.amount.cents), BulkValue(fileID), BulkValue(line)]
    }

    private static let paymentDescribed = ["dp", "poste_dp", "ej", "poste_ej", "service_fait", "exercice",
                                           "date_base", "date_derniere_operation"]
        + supplierColumns + ImputationColumns.all

    static let payments = UpsertShape(
        table: "payments",
        columns: ["payment_key"] + paymentDescribed + ["amount_cents", "source_file_id", "source_line"],
        conflict: ["payment_key"], updates: completing(paymentDescribed, of: "payments") + summedWithinFile("payments"))

    static func values(_ payment: PaymentFacts, line: Int, fileID: Int) -> [BulkValue] {
        var values = [BulkValue(payment.key), BulkValue(payment.dp), BulkValue(payment.posteDP), BulkValue(payment.ej),
                      BulkValue(payment.posteEJ), BulkValue(payment.serviceFait), BulkValue(payment.exercice),
                      BulkValue(payment.dateBase?.iso), BulkValue(payment.dateDerniereOperation?.iso)]
        values.reserveCapacity(payments.columns.count)
        append(payment.supplier, to: &values)
        append(payment.imputation, to: &values)
        values += [BulkValue(payment.amount.cents), BulkValue(fileID), BulkValue(line)]
        return values
    }

    private static let serviceFaitDescribed = ["ej", "poste", "date_comptable"]

    static let servicesFaits = UpsertShape(
        table: "services_faits", columns: ["number"] + serviceFaitDescribed + ["source_file_id", "source_line"],
        conflict: ["number"], updates: completing(serviceFaitDescribed, of: "services_faits"))

    static func values(_ sf: ServiceFaitFacts, line: Int, fileID: Int) -> [BulkValue] {
        [BulkValue(sf.number), BulkValue(sf.ej), BulkValue(sf.poste), BulkValue(sf.dateComptable?.iso),
         BulkValue(fileID), BulkValue(line)]
    }
}
