import EclaireCore
import Foundation
import Storage
import Vapor

/// Password guessing slowed down, per login and per address: after `allowed` failures within a quarter of an hour a
/// key waits 30 s, then twice as long after each further failure, up to a quarter of an hour. A waiting key is
/// refused before any bcrypt, so an anonymous caller cannot load the CPU either. A success clears its login.
actor LoginThrottle {
    private var failures: [String: (count: Int, last: ContinuousClock.Instant)] = [:]
    private let allowed: Int
    private let window: Duration = .seconds(900)

    init(allowed: Int = 5) { self.allowed = allowed }

    static func keys(login: String, address: String?) -> [String] {
        ["login:" + login.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Seconds to wait before the next attempt for these keys, nil when one may try now.
    func wait(_ keys: [String], now: ContinuousClock.Instant = .now) -> Int? {
        var longest: Duration = .zero
        for key in keys {
            guard let entry = failures[key] else { continue }
            if now - entry.last > window { failures[key] = nil; continue }
            guard entry.count >= allowed else { continue }
            let penalty = min(Duration.seconds(30 << min(entry.count - allowed, 5)), window)
            let left = entry.last + penalty - now
            if left > longest { longest = left }
        }
        return longest > .zero ? max(1, Int(longest.components.seconds) + 1) : nil
    }

    func failed(_ keys: [String], now: ContinuousClock.Instant = .now) {
        // Bounded memory under a flood of made-up logins: the oldest quarter of an hour is forgotten first.
        if failures.count > 100_000 { failures = failures.filter { now - $0.value.last <= window } }
        for key in keys {
            let count = failures[key].map { now - $0.last > window ? 0 : $0.count } ?? 0
            failures[key] = (count + 1, now)
        }
    }

    func succeeded(login key: String) { failures[key] = nil }
}

/// Too many failed attempts: the caller is told when to try again.
struct TooManyAttempts: Error {
    let retryAfterSeconds: Int
}

extension Credentials {
    /// `check`, throttled: throws `TooManyAttempts` without checking the password while the login or the address
    /// waits.
    static func check(login: String, password: String, address: String?, in accounts: AccountStore,
                      throttle: LoginThrottle) async throws -> User? {
        let keys = LoginThrottle.keys(login: login, address: address)
        if let wait = await throttle.wait(keys) { throw TooManyAttempts(retryAfterSeconds: wait) }
        guard let user = try await check(login: login, password: password, in: accounts) else {
            await throttle.failed(keys)
            return nil
        }
        await throttle.succeeded(login: keys[0])
        return user
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }

    /// One per application, created on first use.
    var loginThrottle: LoginThrottle {
        if let throttle = storage[LoginThrottleKey.self] { return throttle }
        let throttle = LoginThrottle()
        storage[LoginThrottleKey.self] = throttle
        return throttle
    }
}
