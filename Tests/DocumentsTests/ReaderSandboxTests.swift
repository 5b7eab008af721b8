import Foundation
import Testing
@testable import Documents

/// The reader's sandbox (issue 16), closed on a thread of its own so that the test process keeps its rights: what
/// it forbids fails with a clear error, what reading needs (threads, files, local sockets) still works.
@Suite struct ReaderSandboxTests {
    struct Outcome: Sendable {
        var closed = false
        var spawn: Int32 = -1
        var inet: Int32 = 0
        var local: Int32 = -1
        var thread = false
        var file = false
    }

    /// Runs `body` on a new thread whose sandbox is closed first, and waits for it.
    static func inClosedThread(_ body: @escaping @Sendable () -> Outcome) -> Outcome {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome = Outcome()
        let thread = Thread {
            guard (try? ReaderSandbox.close(.callingThread)) != nil else { done.signal(); return }
            outcome = body()
            outcome.closed = true
            done.signal()
        }
        thread.start()
        done.wait()
        return outcome
    }

    static func spawnTrue() -> Int32 {
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { arguments.forEach { free($0) } }
        let code = posix_spawn(&pid, "/bin/true", nil, nil, arguments, environ)
        if code == 0 { var status: Int32 = 0; waitpid(pid, &status, 0) }
        return code
    }

    @Test func aClosedReaderStartsNoProgramAndOpensNoInternetSocketButKeepsItsThreadsAndFiles() {
        let outcome = Self.inClosedThread {
            var outcome = Outcome()
            outcome.spawn = Self.spawnTrue()
            let inet = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            outcome.inet = inet < 0 ? errno : 0
            if inet >= 0 { close(inet) }
            let local = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            outcome.local = local
            if local >= 0 { close(local) }
            let started = DispatchSemaphore(value: 0)
            Thread { started.signal() }.start()
            outcome.thread = started.wait(timeout: .now() + 10) == .success
            outcome.file = FileManager.default.contents(atPath: "/proc/self/status") != nil
            return outcome
        }
        #expect(outcome.closed)
        #expect(outcome.spawn == EPERM)
        #expect(outcome.inet == EACCES)
        #expect(outcome.local >= 0)
        #expect(outcome.thread)
        #expect(outcome.file)
        // The rest of the process keeps its rights.
        #expect(Self.spawnTrue() == 0)
    }
}
