import EclaireCore
import Foundation

/// Writes an INF-BUD-53 AE restitution of any size in the Business Objects layout, streamed, for benchmarks.
public enum LargeRestitution {
    public static func write(lines: Int, to path: String, seed: UInt64 = 53) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        let ledger = DemoLedger(seed: seed, orderCount: 1)
        var random = SeededRandom(seed: seed)
        let suppliers = DemoReference.suppliers(&random)
        var buffer = DemoFiles.preamble(exercice: ledger.exercice, amountLabel: "Montant engagé", width: 18)
            + DemoFiles.aeHeader + "\n"
        var written = 0
        var orderIndex = 0
        while written < lines {
            let postes = min(lines - written, 1 + orderIndex % 3)
            let order = DemoLedger.Order(
                ej: String(2_100_000_000 + orderIndex), postes: [],
                programme: DemoReference.programmes[orderIndex % DemoReference.programmes.count],
                group: DemoReference.purchaseGroups[orderIndex % DemoReference.purchaseGroups.count],
                supplier: suppliers[orderIndex % suppliers.count],
                created: LocalDate(year: ledger.exercice, month: 1 + orderIndex % 12, day: 1 + orderIndex % 28)!,
                stage: .engage, serviceFait: nil, payment: nil)
            for poste in 1...postes {
                buffer += DemoFiles.aeLine(order, poste: poste, amount: Money(cents: Int64.random(in: 10_000...50_000_000, using: &random)))
                buffer += "\n"
            }
            written += postes
            orderIndex += 1
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
