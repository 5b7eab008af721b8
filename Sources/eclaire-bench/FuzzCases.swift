import ArgumentParser
import ChorusImport
import DemoData
import Documents
import EclaireCore
import Foundation
import ZIPFoundation

/// One target's seeds and how a case is read.
struct FuzzRun {
    /// A seed file: its bytes, or its ZIP parts when it is an Office file (mutating the compressed bytes would only
    /// test the CRC check; the parts are mutated and zipped again).
    struct Seed {
        let name: String
        let bytes: [UInt8]
        let parts: [(path: String, bytes: [UInt8])]
    }

    let target: FuzzBench.Target
    let seeds: [Seed]
    let work: String
    private let reader = DocumentReader()

    init(target: FuzzBench.Target, fixtures: String, work: String) throws {
        self.target = target
        self.work = work
        let documents = fixtures + "/documents"
        let files: [String]
        switch target {
        case .csv: files = try Self.files(in: fixtures, endingWith: [".csv"])
        case .xlsx: files = try Self.files(in: fixtures, endingWith: [".xlsx"]) + [documents + "/sample.xlsx"]
        case .xls: files = [fixtures + "/chorus_ae.xls", documents + "/sample.xls", documents + "/lettre.doc"]
        case .office: files = try Self.files(in: documents, endingWith: [".docx", ".odt"])
        case .xml: files = try Self.files(in: documents, endingWith: [".xml"])
        case .text, .amounts, .dates, .identifiers: files = []
        }
        seeds = try files.map { path in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let zipped = [.xlsx, .office].contains(target)
            return Seed(name: (path as NSString).lastPathComponent, bytes: bytes,
                        parts: zipped ? try Self.parts(of: URL(fileURLWithPath: path)) : [])
        }
        if [.csv, .xlsx, .xls, .office, .xml].contains(target) && seeds.isEmpty {
            throw ValidationError("no seed file for \(target.rawValue) in \(fixtures)")
        }
    }

    func execute(cases: Int, random: inout SeededRandom) throws -> FuzzTally {
        var tally = FuzzTally()
        var mutator = Mutator()
        for _ in 0..<cases {
            let start = DispatchTime.now().uptimeNanoseconds
            switch target {
            case .text:
                let lines = Mutator.invoiceLines(&random)
                try write(Array(lines.joined(separator: "\n").utf8), to: "text.current")
                _ = DocumentReader.allFacts(fromLines: lines)
                tally.accepted += 1
            case .amounts, .dates, .identifiers:
                let text = Mutator.shortText(for: target, &random)
                try write(Array(text.utf8), to: "\(target.rawValue).current")
                scalars(text, random: &random, tally: &tally)
            default:
                let seed = seeds[Int(random.next() % UInt64(seeds.count))]
                let bytes = try mutated(seed, mutator: &mutator, random: &random)
                let ext = (seed.name as NSString).pathExtension
                let path = try write(bytes, to: "\(target.rawValue).current.\(ext)")
                file(path, ext: ext, tally: &tally)
            }
            tally.cases += 1
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if elapsed > tally.slowest {
                tally.slowest = elapsed
                keepSlowest()
            }
        }
        return tally
    }

    /// The slowest case's input so far, as `<target>.slowest.<ext>` in the work directory, to be looked at.
    private func keepSlowest() {
        let manager = FileManager.default
        let modified = { (name: String) in
            (try? manager.attributesOfItem(atPath: self.work + "/" + name)[.modificationDate] as? Date) ?? .distantPast
        }
        guard let current = (try? manager.contentsOfDirectory(atPath: work))?
            .filter({ $0.hasPrefix("\(target.rawValue).current") }).max(by: { modified($0) < modified($1) }) else { return }
        let slowest = current.replacingOccurrences(of: ".current", with: ".slowest")
        try? manager.removeItem(atPath: work + "/" + slowest)
        try? manager.copyItem(atPath: work + "/" + current, toPath: work + "/" + slowest)
    }

    private func mutated(_ seed: Seed, mutator: inout Mutator, random: inout SeededRandom) throws -> [UInt8] {
        let others = seeds.map(\.bytes)
        // One case in five mutates the file's own bytes (a damaged download); the others one part of a ZIP.
        guard !seed.parts.isEmpty, random.next() % 5 != 0 else {
            var bytes = seed.bytes
            // Keep the first bytes most of the time so that the case reaches the parser the seed is for.
            mutator.mutate(&bytes, keeping: random.next() % 8 == 0 ? 0 : 8, others: others, random: &random)
            return bytes
        }
        var parts = seed.parts
        let xmlParts = parts.indices.filter { parts[$0].path.hasSuffix(".xml") || parts[$0].path.hasSuffix(".rels") }
        let chosen = xmlParts.isEmpty ? Int(random.next() % UInt64(parts.count))
            : xmlParts[Int(random.next() % UInt64(xmlParts.count))]
        mutator.mutate(&parts[chosen].bytes, keeping: 0, others: parts.map(\.bytes), random: &random)
        if random.next() % 10 == 0 { parts.remove(at: Int(random.next() % UInt64(parts.count))) }
        return try Self.zip(parts, deflate: random.next() % 2 == 0)
    }

    /// A spreadsheet is read both as a Chorus export and as a document attached to an EJ: each answer counts.
    private func file(_ path: String, ext: String, tally: inout FuzzTally) {
        if target == .xml {
            attempt(&tally) {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return DocumentReader.invoiceFacts(xml: data, name: "factur-x.xml") != nil
            }
            return
        }
        if ["csv", "xls", "xlsx"].contains(ext) {
            attempt(&tally) {
                let file = try ChorusFile.open(path)
                for table in file.tables { while try table.next() != nil {} }
                return true
            }
        }
        if ext != "csv" { attempt(&tally) { _ = try reader.read(path); return true } }
    }

    /// `body` answers whether the input was taken (false: refused without an error, as an XML that is no invoice).
    private func attempt(_ tally: inout FuzzTally, _ body: () throws -> Bool) {
        do {
            if try body() { tally.accepted += 1 } else { tally.refused += 1 }
        } catch {
            tally.record(error)
        }
    }

    private func scalars(_ text: String, random: inout SeededRandom, tally: inout FuzzTally) {
        switch target {
        case .amounts:
            do { _ = try AmountParser.parse(text); tally.accepted += 1 } catch { tally.record(error) }
        case .dates:
            _ = LocalDate.parse(text)
            _ = LocalDate(excelSerial: Double(bitPattern: random.next()))
            _ = LocalDate(excelSerial: Double(Int64(bitPattern: random.next()) % 10_000_000) / 7)
            tally.accepted += 1
        default:
            _ = [Identifiers.siren(text), Identifiers.siret(text), Identifiers.vatNumber(text), Identifiers.iban(text),
                 Identifiers.ejNumber(text), Identifiers.dpNumber(text)]
            _ = Identifiers.posteNumber(text)
            tally.accepted += 1
        }
    }

    @discardableResult
    private func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = work + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func files(in directory: String, endingWith suffixes: [String]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            .filter { name in suffixes.contains { name.hasSuffix($0) } }.map { directory + "/" + $0 }
    }

    private static func parts(of url: URL) throws -> [(path: String, bytes: [UInt8])] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.filter { $0.type == .file }.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, [UInt8](data))
        }
    }

    private static func zip(_ parts: [(path: String, bytes: [UInt8])], deflate: Bool) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: deflate ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }
}
