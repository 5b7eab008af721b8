import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// Owns the database connections for the command line (the server uses Vapor's, configured the same way).
public final class StorageContainer: @unchecked Sendable {
    public let location: DatabaseLocation
    public let databases: Databases
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let logger: Logger

    /// The command line logs warnings only by default: migrations and queries are not the user's business.
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "eclaire.storage")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        return logger
    }

    public init(location: DatabaseLocation, logger: Logger = StorageContainer.quietLogger()) throws {
        self.location = location
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        try StorageSetup.register(location, in: databases)
    }

    public var database: any Database {
        databases.database(logger: logger, on: group.any())!
    }

    public var sql: any SQLDatabase { database as! any SQLDatabase }

    /// On SQLite, makes a locked write wait by sleeping (up to `seconds`) rather than SQLiteNIO's retry loop, which
    /// in the server's process would hold the file's shared-memory lock against the pages' reads. The command line
    /// has one connection, which this sets.
    public func waitForLocksBySleeping(seconds: Int = 300) async throws {
        guard location.isSQLite else { return }
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(seconds * 1000))").run()
    }

    public func migrate() async throws {
        try await StorageSetup.migrate(databases: databases, logger: logger, on: group.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}

extension DatabaseID {
    /// On SQLite, a connection of its own for writes that may wait (the API call log): they are tried without
    /// waiting for the file's lock, so that a write arriving during an import never holds one of the connections
    /// the pages read with (SQLiteNIO retries a locked write in a loop on its thread until the lock is free).
    public static let backgroundWrites = DatabaseID(string: "background-writes")
}

/// The one place that registers the database and runs the migrations, for the CLI and the server alike.
public enum StorageSetup {
    public static func register(_ location: DatabaseLocation, in databases: Databases, sqliteConnections: Int = 1) throws {
        switch location {
        case .sqlite(let path):
            try SQLiteFileFormat.prepare(path: path)
            databases.use(try location.configuration(sqliteConnections: sqliteConnections), as: .sqlite, isDefault: true)
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1), as: .backgroundWrites, isDefault: false)
        case .postgres: databases.use(try location.configuration(sqliteConnections: sqliteConnections), as: .psql, isDefault: true)
        }
    }

    public static func migrate(databases: Databases, logger: Logger, on eventLoop: any EventLoop) async throws {
        let migrations = Migrations()
        migrations.add(StorageMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        if let database = databases.database(logger: logger, on: eventLoop) as? any SQLDatabase,
           database.dialect.name == "sqlite" {
            // WAL lets readers (the web pages) work while an import writes.
            try await database.raw("PRAGMA journal_mode=WAL").run()
        }
    }
}

extension StorageContainer {
    /// Opens the database, migrates it unless told not to, runs the body and always closes the connections.
    public static func using<T>(
        _ location: DatabaseLocation, migrate: Bool = true, _ body: (StorageContainer) async throws -> T
    ) async throws -> T {
        let storage = try StorageContainer(location: location)
        do {
            if migrate { try await storage.migrate() }
            let result = try await body(storage)
            await storage.shutdown()
            return result
        } catch {
            await storage.shutdown()
            throw error
        }
    }
}
