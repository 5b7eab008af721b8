import ArgumentParser
import DemoData
import EclaireServer
import Foundation
import Storage

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Sert les pages et l'API.")

    @OptionGroup var options: DatabaseOption
    @Option(help: "Adresse d'écoute.") var host = "127.0.0.1"
    @Option(help: "Port d'écoute.") var port = 8080
    @OptionGroup var reading: EmbeddedReadersOption
    @Option(name: .customLong("sync-every"),
            help: "Synchronise les pièces jointes avec l'AIFE toutes les N secondes (réglages ECLAIRE_AIFE_* ; 0 : jamais).")
    var syncEvery = 0

    func validate() throws {
        guard syncEvery == 0 || (60...604_800).contains(syncEvery) else { throw ValidationError("--sync-every : 0, ou de 60 à 604 800 secondes") }
    }

    func run() async throws {
        let location = try options.location()
        // Read now, so that a missing setting stops the start instead of failing every hour.
        let settings = try syncEvery > 0 ? AIFEOptions.fromEnvironment() : nil
        let files = DocumentFileStore.resolve(option: nil, database: location)
        let syncing = settings.map { settings in
            Task { try? await ScheduledSync.loop(location, files: files, settings: settings, every: syncEvery, actor: "serveur") }
        }
        defer { syncing?.cancel() }
        try await EmbeddedReaders.serving(location, readers: reading.readers) {
            try await EclaireApp.serve(database: location, host: host, port: port, banner: nil)
        }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Crée une base SQLite neuve remplie de données de démonstration et la sert.")

    @Option(help: "Fichier SQLite de démonstration (recréé).") var database = "./eclaire-demo.sqlite"
    @Option(help: "Adresse d'écoute.") var host = "127.0.0.1"
    @Option(help: "Port d'écoute.") var port = 8080
    @Flag(help: "Prépare la base et s'arrête sans servir.") var noServe = false
    @OptionGroup var reading: EmbeddedReadersOption

    func run() async throws {
        let location = try DatabaseLocation.parse(database)
        guard case .sqlite(let path) = location else {
            throw UserError(message: "la démonstration crée une base SQLite : donnez un chemin de fichier")
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let documents = DocumentFileStore.resolve(option: nil, database: location)
        try? FileManager.default.removeItem(at: documents.root)
        try await StorageContainer.using(location) { storage in
            try await DemoDatabase.fill(storage, documents: documents, hashPassword: Credentials.hash)
        }
        let accounts = "Comptes de démonstration (identifiant / mot de passe) :\n" + DemoAccounts.all.map { "  \($0.login) / \($0.password) — \($0.role.french)"
                + ($0.products.isEmpty ? "" : " de « \($0.products.joined(separator: "», «")) »") }
            .joined(separator: "\n")
        if noServe { return print("Base de démonstration prête : \(path)\n\(accounts)") }
        let banner = """
            Eclaire — démonstration sur http://\(host):\(port)/
            Base : \(path) (données fictives, exercice 2025)
            \(accounts)
            """
        try await EmbeddedReaders.serving(location, readers: reading.readers) {
            try await EclaireApp.serve(database: location, host: host, port: port, banner: banner)
        }
    }
}

