import CSandbox
import Foundation

/// What a process reading untrusted files may no longer do once `close` returns: start a program, create a
/// process, open an Internet socket (so no database either). Threads still start, local sockets still open. It
/// cannot be undone, by the process or by any program it would have started.
public enum ReaderSandbox {
    public enum Scope: Sendable { case process, callingThread }

    public struct Refused: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { "bac à sable du lecteur refusé par le système : \(String(cString: strerror(code)))" }
    }

    /// `.process` covers every thread already running (Swift's own included); `.callingThread` covers this thread
    /// and those it starts afterwards, and is what tests use.
    public static func close(_ scope: Scope = .process) throws {
        let code = eclaire_sandbox_forbid_processes_and_network(scope == .process ? 1 : 0)
        guard code == 0 else { throw Refused(code: code) }
    }
}
