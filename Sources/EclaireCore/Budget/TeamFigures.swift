/// What a team recorded for one purchase order: the AE of the bon de commande as signed.
public struct TeamOrder: Sendable, Equatable {
    public var ej: String
    public var ae: Money
    public var label: String

    public init(ej: String, ae: Money, label: String = "") {
        self.ej = ej
        self.ae = ae
        self.label = label
    }
}

/// What a team recorded for one service fait (a month of work, a delivery): its CP. Several rows may share one
/// SF number when the team splits it.
public struct TeamServiceFait: Sendable, Equatable {
    public var id: Int?
    public var ej: String
    public var number: String
    public var cp: Money
    public var label: String

    public init(id: Int? = nil, ej: String, number: String, cp: Money, label: String = "") {
        self.id = id
        self.ej = ej
        self.number = number
        self.cp = cp
        self.label = label
    }
}

/// One Chorus amount line of an EJ next to the team's figure and the budget office's verdict.
public struct ReconciledLine: Sendable, Equatable {
    public var ej: String
    public var kind: AmountKind
    public var exercice: Int
    public var serviceFait: String?
    public var chorusAmount: Money
    public var teamAmount: Money?
    public var verdict: Reconciliation.Verdict
}

public enum ProductReconciliation {
    /// The engaged and received lines of one EJ, each with its verdict. Payments take part (the remainder rule
    /// deducts earlier years' payments) but are not judged themselves.
    public static func reconcile(ej: String, facts: [AmountFact], payments: [PaymentFacts], order: TeamOrder?,
                                 servicesFaits: [TeamServiceFait]) -> [ReconciledLine] {
        let teamBySF = Dictionary(grouping: servicesFaits, by: \.number)
        var group: [Reconciliation.Line] = facts.map { fact in
            let team = fact.serviceFait.flatMap { teamBySF[$0] }
            return Reconciliation.Line(
                kind: fact.kind, chorusAmount: fact.amount, exercice: fact.exercice, serviceFait: fact.serviceFait,
                posteDP: fact.posteDP, orderAE: fact.kind == .engage ? order?.ae : nil,
                serviceFaitCP: fact.kind == .receptionne ? team.map { $0.reduce(.zero) { $0 + $1.cp } } : nil)
        }
        group += payments.map { payment in
            Reconciliation.Line(kind: .paye, chorusAmount: payment.amount, exercice: payment.exercice ?? 0,
                                serviceFait: payment.serviceFait, posteDP: payment.posteDP, dateBaseDP: payment.dateBase)
        }
        return group.compactMap { line in
            guard line.kind == .engage || line.kind == .receptionne else { return nil }
            var verdict = Reconciliation.verdict(for: line, in: group)
            // The team's figure for a service fait is the sum of its rows: several rows matching is the team's split.
            if verdict == .sf, let number = line.serviceFait, (teamBySF[number]?.count ?? 0) > 1 {
                verdict = .sfSubdiviseEquipe
            }
            return ReconciledLine(ej: ej, kind: line.kind, exercice: line.exercice, serviceFait: line.serviceFait,
                                  chorusAmount: line.chorusAmount,
                                  teamAmount: line.kind == .engage ? line.orderAE : line.serviceFaitCP, verdict: verdict)
        }
        .sorted { ($0.exercice, $0.kind == .engage ? 0 : 1, $0.serviceFait ?? "") < ($1.exercice, $1.kind == .engage ? 0 : 1, $1.serviceFait ?? "") }
    }
}
