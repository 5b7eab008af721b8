import ArgumentParser
import EclaireCore
import Foundation
import Storage

/// `eclaire work [--workers N] [--until-empty]`: reads the queued documents. Workers share the queue through the
/// database, so several processes (on PostgreSQL, several machines) can run at once without taking a job twice.
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work", abstract: "Lit les documents en attente (extraction), avec plusieurs lecteurs en parallèle.")

    @OptionGroup var options: DatabaseOption
    @Option(help: "Dossier des documents (défaut : $ECLAIRE_DOCUMENT_STORE, sinon à côté de la base SQLite).")
    var store: String?
    @Option(help: "Nombre de lecteurs en parallèle.") var workers = 1
    @Flag(name: .customLong("until-empty"), help: "S'arrête quand plus rien n'est prêt à lire.") var untilEmpty = false
    @Option(help: "Durée maximale de lecture d'un document, en secondes.") var timeout = 120.0
    @Option(name: .customLong("max-memory-mb"), help: "Mémoire maximale d'un lecteur, en Mo.") var maxMemoryMB = 2048

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers : entre 1 et 64") }
    }

    func run() async throws {
        let location = try options.location()
        let files = DocumentFileStore.resolve(option: store, database: location)
        try await StorageContainer.using(location) { storage in
            let documents = DocumentStore(database: storage.database, files: files, actor: "worker")
            let progress = Progress(total: try await documents.pendingJobs().ready)
            let identity = WorkerIdentity.current()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<workers {
                    group.addTask { [timeout, maxMemoryMB] in
                        // Each worker has its own reader process, kept for all its documents.
                        let isolation = IsolatedExtraction(timeoutSeconds: timeout, memoryMegabytes: maxMemoryMB)
                        defer { isolation.stop() }
                        try await Self.loop(worker: identity.name(index: index), documents: documents, isolation: isolation,
                                            untilEmpty: untilEmpty, progress: progress)
                    }
                }
                try await group.waitForAll()
            }
            progress.finish()
            let later = try await documents.pendingJobs().later
            if later > 0 { FileHandle.standardError.write(Data("\(later) document(s) seront relus plus tard (nouvel essai après un échec).\n".utf8)) }
        }
    }

    /// A job taken from the queue, with its document.
    typealias Claimed = (job: DocumentJob, document: StoredDocument)

    /// The next job is taken while the reader works on the current one, and handed to it before the current one's
    /// facts are stored: the reader process does not wait for the database. (A worker thus holds up to two jobs; if
    /// it vanishes, both are taken again once stale.)
    static func loop(worker: String, documents: DocumentStore, isolation: IsolatedExtraction, untilEmpty: Bool,
                     progress: Progress) async throws {
        func claim() async throws -> Claimed? {
            guard let job = try await documents.claim(worker: worker) else { return nil }
            return (job, try await documents.document(job.documentID))
        }
        func read(_ claimed: Claimed) -> Task<ExtractionRecord, any Error> {
            let path = documents.files.path(of: claimed.document.storedPath)
            return Task { try await isolation.run(path: path) }
        }
        var next = try await claim()
        var reading = next.map(read)
        while true {
            guard let current = next, let currentReading = reading else {
                if untilEmpty { return }
                try await Task.sleep(for: .seconds(2))
                next = try await claim()
                reading = next.map(read)
                continue
            }
            next = try await claim()
            let result = await currentReading.result
            reading = next.map(read)
            try await store(result, of: current, in: documents, progress: progress)
        }
    }

    private static func store(_ result: Result<ExtractionRecord, any Error>, of claimed: Claimed,
                              in documents: DocumentStore, progress: Progress) async throws {
        do {
            try await documents.complete(claimed.job, with: try result.get())
            progress.advance(failed: false)
        } catch let lost as LeaseLost {
            FileHandle.standardError.write(Data("\(lost.description)\n".utf8))
        } catch {
            // The child names the file by its stored digest: say the name people gave it.
            let reason = "\(error)".replacingOccurrences(of: URL(fileURLWithPath: claimed.document.storedPath).lastPathComponent,
                                                         with: claimed.document.fileName)
            // A refusal (not a document, encrypted, too many pages) will not change on retry; a crash or a
            // timeout might.
            let permanent = if case IsolatedExtraction.Failure.refused = error { true } else { false }
            do {
                try await documents.fail(claimed.job, reason: reason, permanent: permanent)
                progress.advance(failed: true)
            } catch let lost as LeaseLost {
                FileHandle.standardError.write(Data("\(lost.description)\n".utf8))
            }
        }
    }
}

/// A progress bar on standard error, redrawn in place when it is a terminal, one line per tenth otherwise.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var total: Int
    private var done = 0, failed = 0
    private let start = Date()
    private let interactive: Bool
    private let drawing: Bool

    /// `drawing: false` for the readers embedded in `serve`, whose standard error is the server's log.
    init(total: Int, drawing: Bool = true) {
        self.total = total
        self.drawing = drawing
        interactive = drawing && isatty(STDERR_FILENO) == 1
    }

    func advance(failed didFail: Bool) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if didFail { failed += 1 }
        total = max(total, done)
        if drawing && (interactive || done == total || done % max(1, total / 10) == 0) { draw() }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if interactive { draw(); FileHandle.standardError.write(Data("\n".utf8)) }
        else if drawing && done == 0 { draw() }
    }

    private func draw() {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\(bar) \(done)/\(total) documents lus, \(failed) échec(s), \(String(format: "%.1f", rate).replacingOccurrences(of: ".", with: ",")) doc/s"
        FileHandle.standardError.write(Data((interactive ? "\r" + line : line + "\n").utf8))
    }
}
