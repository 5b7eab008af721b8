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

    init(_ file: ImportedFile) {
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
    let title = "Historique des imports"
    let files: [ImportView]
}
