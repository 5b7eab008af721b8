import EclaireCore

/// A consistent small world of orders and their circuit: each EJ is engaged, and some are certified,
/// invoiced and paid, so that every circuit stage appears.
public struct DemoLedger: Sendable {
    public struct Order: Sendable {
        public let ej: String
        public let postes: [Money]
        public let programme: DemoReference.Programme
        public let group: (code: String, label: String)
        public let supplier: DemoReference.Supplier
        public let created: LocalDate
        public let stage: CircuitStage
        public let serviceFait: (number: String, date: LocalDate)?
        public let payment: (dp: String, base: LocalDate, paid: LocalDate?)?
        /// The programme written in the domaine fonctionnel, when it is not the order's own (an imputation error).
        public var domaineProgramme: String?

        public var total: Money { postes.reduce(.zero, +) }

        /// Paid amount per poste: all of it when soldé, about half when partly paid.
        public func paid(poste index: Int) -> Money {
            switch stage {
            case .solde: postes[index]
            case .paye: Money(cents: postes[index].cents / 2)
            default: .zero
            }
        }
    }

    public let exercice: Int
    public let orders: [Order]

    public init(seed: UInt64 = 2025, exercice: Int = 2025, orderCount: Int = 60) {
        var random = SeededRandom(seed: seed)
        let suppliers = DemoReference.suppliers(&random)
        self.exercice = exercice
        var orders: [Order] = []
        for index in 0..<orderCount {
            let created = LocalDate(year: exercice, month: 1 + index % 11, day: 1 + Int.random(in: 0...27, using: &random))!
            let postes = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                Money(cents: Int64.random(in: 150_000...9_000_000, using: &random))
            }
            let stage = CircuitStage.allCases[index % CircuitStage.allCases.count]
            let sfDate = created.adding(days: Int.random(in: 20...60, using: &random))
            let baseDate = sfDate.adding(days: Int.random(in: 1...10, using: &random))
            let paidDate = baseDate.adding(days: Int.random(in: 5...(index % 7 == 0 ? 70 : 28), using: &random))
            orders.append(Order(
                ej: String(2_105_000_000 + index * 37),
                postes: postes,
                programme: DemoReference.programmes[index % DemoReference.programmes.count],
                group: DemoReference.purchaseGroups[Int.random(in: 0..<DemoReference.purchaseGroups.count, using: &random)],
                supplier: suppliers[Int.random(in: 0..<suppliers.count, using: &random)],
                created: created,
                stage: stage,
                serviceFait: stage >= .serviceFait ? (String(6_000_000_000 + index), sfDate) : nil,
                payment: stage >= .demandePaiement
                    ? (String(100_500_000 + index), baseDate, stage >= .paye ? paidDate : nil) : nil))
        }
        self.orders = orders.count >= 60 ? Self.withAnomalies(orders) : orders
    }

    /// The full demo (60 orders) also holds what the anomaly rules must find: three orders of one need to one
    /// supplier under the threshold (fractionnement), the same invoice paid on two EJs (doublon), an amount far
    /// below its peers, a domaine fonctionnel of another programme. Smaller ledgers (the tests') stay plain.
    static func withAnomalies(_ orders: [Order]) -> [Order] {
        var orders = orders
        func copy(_ index: Int, from model: Order? = nil, postes: [Money]? = nil, payment: (dp: String, base: LocalDate, paid: LocalDate?)?? = nil) {
            let order = orders[index]
            orders[index] = Order(ej: order.ej, postes: postes ?? order.postes, programme: order.programme,
                                  group: model?.group ?? order.group, supplier: model?.supplier ?? order.supplier,
                                  created: order.created, stage: order.stage, serviceFait: order.serviceFait,
                                  payment: payment ?? order.payment, domaineProgramme: order.domaineProgramme)
        }
        let split = orders[41]
        for index in [41, 44, 47] { copy(index, from: split, postes: [Money(cents: 3_000_000)]) }
        let paidTwice = orders[54]
        if let payment = paidTwice.payment, let twin = orders[59].payment {
            copy(59, from: paidTwice, postes: paidTwice.postes, payment: (twin.dp, payment.base, payment.paid))
        }
        // An amount far below its peers (12,50 €: a typing slip), in the groupe de marchandises most orders without
        // documents share, so that its peer group is large enough to judge.
        let special: Set<Int> = [41, 44, 47, 54, 57, 59]
        // (DemoDocuments attaches documents to the first twelve even-numbered orders.)
        let undocumented = orders.indices.filter { ($0 % 2 == 1 || $0 >= 24) && !special.contains($0) }
        let groups = Dictionary(grouping: undocumented) { orders[$0].group.code }
        if let crowded = groups.max(by: { ($0.value.count, $0.key) < ($1.value.count, $1.key) })?.value,
           let outlier = crowded.last {
            copy(outlier, postes: [Money(cents: 1_250)])
        }
        let misimputed = orders[57]
        orders[57] = Order(ej: misimputed.ej, postes: misimputed.postes, programme: misimputed.programme, group: misimputed.group,
                           supplier: misimputed.supplier, created: misimputed.created, stage: misimputed.stage,
                           serviceFait: misimputed.serviceFait, payment: misimputed.payment,
                           domaineProgramme: DemoReference.programmes.first { $0.code != misimputed.programme.code }!.code)
        return orders
    }
}
