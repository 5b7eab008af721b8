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
        self.orders = orders
    }
}
