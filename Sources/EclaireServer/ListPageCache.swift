import EclaireCore
import Foundation
import Storage
import Vapor

/// Values computed from the imported lines, by key, each with the import it was computed on: reusers page through
/// the same lists again and again. Per key, the same rules as `VersionedCache`: one computation at a time, the
/// reader that starts it waits at most `patience` when an earlier import's value exists, readers arriving meanwhile
/// get that value at once. The oldest keys go first past `capacity`.
actor KeyedCache<Value: Sendable> {
    let capacity: Int
    let patience: Duration
    private var entries: [String: (generation: Int, value: Value)] = [:]
    private var order: [String] = []
    private var computing: [String: (generation: Int, task: Task<Value, any Error>)] = [:]

    init(capacity: Int, patience: Duration = .seconds(2)) {
        self.capacity = capacity
        self.patience = patience
    }

    func value(for key: String, generation: Int, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], entry.generation == generation { return entry.value }
        if let running = computing[key] {
            if let entry = entries[key] { return entry.value }
            return try await running.task.value
        }
        let task = Task<Value, any Error> {
            do {
                let value = try await compute()
                self.finished(key, generation, value)
                return value
            } catch {
                self.finished(key, generation, nil)
                throw error
            }
        }
        computing[key] = (generation, task)
        guard let earlier = entries[key]?.value else { return try await task.value }
        let deadline = ContinuousClock.now + patience
        while ContinuousClock.now < deadline, computing[key]?.generation == generation {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if let entry = entries[key], entry.generation == generation { return entry.value }
        return earlier
    }

    /// Waits for every computation under way (at shutdown).
    func settle() async {
        for running in computing.values { _ = try? await running.task.value }
    }

    private func finished(_ key: String, _ generation: Int, _ value: Value?) {
        if computing[key]?.generation == generation { computing[key] = nil }
        if let value { store(value, for: key, generation: generation) }
    }

    private func store(_ value: Value, for key: String, generation: Int) {
        if entries[key] == nil {
            order.append(key)
            if order.count > capacity {
                let dropped = order.prefix(order.count - capacity)
                for old in dropped { entries[old] = nil }
                order.removeFirst(dropped.count)
            }
        }
        entries[key] = (generation, value)
    }
}

/// Pages of `/api/v1/ejs` as sent, and the totals of their lists (the same for every page of one list).
struct ListCaches: Sendable {
    let pages = KeyedCache<ByteBuffer>(capacity: 2_000)
    let totals = KeyedCache<Int>(capacity: 2_000)

    /// What a list of the whole base or of programmes depends on besides the imported lines: the reach of the
    /// caller, and the day. Nil for lists of products' EJs, which links change between imports.
    static func reach(_ scope: EJScope) -> String? {
        guard scope.products == nil else { return nil }
        return "\(scope.programmes.sorted())|\(scope.includesUnlinked)|\(LocalDate.today.iso)"
    }
}

extension Application {
    private struct ListCachesKey: StorageKey { typealias Value = ListCaches }

    var listCaches: ListCaches {
        get { storage[ListCachesKey.self]! }
        set { storage[ListCachesKey.self] = newValue }
    }
}
