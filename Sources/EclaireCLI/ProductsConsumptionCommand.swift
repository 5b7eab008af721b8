import ArgumentParser
import EclaireCore
import EclaireServer
import Storage

extension ProductsCommand {
    struct ConsumptionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consumption", abstract: "Consommation mensuelle des contrats et son découpage sur les bons de commande.",
            subcommands: [Add.self, List.self, Split.self, Validate.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Saisit un mois d'un contrat (estimé).")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Option(help: "Contrat.") var contract: String
            @Option(help: "Mois, aaaa-mm.") var month: String
            @Option(help: "Jours facturés (18,5).") var days: String
            @Option(help: "TJM.") var tjm: String
            @Option(help: "Autres frais TTC.") var other: String?

            func run() async throws {
                let parts = month.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2, (1...12).contains(parts[1]) else {
                    throw UserError(message: "--month : « \(month) » attendu sous la forme aaaa-mm")
                }
                let consumption = MonthlyConsumption(
                    contract: contract, year: parts[0], month: parts[1],
                    daysHundredths: Int(try ProductsCommand.amount(days, "--days").cents),
                    dayRate: try ProductsCommand.amount(tjm, "--tjm"),
                    otherCosts: try other.map { try ProductsCommand.amount($0, "--other") } ?? .zero)
                let id = try await options.withBudget { store, _ in
                    try await store.addConsumption(productID: try await store.product(named: product).id, consumption)
                }
                print("Consommation \(id) : \(consumption.total.french) (estimée)")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Liste les consommations du produit.")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Flag(help: "Une ligne JSON par consommation.") var json = false

            func run() async throws {
                let consumptions = try await options.withBudget { store, _ in
                    try await store.consumptions(productID: try await store.product(named: product).id)
                }
                for consumption in consumptions {
                    if json { try JSONOutput.line(ConsumptionDTO(consumption)); continue }
                    print("\(consumption.id ?? 0)  \(consumption.year)-\(FrenchFormat.pad(consumption.month))  \(consumption.contract)  \(consumption.total.french)  \(consumption.status.french)  non réparti \(consumption.unallocated.french)")
                }
            }
        }

        struct Split: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Découpe une consommation : --share EJ=montant répété (le total doit y être), ou sans --share sur les bons de commande les plus anciens.")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Argument(help: "Numéro de la consommation.") var consumption: Int
            @Option(help: "EJ=montant.") var share: [String] = []

            func run() async throws {
                let shares = try share.map { text -> ConsumptionShare in
                    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { throw UserError(message: "--share : « \(text) » attendu EJ=montant") }
                    return ConsumptionShare(ej: try ProductsCommand.ej(parts[0]), amount: try ProductsCommand.amount(parts[1], "--share"))
                }
                let result = try await options.withBudget { store, _ in
                    let id = try await store.product(named: product).id
                    if shares.isEmpty { return try await store.splitConsumptionAutomatically(consumption, productID: id) }
                    do { try await store.splitConsumption(consumption, productID: id, shares: shares) } catch let error as ConsumptionSplit.Failure {
                        throw UserError(message: error.description)
                    }
                    return shares
                }
                for share in result { print("EJ \(share.ej) : \(share.amount.french)") }
            }
        }

        struct Validate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Valide une consommation (la facture la confirme).")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Argument(help: "Numéro de la consommation.") var consumption: Int

            func run() async throws {
                try await options.withBudget { store, _ in
                    try await store.setConsumptionStatus(consumption, productID: try await store.product(named: product).id, .validated)
                }
                print("Consommation \(consumption) validée")
            }
        }
    }
}
