import EclaireCore
import Storage
import Vapor

/// Whole-base totals change only when a file is imported: they are computed once per import, not per page view
/// (about 1.5 s on a base of a million lines).
actor StatsCache {
    private var cached: (generation: Int, stats: SpendingStats)?

    func stats(_ queries: ChorusQueries) async throws -> SpendingStats {
        let generation = try await queries.importGeneration()
        if let cached, cached.generation == generation { return cached.stats }
        let stats = try await queries.stats()
        cached = (generation, stats)
        return stats
    }
}

extension Application {
    private struct StatsCacheKey: StorageKey {
        typealias Value = StatsCache
    }

    /// One cache per application, created by `EclaireApp.configure`.
    var statsCache: StatsCache {
        get { storage[StatsCacheKey.self]! }
        set { storage[StatsCacheKey.self] = newValue }
    }
}
