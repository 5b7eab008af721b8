import Crypto
import Foundation
import EclaireCore

/// Where attached files are kept: a folder, each file once under its SHA-256 (`ab/cd/<sha256>`), whatever its name.
public struct DocumentFileStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// `$ECLAIRE_DOCUMENT_STORE`, else a folder beside the SQLite file (`eclaire.sqlite` → `eclaire-documents/`),
    /// else `./eclaire-documents`.
    public static func resolve(option: String?, database: DatabaseLocation,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> DocumentFileStore {
        if let path = option ?? environment["ECLAIRE_DOCUMENT_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return DocumentFileStore(root: URL(fileURLWithPath: path))
        }
        if case .sqlite(let path) = database, path != ":memory:" {
            let file = URL(fileURLWithPath: path)
            let base = file.deletingPathExtension().lastPathComponent
            return DocumentFileStore(root: file.deletingLastPathComponent().appendingPathComponent("\(base)-documents"))
        }
        return DocumentFileStore(root: URL(fileURLWithPath: "eclaire-documents"))
    }

    /// Copies the file into the store (once) and returns its digest, size, path relative to the store and whether
    /// this call wrote it. A failed write (a full disk) leaves nothing behind, not even the temporary file.
    public func put(_ file: URL) throws -> (sha256: String, size: Int64, relativePath: String, created: Bool) {
        guard let data = try? Data(contentsOf: file, options: .mappedIfSafe) else {
            throw DocumentStoreError.unreadable(file.lastPathComponent)
        }
        let digest = Hex.lowercase(SHA256.hash(data: data))
        let relative = "\(digest.prefix(2))/\(digest.dropFirst(2).prefix(2))/\(digest)"
        let target = root.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: target.path) else { return (digest, Int64(data.count), relative, false) }
        // Written under a temporary name then moved: a crash never leaves half a file under the digest.
        let temporary = target.appendingPathExtension("part-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
            _ = try? FileManager.default.replaceItemAt(target, withItemAt: temporary)
            if !FileManager.default.fileExists(atPath: target.path) { try FileManager.default.moveItem(at: temporary, to: target) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DocumentStoreError.unwritable(file.lastPathComponent, folder: root.path, reason: Self.reason(error))
        }
        return (digest, Int64(data.count), relative, true)
    }

    /// Removes a file this store wrote for a document that was then not recorded.
    func remove(_ relative: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            if cocoa.code == .fileWriteOutOfSpace { return "plus de place sur le disque" }
            if cocoa.code == .fileWriteNoPermission { return "écriture refusée" }
        }
        let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? (error as NSError).code
        switch Int32(truncatingIfNeeded: posix) {
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota du disque atteint"
        case EACCES, EPERM: return "écriture refusée"
        default: return error.localizedDescription
        }
    }

    public func path(of relative: String) -> String { root.appendingPathComponent(relative).path }
}

public enum DocumentStoreError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case unknownDocument(Int)
    case unknownEJ(String)
    case unknownField(String)
    case unwritable(String, folder: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file): "\(file) : fichier introuvable ou illisible"
        case .unknownDocument(let id): "document \(id) inconnu"
        case .unknownEJ(let ej): "EJ \(ej) inconnu : importez d'abord les lignes Chorus qui le portent"
        case .unknownField(let key): "champ « \(key) » inconnu"
        case .unwritable(let file, let folder, let reason): "\(file) : impossible de l'enregistrer dans \(folder) (\(reason)) ; rien n'a été ajouté"
        }
    }
}
