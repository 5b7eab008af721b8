import Fluent
import Foundation
import Logging
import Storage
import Vapor

/// The log of API tokens' calls, written behind the answers: a call is queued in memory and the queue is written in
/// batches a fifth of a second later, so that no answer waits on the database (on SQLite each write would hold the
/// file's lock). Calls older than the retention are forgotten, checked at most once an hour. People's calls and
/// anonymous ones are not kept: the log answers « what did this token do », and would otherwise grow with every
/// page of a browser or every guess of a stranger.
actor CallLog {
    private let database: @Sendable () -> any Database
    private let logger: Logger
    let retention: Duration
    /// Beyond it (the database unreachable for a long time) the oldest calls are dropped, not the process's memory.
    let capacity: Int
    private var pending: [APICall] = []
    private var writing: Task<Void, Never>?
    private var lastPruned: ContinuousClock.Instant?
    private(set) var dropped = 0

    init(database: @escaping @Sendable () -> any Database, logger: Logger, retentionDays: Int = 90, capacity: Int = 50_000) {
        self.database = database
        self.logger = logger
        retention = .seconds(max(1, retentionDays) * 86_400)
        self.capacity = capacity
    }

    func record(_ call: APICall) {
        if pending.count >= capacity {
            let oldest = capacity / 10 + 1
            pending.removeFirst(oldest)
            dropped += oldest
        }
        pending.append(call)
        guard writing == nil else { return }
        writing = Task {
            try? await Task.sleep(for: .milliseconds(200))
            await self.flush()
        }
    }

    /// Writes what is queued now; the admin page and the server's shutdown call it so that nothing is missing.
    func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let store = APITokenStore(database: database())
            do {
                try await store.log(batch)
            } catch {
                logger.warning("journal des appels : \(batch.count) appel(s) non écrit(s) : \(error)")
            }
        }
        writing = nil
        await pruneIfDue()
    }

    private func pruneIfDue() async {
        let now = ContinuousClock.now
        if let lastPruned, now - lastPruned < .seconds(3600) { return }
        lastPruned = now
        let cutoff = Timestamp.iso(Date().addingTimeInterval(-Double(retention.components.seconds)))
        do {
            try await APITokenStore(database: database()).pruneCalls(before: cutoff)
        } catch {
            logger.warning("journal des appels : purge impossible : \(error)")
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
        await application.callLog.flush()
    }
}
