import ArgumentParser
import EclaireCore
import EclaireServer
import Foundation
import Storage

/// `eclaire products …`: the product teams' budgets from the command line; every change is audited as `cli:<login>`.
struct ProductsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products", abstract: "Produits, budgets, prévisionnel et rattachement des EJ.",
        subcommands: [List.self, Add.self, Show.self, Budget.self, Fund.self, ForecastCommand.self, Link.self,
                      Unlink.self, RuleCommand.self, Suggestions.self, Order.self, ServiceFait.self, Reconcile.self, ConsumptionCommand.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les produits.")
        @OptionGroup var options: DatabaseOption
        @Flag(help: "Une ligne JSON par produit.") var json = false

        func run() async throws {
            let products = try await options.withBudget { store, _ in try await store.products() }
            for product in products {
                if json { try JSONOutput.line(ProductDTO(product)); continue }
                print("\(product.id)  \(product.name)  équipe \(product.team)  sponsor \(product.sponsor)")
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Crée un produit.")
        @OptionGroup var options: DatabaseOption
        @Option(help: "Nom du produit.") var name: String
        @Option(help: "Équipe.") var team: String
        @Option(help: "Sponsor.") var sponsor: String
        @Option(help: "Programme (3 ou 4 chiffres).") var programme: String?
        @Option(help: "Centre financier.") var centreFinancier: String?
        @Option(help: "Centre de coûts.") var centreCouts: String?
        @Flag(help: "Le produit créé en JSON.") var json = false

        func run() async throws {
            let product = try await options.withBudget { store, _ in
                try await store.createProduct(name: name, team: team, sponsor: sponsor,
                                              programme: programme.map(ProductsCommand.programme),
                                              centreFinancier: centreFinancier, centreCouts: centreCouts)
            }
            if json { return try JSONOutput.line(ProductDTO(product)) }
            print("Produit \(product.id) créé : \(product.name)")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Montre l'exercice d'un produit : budget, prévisionnel, exécution, alertes.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Option(help: "Exercice (défaut : l'année en cours).") var exercice: Int?
        @Flag(help: "Un objet JSON.") var json = false

        func run() async throws {
            let year = try await options.withBudget { store, queries in
                let product = try await store.product(named: product)
                return try await queries.productYear(product.id, exercice: exercice ?? CLIDate.today.year, asOf: CLIDate.today)
            }
            if json { return try JSONOutput.line(ProductYearDTO(year)) }
            print("\(year.product.name) — exercice \(year.exercice)")
            print("Alloué : AE \(year.allocatedAE.french), CP \(year.allocatedCP.french)")
            print("Prévu : AE \(year.forecastAE.french), CP \(year.forecastCP.french)")
            print("Engagé \(year.execution.engaged.french), payé \(year.execution.paid.french), reste à payer \(year.execution.resteAPayer.french)")
            print("AE restant à engager : \(year.remainingAE.french)")
            for linked in year.linked {
                print("  EJ \(linked.overview.ej) (\(linked.method.french)) : AE \(linked.overview.ae.french), \(linked.overview.stage.frenchLabel)")
            }
            for alert in year.alerts { print("  ! \(alert.kind.french) : \(alert.message)") }
        }
    }

    struct Budget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fixe l'allocation d'un exercice en AE et en CP.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Option(help: "Exercice.") var exercice: Int
        @Option(help: "Allocation en AE (12 345,67).") var ae: String
        @Option(help: "Allocation en CP.") var cp: String

        func run() async throws {
            let (ae, cp) = (try ProductsCommand.amount(ae, "--ae"), try ProductsCommand.amount(cp, "--cp"))
            try await options.withBudget { store, _ in
                let product = try await store.product(named: product)
                try await store.setBudget(productID: product.id, exercice: exercice, allocatedAE: ae, allocatedCP: cp)
            }
            print("Allocation \(exercice) : AE \(ae.french), CP \(cp.french)")
        }
    }

    struct Fund: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "funding", abstract: "Ajoute un financement à un exercice.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Option(help: "Exercice.") var exercice: Int
        @Option(help: "Source du financement.") var source: String
        @Option(help: "Montant.") var amount: String
        @Flag(help: "Le transformer aussi en ligne prévisionnelle.") var forecast = false

        func run() async throws {
            let amount = try ProductsCommand.amount(amount, "--amount")
            try await options.withBudget { store, _ in
                let product = try await store.product(named: product)
                let funding = Funding(source: source, amount: amount)
                try await store.addFunding(productID: product.id, exercice: exercice, funding: funding)
                if forecast { _ = try await store.addForecastLine(productID: product.id, funding.forecastLine(exercice: exercice)) }
            }
            print("Financement ajouté : \(source), \(amount.french)")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rattache un EJ à un produit (accepte une suggestion).")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "N° EJ.") var ej: String
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Flag(help: "Le rattachement accepte une suggestion.") var suggestion = false

        func run() async throws {
            let number = try ProductsCommand.ej(ej)
            let name = try await options.withBudget { store, _ in
                let product = try await store.product(named: product)
                try await store.link(ej: number, productID: product.id, method: suggestion ? .suggestion : .manual)
                return product.name
            }
            print("EJ \(number) rattaché à \(name)")
        }
    }

    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Détache un EJ de son produit.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "N° EJ.") var ej: String

        func run() async throws {
            let number = try ProductsCommand.ej(ej)
            try await options.withBudget { store, _ in try await store.unlink(ej: number) }
            print("EJ \(number) détaché")
        }
    }

    struct Suggestions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose un produit pour chaque EJ non rattaché, avec ses raisons.")
        @OptionGroup var options: DatabaseOption
        @Flag(help: "Une ligne JSON par suggestion.") var json = false

        func run() async throws {
            let (suggestions, products) = try await options.withBudget { store, queries in
                (try await queries.suggestions(), try await store.products())
            }
            let names = Dictionary(uniqueKeysWithValues: products.map { ($0.id, $0.name) })
            for suggestion in suggestions {
                if json { try JSONOutput.line(SuggestionDTO(suggestion)); continue }
                print("EJ \(suggestion.ej) → \(names[suggestion.productID] ?? "?") (\(Int(suggestion.score * 100)) %) : "
                      + suggestion.reasons.joined(separator: " ; "))
            }
        }
    }

    struct Order: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enregistre le montant signé (AE) d'un bon de commande du produit.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Argument(help: "N° EJ du bon de commande.") var ej: String
        @Option(help: "Montant signé en AE.") var ae: String

        func run() async throws {
            let number = try ProductsCommand.ej(ej)
            let amount = try ProductsCommand.amount(ae, "--ae")
            try await options.withBudget { store, _ in
                try await store.setTeamOrder(productID: try await store.product(named: product).id,
                                             TeamOrder(ej: number, ae: amount))
            }
            print("BC \(number) : AE \(amount.french)")
        }
    }

    struct ServiceFait: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "service-fait", abstract: "Enregistre un service fait (CP) d'un bon de commande du produit.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Argument(help: "N° EJ du bon de commande.") var ej: String
        @Option(help: "N° du service fait.") var number: String
        @Option(help: "Montant en CP.") var cp: String
        @Option(help: "Intitulé.") var label = ""

        func run() async throws {
            let ejNumber = try ProductsCommand.ej(ej)
            let amount = try ProductsCommand.amount(cp, "--cp")
            try await options.withBudget { store, _ in
                try await store.addTeamServiceFait(productID: try await store.product(named: product).id,
                                                   TeamServiceFait(ej: ejNumber, number: number, cp: amount, label: label))
            }
            print("SF \(number) : CP \(amount.french)")
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rapproche les lignes Chorus du produit des chiffres de l'équipe.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro ou nom du produit.") var product: String
        @Flag(help: "Une ligne JSON par ligne Chorus.") var json = false

        func run() async throws {
            let lines = try await options.withBudget { store, queries in
                try await queries.reconciliation(productID: try await store.product(named: product).id)
            }
            for line in lines {
                if json { try JSONOutput.line(ReconciledLineDTO(line)); continue }
                print("EJ \(line.ej) \(line.kind.frenchLabel) \(line.exercice) \(line.serviceFait ?? "") : Chorus \(line.chorusAmount.french), équipe \(line.teamAmount?.french ?? "—") → \(line.verdict.label)")
            }
        }
    }

    static func amount(_ text: String, _ option: String) throws -> Money {
        do { return try AmountParser.parse(text) } catch {
            throw UserError(message: "\(option) : montant illisible « \(text) » (attendu 12 345,67)")
        }
    }

    static func ej(_ text: String) throws -> String {
        let number = Identifiers.ejNumber(text)
        guard number.isValid else { throw UserError(message: "« \(text) » n'est pas un numéro d'EJ (10 chiffres attendus)") }
        return number.normalized
    }

    static func programme(_ text: String) -> String {
        text.count < 4 && text.allSatisfy(\.isNumber) ? String(repeating: "0", count: 4 - text.count) + text : text
    }
}

enum CLIDate {
    static var today: LocalDate { .today }
}

extension DatabaseOption {
    /// The budget store acting as `cli:<login>`, and its queries.
    func withBudget<T>(_ body: (BudgetStore, BudgetQueries) async throws -> T) async throws -> T {
        try await withStorage { storage in
            let login = ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
            let store = BudgetStore(database: storage.database, actor: "cli:\(login)")
            return try await body(store, BudgetQueries(store: store))
        }
    }
}

/// `eclaire portfolio`: every product's year side by side.
struct PortfolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portfolio", abstract: "Le portefeuille des produits sur un exercice.")
    @OptionGroup var options: DatabaseOption
    @Option(help: "Exercice (défaut : l'année en cours).") var exercice: Int?
    @Flag(help: "Un objet JSON.") var json = false

    func run() async throws {
        let portfolio = try await options.withBudget { _, queries in
            try await queries.portfolio(exercice: exercice ?? CLIDate.today.year, asOf: CLIDate.today)
        }
        if json { return try JSONOutput.line(PortfolioDTO(portfolio)) }
        print("Portefeuille \(portfolio.exercice) : alloué \(portfolio.allocatedAE.french), engagé \(portfolio.execution.engaged.french), payé \(portfolio.execution.paid.french)")
        for year in portfolio.years {
            print("  \(year.product.name) : alloué \(year.allocatedAE.french), prévu \(year.forecastAE.french), engagé \(year.execution.engaged.french), \(year.alerts.count) alertes")
        }
        print("EJ rattachés à aucun produit : \(portfolio.unlinkedEJCount)")
    }
}
