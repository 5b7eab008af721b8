/// An EJ's way through the spending circuit, step by step, in the words a product team needs: when each step
/// happened, who acts, what comes next and, once a service fait waits for payment, how long against the 30-day
/// rule and what the delay costs.
public struct CircuitTimeline: Sendable {
    public enum State: String, Sendable { case done = "fait", current = "en-cours", waiting = "a-venir" }

    public struct Step: Sendable, Equatable {
        public let label: String
        public let who: String
        public let date: LocalDate?
        public let state: State
        public let explanation: String
    }

    public let steps: [Step]
    /// The clock of the délai global de paiement, when a service fait is recorded.
    public let payment: LatePayment.Assessment?
    /// Whether the ECB rate used is from the dated table (false: the table's last rate, past its end).
    public let rateKnown: Bool
    public let nextAction: String

    public init(overview: EJOverview, created: LocalDate?, lastServiceFait: LocalDate?, firstInvoice: LocalDate?,
                lastPayment: LocalDate?, asOf today: LocalDate) {
        let stage = overview.stage
        func state(_ reached: Bool, current: Bool) -> State { reached ? .done : current ? .current : .waiting }
        let hasSF = stage >= .serviceFait
        let hasDP = stage >= .demandePaiement
        let paid = stage >= .paye
        let fullyPaid = stage == .solde || (paid && overview.resteAPayer.isZero)
        steps = [
            Step(label: "Besoin exprimé", who: "l'équipe du produit", date: nil, state: .done,
                 explanation: "L'équipe décrit la prestation et obtient un devis."),
            Step(label: "EJ créé, AE consommées", who: "le centre de services partagés (CSP)", date: created, state: .done,
                 explanation: "La commande est saisie dans Chorus : les autorisations d'engagement sont réservées."),
            Step(label: "Bon de commande envoyé", who: "le CSP ou le service prescripteur", date: created, state: .done,
                 explanation: "Le fournisseur reçoit le bon de commande portant le n° d'EJ ; il peut commencer."),
            Step(label: "Service fait certifié", who: "l'équipe (attestation ou PV), saisi par le CSP",
                 date: lastServiceFait, state: state(hasSF, current: !hasSF),
                 explanation: "L'équipe atteste que la prestation est livrée ; sans service fait, aucune facture n'est payée."),
            Step(label: "Facture déposée sur Chorus Pro", who: "le fournisseur", date: firstInvoice,
                 state: state(hasDP, current: hasSF && !hasDP),
                 explanation: "Le fournisseur dépose sa facture en citant le n° d'EJ."),
            Step(label: "Demande de paiement", who: "le service facturier", date: firstInvoice,
                 state: state(hasDP, current: hasSF && !hasDP),
                 explanation: "La facture est rapprochée de l'EJ et du service fait, puis mise en paiement."),
            Step(label: "Paiement, CP consommés", who: "le comptable public", date: lastPayment,
                 state: state(fullyPaid, current: hasDP),
                 explanation: "Le comptable paie : les crédits de paiement sont consommés."),
        ]
        // The clock starts at the invoice or the service fait, whichever comes later; without an invoice date,
        // the service fait starts it (what the team can see).
        if let sf = lastServiceFait, overview.circuit.received > overview.circuit.paid || paid {
            let start = max(sf, firstInvoice ?? sf)
            let rate = ECBRates.rate(on: start.adding(days: LatePayment.deadlineDays))
            let unpaid = overview.circuit.received > overview.circuit.paid
            payment = LatePayment.assess(
                amount: unpaid ? overview.circuit.received - overview.circuit.paid : overview.cp, start: start,
                paid: unpaid ? nil : lastPayment, asOf: today, ecbRateBasisPoints: rate.basisPoints)
            rateKnown = rate.known
        } else {
            payment = nil
            rateKnown = true
        }
        nextAction = Self.nextAction(stage)
    }

    /// Who acts next, in plain French.
    public static func nextAction(_ stage: CircuitStage) -> String {
        switch stage {
        case .engage:
            "La commande est engagée. Prochaine étape : l'équipe atteste le service fait une fois la prestation livrée, et le CSP le saisit dans Chorus."
        case .serviceFait:
            "Le service fait est constaté. Prochaine étape : le fournisseur dépose sa facture sur Chorus Pro, puis le service facturier crée la demande de paiement."
        case .demandePaiement:
            "La demande de paiement existe. Prochaine étape : le comptable public la valide et paie (délai global de paiement : 30 jours)."
        case .paye:
            "Une partie est payée. Le reste sera payé au fil des services faits et des factures suivantes."
        case .solde:
            "Tout ce qui a été engagé est payé : l'engagement peut être soldé."
        }
    }
}
