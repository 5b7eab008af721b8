import Foundation

/// A ZIP archive written front to back, for streaming: entries are stored (not compressed) and their sizes and
/// CRC follow their data (general purpose bit 3), so nothing needs to be known or kept before it is sent.
/// Limited to 4 GiB per entry and 65 535 entries (no ZIP64), far beyond any export.
struct ZipStream {
    private struct Entry {
        let name: [UInt8]
        let offset: UInt32
        var crc: UInt32 = 0
        var size: UInt32 = 0
    }

    private var entries: [Entry] = []
    private var current: Entry?
    private var crc = CRC32()
    private var written: UInt64 = 0

    enum Failure: Error { case tooLarge }

    /// The local header of a new entry.
    mutating func begin(_ name: String) throws -> Data {
        guard written < UInt64(UInt32.max) else { throw Failure.tooLarge }
        let bytes = Array(name.utf8)
        current = Entry(name: bytes, offset: UInt32(written))
        crc = CRC32()
        var header = Data()
        header.le32(0x0403_4b50); header.le16(20); header.le16(Self.flags); header.le16(0)
        header.le16(0); header.le16(0x21) // 1980-01-01 00:00: exports carry no meaningful file time
        header.le32(0); header.le32(0); header.le32(0)
        header.le16(UInt16(bytes.count)); header.le16(0)
        header.append(contentsOf: bytes)
        return counted(header)
    }

    /// Data of the current entry, passed through unchanged.
    mutating func body(_ data: Data) throws -> Data {
        guard var entry = current, UInt64(entry.size) + UInt64(data.count) < UInt64(UInt32.max) else { throw Failure.tooLarge }
        crc.update(data)
        entry.size += UInt32(data.count)
        current = entry
        return counted(data)
    }

    /// The data descriptor that closes the current entry.
    mutating func end() -> Data {
        guard var entry = current else { return Data() }
        entry.crc = crc.value
        entries.append(entry)
        current = nil
        var descriptor = Data()
        descriptor.le32(0x0807_4b50); descriptor.le32(entry.crc); descriptor.le32(entry.size); descriptor.le32(entry.size)
        return counted(descriptor)
    }

    /// The central directory and its end record.
    mutating func finish() -> Data {
        let start = written
        var directory = Data()
        for entry in entries {
            directory.le32(0x0201_4b50); directory.le16(20); directory.le16(20); directory.le16(Self.flags); directory.le16(0)
            directory.le16(0); directory.le16(0x21); directory.le32(entry.crc); directory.le32(entry.size); directory.le32(entry.size)
            directory.le16(UInt16(entry.name.count)); directory.le16(0); directory.le16(0); directory.le16(0); directory.le16(0)
            directory.le32(0); directory.le32(entry.offset)
            directory.append(contentsOf: entry.name)
        }
        var end = Data()
        end.le32(0x0605_4b50); end.le16(0); end.le16(0)
        end.le16(UInt16(entries.count)); end.le16(UInt16(entries.count))
        end.le32(UInt32(directory.count)); end.le32(UInt32(start)); end.le16(0)
        return counted(directory + end)
    }

    /// Data descriptor follows the data; names are UTF-8.
    private static let flags: UInt16 = 0x0008 | 0x0800

    private mutating func counted(_ data: Data) -> Data {
        written += UInt64(data.count)
        return data
    }
}

/// CRC-32 (ISO-HDLC, as ZIP uses it).
struct CRC32 {
    private(set) var value: UInt32 = 0

    private static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    mutating func update(_ data: Data) {
        var c = ~value
        for byte in data { c = Self.table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        value = ~c
    }
}

private extension Data {
    mutating func le16(_ value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func le32(_ value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
