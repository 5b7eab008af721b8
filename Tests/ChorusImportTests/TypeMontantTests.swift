import ChorusImport
import DemoData
import EclaireCore
import Foundation
import TestSupport
import Testing

@Suite("The long « Type montant » form and the demo files")
struct TypeMontantTests {
    static let longForm = """
        INF-BUD-53 : Pilotage de la gestion - Vue détaillée
        Exercice comptable;2024


        N° EJ;N° poste EJ;N° SF;N° DP;N° poste DP;Date de base de la DP;Fournisseur titulaire principal (EJ);Type montant;2024
        2104000001;1;#;#;#;#;SOCIETE A;Montant engagé;12 000,00
        2104000001;1;6000000001;#;#;#;SOCIETE A;Montant réceptionné;4 000,50
        2104000001;1;6000000001;100400001;2;15/03/2024;SOCIETE A;Montant facturé;4 000,50
        2104000001;1;6000000001;100400001;2;15/03/2024;SOCIETE A;Montant payé;4 000,50
        2104000001 Résultat;;;;;;;;24 001,50
        Résultat global;;;;;;;;24 001,50
        2104000002;1;#;#;#;#;SOCIETE B;Montant inconnu;10,00

        """

    @Test func longFormFactsAndSubtotalsDropped() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/type_montant.csv"
        try Self.longForm.write(toFile: path, atomically: true, encoding: .utf8)
        let reading = try Reading(path)
        #expect(reading.file.layout == .infBud53TypeMontant)
        #expect(reading.amounts.map(\.kind) == [.engage, .receptionne, .facture])
        #expect(reading.amounts.map(\.amount) == [Money(cents: 1_200_000), Money(cents: 400_050), Money(cents: 400_050)])
        #expect(reading.amounts.allSatisfy { $0.exercice == 2024 })
        #expect(reading.amounts[1].serviceFait == "6000000001")
        let payment = try #require(reading.payments.first)
        #expect(payment.dp == "100400001")
        #expect(payment.amount == Money(cents: 400_050))
        #expect(reading.issues.map(\.line) == [12])
        #expect(reading.issues.first?.field == "Type montant")
    }

    @Test func demoFilesReadBackToTheLedger() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = DemoLedger(orderCount: 25)
        let paths = try DemoFiles.write(ledger, to: directory)
        let ae = try Reading(paths[0])
        #expect(ae.file.layout == .infBud53AEBusinessObjects)
        #expect(ae.issues.isEmpty)
        #expect(ae.amounts.reduce(Money.zero) { $0 + $1.amount } == ledger.orders.reduce(Money.zero) { $0 + $1.total })
        #expect(ae.ejLines.allSatisfy { $0.supplier.siret?.isValid == true })
        let cp = try Reading(paths[1])
        #expect(cp.file.layout == .infBud53CPBusinessObjects)
        let paid = ledger.orders.reduce(Money.zero) { sum, order in
            order.postes.indices.reduce(sum) { $0 + order.paid(poste: $1) }
        }
        #expect(cp.payments.reduce(Money.zero) { $0 + $1.amount } == paid)
        let long = try Reading(paths[2])
        #expect(long.file.layout == .infBud53TypeMontant)
        #expect(long.issues.isEmpty)
    }
}
