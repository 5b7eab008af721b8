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
        // Patience longer than any test machine's pause, so that the first reader's wait does not depend on load.
        let cache = VersionedCache<Int, String>(patience: .seconds(600))
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

    @Test func aNewerVersionArrivingDuringTheFirstComputationWaitsForItInsteadOfStartingAnother() async throws {
        let cache = VersionedCache<Int, Int>()
        let counter = Counter()
        let (started, signal) = AsyncStream<Void>.makeStream()
        let (release, gate) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await cache.value(at: 1) {
                signal.yield()
                for await _ in release { break }
                return await counter.next()
            }
        }
        for await _ in started { break }
        // Versions 2 and 3 come (imports) before version 1 is ready: their readers get version 1's value.
        let newer = Task { try await cache.value(at: 2) { await counter.next() + 100 } }
        let newest = Task { try await cache.value(at: 3) { await counter.next() + 100 } }
        try await Task.sleep(for: .milliseconds(20))
        gate.yield()
        #expect(try await first.value == 1)
        #expect(try await newer.value == 1)
        #expect(try await newest.value == 1)
        #expect(await counter.calls == 1)
        // The next reader of version 3 computes it.
        #expect(try await cache.value(at: 3) { await counter.next() + 100 } == 102)
    }

    @Test func keyedValuesFollowTheSameRulesPerKey() async throws {
        let cache = KeyedCache<String>(capacity: 2)
        let counter = Counter()
        #expect(try await cache.value(for: "a", generation: 1) { "a1-\(await counter.next())" } == "a1-1")
        // The first reader after an import computes and gets the new value.
        #expect(try await cache.value(for: "a", generation: 2) { "a2-\(await counter.next())" } == "a2-2")
        // While a slow computation runs, readers of the same key get the earlier value, of newer imports too.
        let (started, signal) = AsyncStream<Void>.makeStream()
        let (release, gate) = AsyncStream<Void>.makeStream()
        let slow = Task {
            try await cache.value(for: "a", generation: 3) {
                signal.yield()
                for await _ in release { break }
                return "a3-\(await counter.next())"
            }
        }
        for await _ in started { break }
        #expect(try await cache.value(for: "a", generation: 3) { "never" } == "a2-2")
        #expect(try await cache.value(for: "a", generation: 4) { "never" } == "a2-2")
        // Another key is not held back.
        #expect(try await cache.value(for: "b", generation: 3) { "b3" } == "b3")
        gate.yield()
        #expect(try await slow.value == "a3-3")
        #expect(await counter.calls == 3)
        // Past the capacity the oldest key is forgotten.
        #expect(try await cache.value(for: "c", generation: 3) { "c3" } == "c3")
        #expect(try await cache.value(for: "a", generation: 3) { "a3-again" } == "a3-again")
    }

    @Test func theReaderStartingASlowComputationWaitsAtMostItsPatience() async throws {
        let cache = VersionedCache<Int, String>(patience: .milliseconds(100))
        #expect(try await cache.value(at: 1) { "v1" } == "v1")
        let (release, gate) = AsyncStream<Void>.makeStream()
        // Version 2 takes longer than the patience: its first reader gets version 1, and version 2 is kept once done.
        #expect(try await cache.value(at: 2) { for await _ in release { break }; return "v2" } == "v1")
        gate.yield()
        var latest = ""
        for _ in 0..<100 where latest != "v2" {
            try await Task.sleep(for: .milliseconds(10))
            latest = try await cache.value(at: 2) { "recomputed" }
        }
        #expect(latest == "v2")
    }
}
