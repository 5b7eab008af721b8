import EclaireCore

/// One EJ's page: where it stands in the circuit, its postes, amounts by type, services faits and payments.
struct EJPage: Encodable {
    struct Step: Encodable {
        let label: String
        let state: String  // "fait", "en-cours", "a-venir"
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
    let steps: [Step]
    let nextAction: String
    let lines: [Line]
    let amounts: [Amount]
    let servicesFaits: [ServiceFait]
    let payments: [Payment]

    init(_ detail: EJDetail) {
        let overview = detail.overview
        ej = overview.ej
        title = "EJ \(overview.ej)"
        summary = EJRowView(overview)
        let reached = overview.stage
        steps = CircuitStage.allCases.map { stage in
            Step(label: stage.frenchLabel, state: stage < reached ? "fait" : stage == reached ? "en-cours" : "a-venir")
        }
        nextAction = Self.nextAction(reached)
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

    /// Who acts next, in plain French.
    static func nextAction(_ stage: CircuitStage) -> String {
        switch stage {
        case .engage:
            "La commande est engagée. Prochaine étape : l'équipe atteste le service fait dans Chorus une fois la prestation livrée."
        case .serviceFait:
            "Le service fait est constaté. Prochaine étape : le fournisseur dépose sa facture sur Chorus Pro, puis le service facturier crée la demande de paiement."
        case .demandePaiement:
            "La demande de paiement existe. Prochaine étape : le comptable public la valide et met le paiement en œuvre (délai global de paiement : 30 jours)."
        case .paye:
            "Une partie est payée. Le reste sera payé au fil des services faits et des factures suivantes."
        case .solde:
            "Tout ce qui a été engagé est payé : l'engagement peut être soldé."
        }
    }
}
