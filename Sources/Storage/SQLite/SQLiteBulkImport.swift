import ChorusImport
import Foundation

/// The import path of a SQLite file: the calling thread parses while a second thread writes through prepared
/// statements, on a connection of its own, in one transaction that a failure rolls back whole.
enum SQLiteBulkImport {
    static let batchSize = 2000
    static let queuedBatches = 4

    static func run(_ file: ChorusFile, path: String, databasePath: String, strict: Bool,
                    progress: (@Sendable (Int) -> Void)?) async throws -> ImportReport {
        let job = UncheckedBox({ try importFile(file, path: path, databasePath: databasePath, strict: strict,
                                                progress: progress) })
        return try await withCheckedThrowingContinuation { continuation in
            // Its own thread: the import blocks in SQLite and must not hold one of the few cooperative threads.
            Thread { continuation.resume(with: Result { try job.value() }) }.start()
        }
    }

    private static func importFile(_ file: ChorusFile, path: String, databasePath: String, strict: Bool,
                                   progress: (@Sendable (Int) -> Void)?) throws -> ImportReport {
        let connection = try SQLiteHandle(path: databasePath)
        // 64 MB of page cache: a large import otherwise spills pages to the WAL mid-way.
        try connection.execute("PRAGMA cache_size = -65536")
        // WAL with synchronous NORMAL: the commit is not flushed to disk, the checkpoint is; a power cut can lose
        // this import, never corrupt the base.
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let fileID = try ImportFileRows.insert(file, on: connection)
            var reader = RecordBatches(file: file, path: path, strict: strict, progress: progress)
            try writeFacts(from: &reader, fileID: fileID, into: SQLiteFactWriter(connection: connection))
            try ImportFileRows.complete(fileID, with: reader.report, on: connection)
            try connection.execute("COMMIT")
            return reader.report
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Parses on this thread, encodes and writes on another (which balances the two); the first error of either side
    /// stops both.
    private static func writeFacts(from reader: inout RecordBatches, fileID: Int, into writer: SQLiteFactWriter) throws {
        let queue = BatchQueue<RecordBatches.Batch>(capacity: queuedBatches)
        let outcome = WriterOutcome()
        let box = UncheckedBox(writer)
        let thread = Thread {
            do {
                while let batch = queue.take() { try box.value.write(EncodedFacts(batch, fileID: fileID)) }
            } catch {
                outcome.failure = error
                queue.close()
            }
            outcome.done.signal()
        }
        thread.start()
        do {
            while let batch = try reader.next(size: batchSize) {
                guard queue.put(batch) else { break }
            }
        } catch {
            queue.close()
            outcome.done.wait()
            throw error
        }
        queue.close()
        outcome.done.wait()
        if let failure = outcome.failure { throw failure }
    }
}

/// What the writing thread ended with; read only after `done` is signalled.
private final class WriterOutcome: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var failure: (any Error)?
}
