import EclaireCore
import Storage
import Vapor

/// The cross-EJ rules read the whole base: their findings are kept until an import, a document or a correction
/// changes what they read, or the day changes (late payments age). Dismissals are applied on each call.
actor AnomalyCache {
    private var cached: (version: String, day: LocalDate, found: [Anomaly])?

    func found(_ store: AnomalyStore, asOf today: LocalDate) async throws -> [Anomaly] {
        let version = try await store.version()
        if let cached, cached.version == version, cached.day == today { return cached.found }
        let found = try await store.found(asOf: today)
        cached = (version, today, found)
        return found
    }
}

extension Application {
    private struct AnomalyCacheKey: StorageKey {
        typealias Value = AnomalyCache
    }

    /// One cache per application, created by `EclaireApp.configure`.
    var anomalyCache: AnomalyCache {
        get { storage[AnomalyCacheKey.self]! }
        set { storage[AnomalyCacheKey.self] = newValue }
    }
}

extension Request {
    /// The whole base's anomalies (from the cache) involving some of `ejs` (all when nil), with their dismissals.
    func anomalies(involving ejs: [String]? = nil) async throws -> [ListedAnomaly] {
        let store = AnomalyStore(database: db, actor: try user.login)
        return try await store.listed(try await application.anomalyCache.found(store, asOf: .today), ejs: ejs)
    }
}
