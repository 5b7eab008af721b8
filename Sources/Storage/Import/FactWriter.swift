import EclaireCore
import FluentKit

/// Buffers the facts of a batch and writes them with one upsert per table.
///
/// Within a file, rows with the same key are split lines of one fact and are summed; across files the same
/// key replaces the stored fact, so that re-importing or importing overlapping exports never doubles a total.
/// Keys are merged inside the batch first: PostgreSQL refuses to update one row twice in one statement.
struct FactWriter {
    let database: any Database
    let fileID: Int
    private var ejLines: [String: (EJLineFacts, Int)] = [:]
    private var amounts: [String: (AmountFact, Int)] = [:]
    private var payments: [String: (PaymentFacts, Int)] = [:]
    private var servicesFaits: [String: (ServiceFaitFacts, Int)] = [:]

    /// The batch being written while the next one is parsed.
    private var inFlight: Task<Void, any Error>?

    init(database: any Database, fileID: Int) {
        self.database = database
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

    /// Hands the batch to a task and returns, so that parsing goes on while the database writes; the previous
    /// batch is awaited first, which keeps the writes in order on the transaction's one connection.
    mutating func flush() async throws {
        try await inFlight?.value
        let fileID = fileID
        let statements = [
            BulkUpsert(shape: FactStatements.ejLines, rows: ejLines.values.map { fact, line in
                FactStatements.values { FactStatements.write(fact, line: line, fileID: fileID, into: &$0) } }),
            BulkUpsert(shape: FactStatements.amounts, rows: amounts.values.map { fact, line in
                FactStatements.values { FactStatements.write(fact, line: line, fileID: fileID, into: &$0) } }),
            BulkUpsert(shape: FactStatements.payments, rows: payments.values.map { fact, line in
                FactStatements.values { FactStatements.write(fact, line: line, fileID: fileID, into: &$0) } }),
            BulkUpsert(shape: FactStatements.servicesFaits, rows: servicesFaits.values.map { fact, line in
                FactStatements.values { FactStatements.write(fact, line: line, fileID: fileID, into: &$0) } }),
        ]
        let database = database
        inFlight = Task { for statement in statements { try await statement.run(on: database) } }
        ejLines.removeAll(keepingCapacity: true)
        amounts.removeAll(keepingCapacity: true)
        payments.removeAll(keepingCapacity: true)
        servicesFaits.removeAll(keepingCapacity: true)
    }

    /// Writes the last batch and waits for it; to be called before the transaction commits.
    mutating func finish() async throws {
        try await flush()
        try await waitForBatchInFlight()
    }

    /// Waits for the batch being written, writing nothing more: before a rollback, the connection must be idle.
    mutating func waitForBatchInFlight() async throws {
        try await inFlight?.value
        inFlight = nil
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
