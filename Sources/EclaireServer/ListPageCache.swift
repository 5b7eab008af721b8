import Foundation
import Vapor

/// Values computed from the imported lines, by key, each with the import it was computed on: reusers page through
/// the same lists again and again. A value asked for by several requests at once is computed once, the others
/// wait for it (after an import, fifty callers would otherwise compute the same page fifty times). The oldest keys
/// go first past `capacity`.
actor KeyedCache<Value: Sendable> {
    let capacity: Int
    private var entries: [String: (generation: Int, value: Value)] = [:]
    private var order: [String] = []
    private var computing: [String: (generation: Int, task: Task<Value, any Error>)] = [:]

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: String, generation: Int, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], entry.generation == generation { return entry.value }
        if let running = computing[key], running.generation == generation { return try await running.task.value }
        let task = Task { try await compute() }
        computing[key] = (generation, task)
        let result = await task.result
        if computing[key]?.generation == generation { computing[key] = nil }
        let value = try result.get()
        store(value, for: key, generation: generation)
        return value
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
}

extension Application {
    private struct ListCachesKey: StorageKey { typealias Value = ListCaches }

    var listCaches: ListCaches {
        get { storage[ListCachesKey.self]! }
        set { storage[ListCachesKey.self] = newValue }
    }
}
