import EclaireCore
import SQLKit

/// Stored rows back to domain values.
enum RowDecoding {
    static func string(_ row: any SQLRow, _ column: String) throws -> String? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: String.self)
    }

    static func int(_ row: any SQLRow, _ column: String) throws -> Int? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Int.self)
    }

    static func cents(_ row: any SQLRow, _ column: String) throws -> Money? {
        try row.decodeNil(column: column) ? nil : Money(cents: row.decode(column: column, as: Int64.self))
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> LocalDate? {
        try string(row, column).flatMap(LocalDate.parse)
    }

    static func supplier(_ row: any SQLRow) throws -> SupplierRef {
        let siret = try string(row, "supplier_siret").map { value in
            let valid = try row.decodeNil(column: "supplier_siret_valid") ? false
                : row.decode(column: "supplier_siret_valid", as: Bool.self)
            return CheckedIdentifier(printed: value, normalized: value, isValid: valid)
        }
        return SupplierRef(tiers: try string(row, "supplier_tiers"), siret: siret, name: try string(row, "supplier_name"))
    }

    static func imputation(_ row: any SQLRow) throws -> Imputation {
        let values = try ImputationColumns.all.map { try string(row, $0) }
        return Imputation(
            programme: values[0], centreFinancier: values[1], domaineFonctionnel: values[2], centreCouts: values[3],
            referentielProgrammation: values[4], compteBudgetaire: values[5], compteGeneral: values[6],
            groupeMarchandises: values[7], localisation: values[8], societe: values[9], fonds: values[10])
    }

    static func source(_ row: any SQLRow) throws -> SourceRef {
        SourceRef(fileName: try row.decode(column: "file_name", as: String.self),
                  line: try row.decode(column: "source_line", as: Int.self))
    }

    static func ejLine(_ row: any SQLRow) throws -> EJLineFacts {
        EJLineFacts(
            ej: try row.decode(column: "ej", as: String.self), poste: try row.decode(column: "poste", as: Int.self),
            supplier: try supplier(row), imputation: try imputation(row),
            dateCreation: try date(row, "date_creation"), dateModification: try date(row, "date_modification"),
            orderedAmount: try cents(row, "ordered_cents"), status: try string(row, "status"))
    }

    static func amountFact(_ row: any SQLRow) throws -> AmountFact {
        AmountFact(
            kind: AmountKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .engage,
            ej: try row.decode(column: "ej", as: String.self), poste: try row.decode(column: "poste", as: Int.self),
            exercice: try row.decode(column: "exercice", as: Int.self), serviceFait: try string(row, "service_fait"),
            dp: try string(row, "dp"), posteDP: try int(row, "poste_dp"),
            amount: Money(cents: try row.decode(column: "amount_cents", as: Int64.self)))
    }

    static func serviceFait(_ row: any SQLRow) throws -> ServiceFaitFacts {
        ServiceFaitFacts(number: try row.decode(column: "number", as: String.self), ej: try string(row, "ej"),
                         poste: try int(row, "poste"), dateComptable: try date(row, "date_comptable"))
    }

    static func payment(_ row: any SQLRow) throws -> PaymentFacts {
        PaymentFacts(
            dp: try row.decode(column: "dp", as: String.self), posteDP: try int(row, "poste_dp"),
            ej: try string(row, "ej"), posteEJ: try int(row, "poste_ej"), serviceFait: try string(row, "service_fait"),
            exercice: try int(row, "exercice"), dateBase: try date(row, "date_base"),
            dateDerniereOperation: try date(row, "date_derniere_operation"), supplier: try supplier(row),
            imputation: try imputation(row), amount: Money(cents: try row.decode(column: "amount_cents", as: Int64.self)))
    }
}
