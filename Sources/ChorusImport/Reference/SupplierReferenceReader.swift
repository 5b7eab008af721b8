import EclaireCore
import Foundation
import OfficeFiles
import ZIPFoundation

/// Reads the supplier registers in batches (SIRENE streamed: its stocks run to tens of millions of lines): SIRENE's stock files (StockUniteLegale, StockEtablissement,
/// CSV, recognised by their header) and the DECP (JSON, or a ZIP holding it). Only valid identifiers are kept.
public enum SupplierReferenceReader {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String), unknownLayout(String)

        public var description: String {
            switch self {
            case .unreadable(let file): "\(file) : fichier illisible"
            case .unknownLayout(let file):
                "\(file) : ni un stock SIRENE (StockUniteLegale, StockEtablissement) ni des données essentielles (DECP)"
            }
        }
    }

    static let batchSize = 2000

    /// The file's entries, a few thousand at a time, and which register it is. Read by one task at a time (the
    /// import that owns it), hence unchecked.
    public final class Batches: @unchecked Sendable {
        public let source: SupplierReferenceEntry.Source
        private let produce: () throws -> [SupplierReferenceEntry]?

        init(source: SupplierReferenceEntry.Source, produce: @escaping () throws -> [SupplierReferenceEntry]?) {
            self.source = source
            self.produce = produce
        }

        /// The next batch; nil at the end of the file.
        public func next() throws -> [SupplierReferenceEntry]? { try produce() }
    }

    public static func open(_ path: String) throws -> Batches {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.unreadable(name) }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.first == UInt8(ascii: "{") {
            var entries = try readDECP(path, name: name)[...]
            return Batches(source: .decp) {
                guard !entries.isEmpty else { return nil }
                defer { entries = entries.dropFirst(batchSize) }
                return Array(entries.prefix(batchSize))
            }
        }
        return try openSirene(path, name: name)
    }

    private static func openSirene(_ path: String, name: String) throws -> Batches {
        let lines = try LineSource(path: path)
        guard let header = lines.nextRecord() else { throw Failure.unknownLayout(name) }
        let splitter = FieldSplitter(delimiter: UInt8(ascii: ","), fullyQuoted: false)
        let columns = splitter.split(header.bytes).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        let source: SupplierReferenceEntry.Source
        let nameColumns: [Int]
        let person: (first: Int, last: Int)?
        if let _ = column("siret"), let usual = column("denominationUsuelleEtablissement") {
            source = .sireneEtablissement
            nameColumns = [usual] + [column("enseigne1Etablissement")].compactMap { $0 }
            person = nil
        } else if column("siren") != nil, let denomination = column("denominationUniteLegale") {
            source = .sireneUniteLegale
            nameColumns = [denomination] + [column("denominationUsuelle1UniteLegale")].compactMap { $0 }
            person = column("nomUniteLegale").flatMap { last in (column("prenomUsuelUniteLegale") ?? column("prenom1UniteLegale")).map { ($0, last) } }
        } else {
            throw Failure.unknownLayout(name)
        }
        let sirenColumn = column("siren"), siretColumn = column("siret")
        return Batches(source: source) {
            var batch: [SupplierReferenceEntry] = []
            while batch.count < batchSize, let record = lines.nextRecord() {
                let fields = splitter.split(record.bytes)
                func value(_ index: Int?) -> String? {
                    guard let index, index < fields.count else { return nil }
                    let text = String(decoding: fields[index], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    return text.isEmpty || text == "[ND]" ? nil : text
                }
                var display = nameColumns.lazy.compactMap { value($0) }.first
                if display == nil, let person, let last = value(person.last) {
                    display = [value(person.first), last].compactMap { $0 }.joined(separator: " ")
                }
                guard let display, let siren = value(sirenColumn), Identifiers.siren(siren).isValid else { continue }
                let siret = value(siretColumn)
                if source == .sireneEtablissement, !(siret.map { Identifiers.siret($0).isValid } ?? false) { continue }
                batch.append(SupplierReferenceEntry(siren: siren, siret: siret, name: display, source: source))
            }
            return batch.isEmpty ? nil : batch
        }
    }

    /// `{"marches": [{"titulaires": [{"typeIdentifiant": "SIRET", "id": "…", "denominationSociale": "…"}]}]}`.
    private static func readDECP(_ path: String, name: String) throws -> [SupplierReferenceEntry] {
        guard let contracts = try DECPFile.contracts(at: path) else { throw Failure.unknownLayout(name) }
        var seen = Set<String>()
        var entries: [SupplierReferenceEntry] = []
        for contract in contracts {
            for holder in contract["titulaires"] as? [[String: Any]] ?? [] {
                guard (holder["typeIdentifiant"] as? String)?.uppercased() == "SIRET",
                      let raw = holder["id"] as? String, let display = holder["denominationSociale"] as? String else { continue }
                let siret = Identifiers.siret(raw)
                // The DECP has bad check digits and mangled accents: only valid SIRETs, and names as published.
                guard siret.isValid, !display.contains("\u{FFFD}"), seen.insert(siret.normalized).inserted else { continue }
                entries.append(SupplierReferenceEntry(siren: String(siret.normalized.prefix(9)), siret: siret.normalized,
                                                      name: display.trimmingCharacters(in: .whitespaces), source: .decp))
            }
        }
        return entries
    }
}

/// The contracts of a DECP file (its JSON, or a ZIP holding it): `{"marches": [{…}, …]}`; nil when it is not one.
public enum DECPFile {
    public static func contracts(at path: String) throws -> [[String: Any]]? {
        var data = Data()
        let archive: Archive?
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) } catch { archive = nil }
        if let archive {
            guard let entry = archive.first(where: { $0.path.hasSuffix(".json") }) else { return nil }
            try BoundedUnzip.extract(entry.path, fromZipAt: path) { data.append($0) }
        } else {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return root["marches"] as? [[String: Any]]
    }
}
