import Foundation
import ZIPFoundation

/// Reads one entry of a ZIP file (XLSX, DOCX, ODT parts) from its own compressed bytes only. ZIPFoundation's
/// extraction feeds the inflater from the file as it goes, past the entry's end: a damaged deflate stream that never
/// ends then reads to the end of the file and loops there forever, without ever calling the consumer that bounds
/// the output (found by `scripts/fuzz.sh`: one upload kept a thread busy for good). Here the entry is located through
/// the central directory, its compressed bytes read, and a stream that does not end within them is refused.
public enum BoundedUnzip {
    public struct Damaged: Error, CustomStringConvertible {
        public let part: String
        public let reason: String
        public var description: String { "partie « \(part) » endommagée (\(reason))" }
    }

    /// Hands `name`'s content to `consumer`, chunk by chunk, checking its CRC-32. The compressed bytes are read from
    /// the file as the inflater asks for them (a sheet of a million lines is 80 MB compressed), never past the entry.
    public static func extract(_ name: String, fromZipAt path: String, consumer: (Data) throws -> Void) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { throw Damaged(part: name, reason: "archive illisible") }
        defer { try? file.close() }
        let entry = try locate(name, in: file)
        let chunkSize = 64 * 1024
        /// `size` bytes of the entry from `position`, fewer at its end, none past it.
        func bytes(from position: UInt64, _ size: Int) throws -> Data {
            let count = Int(min(UInt64(size), entry.compressedSize - min(position, entry.compressedSize)))
            return count == 0 ? Data() : try read(file, at: entry.dataOffset + position, count: count)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw Damaged(part: name, reason: "taille incohérente") }
            var position: UInt64 = 0, crc: UInt32 = 0
            while position < entry.compressedSize {
                let chunk = try bytes(from: position, chunkSize)
                crc = chunk.crc32(checksum: crc)
                try consumer(chunk)
                position += UInt64(chunk.count)
            }
            guard crc == entry.crc32 else { throw Damaged(part: name, reason: "somme de contrôle fausse") }
        case 8:
            let crc: CRC32
            var consumerFailed = false
            do {
                crc = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: chunkSize, skipCRC32: false, provider: { position, size in
                    guard position < Int64(entry.compressedSize) else { throw Damaged(part: name, reason: "données compressées sans fin") }
                    var chunk = try bytes(from: UInt64(position), size)
                    // The inflater is always told a full buffer: the last chunk is padded with zeros, which a sound
                    // stream ends before and a damaged one cannot read as a valid continuation for long.
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: { chunk in
                    do { try consumer(chunk) } catch {
                        consumerFailed = true
                        throw error
                    }
                })
            } catch {
                // The consumer's own refusals (a part too large) are its caller's; the inflater's are damage.
                if consumerFailed || error is Damaged { throw error }
                throw Damaged(part: name, reason: "données compressées illisibles")
            }
            guard crc == entry.crc32 else { throw Damaged(part: name, reason: "somme de contrôle fausse") }
        default:
            throw Damaged(part: name, reason: "méthode de compression \(entry.method) non prise en charge")
        }
    }

    struct Entry {
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let dataOffset: UInt64
    }

    /// The entry's compression method, checksum, sizes and where its bytes start, by the central directory.
    static func locate(_ name: String, in file: FileHandle) throws -> Entry {
        let damaged = { (reason: String) in Damaged(part: name, reason: reason) }
        let size = try file.seekToEnd()
        // The end of central directory record: 22 bytes, followed by a comment of at most 65 535 bytes.
        let tailLength = min(size, 22 + 65_535)
        let tail = try read(file, at: size - tailLength, count: Int(tailLength))
        guard tail.count >= 22, let end = stride(from: tail.count - 22, through: 0, by: -1)
            .first(where: { u32(tail, $0) == 0x0605_4B50 }) else { throw damaged("fin d'archive introuvable") }
        let directorySize = UInt64(u32(tail, end + 12)), directoryOffset = UInt64(u32(tail, end + 16))
        guard directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size else {
            throw damaged("répertoire de l'archive hors du fichier")
        }
        let directory = try read(file, at: directoryOffset, count: Int(directorySize))
        let wanted = Array(name.utf8)
        var offset = 0
        while offset + 46 <= directory.count, u32(directory, offset) == 0x0201_4B50 {
            let nameLength = Int(u16(directory, offset + 28))
            let next = offset + 46 + nameLength + Int(u16(directory, offset + 30)) + Int(u16(directory, offset + 32))
            guard next <= directory.count else { break }
            let start = directory.startIndex + offset + 46
            if Array(directory[start..<start + nameLength]) == wanted {
                let compressed = UInt64(u32(directory, offset + 20)), uncompressed = UInt64(u32(directory, offset + 24))
                let local = UInt64(u32(directory, offset + 42))
                guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local + 30 <= size else {
                    throw damaged("entrée hors du fichier")
                }
                let header = try read(file, at: local, count: 30)
                guard u32(header, 0) == 0x0403_4B50 else { throw damaged("en-tête local introuvable") }
                let dataOffset = local + 30 + UInt64(u16(header, 26)) + UInt64(u16(header, 28))
                guard dataOffset + compressed <= size else { throw damaged("données hors du fichier") }
                return Entry(method: u16(directory, offset + 10), crc32: u32(directory, offset + 16), compressedSize: compressed,
                             uncompressedSize: uncompressed, dataOffset: dataOffset)
            }
            offset = next
        }
        throw damaged("absente du répertoire de l'archive")
    }

    private static func read(_ file: FileHandle, at offset: UInt64, count: Int) throws -> Data {
        try file.seek(toOffset: offset)
        let data = try file.read(upToCount: count) ?? Data()
        guard data.count == count else { throw Damaged(part: "archive", reason: "fichier tronqué") }
        return data
    }

    private static func u16(_ data: Data, _ offset: Int) -> UInt16 {
        let start = data.startIndex + offset
        return UInt16(data[start]) | UInt16(data[start + 1]) << 8
    }

    private static func u32(_ data: Data, _ offset: Int) -> UInt32 {
        UInt32(u16(data, offset)) | UInt32(u16(data, offset + 2)) << 16
    }
}
