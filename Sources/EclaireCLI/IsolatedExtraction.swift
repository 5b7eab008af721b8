import EclaireCore
import Foundation

/// Reads one untrusted document in a child process (`eclaire extract --record`) that caps its own memory and CPU
/// time, under a wall-clock deadline: a hostile or broken file can crash or hang only that child, and the job
/// fails with the reason while the worker goes on.
struct IsolatedExtraction: Sendable {
    var timeoutSeconds: Double = 120
    var memoryMegabytes = 2048

    enum Failure: Error, CustomStringConvertible {
        case timedOut(Double), crashed(Int32, String), refused(String), unreadableOutput

        var description: String {
            switch self {
            case .timedOut(let seconds): "lecture interrompue après \(Int(seconds)) s"
            case .crashed(let signal, let detail): "le lecteur s'est arrêté (signal \(signal))\(detail.isEmpty ? "" : " : \(detail)")"
            case .refused(let reason): reason
            case .unreadableOutput: "résultat de lecture illisible"
            }
        }
    }

    func run(path: String) async throws -> ExtractionRecord {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(path: path) })
            }
        }
    }

    private func runBlocking(path: String) throws -> ExtractionRecord {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["extract", "--record", "--max-memory-mb", String(memoryMegabytes),
                             "--max-cpu-seconds", String(Int(timeoutSeconds)), path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes are drained while the child runs, or a large output would block it.
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let group = DispatchGroup()
        for (pipe, isOut) in [(output, true), (errors, false)] {
            group.enter()
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOut { outData = data } else { errData = data }
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            usleep(200_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            group.wait()
            throw Failure.timedOut(timeoutSeconds)
        }
        process.waitUntilExit()
        group.wait()
        let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationReason == .uncaughtSignal {
            throw Failure.crashed(process.terminationStatus, String(message.suffix(200)))
        }
        guard process.terminationStatus == 0 else { throw Failure.refused(message.isEmpty ? "lecture impossible" : message) }
        guard let record = try? JSONDecoder().decode(ExtractionRecord.self, from: outData) else { throw Failure.unreadableOutput }
        return record
    }
}
