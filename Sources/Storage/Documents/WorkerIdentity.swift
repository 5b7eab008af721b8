import Foundation

/// How a worker names itself on the jobs it holds: `host:pid:start#index`, the process's start time (in clock ticks
/// since boot, from /proc) telling it apart from a later process that reuses its pid. A job held by a worker of this
/// machine whose process is gone is taken back at once rather than after `DocumentStore.staleAfterSeconds`.
public struct WorkerIdentity: Sendable, Equatable {
    public let host: String
    public let pid: Int32
    public let start: UInt64

    public static func current() -> WorkerIdentity {
        let pid = ProcessInfo.processInfo.processIdentifier
        return WorkerIdentity(host: ProcessInfo.processInfo.hostName, pid: pid, start: startTime(of: pid) ?? 0)
    }

    public init(host: String, pid: Int32, start: UInt64) {
        self.host = host
        self.pid = pid
        self.start = start
    }

    public func name(index: Int) -> String { "\(host):\(pid):\(start)#\(index)" }

    /// The identity a job's `locked_by` names; nil for names of another form (older workers, tests).
    public init?(lockedBy name: String) {
        let head = name.split(separator: "#", maxSplits: 1).first.map(String.init) ?? name
        let parts = head.split(separator: ":")
        guard parts.count >= 3, let start = UInt64(parts[parts.count - 1]), let pid = Int32(parts[parts.count - 2]) else { return nil }
        self.init(host: parts.dropLast(2).joined(separator: ":"), pid: pid, start: start)
    }

    /// Whether this worker's process still runs; only answerable for this machine's workers (nil otherwise).
    public var isAlive: Bool? {
        guard host == ProcessInfo.processInfo.hostName else { return nil }
        return Self.startTime(of: pid) == start
    }

    /// Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and parentheses, so fields are
    /// counted after its closing parenthesis.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
