import EclaireCore
import Foundation

/// Reads untrusted documents in a child process (`eclaire extract --serve-records`) that caps its own address
/// space, CPU time per document and file sizes, and runs without the database's address or any secret in its
/// environment; kept alive from one document to the next so that its OCR engine is loaded once. Each document has a
/// wall-clock deadline: past it, or if the child dies (a crash inside Poppler, the memory cap), the child is killed,
/// that document's job fails with the reason, and the next document gets a fresh child.
final class IsolatedExtraction: @unchecked Sendable {
    let timeoutSeconds: Double
    let memoryMegabytes: Int
    private var child: Child?

    init(timeoutSeconds: Double = 120, memoryMegabytes: Int = 2048) {
        self.timeoutSeconds = timeoutSeconds
        self.memoryMegabytes = memoryMegabytes
    }

    enum Failure: Error, CustomStringConvertible {
        case timedOut(Double), crashed(String), refused(String), unreadableOutput

        var description: String {
            switch self {
            case .timedOut(let seconds): "lecture interrompue après \(String(format: "%g", seconds).replacingOccurrences(of: ".", with: ",")) s"
            case .crashed(let detail): "le lecteur s'est arrêté\(detail.isEmpty ? "" : " : \(detail)")"
            case .refused(let reason): reason
            case .unreadableOutput: "résultat de lecture illisible"
            }
        }
    }

    /// One answer of the child per document: the record, or why the document could not be read.
    struct Reply: Codable {
        var record: ExtractionRecord?
        var error: String?
    }

    /// Reads one document; called from one task at a time per instance (each worker has its own).
    func run(path: String) async throws -> ExtractionRecord {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try self.runBlocking(path: path) }) }
        }
    }

    /// What the reader inherits: what Tesseract, the C libraries and temporary files need, nothing else (no
    /// DATABASE_URL, no token, no password: a document that took control of the reader finds none).
    static func readerEnvironment(_ parent: [String: String]) -> [String: String] {
        let kept: Set<String> = ["PATH", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TESSDATA_PREFIX", "OMP_THREAD_LIMIT"]
        var environment = parent.filter { kept.contains($0.key) }
        // Set before the child loads Tesseract (see OCRThreads), so that it does not run itself again.
        environment["OMP_THREAD_LIMIT"] = environment["OMP_THREAD_LIMIT"] ?? "1"
        return environment
    }

    func stop() {
        child?.kill()
        child = nil
    }

    private func runBlocking(path: String) throws -> ExtractionRecord {
        let child: Child
        if let running = self.child { child = running } else {
            // A new child first says it is ready: its start (and the system's) is not the document's time.
            child = try Child(memoryMegabytes: memoryMegabytes, cpuSeconds: Int(timeoutSeconds.rounded(.up)))
            guard child.ask(nil, timeout: 60) == "ready" else {
                let errors = child.lastErrors
                child.kill()
                throw Failure.crashed(errors.isEmpty ? "le lecteur n'a pas démarré" : errors)
            }
            self.child = child
        }
        guard let line = child.ask(path, timeout: timeoutSeconds) else {
            let failure: Failure = child.isRunning ? .timedOut(timeoutSeconds) : .crashed(child.lastErrors)
            child.kill()
            self.child = nil
            throw failure
        }
        guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(line.utf8)) else { throw Failure.unreadableOutput }
        if let record = reply.record { return record }
        throw Failure.refused(reply.error ?? "lecture impossible")
    }

    /// The child process and the lines it answers, read on a thread of their own.
    private final class Child: @unchecked Sendable {
        private let process = Process()
        private let input = Pipe(), output = Pipe(), errors = Pipe()
        private let lock = NSLock()
        private let answered = DispatchSemaphore(value: 0)
        private var lines: [String] = []
        private var errorTail = Data()

        init(memoryMegabytes: Int, cpuSeconds: Int) throws {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            process.arguments = ["extract", "--serve-records", "--max-memory-mb", String(memoryMegabytes),
                                 "--max-cpu-seconds", String(cpuSeconds)]
            process.environment = IsolatedExtraction.readerEnvironment(ProcessInfo.processInfo.environment)
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            Thread.detachNewThread { [self] in
                var buffer = Data()
                while true {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: 0x0A) {
                        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...newline)
                        lock.withLock { lines.append(line) }
                        answered.signal()
                    }
                }
                answered.signal()  // end of output: the child is gone
            }
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = errors.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { errorTail = (errorTail + chunk).suffix(400) }
                }
            }
        }

        var isRunning: Bool { process.isRunning }
        var lastErrors: String {
            lock.withLock { String(decoding: errorTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }

        /// Sends a path (none: waits for the greeting) and waits for its answer line; nil on timeout or when the
        /// child died.
        func ask(_ path: String?, timeout: Double) -> String? {
            if let path {
                do { try input.fileHandleForWriting.write(contentsOf: Data((path + "\n").utf8)) } catch { return nil }
            }
            guard answered.wait(timeout: .now() + timeout) == .success else { return nil }
            return lock.withLock { lines.isEmpty ? nil : lines.removeFirst() }
        }

        func kill() {
            if process.isRunning {
                process.terminate()
                usleep(100_000)
                if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
            }
            try? input.fileHandleForWriting.close()
        }
    }
}
