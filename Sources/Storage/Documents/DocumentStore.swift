import EclaireCore
import FluentKit
import Foundation
import SQLKit

/// Documents attached to EJs, their extracted facts and corrections. Every change happens in one transaction.
public struct DocumentStore: Sendable {
    let database: any Database
    public let files: DocumentFileStore
    /// Who makes the changes (a user name, `cli:<login>` for the command line).
    public let actor: String

    public init(database: any Database, files: DocumentFileStore, actor: String) {
        self.database = database
        self.files = files
        self.actor = actor
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Attaching

    /// Attaches a file to an EJ: stored once by digest, queued for extraction when new. Attaching the same file
    /// to the same EJ again changes nothing. Returns the document and whether it was new to the store.
    public func attach(ej: String, file: URL) async throws -> (document: StoredDocument, isNew: Bool) {
        let number = Identifiers.ejNumber(ej).normalized
        let known = try await sql.select().column("ej").from("ej_lines").where("ej", .equal, number).limit(1).first()
        guard known != nil else { throw DocumentStoreError.unknownEJ(ej) }
        return try await attach(ej: number, file: file, name: file.lastPathComponent)
    }

    /// Attaches a file under `name` to an EJ the caller vouches for (one Chorus named, which may not be imported
    /// yet); `within` runs inside the same transaction, given the document's id.
    public func attach(ej number: String, file: URL, name: String,
                       within: (@Sendable (any SQLDatabase, Int) async throws -> Void)? = nil) async throws -> (document: StoredDocument, isNew: Bool) {
        let stored = try files.put(file)
        let actor = actor
        let files = files
        let (id, isNew) = try await withFileRemoved(stored.created ? stored.relativePath : nil, from: files) {
            try await database.writeTransaction { transaction -> (Int, Bool) in
                let sql = transaction as! any SQLDatabase
                var id = try await sql.select().column("id").from("documents").where("sha256", .equal, stored.sha256).first()
                    .map { try $0.decode(column: "id", as: Int.self) }
                let isNew = id == nil
                if id == nil {
                    let row = try await sql.insert(into: "documents")
                        .columns("sha256", "file_name", "size_bytes", "stored_path", "added_at", "added_by", "status")
                        .values(SQLBind(stored.sha256), SQLBind(name), SQLBind(stored.size),
                                SQLBind(stored.relativePath), SQLBind(Timestamp.now()), SQLBind(actor),
                                SQLBind(DocumentStatus.queued.rawValue))
                        .returning("id").first()
                    id = try row!.decode(column: "id", as: Int.self)
                    try await Self.enqueue(id!, on: sql)
                }
                let linked = try await sql.select().column("ej").from("ej_documents")
                    .where("ej", .equal, number).where("document_id", .equal, id!).first()
                if linked == nil {
                    try await sql.insert(into: "ej_documents").columns("ej", "document_id").values(SQLBind(number), SQLBind(id!)).run()
                    try await AuditWriter(sql: sql, actor: actor).record(product: nil, entity: "document", id: String(id!),
                                                                         action: "attach", before: nil, after: "EJ \(number) · \(name)")
                }
                try await within?(sql, id!)
                return (id!, isNew)
            }
        }
        return (try await document(id), isNew)
    }

    /// Runs `body`; if it fails, the file this call wrote to the store goes too (a document is both or neither).
    private func withFileRemoved<T>(_ relative: String?, from files: DocumentFileStore, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            if let relative { files.remove(relative) }
            throw error
        }
    }

    static func enqueue(_ documentID: Int, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "document_jobs")
            .columns("document_id", "state", "attempts", "run_after")
            .values(SQLBind(documentID), SQLBind("queued"), SQLBind(0), SQLBind(Int64(Date().timeIntervalSince1970)))
            .run()
    }

    /// Queues a document again (after a correction of its file's reading, or a new version of the readers).
    public func requeue(_ documentID: Int) async throws {
        _ = try await document(documentID)
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.update("documents").set("status", to: DocumentStatus.queued.rawValue).set("error", to: SQLLiteral.null)
                .where("id", .equal, documentID).run()
            try await sql.delete(from: "document_jobs").where("document_id", .equal, documentID)
                .where("state", .notEqual, "running").run()
            try await Self.enqueue(documentID, on: sql)
        }
    }

    // MARK: Reading

    public func document(_ id: Int) async throws -> StoredDocument {
        guard let row = try await sql.select().column("*").from("documents").where("id", .equal, id).first() else {
            throw DocumentStoreError.unknownDocument(id)
        }
        var document = try Self.document(row)
        document.ejs = try await sql.select().column("ej").from("ej_documents").where("document_id", .equal, id)
            .orderBy("ej").all().map { try $0.decode(column: "ej", as: String.self) }
        return document
    }

    public func documents(status: DocumentStatus? = nil, limit: Int = 200, offset: Int = 0) async throws -> [StoredDocument] {
        let query = sql.select().column("*").from("documents").orderBy("id", .descending).limit(limit).offset(offset)
        if let status { query.where("status", .equal, status.rawValue) }
        let documents = try await query.all().map(Self.document)
        return try await withEJs(documents)
    }

    public func documents(ofEJ ej: String) async throws -> [StoredDocument] {
        let number = Identifiers.ejNumber(ej).normalized
        let rows = try await sql.select().column(SQLColumn("*", table: "d"))
            .from(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")))
            .join(SQLAlias(SQLIdentifier("ej_documents"), as: SQLIdentifier("l")), method: SQLJoinMethod.inner,
                  on: SQLColumn("document_id", table: "l"), .equal, SQLColumn("id", table: "d"))
            .where(SQLColumn("ej", table: "l"), .equal, SQLBind(number))
            .orderBy(SQLColumn("id", table: "d")).all()
        return try await withEJs(rows.map(Self.document))
    }

    private func withEJs(_ documents: [StoredDocument]) async throws -> [StoredDocument] {
        guard !documents.isEmpty else { return [] }
        let links = try await sql.select().column("ej").column("document_id").from("ej_documents")
            .where("document_id", .in, documents.map(\.id)).orderBy("ej").all()
        var byDocument: [Int: [String]] = [:]
        for link in links {
            byDocument[try link.decode(column: "document_id", as: Int.self), default: []].append(try link.decode(column: "ej", as: String.self))
        }
        return documents.map { var copy = $0; copy.ejs = byDocument[$0.id] ?? []; return copy }
    }

    public func counts() async throws -> QueueCounts {
        let rows = try await sql.select().column("status").column(SQLRaw("COUNT(*)"), as: "n").from("documents")
            .groupBy("status").all()
        var counts: [DocumentStatus: Int] = [:]
        for row in rows {
            if let status = DocumentStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return QueueCounts(counts: counts)
    }

    public func fields(of documentID: Int) async throws -> [StoredField] {
        let rows = try await sql.select().column("*").from("document_fields").where("document_id", .equal, documentID).all()
        let fields = try rows.compactMap(Self.field)
        return fields.sorted { a, b in
            (EclaireCore.FieldKey.allCases.firstIndex(of: a.field.key) ?? 0) < (EclaireCore.FieldKey.allCases.firstIndex(of: b.field.key) ?? 0)
        }
    }

    /// The facts of every document attached to the EJs, by document.
    public func fields(ofEJ ej: String) async throws -> [(StoredDocument, [StoredField])] {
        var result: [(StoredDocument, [StoredField])] = []
        for document in try await documents(ofEJ: ej) { result.append((document, try await fields(of: document.id))) }
        return result
    }

    public func pages(of documentID: Int) async throws -> [ExtractionRecord.Page] {
        try await sql.select().column("*").from("document_pages").where("document_id", .equal, documentID).orderBy("page")
            .all().map { row in
                ExtractionRecord.Page(number: try row.decode(column: "page", as: Int.self),
                                      method: try row.decode(column: "method", as: String.self),
                                      text: try row.decode(column: "text", as: String.self))
            }
    }

    // MARK: Rows

    static func document(_ row: any SQLRow) throws -> StoredDocument {
        StoredDocument(
            id: try row.decode(column: "id", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            sizeBytes: try row.decode(column: "size_bytes", as: Int64.self),
            storedPath: try row.decode(column: "stored_path", as: String.self),
            addedAt: try row.decode(column: "added_at", as: String.self),
            addedBy: try row.decode(column: "added_by", as: String.self),
            status: DocumentStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .queued,
            error: try RowDecoding.string(row, "error"), textMethod: try RowDecoding.string(row, "text_method"),
            pageCount: try RowDecoding.int(row, "page_count"),
            invalidIDs: (try RowDecoding.string(row, "invalid_ids") ?? "").split(separator: ",").map(String.init),
            extractedAt: try RowDecoding.string(row, "extracted_at"), ejs: [],
            typedFacts: try RowDecoding.string(row, "typed_facts").flatMap { try? JSONDecoder().decode(TypedFacts.self, from: Data($0.utf8)) }
                ?? TypedFacts())
    }

    static func field(_ row: any SQLRow) throws -> StoredField? {
        guard let key = EclaireCore.FieldKey(rawValue: try row.decode(column: "key", as: String.self)) else { return nil }
        let page = try RowDecoding.int(row, "page")
        let text = try RowDecoding.string(row, "source_text")
        let source = page.map { FieldSource(page: $0, text: text ?? "") }
        return StoredField(field: ExtractedField(key: key, value: try row.decode(column: "value", as: String.self),
                                                 confidence: try row.decode(column: "confidence", as: Double.self), source: source),
                           correctedBy: try RowDecoding.string(row, "corrected_by"),
                           correctedAt: try RowDecoding.string(row, "corrected_at"))
    }
}

extension DocumentStore {
    /// EJs with documents, and those whose documents give an object, a supplier and a beneficiary — the share the
    /// State measures this work by.
    public func completeness() async throws -> (ejs: Int, complete: Int) {
        let row = try await sql.raw("""
            SELECT COUNT(*) AS ejs, COALESCE(SUM(complete), 0) AS complete FROM (\(unsafeRaw: Self.completenessByEJ)) t
            """).first()
        guard let row else { return (0, 0) }
        return (try row.decode(column: "ejs", as: Int.self), try row.decode(column: "complete", as: Int.self))
    }

    /// Each EJ with documents, and 1 when they give its object, supplier and beneficiary (else 0).
    static let completenessByEJ = """
        SELECT l.ej, CASE WHEN SUM(CASE WHEN f.key = 'object' THEN 1 ELSE 0 END) > 0
                           AND SUM(CASE WHEN f.key IN ('supplier.name', 'supplier.siret') THEN 1 ELSE 0 END) > 0
                           AND SUM(CASE WHEN f.key = 'buyer.administration' THEN 1 ELSE 0 END) > 0 THEN 1 ELSE 0 END AS complete
        FROM ej_documents l LEFT JOIN document_fields f ON f.document_id = l.document_id
        GROUP BY l.ej
        """

    /// The same per programme (read from the EJ lines, or from the centre financier's first segment), over every
    /// EJ of the base: the State measures the work by this share, ministry by ministry.
    public func coverageByProgramme() async throws -> [ProgrammeCoverage] {
        try await sql.raw("""
            SELECT e.programme, COUNT(*) AS ejs, SUM(CASE WHEN d.ej IS NULL THEN 0 ELSE 1 END) AS documented,
                   COALESCE(SUM(d.complete), 0) AS complete
            FROM (SELECT ej, LTRIM(COALESCE(MAX(programme), MAX(SUBSTR(centre_financier, 1, 4))), '0') AS programme
                  FROM ej_lines GROUP BY ej) e
            LEFT JOIN (\(unsafeRaw: Self.completenessByEJ)) d ON d.ej = e.ej
            GROUP BY e.programme ORDER BY e.programme
            """).all().map { row in
            ProgrammeCoverage(programme: try row.decode(column: "programme", as: String?.self),
                              ejCount: try row.decode(column: "ejs", as: Int.self),
                              documentedEJs: try row.decode(column: "documented", as: Int.self),
                              completeEJs: try row.decode(column: "complete", as: Int.self))
        }
    }

    /// The type and supplier of each listed document, in one query.
    public func listFields(of ids: [Int]) async throws -> [Int: [StoredField]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("*").from("document_fields").where("document_id", .in, ids)
            .where("key", .in, [EclaireCore.FieldKey.documentType.rawValue, EclaireCore.FieldKey.supplierName.rawValue]).all()
        var result: [Int: [StoredField]] = [:]
        for row in rows {
            if let field = try Self.field(row) { result[try row.decode(column: "document_id", as: Int.self), default: []].append(field) }
        }
        return result
    }
}

/// How many EJs of a programme have documents, and how many have all three facts (object, supplier, beneficiary).
public struct ProgrammeCoverage: Sendable, Equatable {
    public let programme: String?
    public let ejCount: Int
    public let documentedEJs: Int
    public let completeEJs: Int

    /// The ministry of the programme in the finance bill, nil when it does not know the programme.
    public var ministry: String? { programme.flatMap(StatePrograms.program)?.ministry }

    /// The same counts per ministry (nil: programmes the finance bill does not know, last).
    public static func byMinistry(_ programmes: [ProgrammeCoverage]) -> [(ministry: String?, ejCount: Int, documentedEJs: Int, completeEJs: Int)] {
        var totals: [String?: (Int, Int, Int)] = [:]
        for row in programmes {
            let known = totals[row.ministry] ?? (0, 0, 0)
            totals[row.ministry] = (known.0 + row.ejCount, known.1 + row.documentedEJs, known.2 + row.completeEJs)
        }
        return totals.sorted { ($0.key ?? "\u{10FFFF}") < ($1.key ?? "\u{10FFFF}") }
            .map { (ministry: $0.key, ejCount: $0.value.0, documentedEJs: $0.value.1, completeEJs: $0.value.2) }
    }
}
