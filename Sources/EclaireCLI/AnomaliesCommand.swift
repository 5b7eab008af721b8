import ArgumentParser
import EclaireCore
import EclaireServer
import Foundation
import Storage

/// `eclaire anomalies [--json]`: what the rules find in the base; `eclaire anomalies dismiss KEY --reason …`.
struct AnomaliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies", abstract: "Anomalies de la dépense, avec leurs preuves.",
        subcommands: [List.self, Dismiss.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les anomalies.")
        @OptionGroup var options: DatabaseOption
        @Flag(help: "Un objet JSON par anomalie (format du contrat).") var json = false
        @Option(help: "Une sorte d'anomalie : hors_marche, fractionnement, imputation_programme, siret_mismatch, montant_ecart, doublon, paiement_tardif, montant_atypique, coordonnees_bancaires.")
        var kind: String?
        @Flag(name: .customLong("include-dismissed"), help: "Montre aussi les anomalies écartées.") var includeDismissed = false

        func run() async throws {
            if let kind, AnomalyKind(rawValue: kind) == nil { throw ValidationError("sorte inconnue : \(kind)") }
            let login = ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
            let listed = try await options.withStorage { storage in
                try await AnomalyStore(database: storage.database, actor: "cli:\(login)")
                    .anomalies(asOf: .today)
            }
            for item in listed where (includeDismissed || item.dismissal == nil) && (kind == nil || item.anomaly.kind.rawValue == kind) {
                if json { try JSONOutput.line(AnomalyJSON(item)); continue }
                print("[\(item.anomaly.kind.label)] EJ \(item.anomaly.ejs.joined(separator: ", ")) — \(item.anomaly.amount.french)")
                print("  \(item.anomaly.explanation)")
                if let dismissal = item.dismissal { print("  écartée par \(dismissal.actor) : \(dismissal.reason)") }
                print("  clé : \(item.anomaly.key)")
            }
            JSONOutput.flush()
        }
    }

    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Écarte une anomalie, avec sa raison (journalisé).")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Clé de l'anomalie (sorte:EJ,…).") var key: String
        @Option(help: "Pourquoi elle est écartée.") var reason: String

        func run() async throws {
            let login = ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
            do {
                try await options.withStorage { try await AnomalyStore(database: $0.database, actor: "cli:\(login)").dismiss(key: key, reason: reason) }
            } catch let error as AnomalyError {
                throw UserError(message: error.description)
            }
        }
    }
}
