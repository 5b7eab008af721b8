import Foundation

/// Streams a text file as physical records: lines joined while a quoted field is still open, so that a
/// file of a million lines is read in bounded memory.
final class LineSource {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private(set) var lineNumber = 0
    private(set) var sawBOM = false
    private static let chunkSize = 1 << 20
    /// A longer line is not a Chorus row: it is skipped and reported, so a hostile file cannot fill memory.
    static let maxLineBytes = 1 << 20
    /// The numbers of the lines skipped for their length, so that read-ahead lines are reported too.
    private(set) var tooLongLines: Set<Int> = []
    /// A record may span lines inside quotes, but never more than this: an unbalanced quote must not swallow a file.
    static let maxLinesPerRecord = 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFailure.unreadable(path) }
        self.handle = handle
        fill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; sawBOM = true }
    }

    deinit { try? handle.close() }

    private func fill() {
        if position > 0 { buffer.removeFirst(position); position = 0 }
        let data = handle.readData(ofLength: Self.chunkSize)
        if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
    }

    /// The next physical line without its terminator, or nil at the end.
    func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if buffer.count - position > Self.maxLineBytes, buffer[position...].firstIndex(of: 0x0A) == nil {
                skipOverlongLine()
                return buffer[position..<position]
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[position..<end]
                position = newline + 1
                lineNumber += 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                var line = buffer[position...]
                if line.last == 0x0D { line = line.dropLast() }
                position = buffer.count
                lineNumber += 1
                return line
            }
            fill()
        }
    }

    /// Drops bytes up to the end of the current line without keeping them.
    private func skipOverlongLine() {
        lineNumber += 1
        tooLongLines.insert(lineNumber)
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                position = newline + 1
                return
            }
            position = buffer.count
            if finished { return }
            fill()
        }
    }

    /// The next record: a line, or several when a quote is left open; returns the first line's number.
    func nextRecord() -> (line: Int, bytes: [UInt8])? {
        guard let first = nextLine() else { return nil }
        let start = lineNumber
        if tooLongLines.contains(start) { return (start, []) }
        var record = Array(first)
        var quotes = first.reduce(0) { $1 == 0x22 ? $0 + 1 : $0 }
        var joined = 1
        while quotes % 2 == 1 && joined < Self.maxLinesPerRecord, let next = nextLine() {
            record.append(0x0A)
            record.append(contentsOf: next)
            quotes += next.reduce(0) { $1 == 0x22 ? $0 + 1 : $0 }
            joined += 1
        }
        return (start, record)
    }
}
