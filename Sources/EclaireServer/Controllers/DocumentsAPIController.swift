import EclaireCore
import SQLKit
import Storage
import Vapor

/// `/api/v1/documents…`: the documents, what was read from them, corrections — for reuse by other services.
struct DocumentsAPIController: APIRouteCollection {
    func boot(api: APIRoutes) throws {
        let read = api.scoped(.readDocuments).grouped("documents")
        read.get(use: list)
        read.get("summary", use: summary)
        read.get("coverage", use: coverage)
        read.get("syntheses", use: syntheses)
        read.get("suppliers", ":siret", use: supplier)
        read.get(":id", use: show)
        api.scoped(.writeCorrections).put("documents", ":id", "fields", ":key", use: correct)
    }

    struct ListQuery: Content {
        var status: String?
        var limit: Int?
        var offset: Int?
    }

    func list(request: Request) async throws -> Response {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "la liste de toutes les pièces est réservée aux analystes ; les pièces d'un EJ sont dans /api/v1/ejs/{ej}")
        }
        let query = try request.query.decode(ListQuery.self)
        var status: DocumentStatus?
        if let text = query.status {
            guard let parsed = DocumentStatus(rawValue: text) else {
                throw Abort(.badRequest, reason: "status : queued, running, done ou failed")
            }
            status = parsed
        }
        let limit = min(max(query.limit ?? 100, 1), 1000)
        let store = try request.documents
        let format = try BulkFormat.requested(request)
        guard format == .json else {
            return BulkExport.response(format, name: "pieces") { [status] cursor in
                let offset = min(max(Int(cursor ?? "0") ?? 0, 0), 1_000_000_000)
                let page = try await store.documents(status: status, limit: 1000, offset: offset).map(DocumentSummaryJSON.init)
                return (page, page.count == 1000 ? String(offset + 1000) : nil)
            }
        }
        return try await store.documents(status: status, limit: limit, offset: min(max(query.offset ?? 0, 0), 1_000_000_000))
            .map(DocumentSummaryJSON.init).encodeResponse(for: request)
    }

    struct Summary: Content {
        let counts: [String: Int]
        let total: Int
        let ejsWithDocuments: Int
        let completeEjs: Int

        enum CodingKeys: String, CodingKey {
            case counts, total, ejsWithDocuments = "ejs_with_documents", completeEjs = "complete_ejs"
        }
    }

    func summary(request: Request) async throws -> Summary {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "réservé aux analystes (bureau budgétaire, administrateurs)")
        }
        let store = try request.documents
        let counts = try await store.counts()
        let (ejs, complete) = try await store.completeness()
        return Summary(counts: Dictionary(uniqueKeysWithValues: DocumentStatus.allCases.map { ($0.rawValue, counts[$0]) }),
                       total: counts.total, ejsWithDocuments: ejs, completeEjs: complete)
    }

    struct Coverage: Content {
        /// Null in the `by=ministere` view.
        let programme: String?
        let programmeLabel: String?
        /// From the finance bill (`StatePrograms`); null for a programme it does not know.
        let ministry: String?
        let ejs: Int
        let ejsWithDocuments: Int
        let completeEjs: Int
        /// complete_ejs / ejs, 0 to 1.
        let share: Double

        enum CodingKeys: String, CodingKey {
            case programme, ejs, share, ministry = "ministere", programmeLabel = "programme_label"
            case ejsWithDocuments = "ejs_with_documents", completeEjs = "complete_ejs"
        }

        init(programme: String?, ministry: String?, ejs: Int, documented: Int, complete: Int) {
            self.programme = programme
            programmeLabel = programme.flatMap(StatePrograms.program)?.label
            self.ministry = ministry
            self.ejs = ejs
            ejsWithDocuments = documented
            completeEjs = complete
            share = ejs == 0 ? 0 : (Double(complete) / Double(ejs) * 1000).rounded() / 1000
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(programme, forKey: .programme)
            try container.encode(programmeLabel, forKey: .programmeLabel)
            try container.encode(ministry, forKey: .ministry)
            try container.encode(ejs, forKey: .ejs)
            try container.encode(ejsWithDocuments, forKey: .ejsWithDocuments)
            try container.encode(completeEjs, forKey: .completeEjs)
            try container.encode(share, forKey: .share)
        }
    }

    /// Per programme, or per ministry with `?by=ministere` (from the finance bill): the share of EJs whose
    /// documents give object, supplier and beneficiary.
    func coverage(request: Request) async throws -> Response {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "réservé aux analystes (bureau budgétaire, administrateurs)")
        }
        let by = try request.query.get(String?.self, at: "by") ?? "programme"
        let programmes = try await request.documents.coverageByProgramme()
        switch by {
        case "programme":
            return try await request.list(programmes.map { row in
                Coverage(programme: row.programme, ministry: row.ministry,
                         ejs: row.ejCount, documented: row.documentedEJs, complete: row.completeEJs)
            }, name: "couverture")
        case "ministere":
            let rows = ProgrammeCoverage.byMinistry(programmes).map { row in
                Coverage(programme: nil, ministry: row.ministry, ejs: row.ejCount, documented: row.documentedEJs,
                         complete: row.completeEJs)
            }
            return try await request.list(rows, name: "couverture-ministeres")
        default:
            throw Abort(.badRequest, reason: "by : programme ou ministere")
        }
    }

    /// Each EJ with documents and its synthesis (designation, supplier, beneficiary), by EJ number, paged by cursor.
    func syntheses(request: Request) async throws -> Response {
        guard try request.access.wholeBase else {
            throw Abort(.forbidden, reason: "réservé aux analystes (bureau budgétaire, administrateurs)")
        }
        let limit = try request.query.get(Int?.self, at: "limit") ?? 100
        guard (1...1000).contains(limit) else { throw Abort(.badRequest, reason: "limit doit être compris entre 1 et 1000") }
        let after = try request.query.get(String?.self, at: "after")
        let facts = AttachedFacts(sql: request.db as! any SQLDatabase)
        @Sendable func page(_ after: String?, _ limit: Int) async throws -> (items: [SynthesisRowJSON], next: String?) {
            let rows = try await facts.syntheses(after: after, limit: limit).map { SynthesisRowJSON(ej: $0.ej, $0.synthesis) }
            return (rows, rows.count == limit ? rows.last?.ej : nil)
        }
        let format = try BulkFormat.requested(request)
        guard format == .json else {
            return BulkExport.response(format, name: "syntheses") { cursor in try await page(cursor, 500) }
        }
        let found = try await page(after, limit)
        let (documented, _) = try await request.documents.completeness()
        return try await PageDTO(items: found.items, offset: 0, limit: limit, total: documented, nextAfter: found.next)
            .encodeResponse(for: request)
    }

    func show(request: Request) async throws -> DocumentDetailJSON {
        let (document, _) = try await DocumentPagesController.readable(request)
        return DocumentDetailJSON(document, try await request.documents.fields(of: document.id))
    }

    /// The same lookup as the suppliers page, for one SIRET; open to every reader of documents (registers are public).
    func supplier(request: Request) async throws -> SupplierLookupJSON {
        let printed = try request.parameters.require("siret")
        let siret = Identifiers.siret(printed)
        guard siret.normalized.count == 14, siret.normalized.allSatisfy(\.isASCII), siret.normalized.allSatisfy(\.isNumber) else {
            throw Abort(.badRequest, reason: "siret : 14 chiffres attendus")
        }
        let store = SupplierReferenceStore(database: request.db)
        let known = try await store.name(siret: siret.normalized)
        return SupplierLookupJSON(
            siret: siret.normalized, siretValid: siret.isValid, name: known?.name, source: known?.source,
            aliases: try await store.aliases(siret: siret.normalized).map { SupplierAliasJSON(name: $0.name, source: $0.source) })
    }

    struct Correction: Content {
        var value: String
    }

    func correct(request: Request) async throws -> DocumentDetailJSON {
        let (document, canEdit) = try await DocumentPagesController.readable(request)
        guard canEdit else { throw Abort(.forbidden, reason: "lecture seule sur cette pièce") }
        let name = try request.parameters.require("key")
        guard let key = EclaireCore.FieldKey(rawValue: name) else { throw Abort(.badRequest, reason: "champ inconnu : \(name)") }
        let correction = try request.content.decode(Correction.self)
        let store = try request.documents
        try await store.correct(documentID: document.id, key: key, value: correction.value,
                                namingSupplier: try request.access.namesSuppliers)
        return DocumentDetailJSON(document, try await store.fields(of: document.id))
    }
}
