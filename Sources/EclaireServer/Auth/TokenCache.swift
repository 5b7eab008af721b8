import Foundation
import Storage
import Vapor

/// API tokens by digest, kept 5 s: a script calling the API a thousand times a second would otherwise read the
/// token table on each call. Only known tokens are kept (random secrets must not fill the memory), at most
/// `capacity` of them. A token revoked on the admin page is dropped at once; one revoked from the command line (another
/// process) is refused by a running server within 5 s.
actor TokenCache {
    static let lifetime: Duration = .seconds(5)
    let capacity = 10_000
    private var entries: [String: (token: APIToken, at: ContinuousClock.Instant)] = [:]

    func token(digest: String, load: @Sendable () async throws -> APIToken?) async throws -> APIToken? {
        let now = ContinuousClock.now
        if let entry = entries[digest], now - entry.at < Self.lifetime { return entry.token }
        guard let token = try await load() else {
            entries[digest] = nil
            return nil
        }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[digest] = (token, now)
        return token
    }

    func forgetAll() { entries.removeAll() }
}

/// The latest import's number, read from the base at most once a second: pages and lists computed from the
/// imported lines are kept while it does not change.
actor ImportGenerationClock {
    private var known: (generation: Int, at: ContinuousClock.Instant)?

    func generation(read: @Sendable () async throws -> Int) async throws -> Int {
        let now = ContinuousClock.now
        if let known, now - known.at < .seconds(1) { return known.generation }
        let generation = try await read()
        known = (generation, now)
        return generation
    }
}

extension Application {
    private struct TokenCacheKey: StorageKey { typealias Value = TokenCache }
    private struct GenerationKey: StorageKey { typealias Value = ImportGenerationClock }

    var tokenCache: TokenCache {
        get { storage[TokenCacheKey.self]! }
        set { storage[TokenCacheKey.self] = newValue }
    }

    var importGeneration: ImportGenerationClock {
        get { storage[GenerationKey.self]! }
        set { storage[GenerationKey.self] = newValue }
    }
}
