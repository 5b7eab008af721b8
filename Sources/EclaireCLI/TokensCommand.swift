import ArgumentParser
import EclaireCore
import EclaireServer
import Foundation
import Storage

/// `eclaire tokens …`: API tokens for scripts and reusers, created by whoever runs the server (as an administrator).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Jetons d'accès à l'API.", subcommands: [Create.self, List.self, Revoke.self, Calls.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un jeton et affiche son secret (une seule fois : il n'est pas conservé).")
        @OptionGroup var options: DatabaseOption
        @Option(help: "Nom du jeton (qui l'utilise, pour quoi).") var name: String
        @Option(help: "Droit, répétable : \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).") var scope: [String]
        @Option(help: "Limite le jeton à ce produit (numéro ou nom) ; répétable.") var product: [String] = []
        @Option(help: "Limite le jeton à ce programme (129, 0129) ; répétable.") var programme: [String] = []
        @Option(help: "Appels par minute au plus.") var rate = 600

        func run() async throws {
            var scopes = Set<APIScope>()
            for item in scope {
                guard let value = APIScope(rawValue: item) else {
                    throw UserError(message: "--scope : « \(item) » inconnu (\(APIScope.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                scopes.insert(value)
            }
            let (token, secret) = try await options.withStorage { storage in
                let products = BudgetStore(database: storage.database, actor: "cli")
                var ids = Set<Int>()
                for reference in product { ids.insert(try await products.product(named: reference).id) }
                do {
                    return try await Credentials.createAPIToken(
                        in: APITokenStore(database: storage.database), name: name, scopes: scopes, productIDs: ids,
                        programmes: Set(programme), ratePerMinute: rate, createdBy: "cli")
                } catch let error as APITokenError {
                    throw UserError(message: error.description)
                }
            }
            FileHandle.standardError.write(Data("Jeton n° \(token.id) « \(token.name) » créé ; son secret (à transmettre, il ne sera plus affiché) :\n".utf8))
            print(secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les jetons.")
        @OptionGroup var options: DatabaseOption

        func run() async throws {
            let tokens = try await options.withStorage { try await APITokenStore(database: $0.database).tokens() }
            for token in tokens {
                let reach = (token.productIDs.isEmpty ? "" : " produits \(token.productIDs.sorted().map(String.init).joined(separator: ","))")
                    + (token.programmes.isEmpty ? "" : " programmes \(token.programmes.sorted().joined(separator: ","))")
                let state = token.revokedAt.map { "révoqué le \($0)" } ?? "actif, dernier appel \(token.lastUsedAt ?? "jamais")"
                print("\(token.id)  \(token.name)  \(token.scopes.sorted().map(\.rawValue).joined(separator: ","))\(reach)  \(token.ratePerMinute)/min  \(state)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Révoque un jeton : ses appels sont refusés dès maintenant.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Numéro du jeton.") var id: Int

        func run() async throws {
            try await options.withStorage { storage in
                do {
                    try await APITokenStore(database: storage.database).revoke(id: id)
                } catch let error as APITokenError {
                    throw UserError(message: error.description)
                }
            }
            print("Jeton n° \(id) révoqué")
        }
    }

    struct Calls: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Journal des appels de l'API, les plus récents d'abord.")
        @OptionGroup var options: DatabaseOption
        @Option(help: "Les appels de ce jeton seulement.") var token: Int?
        @Option(help: "Nombre d'appels affichés.") var limit = 50

        func run() async throws {
            let calls = try await options.withStorage {
                try await APITokenStore(database: $0.database).calls(tokenID: token, limit: limit)
            }
            for call in calls {
                print("\(call.at)  \(call.caller ?? "anonyme")  \(call.method) \(call.path)\(call.query.map { "?" + $0 } ?? "")  \(call.status)  \(call.durationMilliseconds) ms")
            }
        }
    }
}
