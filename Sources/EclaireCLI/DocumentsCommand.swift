import ArgumentParser
import EclaireCore
import EclaireServer
import Foundation
import Storage

/// `eclaire documents …`: attach documents to EJs, list them, look at one, correct a fact.
struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "Pièces jointes des EJ : ajout, liste, détail, correction.",
        subcommands: [Add.self, List.self, Show.self, Correct.self, Requeue.self])

    struct StoreOptions: ParsableArguments {
        @OptionGroup var database: DatabaseOption
        @Option(help: "Dossier des documents (défaut : $ECLAIRE_DOCUMENT_STORE, sinon à côté de la base SQLite).")
        var store: String?

        func withDocuments<T>(_ body: (DocumentStore) async throws -> T) async throws -> T {
            let location = try database.location()
            let files = DocumentFileStore.resolve(option: store, database: location)
            let login = ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
            return try await StorageContainer.using(location) { storage in
                try await body(DocumentStore(database: storage.database, files: files, actor: "cli:\(login)"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Joint des documents à un EJ et les met en file de lecture.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "N° EJ.") var ej: String
        @Argument(help: "Fichiers (PDF, images, Word, Excel, OpenDocument) ou dossiers (tous leurs fichiers).") var files: [String]

        /// The files given, a folder standing for every file under it.
        var expanded: [String] {
            files.flatMap { path -> [String] in
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
                      let walker = FileManager.default.enumerator(atPath: path) else { return [path] }
                return walker.compactMap { $0 as? String }.filter { !$0.hasPrefix(".") && !$0.contains("/.") }.sorted()
                    .map { path + "/" + $0 }
                    .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
            }
        }

        func run() async throws {
            var failures = 0
            try await options.withDocuments { store in
                for file in expanded {
                    do {
                        let (document, isNew) = try await store.attach(ej: ej, file: URL(fileURLWithPath: file))
                        print("document \(document.id) — \(document.fileName) — \(isNew ? "ajouté, en attente de lecture" : "déjà connu (\(document.status.label.lowercased()))") — EJ \(document.ejs.joined(separator: ", "))")
                    } catch let error as DocumentStoreError {
                        failures += 1
                        FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                    }
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les documents, par statut.")
        @OptionGroup var options: StoreOptions
        @Option(help: "queued, running, done ou failed.") var status: DocumentStatus?
        @Flag(help: "Une ligne JSON par document.") var json = false

        func run() async throws {
            try await options.withDocuments { store in
                for document in try await store.documents(status: status, limit: 100_000) {
                    if json { try JSONOutput.line(DocumentSummaryJSON(document)) } else {
                        print("\(document.id)  \(document.status.label)  \(document.fileName)  EJ \(document.ejs.joined(separator: ", "))\(document.error.map { "  — \($0)" } ?? "")")
                    }
                }
            }
            JSONOutput.flush()
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Montre un document et les informations lues.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "N° du document.") var id: Int
        @Flag(help: "Un objet JSON.") var json = false

        func run() async throws {
            try await options.withDocuments { store in
                let document = try await store.document(id)
                let fields = try await store.fields(of: id)
                if json { return try JSONOutput.line(DocumentDetailJSON(document, fields)) }
                print("document \(document.id) — \(document.fileName) — \(document.status.label) — EJ \(document.ejs.joined(separator: ", "))")
                for stored in fields {
                    let corrected = stored.correctedBy.map { " (corrigé par \($0))" } ?? ""
                    print("  \(stored.field.key.label) : \(stored.field.key.french(stored.field.value))  [confiance \(Int((stored.field.confidence * 100).rounded())) %]\(corrected)")
                }
            }
            JSONOutput.flush()
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Corrige une information lue (conservée aux relectures).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "N° du document.") var id: Int
        @Argument(help: "Champ : supplier.name, supplier.siret, amounts.ht, object…") var key: String
        @Argument(help: "Valeur corrigée (vide pour effacer).") var value: String

        func run() async throws {
            guard let field = EclaireCore.FieldKey(rawValue: key) else { throw UserError(message: DocumentStoreError.unknownField(key).description) }
            try await options.withDocuments { try await $0.correct(documentID: id, key: field, value: value, namingSupplier: true) }
        }
    }

    struct Requeue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remet un document en file de lecture.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "N° du document.") var id: Int

        func run() async throws { try await options.withDocuments { try await $0.requeue(id) } }
    }
}

extension DocumentStatus: ExpressibleByArgument {}
