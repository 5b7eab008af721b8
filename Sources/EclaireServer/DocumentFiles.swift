import Storage
import Vapor

extension Application {
    private struct DocumentFilesKey: StorageKey {
        typealias Value = DocumentFileStore
    }

    /// Where attached files are kept; set once by `EclaireApp.configure`.
    public var documentFiles: DocumentFileStore {
        get { storage[DocumentFilesKey.self]! }
        set { storage[DocumentFilesKey.self] = newValue }
    }
}

extension Request {
    /// The document store acting as the signed-in user.
    var documents: DocumentStore {
        get throws { DocumentStore(database: db, files: application.documentFiles, actor: try user.login) }
    }
}
