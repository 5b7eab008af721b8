import EclaireCore

/// Realistic reference values for the demo: programmes and their ministries, suppliers with valid SIRETs.
/// Supplier names are invented; their SIRETs are generated with correct check digits.
public enum DemoReference {
    public struct Programme: Sendable {
        public let code: String
        public let label: String
        public let ministry: String
        public let bop: String
    }

    public static let programmes: [Programme] = [
        Programme(code: "0129", label: "Coordination du travail gouvernemental", ministry: "Services du Premier ministre", bop: "DNUM"),
        Programme(code: "0349", label: "Transformation publique", ministry: "Ministère de la transformation et de la fonction publiques", bop: "DITP"),
        Programme(code: "0215", label: "Conduite et pilotage des politiques de l'agriculture", ministry: "Ministère de l'agriculture et de la souveraineté alimentaire", bop: "SNUM"),
        Programme(code: "0216", label: "Conduite et pilotage des politiques de l'intérieur", ministry: "Ministère de l'intérieur", bop: "CPTR"),
        Programme(code: "0218", label: "Conduite et pilotage des politiques économiques et financières", ministry: "Ministère de l'économie et des finances", bop: "SGNU"),
        Programme(code: "0103", label: "Accompagnement des mutations économiques et développement de l'emploi", ministry: "Ministère du travail", bop: "DGEF"),
    ]

    /// Groupes de marchandises with what they buy.
    public static let purchaseGroups: [(code: String, label: String)] = [
        ("36.01.01", "Prestations intellectuelles informatiques"),
        ("36.02.03", "Assistance à maîtrise d'ouvrage"),
        ("36.03.01", "Développement et maintenance applicative"),
        ("12.02.01", "Études et conseil"),
        ("07.02.05", "Formation professionnelle"),
        ("09.02.01", "Communication et événementiel"),
    ]

    static let supplierNames = [
        "ATELIER NUMERIQUE DU LITTORAL", "DONNEES ET TERRITOIRES SAS", "CIVIQUE CONSEIL", "OPEN LOGICIEL PUBLIC",
        "AGILITE SERVICES SARL", "SOLUTIONS CLOUD SOUVERAIN", "FORMATION ACCESSIBLE SCOP", "STUDIO DESIGN PUBLIC",
        "INGENIERIE DES DONNEES SA", "EVENEMENTS REPUBLIQUE", "ANALYSES BUDGETAIRES SAS", "CODE ET CITOYENS",
    ]

    public struct Supplier: Sendable {
        public let tiers: String
        public let siret: String
        public let name: String
    }

    /// Suppliers with valid SIREN and SIRET check digits.
    public static func suppliers(_ random: inout SeededRandom) -> [Supplier] {
        supplierNames.enumerated().map { index, name in
            Supplier(tiers: String(1_000_100_000 + index * 7919), siret: validSiret(&random), name: name)
        }
    }

    static func validSiret(_ random: inout SeededRandom) -> String {
        let body = (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        let siren = body + String(checkDigit(body))
        let nic = (0..<4).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        let partial = siren + nic
        return partial + String(checkDigit(partial))
    }

    /// The digit that makes `digits + d` pass Luhn.
    static func checkDigit(_ digits: String) -> Int {
        (0...9).first { Identifiers.luhn(digits + String($0)) }!
    }
}
