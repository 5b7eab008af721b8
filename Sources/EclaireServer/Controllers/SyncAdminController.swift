import EclaireCore
import Storage
import Vapor

/// `/admin/synchronisation`: the administrators see the last synchronisations with the AIFE — what each fetched,
/// refused or failed, and why — and the EJs waiting to be tried again.
struct SyncAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "synchronisation", use: page)
    }

    struct RunRow: Encodable {
        let id: Int
        let started: String
        let finished: String
        let actor: String
        let window: String
        let status: String
        let failed: Bool
        let ejs: String
        let new: String
        let known: String
        let refused: String
        let failedFiles: String
        let bytes: String
        let problems: [String]
    }

    struct RetryRow: Encodable {
        let ej: String
        let reason: String
        let since: String
    }

    struct Page: Encodable {
        let title = "Synchronisation avec l'AIFE"
        let runs: [RunRow]
        let retries: [RetryRow]
    }

    func page(request: Request) async throws -> View {
        guard try request.access.administersSync else {
            throw Abort(.forbidden, reason: "La synchronisation avec l'AIFE est suivie par les administrateurs.")
        }
        let store = SyncStore(database: request.db)
        let runs = try await store.recentRuns(limit: 30).map { run in
            let figures = run.figures
            return RunRow(id: run.id, started: FrenchFormat.timestamp(iso: run.startedAt),
                          finished: run.finishedAt.map(FrenchFormat.timestamp) ?? "", actor: run.actor,
                          window: "du \(FrenchFormat.timestamp(iso: run.windowFrom)) au \(FrenchFormat.timestamp(iso: run.windowTo))",
                          status: run.status.label, failed: run.status == .failed || run.status == .interrupted,
                          ejs: FrenchFormat.integer(figures.ejsSeen), new: FrenchFormat.integer(figures.filesNew),
                          known: FrenchFormat.integer(figures.filesKnown), refused: FrenchFormat.integer(figures.filesRefused),
                          failedFiles: FrenchFormat.integer(figures.filesFailed),
                          bytes: FrenchFormat.grouped(UInt64(max(0, figures.bytes))), problems: figures.problems)
        }
        let retries = try await store.retriesWithReasons().map {
            RetryRow(ej: $0.ej, reason: $0.reason, since: FrenchFormat.timestamp(iso: $0.since))
        }
        return try await request.view.render("sync", Page(runs: runs, retries: retries))
    }
}
