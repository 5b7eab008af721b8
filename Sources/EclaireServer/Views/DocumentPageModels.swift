import EclaireCore
import Foundation
import Storage

/// A document in a list.
struct DocumentRowView: Encodable {
    let id: Int
    let fileName: String
    let status: String
    let statusLabel: String
    let ejs: [String]
    let type: String
    let supplier: String
    let error: String
    let addedAt: String

    init(_ document: StoredDocument, fields: [StoredField] = []) {
        id = document.id
        fileName = document.fileName
        status = document.status.rawValue
        statusLabel = document.status.label
        ejs = document.ejs
        let value = { (key: EclaireCore.FieldKey) in fields.first { $0.field.key == key }?.field.value }
        type = value(.documentType).flatMap(DocumentType.init(rawValue:))?.label ?? "—"
        supplier = value(.supplierName) ?? "—"
        error = document.error ?? ""
        addedAt = FrenchFormat.timestamp(iso: document.addedAt)
    }
}

struct StatusCountView: Encodable {
    let status: String
    let label: String
    let count: Int
    let selected: Bool
}

/// The analysts' page: documents by status, and the share of EJs whose documents say what, from whom, for whom.
struct DocumentsPage: Encodable {
    let title = "Pièces des engagements"
    let counts: [StatusCountView]
    let total: Int
    let ejWithDocuments: Int
    let completeEJs: Int
    let completeShare: String
    let rows: [DocumentRowView]
    let filter: String
    let ministries: [MinistryCoverageView]
}

/// A ministry's share of EJs whose documents give object, supplier and beneficiary.
struct MinistryCoverageView: Encodable {
    let ministry: String
    let ejs: String
    let documented: String
    let complete: String
    let share: String

    /// Per ministry of the finance bill; programmes it does not know under « Programme inconnu du PLF ».
    static func rows(_ programmes: [ProgrammeCoverage]) -> [MinistryCoverageView] {
        ProgrammeCoverage.byMinistry(programmes).map { row in
            MinistryCoverageView(ministry: row.ministry ?? "Programme inconnu du \(StatePrograms.source)",
                                 ejs: FrenchFormat.integer(row.ejCount), documented: FrenchFormat.integer(row.documentedEJs),
                                 complete: FrenchFormat.integer(row.completeEJs),
                                 share: row.ejCount == 0 ? "—" : "\(Int((Double(row.completeEJs) * 100 / Double(row.ejCount)).rounded())) %")
        }
    }
}

/// How sure and where from, as every fact's row shows it: « 92 % » (its level for the colour) and « page 2 ».
struct ConfidenceView {
    let confidence: String
    let level: String
    let page: String
    let source: String

    init(_ confidence: Double, _ source: FieldSource?) {
        let percent = Int((confidence * 100).rounded())
        self.confidence = "\(percent) %"
        level = percent >= 90 ? "haute" : percent >= 70 ? "moyenne" : "basse"
        page = source.map { $0.page == 0 ? "facture structurée" : "page \($0.page)" } ?? "—"
        self.source = source?.text ?? ""
    }
}

/// One fact on the document page.
struct FieldRowView: Encodable {
    let key: String
    let label: String
    let value: String
    let confidence: String
    let level: String
    let page: String
    let source: String
    let correctedBy: String

    init(_ stored: StoredField) {
        key = stored.field.key.rawValue
        label = stored.field.key.label
        value = stored.field.key.french(stored.field.value)
        let sure = ConfidenceView(stored.field.confidence, stored.field.source)
        (confidence, level, page, source) = (sure.confidence, sure.level, sure.page, sure.source)
        correctedBy = stored.correctedBy ?? ""
    }
}

/// A fact of the document's type, one row per value (`Lot 2 › intitulé`).
struct TypedFactRowView: Encodable {
    let label: String
    let value: String
    let confidence: String
    let level: String
    let page: String
    let source: String

    static func rows(_ facts: TypedFacts) -> [TypedFactRowView] {
        facts.flattened.map { path, fact in
            let sure = ConfidenceView(fact.confidence, fact.source)
            return TypedFactRowView(label: TypedFactLabels.label(path), value: TypedFactLabels.display(path, fact.value),
                                    confidence: sure.confidence, level: sure.level, page: sure.page, source: sure.source)
        }
    }
}

struct PageTextView: Encodable {
    let number: Int
    let method: String
    /// The page's text, escaped, with the sources of the facts marked.
    let html: String
}

struct FieldChoice: Encodable {
    let key: String
    let label: String
}

/// A document's page: its text with the sources highlighted, its facts with their confidence, the correction form.
struct DocumentPage: Encodable {
    let title: String
    let document: DocumentRowView
    let textMethod: String
    let invalidIDs: String
    let fields: [FieldRowView]
    /// What this type of document says beyond the common facts, and the type's name for the heading.
    let typedFacts: [TypedFactRowView]
    let typeName: String
    let pages: [PageTextView]
    let choices: [FieldChoice]
    let canEdit: Bool
    /// Whether the caller may open the list of all documents (the analysts).
    let canList: Bool
    /// While the document waits for its reading: what is happening, in plain words, and the page reloads itself.
    let waiting: String?
    let refreshSeconds: Int?

    init(_ document: StoredDocument, fields: [StoredField], pages: [ExtractionRecord.Page], canEdit: Bool, canList: Bool) {
        title = document.fileName
        self.canList = canList
        switch document.status {
        case .queued:
            waiting = "cette pièce attend sa lecture : Eclaire lit les pièces déposées dans leur ordre d'arrivée, "
                + "en général en moins d'une minute. Cette page se met à jour toute seule."
        case .running:
            waiting = "Eclaire lit cette pièce en ce moment (un scan peut demander une minute par page). "
                + "Cette page se met à jour toute seule."
        case .done, .failed:
            waiting = nil
        }
        refreshSeconds = waiting == nil ? nil : 5
        self.document = DocumentRowView(document, fields: fields)
        textMethod = switch document.textMethod {
        case "structured": "facture électronique structurée (Factur-X / UBL), lue exactement"
        case "ocr": "reconnaissance de caractères (scan)"
        case "office": "texte du fichier Word ou OpenDocument"
        case "text_layer": "couche texte du PDF"
        default: "—"
        }
        invalidIDs = document.invalidIDs.joined(separator: ", ")
        self.fields = fields.map(FieldRowView.init)
        typedFacts = TypedFactRowView.rows(document.typedFacts)
        typeName = (fields.first { $0.field.key == .documentType }?.field.value).flatMap(DocumentType.init(rawValue:))?.label.lowercased() ?? "pièce"
        self.pages = pages.map { page in
            let sources = fields.compactMap { $0.field.source }.filter { $0.page == page.number }.map(\.text)
            return PageTextView(number: page.number, method: page.method, html: Self.highlight(page.text, sources))
        }
        choices = EclaireCore.FieldKey.allCases.map { FieldChoice(key: $0.rawValue, label: $0.label) }
        self.canEdit = canEdit
    }

    /// Escapes the text, then wraps each source span in `<mark>`.
    static func highlight(_ text: String, _ spans: [String]) -> String {
        var html = escape(text)
        for span in Set(spans.map(escape)).sorted(by: { $0.count > $1.count }) where span.count >= 3 {
            html = html.replacingOccurrences(of: span, with: "<mark>\(span)</mark>")
        }
        return html
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The documents block of the EJ page.
struct EJDocumentsView: Encodable {
    struct Decision: Encodable {
        let label: String
        let value: String
        let from: String
        let documentID: Int
        let conflicts: [String]
    }

    let rows: [DocumentRowView]
    let decisions: [Decision]
    let complete: Bool
    let canAttach: Bool

    init(_ documents: [(StoredDocument, [StoredField])], canAttach: Bool) {
        rows = documents.map { DocumentRowView($0.0, fields: $0.1) }
        let synthesis = EJSynthesis(documents: documents)
        func decision(_ label: String, _ decided: EJSynthesis.Decision?) -> Decision? {
            decided.map { d in
                Decision(label: label, value: d.value, from: "\(d.documentType.label) (pièce \(d.documentID))", documentID: d.documentID,
                         conflicts: d.conflicts.map { "\($0.value) — \($0.documentType.label) (pièce \($0.documentID))" })
            }
        }
        decisions = [decision("Objet", synthesis.designation), decision("Fournisseur", synthesis.supplierName),
                     decision("SIRET du fournisseur", synthesis.supplierSiret),
                     decision("Administration bénéficiaire", synthesis.beneficiary)].compactMap { $0 }
        complete = synthesis.isComplete
        self.canAttach = canAttach
    }
}
