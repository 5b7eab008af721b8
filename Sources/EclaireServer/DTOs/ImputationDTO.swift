import EclaireCore
import Vapor

/// The imputation of a line with the Chorus names reusers know, every key present.
public struct ImputationDTO: Content, Equatable {
    public let programme: String?
    public let centreFinancier: String?
    public let domaineFonctionnel: String?
    public let centreCouts: String?
    public let referentielProgrammation: String?
    public let compteBudgetaire: String?
    public let compteGeneral: String?
    public let groupeMarchandises: String?
    public let localisation: String?
    public let societe: String?
    public let fonds: String?

    enum CodingKeys: String, CodingKey {
        case programme, localisation, societe, fonds
        case centreFinancier = "centre_financier", domaineFonctionnel = "domaine_fonctionnel"
        case centreCouts = "centre_couts", referentielProgrammation = "referentiel_programmation"
        case compteBudgetaire = "compte_budgetaire", compteGeneral = "compte_general"
        case groupeMarchandises = "groupe_marchandises"
    }

    init(_ imputation: Imputation) {
        programme = imputation.programme
        centreFinancier = imputation.centreFinancier
        domaineFonctionnel = imputation.domaineFonctionnel
        centreCouts = imputation.centreCouts
        referentielProgrammation = imputation.referentielProgrammation
        compteBudgetaire = imputation.compteBudgetaire
        compteGeneral = imputation.compteGeneral
        groupeMarchandises = imputation.groupeMarchandises
        localisation = imputation.localisation
        societe = imputation.societe
        fonds = imputation.fonds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(programme, forKey: .programme)
        try container.encode(centreFinancier, forKey: .centreFinancier)
        try container.encode(domaineFonctionnel, forKey: .domaineFonctionnel)
        try container.encode(centreCouts, forKey: .centreCouts)
        try container.encode(referentielProgrammation, forKey: .referentielProgrammation)
        try container.encode(compteBudgetaire, forKey: .compteBudgetaire)
        try container.encode(compteGeneral, forKey: .compteGeneral)
        try container.encode(groupeMarchandises, forKey: .groupeMarchandises)
        try container.encode(localisation, forKey: .localisation)
        try container.encode(societe, forKey: .societe)
        try container.encode(fonds, forKey: .fonds)
    }
}
