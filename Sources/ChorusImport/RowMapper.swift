import EclaireCore

/// Turns the cells of one row into domain facts, or says which field is wrong.
struct RowMapper: Sendable {
    let layout: Layout
    let columns: ColumnMap
    /// The exercice printed above the header (Business Objects preamble) or in the amount column's header.
    let defaultExercice: Int?
    /// Consecutive rows repeat their EJ, supplier and programme: their checks run once per new value.
    private let recent = RecentChecks()

    init(layout: Layout, columns: ColumnMap, defaultExercice: Int?) {
        self.layout = layout
        self.columns = columns
        self.defaultExercice = defaultExercice
    }

    func map(_ cells: [String], line: Int) throws(RowIssue) -> ChorusRecord? {
        let row = Row(cells: cells, columns: columns, line: line, recent: recent)
        if row.isBlank { return nil }
        // More filled cells than header columns: the columns are shifted, and every value would be misread.
        if cells.count > columns.cells.count, cells[columns.cells.count...].contains(where: { Row.clean($0) != nil }) {
            throw RowIssue(line: line, field: "(ligne entière)",
                           message: "\(cells.count) champs pour \(columns.cells.count) colonnes d'en-tête : colonnes décalées")
        }
        // Subtotal rows of the long form ("Résultat", "Total") are not facts.
        if layout == .infBud53TypeMontant, cells.contains(where: { $0.localizedCaseInsensitiveContains("résultat") }) {
            return nil
        }
        switch layout.side {
        case .ae: return try mapEngagement(row)
        case .cp: return try mapPayment(row)
        case .typeMontant: return try mapTypeMontant(row)
        }
    }

    private func imputation(_ row: Row) throws(RowIssue) -> Imputation {
        var programme = row[.programme]
        if let printed = programme {
            guard let code = recent.programme(printed) else {
                throw row.issue(.programme, "code programme invalide « \(printed) » (attendu : 3 ou 4 chiffres)")
            }
            programme = code
        } else if let domaine = row[.domaineFonctionnel] {
            programme = Codes.programme(fromDomaineFonctionnel: domaine)
        }
        return Imputation(
            programme: programme, centreFinancier: row[.centreFinancier], domaineFonctionnel: row[.domaineFonctionnel],
            centreCouts: row[.centreCouts], referentielProgrammation: row[.referentiel],
            compteBudgetaire: row[.compteBudgetaire], compteGeneral: row[.compteGeneral],
            groupeMarchandises: row[.groupeMarchandises], localisation: row[.localisation],
            societe: row[.societe], fonds: row[.fonds])
    }

    private func supplier(_ row: Row) -> SupplierRef {
        let siret = row[.siret].map(recent.siret)
        var name = row[.supplierName]
        if row.columns[.supplierName] == row.columns[.supplierCode] { name = nil }
        return SupplierRef(tiers: row[.supplierCode], siret: siret, name: name)
    }

    private func exercice(_ row: Row, fallback: LocalDate?) throws(RowIssue) -> Int {
        if let text = row[.exercice] {
            guard let year = Int(text), (1990...2100).contains(year) else {
                throw row.issue(.exercice, "exercice invalide « \(text) »")
            }
            return year
        }
        return defaultExercice ?? fallback?.year ?? 0
    }

    private func mapEngagement(_ row: Row) throws(RowIssue) -> ChorusRecord {
        let ej = try row.ej(required: true)!
        let poste = try row.poste(.posteEJ, required: true)!
        let amount = try row.amount(.amount)
        let created = try row.date(.dateCreation)
        let modified = try row.date(.dateModification)
        let line = EJLineFacts(
            ej: ej, poste: poste, supplier: supplier(row), imputation: try imputation(row),
            dateCreation: created, dateModification: modified,
            orderedAmount: layout == .aifeDailyEJ ? amount : nil, status: row[.status])
        let fact = AmountFact(kind: .engage, ej: ej, poste: poste,
                              exercice: try exercice(row, fallback: created ?? modified), amount: amount)
        return ChorusRecord(ejLine: line, amounts: [fact])
    }

    private func mapPayment(_ row: Row) throws(RowIssue) -> ChorusRecord {
        guard let dp = try row.identifier(.dp, Identifiers.dpNumber) else { throw row.issue(.dp, "N° DP absent") }
        let ej = try row.ej(required: false)
        let posteEJ = try row.poste(.posteEJ, required: false)
        let amount: Money
        if layout == .aifeDailyDP, row.columns[.amountHT] != nil {
            amount = try row.amount(.amountHT) + (try row.optionalAmount(.amountTVA) ?? .zero)
        } else {
            amount = try row.amount(.amount)
        }
        let dateBase = try row.date(.dateBaseDP)
        let lastOperation = try row.date(.dateDerniereOperation)
        let sf = row[.serviceFait]
        let imputation = try imputation(row)
        let payment = PaymentFacts(
            dp: dp, posteDP: try row.poste(.posteDP, required: false), ej: ej, posteEJ: posteEJ, serviceFait: sf,
            exercice: try exercice(row, fallback: lastOperation ?? dateBase), dateBase: dateBase,
            dateDerniereOperation: lastOperation, supplier: supplier(row), imputation: imputation, amount: amount)
        var record = ChorusRecord(payment: payment)
        if let ej {
            record.ejLine = EJLineFacts(ej: ej, poste: posteEJ ?? 0, imputation: imputation)
        }
        if let sf {
            record.serviceFait = ServiceFaitFacts(number: sf, ej: ej, poste: posteEJ,
                                                  dateComptable: try row.date(.dateServiceFait))
        }
        return record
    }

    private func mapTypeMontant(_ row: Row) throws(RowIssue) -> ChorusRecord? {
        guard let label = row[.typeMontant] else { throw row.issue(.typeMontant, "type de montant absent") }
        guard let kind = AmountKind.fromLabel(label) else {
            throw row.issue(.typeMontant, "type de montant inconnu « \(label) »")
        }
        let amount = try row.amount(.amount)
        let ej = try row.ej(required: kind != .paye)
        let poste = try row.poste(.posteEJ, required: kind != .paye)
        let dp = try row.identifier(.dp, Identifiers.dpNumber)
        let posteDP = try row.poste(.posteDP, required: false)
        let sf = row[.serviceFait]
        let dateBase = try row.date(.dateBaseDP)
        let exercice = try exercice(row, fallback: dateBase)
        let supplier = supplier(row)
        var record = ChorusRecord()
        if let ej, let poste {
            record.ejLine = EJLineFacts(ej: ej, poste: poste, supplier: supplier)
        }
        if let sf { record.serviceFait = ServiceFaitFacts(number: sf, ej: ej, poste: poste, dateComptable: nil) }
        if kind == .paye {
            guard let dp else { throw row.issue(.dp, "montant payé sans N° DP") }
            record.payment = PaymentFacts(dp: dp, posteDP: posteDP, ej: ej, posteEJ: poste, serviceFait: sf,
                                          exercice: exercice, dateBase: dateBase, supplier: supplier, amount: amount)
        } else if let ej, let poste {
            record.amounts = [AmountFact(kind: kind, ej: ej, poste: poste, exercice: exercice, serviceFait: sf,
                                         dp: dp, posteDP: posteDP, amount: amount)]
        }
        return record
    }
}

/// Cell access by field, with Chorus's "no value" markers (`#`, `N/A`, empty) read as nil.
struct Row {
    let cells: [String]
    let columns: ColumnMap
    let line: Int
    let recent: RecentChecks

    var isBlank: Bool { cells.allSatisfy { Self.clean($0) == nil } }

    subscript(field: Field) -> String? {
        guard let column = columns[field], column < cells.count else { return nil }
        return Self.clean(cells[column])
    }

    static func clean(_ value: String) -> String? {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        let trimmed = first > 0x20 && last > 0x20 && first != 0xC2 && last != 0xA0
            ? value : String(Substring(value).trimmingSpaces)
        // The markers are short and start with one of four bytes: compare only when they could match.
        if trimmed.utf8.count <= 13, let head = trimmed.utf8.first, head == 0x23 || head == 0x4E || head == 0x6E || head == 0x2D {
            switch trimmed {
            case "", "#", "N/A", "n/a", "#N/A", "Non affecté", "-": return nil
            default: break
            }
        }
        return trimmed
    }

    func issue(_ field: Field, _ message: String) -> RowIssue {
        RowIssue(line: line, field: columns[field].map { columns.cells[$0].text } ?? field.label, message: message)
    }

    func amount(_ field: Field) throws(RowIssue) -> Money {
        guard let value = try optionalAmount(field) else { throw issue(field, "montant absent") }
        return value
    }

    func optionalAmount(_ field: Field) throws(RowIssue) -> Money? {
        guard let text = self[field] else { return nil }
        do { return try AmountParser.parse(text) } catch { throw issue(field, "montant illisible « \(text) »") }
    }

    func date(_ field: Field) throws(RowIssue) -> LocalDate? {
        guard let text = self[field] else { return nil }
        if let date = LocalDate.parse(text) { return date }
        if let serial = Double(text), let date = LocalDate(excelSerial: serial) { return date }
        throw issue(field, "date illisible « \(text) » (attendu jj.mm.aaaa, jj/mm/aaaa ou aaaa-mm-jj)")
    }

    func identifier(_ field: Field, _ check: (String) -> CheckedIdentifier) throws(RowIssue) -> String? {
        guard let text = self[field] else { return nil }
        let id = check(text)
        guard id.isValid else { throw issue(field, "numéro invalide « \(text) »") }
        return id.normalized
    }

    func ej(required: Bool) throws(RowIssue) -> String? {
        guard let ej = try identifier(.ej, recent.ejNumber) else {
            if required { throw issue(.ej, "N° EJ absent") }
            return nil
        }
        return ej
    }

    func poste(_ field: Field, required: Bool) throws(RowIssue) -> Int? {
        guard let text = self[field] else {
            if required { throw issue(field, "numéro de poste absent") }
            return nil
        }
        guard let poste = Identifiers.posteNumber(text) else { throw issue(field, "numéro de poste invalide « \(text) »") }
        return poste
    }
}

enum Codes {
    /// Programme codes are printed `103`, `0103` or `354`: stored on four digits as centres financiers print them.
    static func programme(_ text: String) -> String? {
        guard (1...4).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            return nil
        }
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `0103-01-01` → `0103`.
    static func programme(fromDomaineFonctionnel text: String) -> String? {
        guard let head = text.split(separator: "-").first else { return nil }
        return programme(String(head))
    }
}

/// The last value checked by each check and its result. A mapper reads one table on one thread.
final class RecentChecks: @unchecked Sendable {
    private var lastSiret = LastCheck<CheckedIdentifier>()
    private var lastEJ = LastCheck<CheckedIdentifier>()
    private var lastProgramme = LastCheck<String?>()

    func siret(_ text: String) -> CheckedIdentifier { lastSiret.value(text, Identifiers.siret) }
    func ejNumber(_ text: String) -> CheckedIdentifier { lastEJ.value(text, Identifiers.ejNumber) }
    func programme(_ text: String) -> String? { lastProgramme.value(text) { Codes.programme($0) } }
}

/// One check's last input and result.
struct LastCheck<Value> {
    private var last: (input: String, result: Value)?

    mutating func value(_ input: String, _ check: (String) -> Value) -> Value {
        if let last, last.input == input { return last.result }
        let result = check(input)
        last = (input, result)
        return result
    }
}
