import EclaireCore
import Testing

@Suite("The circuit stage derived from an EJ's facts")
struct CircuitStageTests {
    let engaged = Money(cents: 100_000)

    @Test func engagedOnly() {
        #expect(CircuitFacts(engaged: engaged).stage == .engage)
    }

    @Test func serviceFaitFromACertificationOrAReceivedAmount() {
        #expect(CircuitFacts(engaged: engaged, serviceFaitCount: 1).stage == .serviceFait)
        #expect(CircuitFacts(engaged: engaged, received: Money(cents: 10)).stage == .serviceFait)
    }

    @Test func paymentRequest() {
        #expect(CircuitFacts(engaged: engaged, serviceFaitCount: 1, paymentRequestCount: 1).stage == .demandePaiement)
        #expect(CircuitFacts(engaged: engaged, invoiced: Money(cents: 5)).stage == .demandePaiement)
    }

    @Test func partlyAndFullyPaid() {
        #expect(CircuitFacts(engaged: engaged, paid: Money(cents: 50_000)).stage == .paye)
        #expect(CircuitFacts(engaged: engaged, paid: Money(cents: 99_999)).stage == .solde)  // one cent of tolerance
        #expect(CircuitFacts(engaged: engaged, paid: Money(cents: 99_998)).stage == .paye)
        #expect(CircuitFacts(engaged: engaged, closed: true).stage == .solde)
    }

    @Test func amountKindsFromLongFormLabels() {
        #expect(AmountKind.fromLabel("Montant engagé") == .engage)
        #expect(AmountKind.fromLabel("Montant réceptionné") == .receptionne)
        #expect(AmountKind.fromLabel("Montant certifié non soldé") == .certifieNonSolde)
        #expect(AmountKind.fromLabel("Montant pré-enregistré") == .preEnregistre)
        #expect(AmountKind.fromLabel("Montant facturé") == .facture)
        #expect(AmountKind.fromLabel("Montant payé") == .paye)
        #expect(AmountKind.fromLabel("Montant mystère") == nil)
    }
}
