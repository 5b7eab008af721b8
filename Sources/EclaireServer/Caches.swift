import EclaireCore
import SQLKit
import Storage
import Vapor

/// A value computed over the whole base, kept until what it reads changes (its version), not recomputed per page.
/// The request that first sees a new version computes it and waits; requests arriving while that computation runs
/// get the previous value at once, when there is one. Without it, imports finishing every few seconds kept two
/// hundred readers waiting on computations that a newer import made stale before they ended.
actor VersionedCache<Version: Equatable & Sendable, Value: Sendable> {
    private var cached: (version: Version, value: Value)?
    private var computing: (version: Version, task: Task<Value, any Error>)?

    func value(at version: Version, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached, cached.version == version { return cached.value }
        if let computing {
            if let cached { return cached.value }
            if computing.version == version { return try await computing.task.value }
        }
        let task = Task { try await compute() }
        computing = (version, task)
        let result = await task.result
        if computing?.version == version { computing = nil }
        let value = try result.get()
        cached = (version, value)
        return value
    }
}

/// The whole base's totals change only when a file is imported (about 1.5 s on a base of a million lines).
typealias StatsCache = VersionedCache<Int, SpendingStats>

/// Link suggestions score every unlinked EJ sharing a supplier or centre de coûts with a product: kept until an
/// import or a change of the products (their audit log) changes what they read.
typealias SuggestionCache = VersionedCache<[Int], [LinkSuggestion]>

/// The cross-EJ rules read the whole base: their findings are kept until an import, a document or a correction
/// changes what they read, or the day changes (late payments age). Dismissals are applied on each call.
typealias AnomalyCache = VersionedCache<[String], [Anomaly]>

extension Application {
    private struct StatsCacheKey: StorageKey { typealias Value = StatsCache }
    private struct AnomalyCacheKey: StorageKey { typealias Value = AnomalyCache }
    private struct SuggestionCacheKey: StorageKey { typealias Value = SuggestionCache }

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
}

extension Request {
    /// The whole base's totals, computed again only after an import (also one made by another process).
    func spendingStats() async throws -> SpendingStats {
        let queries = ChorusQueries(sql: db as! any SQLDatabase)
        return try await application.statsCache.value(at: try await importGeneration()) { try await queries.stats() }
    }

    /// Every link suggestion of the base (callers filter those of the products they may read).
    func linkSuggestions() async throws -> [LinkSuggestion] {
        let store = BudgetStore(database: db, actor: try user.login)
        let version = [try await importGeneration(), try await store.version()]
        return try await application.suggestionCache.value(at: version) {
            try await BudgetQueries(store: store).suggestions()
        }
    }

    /// The latest import's number, at most a second old.
    func importGeneration() async throws -> Int {
        let queries = ChorusQueries(sql: db as! any SQLDatabase)
        return try await application.importGeneration.generation { try await queries.importGeneration() }
    }

    /// The anomalies (from the cache) involving some of `ejs` (all when nil), with their dismissals, as the caller
    /// may see them: an anomaly spanning EJs out of the caller's reach shows only those in reach (`AccessPolicy`).
    func anomalies(involving ejs: [String]? = nil) async throws -> [ListedAnomaly] {
        let store = AnomalyStore(database: db, actor: try user.login)
        let today = LocalDate.today
        let found = try await application.anomalyCache.value(at: [try await store.version(), today.iso]) {
            try await store.found(asOf: today)
        }
        let listed = try await store.listed(found, ejs: ejs)
        let access = try access
        guard !access.wholeBase else { return listed }
        let reaches = try await ChorusQueries(sql: db as! any SQLDatabase).reaches(of: listed.flatMap(\.anomaly.ejs))
        return listed.compactMap { item in
            access.view(of: item.anomaly, reaches: reaches).map { ListedAnomaly(anomaly: $0, dismissal: item.dismissal) }
        }
    }
}
