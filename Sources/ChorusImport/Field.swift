import EclaireCore

/// The columns Eclaire understands, whatever a layout calls them. The integer raw value indexes the column map,
/// whose lookup runs for every cell of every row.
enum Field: Int, CaseIterable, Sendable {
    case ej, posteEJ, dp, posteDP, serviceFait, dateServiceFait
    case programme, centreFinancier, domaineFonctionnel, centreCouts, referentiel, compteBudgetaire, compteGeneral
    case groupeMarchandises, localisation, societe, fonds, supplierCode, supplierName, siret
    case dateCreation, dateModification, dateBaseDP, dateDerniereOperation, exercice, typeMontant, amount
    case amountHT, amountTVA, status

    /// The French name shown in messages.
    var label: String {
        switch self {
        case .ej: "N° EJ"
        case .posteEJ: "N° poste EJ"
        case .dp: "N° DP"
        case .posteDP: "N° poste DP"
        case .serviceFait: "N° SF"
        case .dateServiceFait: "Date comptable du SF"
        case .programme: "Programme"
        case .centreFinancier: "Centre financier"
        case .domaineFonctionnel: "Domaine fonctionnel"
        case .centreCouts: "Centre de coûts"
        case .referentiel: "Référentiel de programmation"
        case .compteBudgetaire: "Compte budgétaire"
        case .compteGeneral: "Compte général"
        case .groupeMarchandises: "Groupe de marchandises"
        case .localisation: "Localisation interministérielle"
        case .societe: "Société"
        case .fonds: "Fonds"
        case .supplierCode: "Fournisseur (n° tiers)"
        case .supplierName: "Fournisseur"
        case .siret: "Code taxe 1 (SIRET)"
        case .dateCreation: "Date de réplication de l'EJ"
        case .dateModification: "Date de dernière modif. de l'EJ"
        case .dateBaseDP: "Date de base de la DP"
        case .dateDerniereOperation: "Date de dernière opération sur la DP"
        case .exercice: "Exercice comptable"
        case .typeMontant: "Type montant"
        case .amount: "Montant"
        case .amountHT: "Montant HT"
        case .amountTVA: "Montant TVA"
        case .status: "Statut de l'EJ"
        }
    }
}

/// One header cell, folded for matching; `isLabel` marks the second column of a code + label pair
/// (a repeated header, or an empty header after a named one, as Business Objects and XLSX print them).
struct HeaderCell: Sendable {
    let text: String
    let key: String
    let isLabel: Bool
}

enum HeaderCells {
    static func make(_ raw: [String]) -> [HeaderCell] {
        var cells: [HeaderCell] = []
        var previousKey = ""
        for text in raw {
            let key = Text.foldedKey(text)
            if key.isEmpty, !previousKey.isEmpty {
                cells.append(HeaderCell(text: text, key: previousKey, isLabel: true))
                previousKey = ""
            } else if !key.isEmpty, key == previousKey {
                cells.append(HeaderCell(text: text, key: key, isLabel: true))
                previousKey = ""
            } else {
                cells.append(HeaderCell(text: text, key: key, isLabel: false))
                previousKey = key
            }
        }
        return cells
    }
}

/// Maps each `Field` to a column index by the header's words.
struct ColumnMap: Sendable {
    private var index: [Int?] = Array(repeating: nil, count: Field.allCases.count)
    let cells: [HeaderCell]

    init(cells: [HeaderCell]) {
        self.cells = cells
        for field in Field.allCases { index[field.rawValue] = Self.find(field, in: cells) }
    }

    subscript(field: Field) -> Int? { index[field.rawValue] }

    var matchedCount: Int { index.count(where: { $0 != nil }) }

    private static func find(_ field: Field, in cells: [HeaderCell]) -> Int? {
        for rule in rules(for: field) {
            if let column = cells.indices.first(where: { rule(cells[$0]) && !isText(cells[$0].key) }) { return column }
        }
        return nil
    }

    /// Label columns of the national exports (`… - Texte de longueur moyenne`) are not codes.
    private static func isText(_ key: String) -> Bool {
        key.hasSuffix(" texte de longueur moyenne") || key.hasSuffix(" texte descriptif") || key.hasSuffix(" texte")
            || key.hasSuffix(" designation synthetique")
    }

    typealias Rule = @Sendable (HeaderCell) -> Bool

    private static func key(_ names: String...) -> Rule { { cell in !cell.isLabel && names.contains(cell.key) } }
    private static func prefix(_ start: String) -> Rule { { cell in !cell.isLabel && cell.key.hasPrefix(start) } }
    private static func label(_ name: String) -> Rule { { cell in cell.isLabel && cell.key == name } }

    // Each field lists its header names, most specific first: Business Objects, national « Clé », AIFE SAP names.
    private static func rules(for field: Field) -> [Rule] {
        switch field {
        case .ej: [key("n ej", "bbp po id", "oi ebeln")]
        case .posteEJ: [key("n poste ej", "bbp poitem", "oi ebelp")]
        case .dp: [key("n dp", "n dp cle non composee", "ac doc no")]
        case .posteDP: [key("n poste dp", "item num")]
        case .serviceFait: [key("n sf", "n sf cle non composee")]
        case .dateServiceFait: [prefix("date comptable du sf")]
        case .programme: [key("programme", "prog", "code programme"), prefix("centre financier programme")]
        case .centreFinancier: [key("centre financier", "centre financier cle non composee", "cfund ctr")]
        case .domaineFonctionnel: [key("domaine fonctionnel", "domaine fonctionnel cle", "func area")]
        case .centreCouts: [key("centre de couts", "centre de couts cle non composee", "costcenter")]
        case .referentiel: [key("referentiel de programmation", "referentiel de programmation cle non composee", "cfmrefprg")]
        case .compteBudgetaire: [key("compte budgetaire", "compte budgetaire cle non composee", "cmmt item")]
        case .compteGeneral: [key("compte general", "compte general cle non composee")]
        case .groupeMarchandises: [key("groupe de marchandises", "groupe de marchandises cle", "matl group")]
        case .localisation: [key("localisation interministerielle", "localisation interministerielle cle", "cfmlocint")]
        case .societe: [key("societe", "societe cle", "comp code")]
        case .fonds: [key("fonds", "fonds cle non composee", "cfund", "bic cfund")]
        case .supplierCode: [
            key("fournisseur titulaire principal ej cle", "fournisseur paye dp cle", "vendor"),
            { cell in !cell.isLabel && (cell.key == "fournisseur titulaire principal ej" || cell.key == "fournisseur paye dp") },
        ]
        case .supplierName: [
            label("fournisseur titulaire principal ej"), label("fournisseur paye dp"),
            key("fournisseur titulaire principal ej", "fournisseur paye dp", "fournisseur"),
        ]
        case .siret: [prefix("code taxe 1"), { cell in cell.key.hasSuffix("code taxe 1 cle") }, key("tax numb")]
        case .dateCreation: [key("n ej date de replication cle", "date de replication", "doc date")]
        case .dateModification: [key("date de derniere modif de l ej")]
        case .dateBaseDP: [key("date de base de la dp", "bline date")]
        case .dateDerniereOperation: [key("date de derniere operation sur la dp")]
        case .exercice: [key("exercice comptable", "exercice comptable cle non composee", "fiscyear")]
        case .typeMontant: [key("type montant")]
        case .amount: [
            key("eur", "montant", "fm amount1", "montant paye", "montant engage"),
            prefix("montant engage"), prefix("montant paye"),
            { cell in !cell.isLabel && cell.key.count == 4 && Int(cell.key).map { (1990...2100).contains($0) } == true },
        ]
        case .amountHT: [key("bic cglmfahte")]
        case .amountTVA: [key("bic cglmtvae")]
        case .status: [key("po status")]
        }
    }
}
