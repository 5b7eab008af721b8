import Documents
import Foundation

/// Reads files on several threads, each with its own reader (Poppler and Tesseract objects are used from one thread
/// at a time), and hands back the results in the files' order as soon as each one and those before it are read:
/// a scan's OCR takes one core, and a batch of scans would leave the others idle.
enum ParallelReading {
    static func read(_ files: [String], jobs: Int, options: DocumentReader.Options,
                     handle: (Int, Result<DocumentExtraction, any Error>) throws -> Void) rethrows {
        let results = ResultSlots(count: files.count)
        let threads = max(1, min(jobs, files.count))
        for _ in 0..<threads {
            Thread.detachNewThread {
                let reader = DocumentReader(options: options)
                while let index = results.claim() {
                    let result: Result<DocumentExtraction, any Error> = Result { try reader.read(files[index]) }
                    results.store(result, at: index)
                }
            }
        }
        for index in files.indices { try handle(index, results.wait(for: index)) }
    }
}

private final class ResultSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Result<DocumentExtraction, any Error>?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
    }

    func store(_ result: Result<DocumentExtraction, any Error>, at index: Int) {
        condition.lock(); defer { condition.unlock() }
        slots[index] = result
        condition.broadcast()
    }

    func wait(for index: Int) -> Result<DocumentExtraction, any Error> {
        condition.lock(); defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        defer { slots[index] = nil }
        return slots[index]!
    }
}
