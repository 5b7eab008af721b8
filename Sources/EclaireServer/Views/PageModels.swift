import EclaireCore
import Foundation

/// What the templates show, already in French formats: templates never format numbers or dates.
struct StatsView: Encodable {
    let ejCount: String
    let lineCount: String
    let supplierCount: String
    let ae: String
    let cp: String

    init(_ stats: SpendingStats) {
        ejCount = FrenchFormat.integer(stats.ejCount)
        lineCount = FrenchFormat.integer(stats.ejLineCount)
        supplierCount = FrenchFormat.integer(stats.supplierCount)
        ae = stats.aeTotal.french
        cp = stats.cpTotal.french
    }
}

struct EJRowView: Encodable {
    let ej: String
    let supplier: String
    let siret: String
    let centreFinancier: String
    /// `centre financier 0354-CDMA-CDAT`, or `programme 0216` when the export gave only the programme.
    let imputationLabel: String
    let ae: String
    let cp: String
    let reste: String
    let stage: String
    let stageKey: String

    init(_ overview: EJOverview) {
        ej = overview.ej
        supplier = overview.supplier.name ?? overview.supplier.tiers ?? "—"
        siret = overview.supplier.siret?.normalized ?? "—"
        // Some restitutions print only the programme: say so rather than pass it off as a centre financier.
        centreFinancier = overview.imputation.centreFinancier
            ?? overview.imputation.programme.map { "programme \($0)" } ?? "—"
        imputationLabel = overview.imputation.centreFinancier.map { "centre financier \($0)" }
            ?? overview.imputation.programme.map { "programme \($0)" } ?? "imputation inconnue"
        ae = overview.ae.french
        cp = overview.cp.french
        reste = overview.resteAPayer.french
        stage = overview.stage.frenchLabel
        stageKey = overview.stage.rawValue
    }
}

/// « 1 à 50 sur 2 919 » with links to the previous and next pages of a list page; `keep` holds the page's other
/// parameters, already encoded (`&sorte=…&q=…`).
struct PagerView: Encodable {
    let from: String
    let to: String
    let total: String
    let previous: String?
    let next: String?

    init(path: String = "/", offset: Int, limit: Int, total: Int, keep: String = "") {
        from = FrenchFormat.integer(total == 0 ? 0 : min(offset + 1, total))
        to = FrenchFormat.integer(min(offset + limit, total))
        self.total = FrenchFormat.integer(total)
        previous = offset > 0 ? "\(path)?offset=\(max(0, offset - limit))&limit=\(limit)\(keep)" : nil
        next = offset + limit < total ? "\(path)?offset=\(offset + limit)&limit=\(limit)\(keep)" : nil
    }

    init(offset: Int, limit: Int, total: Int, search: String?) {
        let q = search.flatMap { $0.isEmpty ? nil : $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }
        self.init(offset: offset, limit: limit, total: total, keep: q.map { "&q=\($0)" } ?? "")
    }
}

struct EJListPage: Encodable {
    let title = "Engagements juridiques"
    let rows: [EJRowView]
    let stats: StatsView?
    let search: String
    let pager: PagerView
}

struct ImportView: Encodable {
    let fileName: String
    let layout: String
    let encoding: String
    let rowsRead: String
    let rowsStored: String
    let rowsSkipped: String
    let sha: String
    /// « 06/12/2026 à 03:50 (UTC) par budget », or « ligne de commande » when imported with `eclaire import`.
    let when: String

    init(_ file: ImportedFile) {
        when = (file.importedAt.map(FrenchFormat.timestamp) ?? "—") + " — " + (file.importedBy.map { "par \($0)" } ?? "ligne de commande")
        fileName = file.fileName
        layout = file.layout
        encoding = file.encoding
        rowsRead = FrenchFormat.integer(file.rowsRead)
        rowsStored = FrenchFormat.integer(file.rowsStored)
        rowsSkipped = FrenchFormat.integer(file.rowsSkipped)
        sha = String(file.sha256.prefix(12))
    }
}

struct ImportsPage: Encodable {
    let title = "Imports des restitutions Chorus"
    let files: [ImportView]
    let maxUpload: String
    /// The import started from this page, while it runs (the page reloads itself) and once it has ended.
    let run: ImportRunView?
    let refreshSeconds: Int?
}

struct ImportRunView: Encodable {
    let file: String
    let running: Bool
    let rowsRead: String
    let summary: String
    let errors: [String]
    let failure: String

    init(_ run: ImportRuns.Run) {
        file = run.file
        rowsRead = FrenchFormat.integer(run.rowsRead)
        switch run.outcome {
        case nil:
            running = true
            summary = ""; errors = []; failure = ""
        case .success(let report):
            running = false
            failure = ""
            summary = report.alreadyImported
                ? "déjà importé (même empreinte SHA-256) : rien n'a changé."
                : "\(report.layout), \(FrenchFormat.integer(report.rowsRead)) lignes lues, "
                    + "\(FrenchFormat.integer(report.rowsStored)) enregistrées, \(FrenchFormat.integer(report.rowsSkipped)) rejetées."
            errors = report.errors.prefix(20).map { "ligne \($0.line), champ « \($0.field) » : \($0.message)" }
                + (report.errors.count > 20 ? ["… et \(FrenchFormat.integer(report.errors.count - 20)) autres lignes rejetées"] : [])
        case .failure(let failed):
            running = false
            summary = ""; errors = []
            failure = failed.message
        }
    }
}
