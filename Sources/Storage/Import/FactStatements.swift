import EclaireCore
import FluentKit

/// The upserts of the four fact tables: their shape, and the values of one fact in the shape's column order.
enum FactStatements {
    static let supplierColumns = ["supplier_tiers", "supplier_siret", "supplier_siret_valid", "supplier_name"]

    static func put(_ supplier: SupplierRef, into sink: inout some FactRowSink) {
        sink.put(supplier.tiers)
        sink.put(supplier.siret?.normalized)
        sink.put(supplier.siret?.isValid)
        sink.put(supplier.name)
    }

    /// In the order of `ImputationColumns.all`.
    static func put(_ imputation: Imputation, into sink: inout some FactRowSink) {
        sink.put(imputation.programme)
        sink.put(imputation.centreFinancier)
        sink.put(imputation.domaineFonctionnel)
        sink.put(imputation.centreCouts)
        sink.put(imputation.referentielProgrammation)
        sink.put(imputation.compteBudgetaire)
        sink.put(imputation.compteGeneral)
        sink.put(imputation.groupeMarchandises)
        sink.put(imputation.localisation)
        sink.put(imputation.societe)
        sink.put(imputation.fonds)
    }

    /// The values of one fact as a row of `BulkValue`s.
    static func values(_ write: (inout BulkValueRow) -> Void) -> [BulkValue] {
        var row = BulkValueRow(capacity: 32)
        write(&row)
        return row.values
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

    static func write(_ facts: EJLineFacts, line: Int, fileID: Int, into sink: inout some FactRowSink) {
        sink.put(facts.ej)
        sink.put(facts.poste)
        put(facts.supplier, into: &sink)
        put(facts.imputation, into: &sink)
        sink.put(facts.dateCreation)
        sink.put(facts.dateModification)
        sink.put(facts.orderedAmount?.cents)
        sink.put(facts.status)
        sink.put(fileID)
        sink.put(line)
        sink.endRow()
    }

    static let amounts = UpsertShape(
        table: "amount_facts",
        columns: ["fact_key", "kind", "ej", "poste", "exercice", "service_fait", "dp", "poste_dp",
                  "amount_cents", "source_file_id", "source_line"],
        conflict: ["ej", "poste", "fact_key"], updates: summedWithinFile("amount_facts"))

    static func write(_ fact: AmountFact, line: Int, fileID: Int, into sink: inout some FactRowSink) {
        sink.put(fact.key)
        sink.put(fact.kind.rawValue)
        sink.put(fact.ej)
        sink.put(fact.poste)
        sink.put(fact.exercice)
        sink.put(fact.serviceFait)
        sink.put(fact.dp)
        sink.put(fact.posteDP)
        sink.put(fact.amount.cents)
        sink.put(fileID)
        sink.put(line)
        sink.endRow()
    }

    private static let paymentDescribed = ["dp", "poste_dp", "ej", "poste_ej", "service_fait", "exercice",
                                           "date_base", "date_derniere_operation"]
        + supplierColumns + ImputationColumns.all

    static let payments = UpsertShape(
        table: "payments",
        columns: ["payment_key"] + paymentDescribed + ["amount_cents", "source_file_id", "source_line"],
        conflict: ["payment_key"], updates: completing(paymentDescribed, of: "payments") + summedWithinFile("payments"))

    static func write(_ payment: PaymentFacts, line: Int, fileID: Int, into sink: inout some FactRowSink) {
        sink.put(payment.key)
        sink.put(payment.dp)
        sink.put(payment.posteDP)
        sink.put(payment.ej)
        sink.put(payment.posteEJ)
        sink.put(payment.serviceFait)
        sink.put(payment.exercice)
        sink.put(payment.dateBase)
        sink.put(payment.dateDerniereOperation)
        put(payment.supplier, into: &sink)
        put(payment.imputation, into: &sink)
        sink.put(payment.amount.cents)
        sink.put(fileID)
        sink.put(line)
        sink.endRow()
    }

    private static let serviceFaitDescribed = ["ej", "poste", "date_comptable"]

    static let servicesFaits = UpsertShape(
        table: "services_faits", columns: ["number"] + serviceFaitDescribed + ["source_file_id", "source_line"],
        conflict: ["number"], updates: completing(serviceFaitDescribed, of: "services_faits"))

    static func write(_ sf: ServiceFaitFacts, line: Int, fileID: Int, into sink: inout some FactRowSink) {
        sink.put(sf.number)
        sink.put(sf.ej)
        sink.put(sf.poste)
        sink.put(sf.dateComptable)
        sink.put(fileID)
        sink.put(line)
        sink.endRow()
    }
}
