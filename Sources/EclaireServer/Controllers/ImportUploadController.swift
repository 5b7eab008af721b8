import ChorusImport
import EclaireCore
import Foundation
import SQLKit
import Storage
import Vapor

/// `POST /imports`: the budget office and administrators import a Chorus export (CSV, XLSX, XLS) from the page, as
/// `eclaire import` does — one transaction, the same report. The file is read in the background; the browser is
/// sent to `/imports?suivi=…`, which shows the lines read so far and reloads itself until the report is ready.
struct ImportUploadController: RouteCollection {
    /// Larger exports go through `eclaire import`, which streams them.
    static let maxUpload = "256mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "imports", body: .collect(maxSize: ByteCount(stringLiteral: Self.maxUpload)), use: upload)
    }

    struct Upload: Content {
        var fichier: File
        var csrf: String?
    }

    func upload(request: Request) async throws -> Response {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "Importer une restitution Chorus est réservé au bureau budgétaire et aux administrateurs.")
        }
        let upload: Upload
        do {
            upload = try request.content.decode(Upload.self)
        } catch {
            throw Abort(.badRequest, reason: "Formulaire illisible : la restitution est attendue dans le champ « fichier » d'un envoi multipart/form-data.")
        }
        if let expected = request.caller?.csrfToken, upload.csrf != expected {
            throw Abort(.forbidden, reason: "jeton de sécurité du formulaire absent ou périmé : rechargez la page")
        }
        guard upload.fichier.data.readableBytes > 0 else { throw Abort(.badRequest, reason: "Fichier vide ou absent.") }
        // Kept under the name it was sent with: the import history and the report name it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = DocumentUploadController.safeName(upload.fichier.filename)
        let path = folder.appendingPathComponent(name).path
        do {
            try Data(buffer: upload.fichier.data).write(to: URL(fileURLWithPath: path))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw Abort(.insufficientStorage, reason: "\(name) : impossible de l'enregistrer pour l'importer (\(error.localizedDescription))")
        }
        let runs = request.application.importRuns
        let login = try request.user.login
        let ticket = await runs.start(file: name, by: login)
        let database = request.db
        let importing = Task {
            defer { try? FileManager.default.removeItem(at: folder) }
            let importer = ChorusImporter(database: database) { rows in Task { await runs.progress(ticket, rows: rows) } }
            do {
                let report = try await importer.importFile(path)
                if !report.alreadyImported {
                    try? await ChorusQueries(sql: database as! any SQLDatabase).recordAuthor(sha256: report.sha256, login: login)
                }
                await runs.finish(ticket, with: .success(report))
            } catch {
                let described = (error as? ImportFailure)?.description ?? "import annulé, rien n'a été enregistré (\(error))"
                await runs.finish(ticket, with: .failure(.init(message: described.replacingOccurrences(of: folder.path + "/", with: ""))))
            }
        }
        await runs.track(ticket, importing)
        return request.redirect(to: "/imports?suivi=\(ticket)")
    }
}

/// Imports started from the page, by ticket: the lines read so far, then the report or the reason of the failure.
/// Kept in memory an hour (the import itself is in the base).
actor ImportRuns {
    struct Run: Sendable {
        let file: String
        let login: String
        let started: ContinuousClock.Instant
        var rowsRead = 0
        var outcome: Result<ImportReport, Failure>?
    }

    struct Failure: Error, Sendable { let message: String }

    private var runs: [String: Run] = [:]
    /// The imports under way: the server waits for them before closing its databases.
    private var importing: [String: Task<Void, Never>] = [:]

    func start(file: String, by login: String) -> String {
        let now = ContinuousClock.now
        runs = runs.filter { now - $0.value.started < .seconds(3600) }
        let ticket = UUID().uuidString
        runs[ticket] = Run(file: file, login: login, started: now)
        return ticket
    }

    func progress(_ ticket: String, rows: Int) {
        // Read before the write: reading `runs` inside the assignment to it is an overlapping access (a trap).
        guard let read = runs[ticket]?.rowsRead else { return }
        runs[ticket]?.rowsRead = max(read, rows)
    }

    func finish(_ ticket: String, with outcome: Result<ImportReport, Failure>) {
        runs[ticket]?.outcome = outcome
        importing[ticket] = nil
    }

    func track(_ ticket: String, _ task: Task<Void, Never>) {
        guard runs[ticket]?.outcome == nil else { return }
        importing[ticket] = task
    }

    /// Waits for every import under way (at shutdown): it is one transaction, left to commit or roll back.
    func settle(logger: Logger) async {
        if !importing.isEmpty { logger.info("arrêt : attente de \(importing.count) import(s) en cours") }
        while let (ticket, task) = importing.first {
            await task.value
            importing[ticket] = nil
        }
    }

    /// The run of `ticket`, for the one who started it.
    func run(_ ticket: String, for login: String) -> Run? {
        runs[ticket].flatMap { $0.login == login ? $0 : nil }
    }
}

extension Application {
    private struct ImportRunsKey: StorageKey { typealias Value = ImportRuns }

    /// Created by `EclaireApp.configure`.
    var importRuns: ImportRuns {
        get { storage[ImportRunsKey.self]! }
        set { storage[ImportRunsKey.self] = newValue }
    }
}

/// Imports started from the page end before the databases close.
struct ImportRunsShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async { await application.importRuns.settle(logger: application.logger) }
}
