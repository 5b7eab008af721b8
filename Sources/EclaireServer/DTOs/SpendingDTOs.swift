import EclaireCore
import Vapor

/// `eclaire stats --json` and `GET /api/v1/stats`.
public struct StatsDTO: Content, Equatable {
    public let ejCount: Int
    public let ejLineCount: Int
    public let supplierCount: Int
    public let paymentCount: Int
    public let aeTotal: Double
    public let cpTotal: Double

    enum CodingKeys: String, CodingKey {
        case ejCount = "ej_count", ejLineCount = "ej_line_count", supplierCount = "supplier_count"
        case paymentCount = "payment_count", aeTotal = "ae_total", cpTotal = "cp_total"
    }

    public init(_ stats: SpendingStats) {
        ejCount = stats.ejCount
        ejLineCount = stats.ejLineCount
        supplierCount = stats.supplierCount
        paymentCount = stats.paymentCount
        aeTotal = stats.aeTotal.euros
        cpTotal = stats.cpTotal.euros
    }
}

/// One EJ in `eclaire ej list --json` and `GET /api/v1/ejs`.
public struct EJSummaryDTO: Content, Equatable {
    public let ej: String
    public let supplierSiret: String?
    public let supplierName: String?
    public let ae: Double
    public let cp: Double
    public let resteAPayer: Double
    public let programme: String?
    public let centreFinancier: String?
    public let domaineFonctionnel: String?
    public let groupeMarchandises: String?
    public let lineCount: Int
    public let stage: String

    enum CodingKeys: String, CodingKey {
        case ej, ae, cp, programme, stage
        case supplierSiret = "supplier_siret", supplierName = "supplier_name", resteAPayer = "reste_a_payer"
        case centreFinancier = "centre_financier", domaineFonctionnel = "domaine_fonctionnel"
        case groupeMarchandises = "groupe_marchandises", lineCount = "line_count"
    }

    /// The columns of the list's CSV and XLSX exports.
    static let columns: [BulkColumn] = [
        .text("ej"), .text("supplier_siret"), .text("supplier_name"), .money("ae"), .money("cp"), .money("reste_a_payer"),
        .text("programme"), .text("centre_financier"), .text("domaine_fonctionnel"), .text("groupe_marchandises"),
        .text("line_count"), .text("stage"),
    ]

    /// Every key is written, `null` when unknown: reusers rely on a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ej, forKey: .ej)
        try container.encode(supplierSiret, forKey: .supplierSiret)
        try container.encode(supplierName, forKey: .supplierName)
        try container.encode(ae, forKey: .ae)
        try container.encode(cp, forKey: .cp)
        try container.encode(resteAPayer, forKey: .resteAPayer)
        try container.encode(programme, forKey: .programme)
        try container.encode(centreFinancier, forKey: .centreFinancier)
        try container.encode(domaineFonctionnel, forKey: .domaineFonctionnel)
        try container.encode(groupeMarchandises, forKey: .groupeMarchandises)
        try container.encode(lineCount, forKey: .lineCount)
        try container.encode(stage, forKey: .stage)
    }

    public init(_ overview: EJOverview) {
        ej = overview.ej
        supplierSiret = overview.supplier.siret?.normalized
        supplierName = overview.supplier.name
        ae = overview.ae.euros
        cp = overview.cp.euros
        resteAPayer = overview.resteAPayer.euros
        programme = overview.imputation.programme
        centreFinancier = overview.imputation.centreFinancier
        domaineFonctionnel = overview.imputation.domaineFonctionnel
        groupeMarchandises = overview.imputation.groupeMarchandises
        lineCount = overview.lineCount
        stage = overview.stage.rawValue
    }
}

/// Where a fact came from.
public struct SourceDTO: Content, Equatable {
    public let file: String
    public let line: Int

    init(_ source: SourceRef) {
        file = source.fileName
        line = source.line
    }
}
