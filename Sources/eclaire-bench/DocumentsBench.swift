import ArgumentParser
import DemoData
import Documents
import Foundation

/// `eclaire-bench documents`: text-layer documents read and extracted end to end, in one process, at scale —
/// documents per second and peak memory (flat memory is the point of reading 100 000 of them in one run).
struct DocumentsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents",
                                                    abstract: "Lit et extrait N documents à couche texte ; documents/s et mémoire.")

    @Option(help: "Nombre de documents lus.") var count = 1000
    @Option(help: "Dossier de documents à lire (sinon, ceux de la démonstration).") var directory: String?
    @Option(help: "Reconnaît chaque page comme un scan à cette résolution (points par pouce).") var ocr: Int?
    @Option(help: "Écrit N documents distincts dans ce dossier (pour `eclaire documents add` et `eclaire work`) au lieu de lire.")
    var write: String?

    func run() throws {
        var files: [String] = []
        if let directory {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().filter { !$0.hasSuffix(".xml") }
                .map { directory + "/" + $0 }
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-bench-docs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for attachment in DemoDocuments.attachments(for: DemoLedger(orderCount: 200), limit: 100) {
                let file = folder.appendingPathComponent(attachment.fileName)
                try attachment.data.write(to: file)
                files.append(file.path)
            }
        }
        if let write {
            // Distinct files (a comment after %%EOF changes the digest, not the document) for the queue's end-to-end run.
            try FileManager.default.createDirectory(atPath: write, withIntermediateDirectories: true)
            for index in 0..<count {
                var data = try Data(contentsOf: URL(fileURLWithPath: files[index % files.count]))
                data.append(Data("%\(index)\n".utf8))
                try data.write(to: URL(fileURLWithPath: write).appendingPathComponent("piece-\(index).pdf"))
            }
            return print("\(count) documents écrits dans \(write)")
        }
        let reader = DocumentReader(options: ocr.map { .init(useStructured: false, text: .init(forceOCR: true, ocrDPI: $0)) } ?? .init())
        let start = Date()
        var fields = 0, failures = 0
        for index in 0..<count {
            do { fields += try reader.read(files[index % files.count]).facts.fields.count } catch { failures += 1 }
            if (index + 1) % max(count / 10, 1) == 0 {
                let seconds = Date().timeIntervalSince(start)
                print("\(index + 1) documents, \(String(format: "%.1f", Double(index + 1) / seconds)) documents/s, RSS \(Self.residentMegabytes()) Mo")
            }
        }
        print("\(count) documents (\(files.count) distincts), \(fields) informations, \(failures) échecs, \(String(format: "%.1f", Double(count) / Date().timeIntervalSince(start))) documents/s sur un cœur")
    }

    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (Int(line.split(separator: " ")[1]) ?? 0) / 1024
    }
}
