import ArgumentParser
import EclaireCore
import EclaireServer
import Storage

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Totaux des données importées.")

    @OptionGroup var options: DatabaseOption
    @Flag(help: "Un objet JSON.") var json = false

    func run() async throws {
        let stats = try await options.withStorage { try await ChorusQueries(sql: $0.sql).stats() }
        if json { return try JSONOutput.line(StatsDTO(stats)) }
        print("""
            EJ : \(FrenchFormat.integer(stats.ejCount)) (\(FrenchFormat.integer(stats.ejLineCount)) postes)
            Fournisseurs : \(FrenchFormat.integer(stats.supplierCount))
            Engagé (AE) : \(stats.aeTotal.french)
            Payé (CP) : \(stats.cpTotal.french) (\(FrenchFormat.integer(stats.paymentCount)) paiements)
            """)
    }
}

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imports", abstract: "Historique des fichiers importés.")

    @OptionGroup var options: DatabaseOption

    func run() async throws {
        let files = try await options.withStorage { try await ChorusQueries(sql: $0.sql).importHistory() }
        for file in files {
            print("\(file.sha256.prefix(12))  \(file.fileName)  \(file.layout)  \(file.encoding)  lues \(file.rowsRead), enregistrées \(file.rowsStored), rejetées \(file.rowsSkipped)")
        }
    }
}
