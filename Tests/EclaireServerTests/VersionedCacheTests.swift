@testable import EclaireServer
import Testing

/// Values computed over the whole base: once per version, and never a crowd waiting on a computation that a newer
/// version makes stale (issue 16, load during imports).
@Suite("Whole-base values kept per version")
struct VersionedCacheTests {
    actor Counter {
        var calls = 0
        func next() -> Int { calls += 1; return calls }
    }

    @Test func oneComputationPerVersionAndThePreviousValueWhileTheNextIsComputed() async throws {
        let cache = VersionedCache<Int, String>()
        let counter = Counter()
        #expect(try await cache.value(at: 1) { "v1-\(await counter.next())" } == "v1-1")
        #expect(try await cache.value(at: 1) { "v1-\(await counter.next())" } == "v1-1")

        // Version 2 is slow to compute: its first reader waits for it, readers arriving meanwhile get version 1.
        let (started, signal) = AsyncStream<Void>.makeStream()
        let (release, gate) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await cache.value(at: 2) {
                signal.yield()
                for await _ in release { break }
                return "v2-\(await counter.next())"
            }
        }
        for await _ in started { break }
        #expect(try await cache.value(at: 2) { "never" } == "v1-1")
        #expect(try await cache.value(at: 3) { "never" } == "v1-1")
        gate.yield()
        #expect(try await first.value == "v2-2")
        #expect(try await cache.value(at: 2) { "again" } == "v2-2")
        #expect(await counter.calls == 2)
    }

    @Test func withNothingComputedYetEveryReaderWaitsForTheOneComputation() async throws {
        let cache = VersionedCache<Int, Int>()
        let counter = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { try await cache.value(at: 7) { try await Task.sleep(for: .milliseconds(50)); return await counter.next() } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 20))
        #expect(await counter.calls == 1)
    }
}
