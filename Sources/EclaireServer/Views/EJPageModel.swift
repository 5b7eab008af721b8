import EclaireCore

/// One EJ's page: where it stands in the circuit, its postes, amounts by type, services faits and payments.
struct EJPage: Encodable {
    struct Step: Encodable {
        let label: String
        let who: String
        let date: String
        let state: String  // "fait", "en-cours", "a-venir"
        let stateLabel: String
        let explanation: String
    }

    struct Line: Encodable {
        let poste: Int
        let supplier: String
        let siret: String
        let siretInvalid: Bool
        let centreFinancier: String
        let domaineFonctionnel: String
        let groupeMarchandises: String
        let compteBudgetaire: String
        let source: String
    }

    struct Amount: Encodable {
        let label: String
        let value: String
    }

    struct Payment: Encodable {
        let dp: String
        let poste: String
        let dateBase: String
        let datePaid: String
        let amount: String
        let source: String
    }

    struct ServiceFait: Encodable {
        let number: String
        let date: String
        let source: String
    }

    let title: String
    let ej: String
    let summary: EJRowView
    /// The five stages of the circuit, for the bar at the top.
    let stages: [Step]
    let steps: [Step]
    let nextAction: String
    /// The délai global de paiement, in one sentence; nil before any service fait.
    let paymentClock: String?
    let paymentLate: Bool
    let product: ProductLinkView?
    let lines: [Line]
    let amounts: [Amount]
    let servicesFaits: [ServiceFait]
    let payments: [Payment]

    struct ProductLinkView: Encodable {
        let id: Int
        let name: String
    }

    let documents: EJDocumentsView
    /// The anomalies the EJ shows by itself, in French.
    let anomalies: [String]

    init(_ detail: EJDetail, product: Product?, asOf today: LocalDate, documents: EJDocumentsView, anomalies: [String] = []) {
        self.documents = documents
        self.anomalies = anomalies
        let overview = detail.overview
        ej = overview.ej
        title = "EJ \(overview.ej)"
        summary = EJRowView(overview)
        self.product = product.map { ProductLinkView(id: $0.id, name: $0.name) }
        let timeline = CircuitTimeline(
            overview: overview, created: detail.lines.compactMap(\.0.dateCreation).min(),
            lastServiceFait: detail.servicesFaits.compactMap(\.0.dateComptable).max(),
            firstInvoice: detail.payments.compactMap(\.0.dateBase).min(),
            lastPayment: detail.payments.compactMap(\.0.dateDerniereOperation).max(), asOf: today)
        steps = timeline.steps.map { step in
            Step(label: step.label, who: step.who, date: step.date.map(FrenchFormat.date) ?? "—", state: step.state.rawValue,
                 stateLabel: step.state == .done ? "fait" : step.state == .current ? "en cours" : "à venir",
                 explanation: step.explanation)
        }
        let reached = overview.stage
        stages = CircuitStage.allCases.map { stage in
            let state = stage < reached ? "fait" : stage == reached ? "en-cours" : "a-venir"
            return Step(label: stage.frenchLabel, who: "", date: "", state: state, stateLabel: state, explanation: "")
        }
        nextAction = timeline.nextAction
        paymentClock = timeline.payment.map { Self.clock($0, rateKnown: timeline.rateKnown, today: today) }
        paymentLate = timeline.payment?.isLate ?? false
        lines = detail.lines.filter { $0.0.poste > 0 }.map { line, source in
            Line(poste: line.poste, supplier: line.supplier.name ?? line.supplier.tiers ?? "—",
                 siret: line.supplier.siret?.normalized ?? "—", siretInvalid: line.supplier.siret?.isValid == false,
                 centreFinancier: line.imputation.centreFinancier ?? "—",
                 domaineFonctionnel: line.imputation.domaineFonctionnel ?? "—",
                 groupeMarchandises: line.imputation.groupeMarchandises ?? "—",
                 compteBudgetaire: line.imputation.compteBudgetaire ?? "—",
                 source: "\(source.fileName), ligne \(source.line)")
        }
        amounts = AmountKind.allCases.compactMap { kind in
            overview.amounts[kind].map { Amount(label: kind.frenchLabel, value: $0.french) }
        }
        servicesFaits = detail.servicesFaits.map { sf, source in
            ServiceFait(number: sf.number, date: sf.dateComptable.map(FrenchFormat.date) ?? "—",
                        source: "\(source.fileName), ligne \(source.line)")
        }
        payments = detail.payments.map { payment, source in
            Payment(dp: payment.dp, poste: payment.posteEJ.map(String.init) ?? "—",
                    dateBase: payment.dateBase.map(FrenchFormat.date) ?? "—",
                    datePaid: payment.dateDerniereOperation.map(FrenchFormat.date) ?? "—",
                    amount: payment.amount.french, source: "\(source.fileName), ligne \(source.line)")
        }
    }

    static func clock(_ assessment: LatePayment.Assessment, rateKnown: Bool, today: LocalDate) -> String {
        let due = FrenchFormat.date(assessment.dueDate)
        guard assessment.isLate else {
            let left = assessment.dueDate.daysSinceEpoch - today.daysSinceEpoch
            return left >= 0 ? "Délai global de paiement : échéance le \(due), dans \(left) jours."
                : "Délai global de paiement respecté (échéance le \(due))."
        }
        return "Délai global de paiement dépassé : échéance le \(due), \(assessment.daysLate) jours de retard. "
            + "Coût pour l'État : \(assessment.interest.french) d'intérêts moratoires (taux BCE + 8 points"
            + (rateKnown ? "" : ", dernier taux connu") + ") et \(assessment.indemnity.french) d'indemnité forfaitaire."
    }
}
