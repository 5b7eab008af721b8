import EclaireCore
import Foundation
import SQLKit
import Storage
import Vapor

/// The analysts' pages: documents by status, one document with its text and facts, corrections, uploads.
struct DocumentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("documents", use: list)
        routes.get("documents", ":id", use: page)
        routes.get("documents", ":id", "fichier", use: file)
        routes.post("documents", ":id", "corriger", use: correct)
        routes.post("documents", ":id", "relire", use: requeue)
    }

    func list(request: Request) async throws -> View {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "La liste de toutes les pièces est réservée aux analystes (bureau budgétaire, administrateurs) ; les pièces d'un EJ sont sur sa page.")
        }
        let store = try request.documents
        let filter = (try? request.query.get(String.self, at: "statut")).flatMap(DocumentStatus.init(rawValue:))
        let counts = try await store.counts()
        let documents = try await store.documents(status: filter, limit: 500)
        let fields = try await store.listFields(of: documents.map(\.id))
        let (ejs, complete) = try await store.completeness()
        let share = ejs == 0 ? "—" : "\(Int((Double(complete) * 100 / Double(ejs)).rounded())) %"
        return try await request.view.render("documents", DocumentsPage(
            counts: DocumentStatus.allCases.map { StatusCountView(status: $0.rawValue, label: $0.label, count: counts[$0], selected: $0 == filter) },
            total: counts.total, ejWithDocuments: ejs, completeEJs: complete, completeShare: share,
            rows: documents.map { DocumentRowView($0, fields: fields[$0.id] ?? []) }, filter: filter?.rawValue ?? "",
            ministries: MinistryCoverageView.rows(try await store.coverageByProgramme())))
    }

    /// The document, if the caller may read one of its EJs (else the same 404 as an unknown document).
    static func readable(_ request: Request) async throws -> (StoredDocument, canEdit: Bool) {
        let text = try request.parameters.require("id")
        guard let id = Int(text) else { throw Abort(.notFound, reason: "Aucune pièce n° \(text).") }
        let unknown = Abort(.notFound, reason: "Aucune pièce n° \(id).")
        guard let document = try? await request.documents.document(id) else { throw unknown }
        let access = try request.access
        let found = try await ChorusQueries(sql: request.db as! any SQLDatabase).reaches(of: document.ejs)
        let reaches = document.ejs.map { found[$0] ?? EJReach(productID: nil, programmes: []) }
        // A document attached to no EJ yet is the whole base's analysts' alone.
        guard access.document(on: reaches, .read) || (reaches.isEmpty && access.wholeBase) else { throw unknown }
        return (document, access.document(on: reaches, .change) || (reaches.isEmpty && access.wholeBase))
    }

    func page(request: Request) async throws -> View {
        let (document, canEdit) = try await Self.readable(request)
        let store = try request.documents
        return try await request.view.render("document", DocumentPage(
            document, fields: try await store.fields(of: document.id), pages: try await store.pages(of: document.id),
            canEdit: canEdit, canList: try request.access.wholeBase))
    }

    func file(request: Request) async throws -> Response {
        let (document, _) = try await Self.readable(request)
        let response = try await request.fileio.asyncStreamFile(at: request.application.documentFiles.path(of: document.storedPath))
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"\(DocumentUploadController.safeName(document.fileName))\"")
        return response
    }

    struct Correction: Content {
        var key: String
        var value: String
    }

    func correct(request: Request) async throws -> Response {
        let (document, canEdit) = try await Self.readable(request)
        guard canEdit else { throw Abort(.forbidden, reason: "Vous pouvez lire cette pièce mais pas la corriger.") }
        let form = try request.content.decode(Correction.self)
        guard let key = EclaireCore.FieldKey(rawValue: form.key) else { throw Abort(.badRequest, reason: "Champ inconnu : \(form.key)") }
        try await request.documents.correct(documentID: document.id, key: key, value: form.value,
                                            namingSupplier: try request.access.namesSuppliers)
        return request.redirect(to: "/documents/\(document.id)#informations")
    }

    func requeue(request: Request) async throws -> Response {
        let (document, canEdit) = try await Self.readable(request)
        guard canEdit else { throw Abort(.forbidden, reason: "Vous pouvez lire cette pièce mais pas la faire relire.") }
        try await request.documents.requeue(document.id)
        return request.redirect(to: "/documents/\(document.id)")
    }
}

/// Uploads on the EJ page. Outside `CheckCSRF`: that middleware runs before a large multipart body is collected,
/// so the form's token is checked here, once the body is read.
struct DocumentUploadController: RouteCollection, APIRouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // Scans and PDFs are larger than Vapor's default body limit; bounded all the same.
        routes.on(.POST, "ej", ":ej", "documents", body: .collect(maxSize: "64mb"), use: upload)
    }

    func boot(api: APIRoutes) throws {
        api.scopedCheckingCSRFAfterBody(.writeDocuments)
            .on(.POST, "ejs", ":ej", "documents", body: .collect(maxSize: "64mb"), use: uploadAPI)
    }

    /// The same for reusers: the stored document (201 when new, 200 when the file was already known).
    func uploadAPI(request: Request) async throws -> Response {
        let (document, isNew) = try await attach(request)
        let response = Response(status: isNew ? .created : .ok)
        try response.content.encode(DocumentSummaryJSON(document))
        return response
    }

    struct Upload: Content {
        var fichier: File
        var csrf: String?
    }

    func upload(request: Request) async throws -> Response {
        let ej = try request.ejParameter()
        _ = try await attach(request)
        return request.redirect(to: "/ej/\(ej)#pieces")
    }

    /// A file name as sent by a browser, kept to its last component without control characters or quotes: it
    /// names a file in a temporary folder and, later, the download.
    static func safeName(_ sent: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" })
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "piece" : String(cleaned.prefix(200))
    }

    /// Checks the caller's rights and the form's token, then stores and queues the file under the name it was sent with.
    func attach(_ request: Request) async throws -> (StoredDocument, Bool) {
        let ej = try request.ejParameter()
        let unknown = EJAccess.unknown(ej)
        try await EJAccess.check(ej, for: request, .change, unknown: unknown)
        let upload: Upload
        do {
            upload = try request.content.decode(Upload.self)
        } catch let error as any AbortError where error.status == .unsupportedMediaType {
            throw error
        } catch {
            throw Abort(.badRequest, reason: "Formulaire illisible : le fichier est attendu dans le champ « fichier » d'un envoi multipart/form-data.")
        }
        if let expected = request.caller?.csrfToken, request.headers.first(name: "X-CSRF-Token") ?? upload.csrf != expected {
            throw Abort(.forbidden, reason: "jeton de sécurité du formulaire absent ou périmé : rechargez la page")
        }
        guard upload.fichier.data.readableBytes > 0 else { throw Abort(.badRequest, reason: "Fichier vide ou absent.") }
        // Kept under the name the user gave it: the store keys the copy by its digest.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent(Self.safeName(upload.fichier.filename))
        try Data(buffer: upload.fichier.data).write(to: temporary)
        do {
            return try await request.documents.attach(ej: ej, file: temporary)
        } catch let error as DocumentStoreError {
            throw Abort(.badRequest, reason: error.description)
        }
    }
}
