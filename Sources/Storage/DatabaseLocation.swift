import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the data lives: a SQLite file (the default, no set-up) or a PostgreSQL server.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "./eclaire.sqlite"

    /// `--database` > `DATABASE_URL` > `./eclaire.sqlite`.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> DatabaseLocation
    {
        let text = option ?? environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return .sqlite(path: defaultSQLitePath) }
        return try parse(text)
    }

    public static func parse(_ text: String) throws -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text) }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StorageError.badDatabaseURL(text) }
            return .sqlite(path: path)
        }
        if text.contains("://") { throw StorageError.badDatabaseURL(text) }
        return .sqlite(path: text)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite \(path)"
        case .postgres(let url): "PostgreSQL \(Self.redacted(url))"
        }
    }

    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "postgres://…" }
        if parts.password != nil { parts.password = "***" }
        return parts.string ?? "postgres://…"
    }

    public var isSQLite: Bool { if case .sqlite = self { true } else { false } }

    /// SQLite connections per event loop: the server's pages read on several, so that a long read of the whole
    /// base does not hold the others; the command line works on one.
    func configuration(sqliteConnections: Int) throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            return .sqlite(.file(path), maxConnectionsPerEventLoop: sqliteConnections, connectionPoolTimeout: .seconds(60))
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = nil
            return .postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(60))
        }
    }
}

public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    case badDatabaseURL(String)
    case unknownEJ(String)

    public var description: String {
        switch self {
        case .badDatabaseURL(let url):
            "adresse de base de données non reconnue « \(url) » (attendu sqlite:///chemin.sqlite ou postgres://utilisateur:motdepasse@hôte:port/base)"
        case .unknownEJ(let ej): "EJ inconnu : \(ej)"
        }
    }
}
