import Foundation

/// A Compound File Binary container ([MS-CFB]), the envelope of legacy Word (.doc) and Excel (.xls) files: a small
/// file system of sectors chained by an allocation table. Every index read from the file is checked against the
/// file's size and every chain against loops, so that a damaged or hostile file fails with a reason.
public struct CompoundFile {
    public static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// Past this size a stream is refused (legacy office documents are far smaller).
    static let maxStreamBytes = 256 << 20

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let miniSectorSize: Int
    private let miniStreamCutoff: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let entries: [(name: String, isStream: Bool, start: UInt32, size: Int)]

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let freeSector: UInt32 = 0xFFFF_FFFF

    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 512, bytes.starts(with: Self.signature) else {
            throw OfficeFileError("ce n'est pas un fichier Office binaire (signature OLE absente)")
        }
        self.bytes = bytes
        let sectorShift = Int(Self.u16(bytes, 0x1E))
        let miniShift = Int(Self.u16(bytes, 0x20))
        guard sectorShift == 9 || sectorShift == 12, miniShift == 6 else {
            throw OfficeFileError("fichier Office binaire d'un format inconnu (secteurs de 2^\(sectorShift) octets)")
        }
        sectorSize = 1 << sectorShift
        miniSectorSize = 1 << miniShift
        miniStreamCutoff = Int(Self.u32(bytes, 0x38))
        let sectorCount = (bytes.count - sectorSize + sectorSize - 1) / sectorSize

        // The allocation table's own sectors: 109 listed in the header, then chained DIFAT sectors.
        var fatSectors: [UInt32] = (0..<109).map { Self.u32(bytes, 0x4C + 4 * $0) }
        var difat = Self.u32(bytes, 0x44)
        var visited = 0
        while difat < Self.endOfChain - 5 {
            visited += 1
            guard visited <= sectorCount, let offset = Self.offset(of: difat, sectorSize: sectorSize, in: bytes) else {
                throw OfficeFileError("fichier Office binaire endommagé (table DIFAT)")
            }
            let perSector = sectorSize / 4 - 1
            fatSectors += (0..<perSector).map { Self.u32(bytes, offset + 4 * $0) }
            difat = Self.u32(bytes, offset + 4 * perSector)
        }
        var fat: [UInt32] = []
        for sector in fatSectors where sector < Self.endOfChain - 5 {
            guard let offset = Self.offset(of: sector, sectorSize: sectorSize, in: bytes) else {
                throw OfficeFileError("fichier Office binaire endommagé (table d'allocation)")
            }
            fat += (0..<(sectorSize / 4)).map { Self.u32(bytes, offset + 4 * $0) }
            if fat.count > sectorCount + sectorSize { break }
        }
        self.fat = fat

        let directory = try Self.chain(from: Self.u32(bytes, 0x30), fat: fat, sectorSize: sectorSize, in: bytes,
                                       limit: Self.maxStreamBytes)
        var entries: [(String, Bool, UInt32, Int)] = []
        var root: (start: UInt32, size: Int)?
        for start in stride(from: 0, to: directory.count - 127, by: 128) {
            let type = directory[start + 0x42]
            guard type == 1 || type == 2 || type == 5 else { continue }
            let nameLength = min(64, Int(Self.u16(directory, start + 0x40)))
            let units = stride(from: 0, to: max(0, nameLength - 2), by: 2).map { Self.u16(directory, start + $0) }
            let name = String(decoding: units, as: UTF16.self)
            let size = Int(Self.u32(directory, start + 0x78))  // the high half is 0 for streams under 4 GB
            let sector = Self.u32(directory, start + 0x74)
            if type == 5, root == nil { root = (sector, size) }
            entries.append((name, type == 2, sector, size))
        }
        guard let root else { throw OfficeFileError("fichier Office binaire sans répertoire racine") }
        self.entries = entries.map { (name: $0.0, isStream: $0.1, start: $0.2, size: $0.3) }
        miniStream = root.start < Self.endOfChain - 5
            ? try Self.chain(from: root.start, fat: fat, sectorSize: sectorSize, in: bytes,
                             limit: min(root.size, Self.maxStreamBytes))
            : []
        let miniFATBytes = try Self.chain(from: Self.u32(bytes, 0x3C), fat: fat, sectorSize: sectorSize, in: bytes,
                                          limit: Self.maxStreamBytes)
        miniFAT = stride(from: 0, to: miniFATBytes.count - 3, by: 4).map { Self.u32(miniFATBytes, $0) }
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OfficeFileError("fichier introuvable ou illisible")
        }
        try self.init(bytes: [UInt8](data))
    }

    public var streamNames: [String] { entries.filter(\.isStream).map(\.name) }

    /// A stream's bytes by name (the first stream of that name, whatever its storage), or nil.
    public func stream(_ name: String) throws -> [UInt8]? {
        guard let entry = entries.first(where: { $0.isStream && $0.name == name }) else { return nil }
        guard entry.size <= Self.maxStreamBytes else { throw OfficeFileError("flux « \(name) » démesuré") }
        if entry.size < miniStreamCutoff {
            return try Self.chain(from: entry.start, fat: miniFAT, sectorSize: miniSectorSize, in: miniStream,
                                  limit: entry.size, headerSectors: 0)
        }
        return try Self.chain(from: entry.start, fat: fat, sectorSize: sectorSize, in: bytes, limit: entry.size)
    }

    // MARK: - Sectors

    /// The bytes of a chain of sectors, up to `limit`; sectors are numbered after the header (`headerSectors`).
    private static func chain(from start: UInt32, fat: [UInt32], sectorSize: Int, in bytes: [UInt8], limit: Int,
                              headerSectors: Int = 1) throws -> [UInt8] {
        var result: [UInt8] = []
        var sector = start
        var steps = 0
        while sector < endOfChain - 5, result.count < limit {
            steps += 1
            let offset = (Int(sector) + headerSectors) * sectorSize
            guard steps <= fat.count, Int(sector) < fat.count else {
                throw OfficeFileError("fichier Office binaire endommagé (chaîne de secteurs)")
            }
            guard offset < bytes.count else { throw OfficeFileError("fichier Office binaire tronqué") }
            let end = min(offset + sectorSize, bytes.count)  // the last sector may be cut short
            result.append(contentsOf: bytes[offset..<end])
            sector = fat[Int(sector)]
        }
        if result.count > limit { result.removeLast(result.count - limit) }
        return result
    }

    private static func offset(of sector: UInt32, sectorSize: Int, in bytes: [UInt8]) -> Int? {
        let offset = (Int(sector) + 1) * sectorSize
        return offset + sectorSize <= bytes.count ? offset : nil
    }

    static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
