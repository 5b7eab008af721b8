import Foundation
import SQLKit
import Storage

/// The backends every storage test runs on: a fresh SQLite file, and a fresh PostgreSQL database when
/// `ECLAIRE_TEST_POSTGRES_URL` names a local server (scripts/test.sh starts one). CI sets
/// `ECLAIRE_REQUIRE_POSTGRES=1` so that a missing server fails the run instead of skipping half of it.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    public static var available: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        if environment["ECLAIRE_TEST_POSTGRES_URL"] != nil || environment["ECLAIRE_REQUIRE_POSTGRES"] == "1" {
            return [.sqlite, .postgres]
        }
        return [.sqlite]
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String
}

/// Creates an empty, migrated database for one test and removes it afterwards.
public enum TestDatabase {
    public static func with<T>(_ backend: Backend, _ body: (StorageContainer) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try await run(.sqlite(path: directory + "/test.sqlite"), body)
        case .postgres:
            let admin = try adminURL()
            let name = "eclaire_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await adminExecute(admin, "CREATE DATABASE \(name)")
            do {
                let result = try await run(.postgres(url: replacingDatabase(in: admin, with: name)), body)
                try await adminExecute(admin, "DROP DATABASE \(name)")
                return result
            } catch {
                try? await adminExecute(admin, "DROP DATABASE \(name)")
                throw error
            }
        }
    }

    private static func run<T>(_ location: DatabaseLocation, _ body: (StorageContainer) async throws -> T) async throws -> T {
        try await StorageContainer.using(location, body)
    }

    /// Tests never reach a database that is not on this machine.
    static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["ECLAIRE_TEST_POSTGRES_URL"],
              let host = URLComponents(string: url)?.host else {
            throw TestDatabaseError(description: "ECLAIRE_TEST_POSTGRES_URL is not set: run the tests through scripts/test.sh")
        }
        guard ["127.0.0.1", "localhost", "::1"].contains(host) else {
            throw TestDatabaseError(description: "refusing a non-local test database host: \(host)")
        }
        return url
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }

    /// The database name is generated above from a UUID; nothing external reaches this SQL.
    static func adminExecute(_ url: String, _ statement: String) async throws {
        try await StorageContainer.using(.postgres(url: url), migrate: false) { storage in
            try await storage.sql.raw(SQLQueryString(statement)).run()
        }
    }
}
