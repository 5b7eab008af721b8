import EclaireCore
import SQLKit

/// Buffers the facts of a batch and writes them with one upsert per table.
///
/// Within a file, rows with the same key are split lines of one fact and are summed; across files the same
/// key replaces the stored fact, so that re-importing or importing overlapping exports never doubles a total.
/// Keys are merged inside the batch first: PostgreSQL refuses to update one row twice in one statement.
struct FactWriter {
    let sql: any SQLDatabase
    let fileID: Int
    private var ejLines: [String: (EJLineFacts, Int)] = [:]
    private var amounts: [String: (AmountFact, Int)] = [:]
    private var payments: [String: (PaymentFacts, Int)] = [:]
    private var servicesFaits: [String: (ServiceFaitFacts, Int)] = [:]

    init(sql: any SQLDatabase, fileID: Int) {
        self.sql = sql
        self.fileID = fileID
    }

    var pendingCount: Int { ejLines.count + amounts.count + payments.count + servicesFaits.count }

    mutating func add(_ record: ChorusRecord, line: Int) {
        if let facts = record.ejLine {
            let key = "\(facts.ej)|\(facts.poste)"
            ejLines[key] = (ejLines[key].map { $0.0.merged(with: facts) } ?? facts, ejLines[key]?.1 ?? line)
        }
        for fact in record.amounts {
            var merged = fact
            if let existing = amounts[fact.key] { merged.amount += existing.0.amount }
            amounts[fact.key] = (merged, amounts[fact.key]?.1 ?? line)
        }
        if let payment = record.payment {
            var merged = payment
            if let existing = payments[payment.key] { merged.amount += existing.0.amount }
            payments[payment.key] = (merged, payments[payment.key]?.1 ?? line)
        }
        if let sf = record.serviceFait { servicesFaits[sf.number] = (sf, servicesFaits[sf.number]?.1 ?? line) }
    }

    mutating func flush() async throws {
        try await FactStatements.upsertEJLines(Array(ejLines.values), fileID: fileID, on: sql)
        try await FactStatements.upsertAmounts(Array(amounts.values), fileID: fileID, on: sql)
        try await FactStatements.upsertPayments(Array(payments.values), fileID: fileID, on: sql)
        try await FactStatements.upsertServicesFaits(Array(servicesFaits.values), fileID: fileID, on: sql)
        ejLines.removeAll(keepingCapacity: true)
        amounts.removeAll(keepingCapacity: true)
        payments.removeAll(keepingCapacity: true)
        servicesFaits.removeAll(keepingCapacity: true)
    }
}

extension EJLineFacts {
    /// Later rows complete earlier ones; a value never becomes nil again.
    func merged(with other: EJLineFacts) -> EJLineFacts {
        var result = other
        result.supplier.tiers = other.supplier.tiers ?? supplier.tiers
        result.supplier.siret = other.supplier.siret ?? supplier.siret
        result.supplier.name = other.supplier.name ?? supplier.name
        result.imputation = imputation.completed(by: other.imputation)
        result.dateCreation = other.dateCreation ?? dateCreation
        result.dateModification = other.dateModification ?? dateModification
        result.orderedAmount = other.orderedAmount ?? orderedAmount
        result.status = other.status ?? status
        return result
    }
}

extension Imputation {
    var columnValues: [String?] {
        [programme, centreFinancier, domaineFonctionnel, centreCouts, referentielProgrammation, compteBudgetaire,
         compteGeneral, groupeMarchandises, localisation, societe, fonds]
    }

    func completed(by other: Imputation) -> Imputation {
        Imputation(
            programme: other.programme ?? programme, centreFinancier: other.centreFinancier ?? centreFinancier,
            domaineFonctionnel: other.domaineFonctionnel ?? domaineFonctionnel,
            centreCouts: other.centreCouts ?? centreCouts,
            referentielProgrammation: other.referentielProgrammation ?? referentielProgrammation,
            compteBudgetaire: other.compteBudgetaire ?? compteBudgetaire,
            compteGeneral: other.compteGeneral ?? compteGeneral,
            groupeMarchandises: other.groupeMarchandises ?? groupeMarchandises,
            localisation: other.localisation ?? localisation, societe: other.societe ?? societe,
            fonds: other.fonds ?? fonds)
    }
}
