import ArgumentParser
import ChorusImport
import Documents
import EclaireCore
import Foundation

/// `eclaire-bench category [DECP]`: the purchase category read from the objects of real public contracts (the
/// DECP published by the AIFE), each as the line « Objet : … » of a document, against the category its CPV code
/// gives. The CPV is not shown to the reader: only the object's words decide.
struct CategoryBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "category",
                                                    abstract: "Exactitude de la catégorie d'achat sur les objets des marchés de la DECP (vérité : leur code CPV).")

    @Argument(help: "Fichier DECP (JSON ou ZIP).") var decp = "../shared/data/decp/decp_aife_json_2019-04-04.zip"
    @Option(help: "Moitié des marchés : dev (rangs pairs, pour régler le vocabulaire), test (rangs impairs, jamais regardés), toutes.")
    var half = "toutes"
    @Option(help: "Liste les erreurs dont la vérité ou la lecture est cette catégorie.") var errors: String?

    func run() throws {
        guard let contracts = try DECPFile.contracts(at: decp) else { throw ValidationError("\(decp) : pas un fichier DECP") }
        var seen = Set<String>()
        var truths: [String: Int] = [:], right: [String: Int] = [:], found: [String: Int] = [:], confusions: [String: Int] = [:]
        var consulting = (truePositive: 0, falsePositive: 0, falseNegative: 0)
        for (rank, contract) in contracts.enumerated() {
            guard half == "toutes" || (half == "dev") == (rank % 2 == 0) else { continue }
            guard let object = (contract["objet"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !object.isEmpty,
                  let cpv = contract["codeCPV"] as? String, cpv.prefix(8).allSatisfy(\.isNumber), cpv.count >= 8,
                  seen.insert("\(object)|\(cpv.prefix(8))").inserted else { continue }
            let truth = CPVCategory.of(cpv)
            let facts = DocumentReader.facts(fromLines: ["Objet : \(object)"])
            let read = facts[.category].flatMap(PurchaseCategory.init(rawValue:)) ?? .autre
            let (expected, got) = (CPVCategory.group(truth), CPVCategory.group(read))
            truths[expected, default: 0] += 1
            found[got, default: 0] += 1
            if expected == got { right[expected, default: 0] += 1 } else { confusions["\(expected) → \(got)", default: 0] += 1 }
            if let errors, expected != got, [expected, got].contains(errors) { print("\(expected) → \(got) | \(cpv) | \(object)") }
            switch (truth.isConsulting, read.isConsulting) {
            case (true, true): consulting.truePositive += 1
            case (false, true): consulting.falsePositive += 1
            case (true, false): consulting.falseNegative += 1
            case (false, false): break
            }
        }
        let total = truths.values.reduce(0, +), correct = right.values.reduce(0, +)
        print("## Catégorie lue de l'objet de \(total) marchés distincts (objet, CPV) de la DECP (\(half))")
        print("exactitude : \(correct)/\(total) = \(Self.format(Double(correct) / Double(max(total, 1))))")
        print("| catégorie (selon le CPV) | marchés | reconnus | rappel | lus ainsi | précision |")
        print("|---|---|---|---|---|---|")
        for group in truths.keys.sorted() {
            let n = truths[group] ?? 0, ok = right[group] ?? 0, claimed = found[group] ?? 0
            print("| \(group) | \(n) | \(ok) | \(Self.format(Double(ok) / Double(max(n, 1)))) | \(claimed) | \(Self.format(Double(ok) / Double(max(claimed, 1)))) |")
        }
        let precision = Double(consulting.truePositive) / Double(max(consulting.truePositive + consulting.falsePositive, 1))
        let recall = Double(consulting.truePositive) / Double(max(consulting.truePositive + consulting.falseNegative, 1))
        print("Conseil au sens de la circulaire (stratégie, organisation, AMOA SI) : précision \(Self.format(precision)), rappel \(Self.format(recall))")
        print("Confusions : " + confusions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            .map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// The purchase category a CPV code states, from the CPV's own divisions and groups — written apart from the
/// reader's vocabulary, as the truth it is measured against.
enum CPVCategory {
    static func of(_ cpv: String) -> PurchaseCategory {
        func starts(_ prefixes: String...) -> Bool { prefixes.contains { cpv.hasPrefix($0) } }
        if starts("79416", "7934", "7995", "7996", "7981", "7982", "92") { return .communicationEvenementiel }
        if starts("79419", "7931", "7932", "73", "71") { return .etudesExpertise }
        if starts("7941") { return .conseilOrganisation }  // business and management consultancy
        if starts("7222") { return .amoaSI }  // information systems consultancy
        if starts("72", "48") { return .developpementLogiciel }
        if starts("80") { return .formation }
        if starts("50", "909") { return .maintenance }  // repair and maintenance; cleaning
        if let division = Int(cpv.prefix(2)), division < 45 { return .fournitures }  // divisions 03–44 are goods
        return .autre  // works, transport, legal, insurance, health, staffing…
    }

    /// Strategy and organisation consulting are one class here: no CPV code tells them apart.
    static func group(_ category: PurchaseCategory) -> String {
        category == .conseilStrategie || category == .conseilOrganisation ? "conseil" : category.rawValue
    }
}
