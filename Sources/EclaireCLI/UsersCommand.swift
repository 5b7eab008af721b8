import ArgumentParser
import EclaireCore
import EclaireServer
import Foundation
import Storage

/// `eclaire users …`: local accounts, created by whoever runs the server.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Comptes locaux.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un compte ; le mot de passe est lu sur l'entrée standard (au moins 10 caractères).")
        @OptionGroup var options: DatabaseOption
        @Option(help: "Identifiant de connexion.") var login: String
        @Option(help: "Nom affiché.") var name: String
        @Option(help: "Rôle : admin, budget_office, sponsor, team_member.") var role: String
        @Option(help: "Produit (numéro ou nom) d'un sponsor ou d'un membre d'équipe ; répétable.") var product: [String] = []

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw UserError(message: "--role : « \(role) » inconnu (admin, budget_office, sponsor, team_member)")
            }
            guard let password = readLine(strippingNewline: true), password.count >= Credentials.minimumPasswordLength else {
                throw UserError(message: "mot de passe absent ou trop court sur l'entrée standard (au moins \(Credentials.minimumPasswordLength) caractères)")
            }
            let hash = try Credentials.hash(password: password)
            let user = try await options.withStorage { storage in
                let store = BudgetStore(database: storage.database, actor: "cli")
                var ids = Set<Int>()
                for reference in product { ids.insert(try await store.product(named: reference).id) }
                do {
                    return try await AccountStore(database: storage.database)
                        .createUser(login: login, name: name, role: role, passwordHash: hash, productIDs: ids)
                } catch let error as AccountError {
                    throw UserError(message: error.description)
                }
            }
            print("Compte « \(user.login) » créé (\(user.role.french))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les comptes.")
        @OptionGroup var options: DatabaseOption

        func run() async throws {
            let users = try await options.withStorage { try await AccountStore(database: $0.database).users() }
            for user in users {
                print("\(user.login)  \(user.name)  \(user.role.french)  produits \(user.productIDs.sorted().map(String.init).joined(separator: ", "))")
            }
        }
    }
}
