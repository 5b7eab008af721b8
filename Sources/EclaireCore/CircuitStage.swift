/// Where an EJ stands in the spending circuit: EJ → service fait → demande de paiement → paiement.
public enum CircuitStage: String, Sendable, Codable, CaseIterable, Comparable {
    case engage, serviceFait = "service_fait", demandePaiement = "demande_paiement", paye, solde

    public static func < (lhs: CircuitStage, rhs: CircuitStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var frenchLabel: String {
        switch self {
        case .engage: "Engagé"
        case .serviceFait: "Service fait"
        case .demandePaiement: "Demande de paiement"
        case .paye: "Payé en partie"
        case .solde: "Soldé"
        }
    }
}

/// The facts about one EJ that decide its stage.
public struct CircuitFacts: Sendable {
    public var engaged: Money
    public var received: Money
    public var invoiced: Money
    public var paid: Money
    public var serviceFaitCount: Int
    public var paymentRequestCount: Int
    public var closed: Bool

    public init(engaged: Money = .zero, received: Money = .zero, invoiced: Money = .zero, paid: Money = .zero,
                serviceFaitCount: Int = 0, paymentRequestCount: Int = 0, closed: Bool = false) {
        self.engaged = engaged
        self.received = received
        self.invoiced = invoiced
        self.paid = paid
        self.serviceFaitCount = serviceFaitCount
        self.paymentRequestCount = paymentRequestCount
        self.closed = closed
    }

    /// Derived, never stored: paid in full (one cent of tolerance) or closed → `solde`; some payment → `paye`;
    /// a DP or an invoiced amount → `demande_paiement`; a service fait or received amount → `service_fait`.
    public var stage: CircuitStage {
        if closed || (engaged.cents > 0 && paid.cents >= (engaged - Money(cents: 1)).cents) { return .solde }
        if paid.cents > 0 { return .paye }
        if paymentRequestCount > 0 || invoiced.cents > 0 { return .demandePaiement }
        if serviceFaitCount > 0 || received.cents > 0 { return .serviceFait }
        return .engage
    }
}
