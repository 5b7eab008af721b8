/// Totals over everything imported (the `eclaire stats` contract).
public struct SpendingStats: Sendable, Equatable {
    public var ejCount: Int
    public var ejLineCount: Int
    public var supplierCount: Int
    public var paymentCount: Int
    public var aeTotal: Money
    public var cpTotal: Money

    public init(ejCount: Int, ejLineCount: Int, supplierCount: Int, paymentCount: Int, aeTotal: Money, cpTotal: Money) {
        self.ejCount = ejCount
        self.ejLineCount = ejLineCount
        self.supplierCount = supplierCount
        self.paymentCount = paymentCount
        self.aeTotal = aeTotal
        self.cpTotal = cpTotal
    }
}

/// One EJ at a glance: supplier, imputation of its first poste, amounts by type, and its circuit stage.
public struct EJOverview: Sendable, Equatable {
    public var ej: String
    public var supplier: SupplierRef
    public var imputation: Imputation
    public var lineCount: Int
    public var amounts: [AmountKind: Money]
    public var circuit: CircuitFacts

    public init(ej: String, supplier: SupplierRef, imputation: Imputation, lineCount: Int,
                amounts: [AmountKind: Money], circuit: CircuitFacts) {
        self.ej = ej
        self.supplier = supplier
        self.imputation = imputation
        self.lineCount = lineCount
        self.amounts = amounts
        self.circuit = circuit
    }

    /// AE: the amount engaged on the EJ.
    public var ae: Money { circuit.engaged }
    /// CP: the amount paid on the EJ.
    public var cp: Money { circuit.paid }
    public var stage: CircuitStage { circuit.stage }
    /// What remains to pay on what was engaged.
    public var resteAPayer: Money { ae.cents > cp.cents ? ae - cp : .zero }
}

extension CircuitFacts: Equatable {
    public static func == (lhs: CircuitFacts, rhs: CircuitFacts) -> Bool {
        lhs.engaged == rhs.engaged && lhs.received == rhs.received && lhs.invoiced == rhs.invoiced
            && lhs.paid == rhs.paid && lhs.serviceFaitCount == rhs.serviceFaitCount
            && lhs.paymentRequestCount == rhs.paymentRequestCount && lhs.closed == rhs.closed
    }
}

/// Where a stored fact came from: the imported file and its line.
public struct SourceRef: Sendable, Equatable, Hashable {
    public var fileName: String
    public var line: Int

    public init(fileName: String, line: Int) {
        self.fileName = fileName
        self.line = line
    }
}

/// An EJ with all its stored facts.
public struct EJDetail: Sendable {
    public var overview: EJOverview
    public var lines: [(EJLineFacts, SourceRef)]
    public var amountFacts: [(AmountFact, SourceRef)]
    public var servicesFaits: [(ServiceFaitFacts, SourceRef)]
    public var payments: [(PaymentFacts, SourceRef)]

    public init(overview: EJOverview, lines: [(EJLineFacts, SourceRef)], amountFacts: [(AmountFact, SourceRef)],
                servicesFaits: [(ServiceFaitFacts, SourceRef)], payments: [(PaymentFacts, SourceRef)]) {
        self.overview = overview
        self.lines = lines
        self.amountFacts = amountFacts
        self.servicesFaits = servicesFaits
        self.payments = payments
    }
}

/// One imported file, for the import history.
public struct ImportedFile: Sendable, Equatable {
    public var fileName: String
    public var sha256: String
    public var layout: String
    public var encoding: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsSkipped: Int
    /// ISO 8601 UTC.
    public var importedAt: String?
    /// The login of who imported it on the `/imports` page; nil for an import made on the command line.
    public var importedBy: String?

    public init(fileName: String, sha256: String, layout: String, encoding: String, rowsRead: Int, rowsStored: Int,
                rowsSkipped: Int, importedAt: String? = nil, importedBy: String? = nil) {
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.fileName = fileName
        self.sha256 = sha256
        self.layout = layout
        self.encoding = encoding
        self.rowsRead = rowsRead
        self.rowsStored = rowsStored
        self.rowsSkipped = rowsSkipped
    }
}
