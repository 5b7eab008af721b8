import EclaireCore
import SQLKit
import Storage
import Vapor

/// A value computed over the whole base, kept until what it reads changes (its version), not recomputed per page.
/// One computation at a time. The request that first sees a new version starts it and waits for it — at most
/// `patience` when an earlier value exists, which it then gets; requests arriving while it runs get the earlier
/// value at once, or wait for the running computation when there is none. Without it, imports finishing every
/// second kept two hundred readers waiting on computations of the whole base that a newer import made stale
/// before they ended.
actor VersionedCache<Version: Equatable & Sendable, Value: Sendable> {
    let patience: Duration
    private var cached: (version: Version, value: Value)?
    private var computing: (version: Version, task: Task<Value, any Error>)?

    init(patience: Duration = .seconds(2)) { self.patience = patience }

    func value(at version: Version, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached, cached.version == version { return cached.value }
        if let computing {
            if let cached { return cached.value }
            return try await computing.task.value
        }
        let task = Task<Value, any Error> {
            do {
                let value = try await compute()
                self.finished(version, value)
                return value
            } catch {
                self.finished(version, nil)
                throw error
            }
        }
        computing = (version, task)
        guard let earlier = cached?.value else { return try await task.value }
        return await fresh(version, within: patience) ?? earlier
    }

    /// Waits for the computation under way, if any: a reader that gave up waiting leaves it running, and it must
    /// end before the databases close.
    func settle() async { _ = try? await computing?.task.value }

    private func finished(_ version: Version, _ value: Value?) {
        if computing?.version == version { computing = nil }
        if let value { cached = (version, value) }
    }

    /// The value of `version` if its computation ends within `patience` (checked every 20 ms: a task's value
    /// cannot be awaited for a bounded time).
    private func fresh(_ version: Version, within patience: Duration) async -> Value? {
        let deadline = ContinuousClock.now + patience
        while ContinuousClock.now < deadline {
            if let cached, cached.version == version { return cached.value }
            guard computing?.version == version else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return cached.flatMap { $0.version == version ? $0.value : nil }
    }
}

/// The whole base's totals change only when a file is imported (about 1.5 s on a base of a million lines).
typealias StatsCache = VersionedCache<Int, SpendingStats>

/// Link suggestions score every unlinked EJ sharing a supplier or centre de coûts with a product: kept until an
/// import or a change of the products (their audit log) changes what they read.
typealias SuggestionCache = VersionedCache<[Int], [LinkSuggestion]>

/// How many EJs no product claims, read on the same version as the suggestions.
typealias UnlinkedCountCache = VersionedCache<[Int], Int>

/// The cross-EJ rules read the whole base: their findings are kept until an import, a document or a correction
/// changes what they read, or the day changes (late payments age). Dismissals are applied on each call.
typealias AnomalyCache = VersionedCache<[String], [Anomaly]>

/// The products' portfolio by filter and reader: kept until an import, a change of the products (their audit log)
/// or the day changes what it reads.
typealias PortfolioCache = KeyedCache<Portfolio>

extension Application {
    private struct PortfolioCacheKey: StorageKey { typealias Value = PortfolioCache }
    private struct StatsCacheKey: StorageKey { typealias Value = StatsCache }
    private struct AnomalyCacheKey: StorageKey { typealias Value = AnomalyCache }
    private struct SuggestionCacheKey: StorageKey { typealias Value = SuggestionCache }
    private struct UnlinkedCountCacheKey: StorageKey { typealias Value = UnlinkedCountCache }

    /// One cache of each per application, created by `EclaireApp.configure`.
    var statsCache: StatsCache {
        get { storage[StatsCacheKey.self]! }
        set { storage[StatsCacheKey.self] = newValue }
    }

    var anomalyCache: AnomalyCache {
        get { storage[AnomalyCacheKey.self]! }
        set { storage[AnomalyCacheKey.self] = newValue }
    }

    var suggestionCache: SuggestionCache {
        get { storage[SuggestionCacheKey.self]! }
        set { storage[SuggestionCacheKey.self] = newValue }
    }

    var portfolioCache: PortfolioCache {
        get { storage[PortfolioCacheKey.self]! }
        set { storage[PortfolioCacheKey.self] = newValue }
    }

    var unlinkedCountCache: UnlinkedCountCache {
        get { storage[UnlinkedCountCacheKey.self]! }
        set { storage[UnlinkedCountCacheKey.self] = newValue }
    }
}

extension Request {
    /// The whole base's totals, computed again only after an import (also one made by another process).
    func spendingStats() async throws -> SpendingStats {
        let queries = ChorusQueries(sql: db as! any SQLDatabase)
        return try await application.statsCache.value(at: try await importGeneration()) { try await queries.stats() }
    }

    /// Every link suggestion of the base (callers filter those of the products they may read).
    func linkSuggestions() async throws -> [LinkSuggestion] {
        try await application.linkSuggestions()
    }

    /// How many EJs are linked to no product.
    func unlinkedEJCount() async throws -> Int {
        let store = BudgetStore(database: db, actor: try user.login)
        return try await application.unlinkedCountCache.value(at: try await application.linksVersion()) {
            try await store.unlinkedCount()
        }
    }

    /// The latest import's number, at most a second old.
    func importGeneration() async throws -> Int {
        try await application.latestImport()
    }

    /// The anomalies (from the cache) involving some of `ejs` (all when nil), with their dismissals, as the caller
    /// may see them: an anomaly spanning EJs out of the caller's reach shows only those in reach (`AccessPolicy`).
    func anomalies(involving ejs: [String]? = nil) async throws -> [ListedAnomaly] {
        let store = AnomalyStore(database: db, actor: try user.login)
        let listed = try await store.listed(try await application.foundAnomalies(), ejs: ejs)
        let access = try access
        guard !access.wholeBase else { return listed }
        let reaches = try await ChorusQueries(sql: db as! any SQLDatabase).reaches(of: listed.flatMap(\.anomaly.ejs))
        return listed.compactMap { item in
            access.view(of: item.anomaly, reaches: reaches).map { ListedAnomaly(anomaly: $0, dismissal: item.dismissal) }
        }
    }
}

extension Application {
    /// What the anomaly rules find on the whole base (`AnomalyCache`), before dismissals and access.
    func foundAnomalies() async throws -> [Anomaly] {
        let store = AnomalyStore(database: db, actor: "eclaire")
        let today = LocalDate.today
        return try await anomalyCache.value(at: [try await store.version(), today.iso]) { try await store.found(asOf: today) }
    }

    /// The latest import's number, at most a second old (`ImportGenerationClock`).
    func latestImport() async throws -> Int {
        let queries = ChorusQueries(sql: db as! any SQLDatabase)
        return try await importGeneration.generation { try await queries.importGeneration() }
    }

    /// What links between EJs and products depend on: the imported lines and the products' audit log.
    func linksVersion() async throws -> [Int] {
        [try await latestImport(), try await BudgetStore(database: db, actor: "eclaire").version()]
    }

    /// Every link suggestion of the base (`SuggestionCache`).
    func linkSuggestions() async throws -> [LinkSuggestion] {
        let store = BudgetStore(database: db, actor: "eclaire")
        return try await suggestionCache.value(at: try await linksVersion()) { try await BudgetQueries(store: store).suggestions() }
    }

    /// Computes the whole-base values in the background once the server listens: the first visitors then do not
    /// wait for them, nor does a crowd arriving at once (several seconds on 100 000 lines). A failure is only
    /// logged: the pages compute them again.
    func warmCaches() {
        warming = Task { [self] in
            do {
                _ = try await foundAnomalies()
                _ = try await linkSuggestions()
            } catch {
                logger.warning("préparation des anomalies et suggestions : \(error)")
            }
        }
    }

    private struct WarmingKey: StorageKey { typealias Value = Task<Void, Never> }

    var warming: Task<Void, Never>? {
        get { storage[WarmingKey.self] }
        set { storage[WarmingKey.self] = newValue }
    }

    /// Every whole-base computation still under way, awaited (at shutdown).
    func settleCaches() async {
        await warming?.value
        await statsCache.settle()
        await anomalyCache.settle()
        await suggestionCache.settle()
        await unlinkedCountCache.settle()
        await portfolioCache.settle()
        await listCaches.pages.settle()
        await listCaches.totals.settle()
    }
}

/// Computations of the caches that outlive the request which started them end before the databases close: one
/// still running then would reach a closed event loop and stop the process (seen in the test suite under load).
struct CachesShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async { await application.settleCaches() }
}
