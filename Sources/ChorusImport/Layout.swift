/// The Chorus export layouts Eclaire reads, recognised from their header, never from the file name.
public enum Layout: String, Sendable, Codable, CaseIterable {
    case infBud53AEBusinessObjects = "inf_bud_53_ae_bo"
    case infBud53CPBusinessObjects = "inf_bud_53_cp_bo"
    case infBud53AENational = "inf_bud_53_ae_national"
    case infBud53CPNational = "inf_bud_53_cp_national"
    case infBud53TypeMontant = "inf_bud_53_type_montant"
    case aifeDailyEJ = "aife_ej_quotidien"
    case aifeDailyDP = "aife_dp_quotidien"
    case xlsxAE = "xlsx_extraction_ae"
    case xlsxCP = "xlsx_extraction_cp"

    public var frenchName: String {
        switch self {
        case .infBud53AEBusinessObjects: "INF-BUD-53 AE (Business Objects)"
        case .infBud53CPBusinessObjects: "INF-BUD-53 CP (Business Objects)"
        case .infBud53AENational: "INF-BUD-53 AE (national)"
        case .infBud53CPNational: "INF-BUD-53 CP (national)"
        case .infBud53TypeMontant: "INF-BUD-53 forme longue « Type montant »"
        case .aifeDailyEJ: "fichier quotidien AIFE des EJ"
        case .aifeDailyDP: "fichier quotidien AIFE des DP"
        case .xlsxAE: "extraction XLSX (AE)"
        case .xlsxCP: "extraction XLSX (CP)"
        }
    }

    enum Side { case ae, cp, typeMontant }

    var side: Side {
        switch self {
        case .infBud53AEBusinessObjects, .infBud53AENational, .aifeDailyEJ, .xlsxAE: .ae
        case .infBud53CPBusinessObjects, .infBud53CPNational, .aifeDailyDP, .xlsxCP: .cp
        case .infBud53TypeMontant: .typeMontant
        }
    }

    /// Columns without which no row of the layout can be read.
    var requiredFields: [Field] {
        if self == .aifeDailyDP { return [.dp, .amountHT] }
        return switch side {
        case .ae: [.ej, .posteEJ, .amount]
        case .cp: [.dp, .amount]
        case .typeMontant: [.ej, .posteEJ, .typeMontant, .amount]
        }
    }

    /// Decides the layout from a header; nil when the header is not one of Chorus's.
    static func detect(_ columns: ColumnMap, delimiter: UInt8?, fullyQuoted: Bool) -> Layout? {
        let keys = Set(columns.cells.map(\.key))
        if keys.contains("bbp po id") { return .aifeDailyEJ }
        if keys.contains("ac doc no") { return .aifeDailyDP }
        if columns[.typeMontant] != nil { return .infBud53TypeMontant }
        let hasEJ = columns[.ej] != nil
        let hasDP = columns[.dp] != nil
        let chorusVocabulary: [Field] = [.posteEJ, .programme, .centreFinancier, .domaineFonctionnel, .supplierCode,
                                         .compteBudgetaire, .referentiel, .siret, .compteGeneral, .groupeMarchandises]
        // A restitution header that lost its identifier columns is still recognised, so that the import can say
        // which columns are missing rather than call it a foreign file.
        guard hasEJ || hasDP || chorusVocabulary.filter({ columns[$0] != nil }).count >= 5 else { return nil }
        // Without an amount or an imputation column, this is not a restitution.
        guard columns[.amount] != nil || chorusVocabulary.filter({ columns[$0] != nil }).count >= 3 else { return nil }
        guard chorusVocabulary.contains(where: { columns[$0] != nil }) else { return nil }
        let national = fullyQuoted || columns.cells.contains { $0.key.contains(" cle") }
        switch (delimiter, hasDP) {
        case (nil, true): return .xlsxCP
        case (nil, false): return .xlsxAE
        case (_, true): return national ? .infBud53CPNational : .infBud53CPBusinessObjects
        case (_, false): return national ? .infBud53AENational : .infBud53AEBusinessObjects
        }
    }
}
