import ArgumentParser
import Foundation
import Logging
import Storage

/// `serve` and `demo` read what is uploaded by themselves: document readers run beside the server, each with its
/// own reader process, taking jobs from the same queue as `eclaire work` (so both can run at once). `--readers 0`
/// turns them off when separate workers read.
struct EmbeddedReadersOption: ParsableArguments {
    @Option(help: "Lecteurs de documents intégrés au serveur (0 : aucun, quand des « eclaire work » lisent à part).")
    var readers = 1

    func validate() throws {
        guard (0...16).contains(readers) else { throw ValidationError("--readers : entre 0 et 16") }
    }
}

enum EmbeddedReaders {
    /// Runs `serve` with `readers` document readers beside it; they stop with it. A reader process still working
    /// on a document ends by itself when its input closes, and the job's lease names this dead process, so that
    /// the next worker takes it back at once.
    static func serving(_ location: DatabaseLocation, readers: Int, serve: () async throws -> Void) async throws {
        guard readers > 0 else { return try await serve() }
        let reading = Task { await read(location, readers: readers) }
        defer { reading.cancel() }
        try await serve()
    }

    /// Reads until cancelled; a failure (the database not yet migrated, unreachable) is logged and tried again,
    /// never the server's end.
    static func read(_ location: DatabaseLocation, readers: Int) async {
        let logger = Logger(label: "eclaire.lecteurs")
        let files = DocumentFileStore.resolve(option: nil, database: location)
        let identity = WorkerIdentity.current()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<readers {
                group.addTask {
                    let isolation = IsolatedExtraction()
                    defer { isolation.stop() }
                    while !Task.isCancelled {
                        do {
                            try await StorageContainer.using(location, migrate: false) { storage in
                                try await storage.waitForLocksBySleeping()
                                let documents = DocumentStore(database: storage.database, files: files, actor: "worker")
                                try await WorkCommand.loop(worker: identity.name(index: index), documents: documents,
                                                           isolation: isolation, untilEmpty: false,
                                                           progress: Progress(total: 0, drawing: false))
                            }
                        } catch is CancellationError {
                            return
                        } catch {
                            logger.warning("lecteur de documents intégré : \(error) — nouvel essai dans 10 s")
                            try? await Task.sleep(for: .seconds(10))
                        }
                    }
                }
            }
        }
    }
}
