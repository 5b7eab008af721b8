import EclaireCore
import SQLKit

/// What reusers filter EJs by. Chorus criteria apply to the EJ lines (an EJ matches when one of its lines does);
/// `category` and `documentType` to the documents attached to the EJ; `stage` to the stage derived from its facts,
/// exactly as `CircuitFacts.stage` derives it; `ejs` to a set found elsewhere (the EJs of an anomaly kind).
public struct EJFilter: Sendable, Equatable {
    public var ej: String?
    public var supplierSiret: String?
    /// Part of the supplier's name, in any case.
    public var supplierName: String?
    /// Programme code, with or without its leading zero (`129`, `0129`).
    public var programme: String?
    /// A centre financier or its beginning (`0129-DNUM`).
    public var centreFinancier: String?
    /// Any of these programmes (a ministry's).
    public var programmes: Set<String>?
    public var groupeMarchandises: String?
    public var createdFrom: LocalDate?
    public var createdTo: LocalDate?
    /// Purchase categories read from the documents (any of them).
    public var categories: Set<PurchaseCategory>
    public var documentType: DocumentType?
    public var stages: Set<CircuitStage>
    public var ejs: Set<String>?

    public init(ej: String? = nil, supplierSiret: String? = nil, supplierName: String? = nil, programme: String? = nil,
                centreFinancier: String? = nil, programmes: Set<String>? = nil, groupeMarchandises: String? = nil, createdFrom: LocalDate? = nil,
                createdTo: LocalDate? = nil, categories: Set<PurchaseCategory> = [], documentType: DocumentType? = nil,
                stages: Set<CircuitStage> = [], ejs: Set<String>? = nil) {
        self.ej = ej
        self.supplierSiret = supplierSiret
        self.supplierName = supplierName
        self.programme = programme
        self.centreFinancier = centreFinancier
        self.programmes = programmes
        self.groupeMarchandises = groupeMarchandises
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.categories = categories
        self.documentType = documentType
        self.stages = stages
        self.ejs = ejs
    }

    func apply(to query: SQLSelectBuilder) {
        if let ej { query.where("ej", .equal, ej) }
        if let supplierSiret { query.where("supplier_siret", .equal, Identifiers.compact(supplierSiret)) }
        if let supplierName {
            query.where(SQLFunction("LOWER", args: SQLColumn("supplier_name")), .like, SQLBind("%\(supplierName.lowercased())%"))
        }
        if let programme { Self.matchProgrammes([programme], in: query) }
        if let programmes {
            if programmes.isEmpty { query.where(SQLLiteral.boolean(false)) } else { Self.matchProgrammes(programmes, in: query) }
        }
        if let centreFinancier { query.where("centre_financier", .like, centreFinancier + "%") }
        if let groupeMarchandises { query.where("groupe_marchandises", .equal, groupeMarchandises) }
        if let createdFrom { query.where("date_creation", .greaterThanOrEqual, createdFrom.iso) }
        if let createdTo { query.where("date_creation", .lessThanOrEqual, createdTo.iso) }
        if !categories.isEmpty { query.where("ej", .in, Self.documented(FieldKey.category, categories.map(\.rawValue))) }
        if let documentType { query.where("ej", .in, Self.documented(FieldKey.documentType, [documentType.rawValue])) }
        if !stages.isEmpty {
            query.where("ej", .in, SQLGroupExpression(SQLQueryString(
                "SELECT ej FROM (\(unsafeRaw: Self.stageSQL)) AS staged WHERE stage IN (\(binds: stages.map(\.rawValue).sorted()))")))
        }
        if let ejs { query.where("ej", .in, SQLBind.group(ejs.sorted())) }
    }

    /// EJs with a document whose field `key` holds one of `values`.
    private static func documented(_ key: FieldKey, _ values: [String]) -> some SQLExpression {
        SQLGroupExpression(SQLQueryString("""
            SELECT link.ej FROM ej_documents link JOIN document_fields field ON field.document_id = link.document_id
            WHERE field.key = \(bind: key.rawValue) AND field.value IN (\(binds: values.sorted()))
            """))
    }

    /// Lines of any of `programmes`. Exports write the programme with or without its leading zero; centres
    /// financiers start with it.
    static func matchProgrammes(_ programmes: Set<String>, in query: SQLSelectBuilder) {
        query.where { group in
            for programme in programmes.sorted() {
                let digits = String(programme.drop { $0 == "0" })
                group.orWhere("programme", .in, [digits, "0" + digits, "00" + digits])
                    .orWhere("centre_financier", .like, "0\(digits)-%").orWhere("centre_financier", .like, "\(digits)-%")
            }
            return group
        }
    }

    /// Each EJ's stage, by the rules of `CircuitFacts.stage` (test `stageInSQLMatchesTheDomain` keeps them equal).
    static let stageSQL = """
        SELECT e.ej, CASE
            WHEN e.closed = 1 OR (COALESCE(a.engaged, 0) > 0 AND COALESCE(p.paid, 0) >= a.engaged - 1) THEN 'solde'
            WHEN COALESCE(p.paid, 0) > 0 THEN 'paye'
            WHEN COALESCE(p.n, 0) > 0 OR COALESCE(a.invoiced, 0) > 0 THEN 'demande_paiement'
            WHEN COALESCE(sf.n, 0) > 0 OR COALESCE(a.received, 0) > 0 THEN 'service_fait'
            ELSE 'engage' END AS stage
        FROM (SELECT ej, MIN(CASE WHEN status = 'C' THEN 1 ELSE 0 END) AS closed FROM ej_lines GROUP BY ej) e
        LEFT JOIN (SELECT ej,
                SUM(CASE WHEN kind = 'engage' THEN amount_cents ELSE 0 END) AS engaged,
                SUM(CASE WHEN kind = 'receptionne' THEN amount_cents ELSE 0 END) AS received,
                SUM(CASE WHEN kind IN ('facture', 'pre_enregistre', 'certifie_non_solde') THEN amount_cents ELSE 0 END) AS invoiced
            FROM amount_facts GROUP BY ej) a ON a.ej = e.ej
        LEFT JOIN (SELECT ej, SUM(amount_cents) AS paid, COUNT(*) AS n FROM payments WHERE ej IS NOT NULL GROUP BY ej) p
            ON p.ej = e.ej
        LEFT JOIN (SELECT ej, COUNT(*) AS n FROM services_faits WHERE ej IS NOT NULL GROUP BY ej) sf ON sf.ej = e.ej
        """
}
