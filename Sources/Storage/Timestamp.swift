import Foundation

/// Times are stored as ISO 8601 text in UTC (`2026-12-02T04:41:50Z`), the same on SQLite and PostgreSQL.
public enum Timestamp {
    public static func now() -> String { iso(Date()) }

    /// Foundation's format style: an `ISO8601DateFormatter` is an ICU formatter built anew each time (~80 µs), and
    /// every stored document, audit entry and API call writes a time.
    public static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
