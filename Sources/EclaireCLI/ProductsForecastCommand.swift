import ArgumentParser
import EclaireCore
import Storage

extension ProductsCommand {
    struct ForecastCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast", abstract: "Lignes du prévisionnel.", subcommands: [Add.self, Duplicate.self, Remove.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ajoute une ligne : une personne un mois (--person, --month, --tjm, --days) ou une ligne libre (--label, --ae, --cp).")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Option(help: "Exercice.") var exercice: Int
            @Option(help: "Personne (ligne de temps passé).") var person: String?
            @Option(help: "Marché ou contrat.") var contract: String?
            @Option(help: "Mois (1 à 12).") var month: Int?
            @Option(help: "Taux journalier (TJM).") var tjm: String?
            @Option(help: "Jours (18,5).") var days: String?
            @Option(help: "Autres frais TTC.") var other: String?
            @Option(help: "Intitulé (ligne libre).") var label: String?
            @Option(help: "AE de l'exercice.") var ae: String?
            @Option(help: "CP de l'exercice sur AE de l'exercice.") var cp: String?
            @Option(help: "CP de l'exercice sur AE antérieures.") var cpPrior: String?

            func run() async throws {
                let line = ForecastLine(exercice: exercice, cost: try cost())
                let id = try await options.withBudget { store, _ in
                    try await store.addForecastLine(productID: try await store.product(named: product).id, line)
                }
                print("Ligne \(id) ajoutée : \(line.label), AE \(line.ae.french), CP \(line.cp.french)")
            }

            func cost() throws -> ForecastLine.Cost {
                if let person {
                    guard let month, (1...12).contains(month) else { throw UserError(message: "--month : mois de 1 à 12 attendu") }
                    guard let tjm, let days else { throw UserError(message: "--tjm et --days sont requis pour une personne") }
                    let hundredths = try ProductsCommand.amount(days, "--days").cents
                    return .staffing(StaffingCost(
                        person: person, contract: contract, month: month, dayRate: try ProductsCommand.amount(tjm, "--tjm"),
                        daysHundredths: Int(hundredths), otherCosts: try other.map { try ProductsCommand.amount($0, "--other") } ?? .zero))
                }
                guard let label, let ae else { throw UserError(message: "donnez --person … ou --label et --ae") }
                return .free(FreeCost(
                    label: label, ae: try ProductsCommand.amount(ae, "--ae"),
                    cp: try cp.map { try ProductsCommand.amount($0, "--cp") } ?? .zero,
                    cpFromPriorAE: try cpPrior.map { try ProductsCommand.amount($0, "--cp-prior") } ?? .zero))
            }
        }

        struct Duplicate: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Copie le prévisionnel d'un exercice dans un autre.")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Option(help: "Exercice copié.") var from: Int
            @Option(help: "Exercice cible.") var to: Int

            func run() async throws {
                let count = try await options.withBudget { store, _ in
                    try await store.duplicateForecast(productID: try await store.product(named: product).id, from: from, to: to)
                }
                print("\(count) lignes copiées de \(from) vers \(to)")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove", abstract: "Supprime une ligne du prévisionnel.")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro de la ligne.") var line: Int

            func run() async throws {
                try await options.withBudget { store, _ in try await store.deleteForecastLine(line) }
                print("Ligne \(line) supprimée")
            }
        }
    }

    struct RuleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule", abstract: "Règles de rattachement des EJ.", subcommands: [Add.self, Apply.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ajoute une règle : --ej N, ou --siret S avec --centre-couts C ou --activite R.")
            @OptionGroup var options: DatabaseOption
            @Argument(help: "Numéro ou nom du produit.") var product: String
            @Option(help: "N° EJ.") var ej: String?
            @Option(help: "SIRET du fournisseur.") var siret: String?
            @Option(help: "Centre de coûts.") var centreCouts: String?
            @Option(help: "Activité (référentiel de programmation).") var activite: String?

            func run() async throws {
                let criterion: LinkRule.Criterion
                if let ej { criterion = .ej(try ProductsCommand.ej(ej)) }
                else if let siret, let centreCouts { criterion = .supplierAndCentreCouts(siret: try checked(siret), centreCouts: centreCouts) }
                else if let siret, let activite { criterion = .supplierAndActivite(siret: try checked(siret), referentiel: activite) }
                else { throw UserError(message: "donnez --ej, ou --siret avec --centre-couts ou --activite") }
                let linked = try await options.withBudget { store, _ in
                    let product = try await store.product(named: product)
                    _ = try await store.addRule(LinkRule(productID: product.id, criterion: criterion))
                    return try await store.applyRules()
                }
                print("Règle ajoutée ; \(linked) EJ rattachés")
            }

            func checked(_ siret: String) throws -> String {
                let id = Identifiers.siret(siret)
                guard id.isValid else { throw UserError(message: "--siret : SIRET invalide « \(siret) » (clé de contrôle)") }
                return id.normalized
            }
        }

        struct Apply: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Applique les règles aux EJ non rattachés.")
            @OptionGroup var options: DatabaseOption

            func run() async throws {
                let linked = try await options.withBudget { store, _ in try await store.applyRules() }
                print("\(linked) EJ rattachés par les règles")
            }
        }
    }
}
