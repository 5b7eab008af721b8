import ArgumentParser
import ChorusSync
import EclaireCore
import Foundation
import Logging
import Storage

/// `eclaire sync`: fetches the attachments of the EJs changed in Chorus from the AIFE's API, stores the new ones,
/// queues them for reading, and remembers where it stopped. `--every` repeats it.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Récupère auprès de l'AIFE les pièces jointes des EJ créés ou modifiés, et les met en file de lecture.",
        discussion: """
            Le secret du client OAuth vient de $ECLAIRE_AIFE_CLIENT_SECRET ou d'un fichier (--secret-file, \
            $ECLAIRE_AIFE_CLIENT_SECRET_FILE), jamais de la ligne de commande. Les autres réglages ont leur variable : \
            ECLAIRE_AIFE_AUTH_URL, ECLAIRE_AIFE_BASE_URL, ECLAIRE_AIFE_CLIENT_ID, ECLAIRE_AIFE_PUR_ORGS, ECLAIRE_AIFE_PUR_GROUPS \
            (listes séparées par des virgules).
            """)

    @OptionGroup var database: DatabaseOption
    @Option(help: "Dossier des documents (défaut : $ECLAIRE_DOCUMENT_STORE, sinon à côté de la base SQLite).")
    var store: String?
    @OptionGroup var aife: AIFEOptions
    @Option(help: "Début de la fenêtre (JJ/MM/AAAA ou AAAA-MM-JJ ; défaut : où la synchronisation précédente s'est arrêtée).")
    var since: String?
    @Option(help: "Fin de la fenêtre, incluse (défaut : maintenant).") var until: String?
    @Option(help: "Recommence toutes les N secondes (0 : une seule fois).") var every = 0
    @Flag(help: "Le compte rendu en un objet JSON.") var json = false

    func validate() throws {
        guard every == 0 || (60...604_800).contains(every) else { throw ValidationError("--every : 0, ou de 60 à 604 800 secondes") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, LocalDate.parse(value) == nil { throw ValidationError("\(name) : date illisible « \(value) » (JJ/MM/AAAA)") }
        }
        if every > 0 && (since != nil || until != nil) {
            throw ValidationError("--every reprend chaque fois où la synchronisation s'est arrêtée : sans --since ni --until")
        }
    }

    func run() async throws {
        let settings = try aife.settings()
        let location = try database.location()
        let files = DocumentFileStore.resolve(option: store, database: location)
        let from = since.flatMap(LocalDate.parse).map(Self.start)
        // The whole last day: `--until 31/12/2025` includes the 31st.
        let to = until.flatMap(LocalDate.parse).map { Self.start($0).addingTimeInterval(86_399) }
        if every > 0 { return try await ScheduledSync.loop(location, files: files, settings: settings, every: every) }
        let report: SyncReport
        do {
            report = try await StorageContainer.using(location) { storage in
                try await ScheduledSync.sync(storage, files: files, settings: settings).run(since: from, until: to)
            }
        } catch let error as AIFEError {
            throw UserError(message: error.description)
        } catch let error as SyncStoreError {
            throw UserError(message: error.description)
        }
        if json { try JSONOutput.line(SyncReportJSON(report)) } else { print(Self.text(report)) }
    }

    static func start(_ date: LocalDate) -> Date { Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400) }

    static func text(_ report: SyncReport) -> String {
        let figures = report.figures
        var lines = ["synchronisation \(report.run) avec l'AIFE — \(report.status.label), EJ reçus du \(Self.french(report.from)) au \(Self.french(report.to))",
                     "  EJ vus : \(FrenchFormat.integer(figures.ejsSeen))",
                     "  fichiers nouveaux : \(FrenchFormat.integer(figures.filesNew)), mis en file de lecture",
                     "  déjà présents : \(FrenchFormat.integer(figures.filesKnown))",
                     "  refusés : \(FrenchFormat.integer(figures.filesRefused))",
                     "  en échec, repris au prochain passage : \(FrenchFormat.integer(figures.filesFailed))",
                     "  téléchargé : \(FrenchFormat.grouped(UInt64(max(0, figures.bytes)))) octets"]
        if !figures.problems.isEmpty { lines += ["  problèmes :"] + figures.problems.map { "    - \($0)" } }
        return lines.joined(separator: "\n")
    }

    static func french(_ date: Date) -> String { FrenchFormat.timestamp(iso: Timestamp.iso(date)) }
}

/// Where the AIFE is and who Eclaire is to it; the secret is never an option.
struct AIFEOptions: ParsableArguments {
    @Option(name: .customLong("auth-url"), help: "Serveur OAuth de l'AIFE (défaut : $ECLAIRE_AIFE_AUTH_URL).") var authURL: String?
    @Option(name: .customLong("base-url"), help: "API de l'AIFE (défaut : $ECLAIRE_AIFE_BASE_URL).") var baseURL: String?
    @Option(name: .customLong("client-id"), help: "Identifiant du client OAuth (défaut : $ECLAIRE_AIFE_CLIENT_ID).") var clientID: String?
    @Option(name: .customLong("secret-file"), help: "Fichier qui contient le secret du client OAuth.") var secretFile: String?
    @Option(name: .customLong("pur-org"), help: "Organisation d'achat (répétable ; défaut : $ECLAIRE_AIFE_PUR_ORGS).")
    var organisations: [String] = []
    @Option(name: .customLong("pur-group"), help: "Groupe d'acheteurs (répétable ; défaut : $ECLAIRE_AIFE_PUR_GROUPS, sinon tous).")
    var groups: [String] = []
    @Option(name: .customLong("max-file-mb"), help: "Taille maximale d'une pièce, en Mo.") var maxFileMB = 100

    func validate() throws {
        guard (1...4096).contains(maxFileMB) else { throw ValidationError("--max-file-mb : de 1 à 4 096") }
    }

    func settings() throws -> AIFESettings {
        var settings = try Self.resolving {
            try AIFESettings.resolve(authURL: authURL, baseURL: baseURL, clientID: clientID, secretFile: secretFile,
                                     organisations: organisations, groups: groups)
        }
        settings.maxFileBytes = Int64(maxFileMB) * 1024 * 1024
        return settings
    }

    /// The settings from the environment alone (`eclaire serve --sync-every`).
    static func fromEnvironment() throws -> AIFESettings { try resolving { try AIFESettings.resolve() } }

    private static func resolving(_ body: () throws -> AIFESettings) throws -> AIFESettings {
        do { return try body() } catch let error as AIFEError { throw UserError(message: error.description) }
    }
}

/// The synchronisation run by `eclaire sync --every` and by `eclaire serve --sync-every`.
enum ScheduledSync {
    /// Who started the runs, as the page shows it: `cli:<login>` for the command, `serveur` for `serve`.
    static var commandLine: String { "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "inconnu")" }

    static func sync(_ storage: StorageContainer, files: DocumentFileStore, settings: AIFESettings,
                     actor: String = commandLine) -> AttachmentSync {
        AttachmentSync(settings: settings, store: SyncStore(database: storage.database),
                       documents: DocumentStore(database: storage.database, files: files, actor: "aife"), actor: actor)
    }

    /// Runs now, then every `every` seconds, until cancelled. A failed run is logged (and shown on the
    /// administrators' page) and the next one comes at its time; another process's run in progress is left alone.
    static func loop(_ location: DatabaseLocation, files: DocumentFileStore, settings: AIFESettings, every: Int,
                     actor: String = commandLine) async throws {
        let logger = Logger(label: "eclaire.sync")
        while !Task.isCancelled {
            do {
                let report = try await StorageContainer.using(location, migrate: false) { storage in
                    try await sync(storage, files: files, settings: settings, actor: actor).run()
                }
                logger.info("\(SyncCommand.text(report))")
            } catch is CancellationError {
                return
            } catch {
                logger.warning("synchronisation avec l'AIFE : \((error as? AIFEError)?.description ?? (error as? SyncStoreError)?.description ?? "\(error)")")
            }
            try await Task.sleep(for: .seconds(every))
        }
    }
}

/// `eclaire sync --json`.
struct SyncReportJSON: Encodable {
    let run: Int
    let status: String
    let from: String
    let to: String
    let ejs_seen: Int
    let files_new: Int
    let files_already_there: Int
    let files_refused: Int
    let files_failed: Int
    let bytes: Int64
    let problems: [String]

    init(_ report: SyncReport) {
        run = report.run
        status = report.status.rawValue
        from = Timestamp.iso(report.from)
        to = Timestamp.iso(report.to)
        ejs_seen = report.figures.ejsSeen
        files_new = report.figures.filesNew
        files_already_there = report.figures.filesKnown
        files_refused = report.figures.filesRefused
        files_failed = report.figures.filesFailed
        bytes = report.figures.bytes
        problems = report.figures.problems
    }
}
