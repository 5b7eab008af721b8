import Fluent
import Foundation
import Logging
import Storage
import Vapor

/// The log of API tokens' calls, written behind the answers: a call is queued in memory and the queue is written in
/// batches a fifth of a second later, so that no answer waits on the database (on SQLite each write would hold the
/// file's lock), and without waiting for the file while an import holds it. Calls older than the retention are forgotten, checked at most once an hour. People's calls and
/// anonymous ones are not kept: the log answers « what did this token do », and would otherwise grow with every
/// page of a browser or every guess of a stranger.
actor CallLog {
    private let database: @Sendable () -> any Database
    private let writer: @Sendable () -> any Database
    private let logger: Logger
    let retention: Duration
    /// Beyond it (the database unreachable for a long time) the oldest calls are dropped, not the process's memory.
    let capacity: Int
    /// How long a batch refused (the file locked by an import) waits before the next try.
    let retryDelay: Duration
    private var pending: [APICall] = []
    private var writing: Task<Void, Never>?
    private var lastPruned: ContinuousClock.Instant?
    private var failingSince: ContinuousClock.Instant?
    /// Set when the server stops: its databases go away, nothing is written behind the answers any more.
    private var stopped = false
    private(set) var dropped = 0

    /// `writer` is the database the calls are written to without waiting (`DatabaseID.backgroundWrites` on
    /// SQLite): while an import holds the file, a batch is kept and tried again `retryDelay` later.
    init(database: @escaping @Sendable () -> any Database, writer: (@Sendable () -> any Database)? = nil, logger: Logger,
         retentionDays: Int = 90, capacity: Int = 50_000, retryDelay: Duration = .seconds(1)) {
        self.database = database
        self.writer = writer ?? database
        self.logger = logger
        retention = .seconds(max(1, retentionDays) * 86_400)
        self.capacity = capacity
        self.retryDelay = retryDelay
    }

    func record(_ call: APICall) {
        keep([call])
        guard writing == nil, !stopped else { return }
        writing = Task {
            try? await Task.sleep(for: .milliseconds(200))
            await self.writeWithoutWaiting()
        }
    }

    /// Queues calls after those already waiting, dropping the oldest past `capacity`. Appended in place: while an
    /// import holds the file, tens of thousands of calls wait, and copying them for each new call (`pending + [call]`)
    /// took most of the server's time under load.
    private func keep(_ calls: [APICall], before: Bool = false) {
        if before {
            var merged = calls
            merged.append(contentsOf: pending)
            pending = merged
        } else {
            pending.append(contentsOf: calls)
        }
        if pending.count > capacity {
            let excess = pending.count - capacity + capacity / 10
            pending.removeFirst(excess)
            dropped += excess
        }
    }

    /// Writes the queue in batches; a batch refused is kept and the whole queue tried again later. `writing` is
    /// cleared only once nothing more is done, prune included: `stop()` waits for this task, and a statement still
    /// under way after it would reach a closed event loop (a crash of the process, seen in the test suite).
    private func writeWithoutWaiting() async {
        repeat {
            await writeQueue()
            if !stopped { await pruneIfDue() }
        } while !pending.isEmpty && !stopped
        writing = nil
    }

    private func writeQueue() async {
        while !pending.isEmpty && !stopped {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            do {
                try await APITokenStore.withoutWaiting(on: writer()) { try await $0.log(batch) }
                failingSince = nil
            } catch {
                keep(batch, before: true)
                let now = ContinuousClock.now
                if let since = failingSince, now - since > .seconds(60) {
                    logger.warning("journal des appels : \(pending.count) appel(s) en attente d'écriture depuis plus d'une minute : \(error)")
                    failingSince = now
                } else if failingSince == nil {
                    failingSince = now
                }
                try? await Task.sleep(for: retryDelay)
            }
        }
    }

    /// Writes what is queued and stops writing behind the answers: the server is stopping.
    func stop() async {
        stopped = true
        // The batch being written, and the prune after it, are waited for: the databases close after this.
        if let writing {
            writing.cancel()
            await writing.value
        }
        await flush()
    }

    /// Writes what is queued now, waiting for the database if need be: the admin page and the server's shutdown
    /// call it so that nothing is missing.
    func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            do {
                try await APITokenStore(database: database()).log(batch)
            } catch {
                logger.warning("journal des appels : \(batch.count) appel(s) non écrit(s) : \(error)")
            }
        }
    }

    /// A prune refused (the file locked) is tried again with the next batch.
    private func pruneIfDue() async {
        let now = ContinuousClock.now
        if let lastPruned, now - lastPruned < .seconds(3600) { return }
        lastPruned = now
        let cutoff = Timestamp.iso(Date().addingTimeInterval(-Double(retention.components.seconds)))
        do {
            try await APITokenStore.withoutWaiting(on: writer()) { try await $0.pruneCalls(before: cutoff) }
        } catch {
            self.lastPruned = nil
            logger.debug("journal des appels : purge remise : \(error)")
        }
    }
}

private struct CallLogKey: StorageKey { typealias Value = CallLog }

extension Application {
    var callLog: CallLog {
        get { storage[CallLogKey.self]! }
        set { storage[CallLogKey.self] = newValue }
    }
}

/// Writes the queued calls before the server stops.
struct CallLogShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.callLog.stop()
    }
}
