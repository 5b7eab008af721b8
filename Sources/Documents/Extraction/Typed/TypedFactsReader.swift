import EclaireCore

/// The facts of each document type (issue 17), read after the common fields, which some of them take up (a
/// titulaire is the supplier read; a fiche navette's accord-cadre is the number read).
enum TypedFactsReader {
    static func read(_ lines: DocumentLines, facts: DocumentFacts) -> TypedFacts {
        guard let type = facts[.documentType].flatMap(DocumentType.init(rawValue:)) else { return TypedFacts() }
        let values = LabelledValues(document: lines)
        let reliability = lines.reliability
        var found = TypedFacts()
        func common(_ key: FieldKey, as name: String) {
            if let field = facts.fields[key] { found[name] = .value(field.value, field.confidence, field.source) }
        }
        func merge(_ members: [String: TypedFact]) { for (key, value) in members { found[key] = value } }
        switch type {
        case .ficheNavette:
            found["imputation"] = ImputationFinder.find(in: values, reliability: reliability)
            common(.numberAccordCadre, as: "accord_cadre")
            common(.numberMarche, as: "marche")
        case .bonDeCommande, .devis, .facture, .avoir:
            found["lignes"] = LineItemsFinder.find(in: lines, facts: facts, reliability: reliability)
            if type == .bonDeCommande {
                found["imputation"] = ImputationFinder.find(in: values, reliability: reliability)
                common(.numberMarche, as: "reference_marche")
                common(.buyer, as: "service_acheteur")
            }
            if type == .devis {
                if let validity = values.first(["valable jusqu'au", "validite de l'offre", "date de validite", "valide jusqu'au",
                                                "offre valable", "validite"], accept: { LabelledValues.date($0) ?? Self.period($0) }) {
                    found["validite"] = .value(validity.value, 0.8 * reliability, validity.source)
                }
                if let signatory = values.first(["bon pour accord", "signataire", "nom du signataire", "signe par"],
                                                accept: LabelledValues.text(minLength: 3)) {
                    found["signataire"] = .value(signatory.value, 0.6 * reliability, signatory.source)
                }
            }
        case .acteEngagement:
            found["lots"] = ContractFinder.lots(in: lines, reliability: reliability)
            found["forme_marche"] = ContractFinder.form(in: lines, reliability: reliability)
            found["mode_consultation"] = ContractFinder.procedure(in: lines, reliability: reliability)
            found["titulaire"] = group(facts, [(.supplierName, "nom"), (.supplierSiret, "siret"), (.iban, "iban")])
            let supplier = facts[.supplierSiret]
            found["cotraitants"] = PartiesFinder.find(in: lines, role: .cotraitant, excluding: supplier, reliability: reliability)
            found["sous_traitants"] = PartiesFinder.find(in: lines, role: .sousTraitant, excluding: supplier, reliability: reliability)
            found["montants"] = group(facts, [(.amountHT, "ht"), (.amountTVA, "tva"), (.amountTTC, "ttc")])
            merge(ContractFinder.duration(in: lines, reliability: reliability))
            found["dates"] = ContractFinder.dates(in: values, reliability: reliability)
            merge(ContractFinder.advance(in: lines, reliability: reliability))
            common(.cpv, as: "cpv")
            found["imputation"] = ImputationFinder.find(in: values, reliability: reliability)
        case .ccap:
            common(.object, as: "objet")
            common(.numberMarche, as: "identifiant_marche")
            found["lots"] = ContractFinder.lots(in: lines, reliability: reliability)
            merge(ContractFinder.duration(in: lines, reliability: reliability))
            merge(ContractFinder.clauses(in: lines, reliability: reliability))
            merge(ContractFinder.advance(in: lines, reliability: reliability))
            common(.cpv, as: "cpv")
        case .cctp:
            common(.object, as: "objet")
            found["lots"] = ContractFinder.lots(in: lines, reliability: reliability)
            found["livrables"] = ContractFinder.deliverables(in: lines, reliability: reliability)
        case .avisMarche:
            common(.object, as: "objet")
            found["lots"] = ContractFinder.lots(in: lines, reliability: reliability)
            found["forme_marche"] = ContractFinder.form(in: lines, reliability: reliability)
            found["mode_consultation"] = ContractFinder.procedure(in: lines, reliability: reliability)
            merge(ContractFinder.duration(in: lines, reliability: reliability))
            common(.cpv, as: "cpv")
        case .rib:
            merge(BankDetailsFinder.find(in: values, facts: facts, reliability: reliability))
        case .kbis:
            merge(RegisterFinder.find(in: values, facts: facts, reliability: reliability))
        case .sousTraitance:
            merge(SubcontractingFinder.find(in: values, document: lines, facts: facts, reliability: reliability))
        case .avenant:
            merge(AmendmentFinder.find(in: values, document: lines, reliability: reliability))
            common(.object, as: "objet")
        case .autre:
            break
        }
        return found
    }

    /// Common fields taken up as a group of this type's facts (a titulaire is the supplier read, with its IBAN).
    static func group(_ facts: DocumentFacts, _ members: [(FieldKey, String)]) -> TypedFact? {
        var found: [String: TypedFact] = [:]
        for (key, name) in members {
            if let field = facts.fields[key] { found[name] = .value(field.value, field.confidence, field.source) }
        }
        return found.isEmpty ? nil : .group(found)
    }

    nonisolated(unsafe) static let durationPattern = /(\d{1,3})\s*(jours|mois|semaines)/

    /// « 30 jours », « 3 mois »: a validity given as a period.
    static func period(_ text: String) -> String? {
        guard let match = DocumentLines.fold(text).firstMatch(of: durationPattern) else { return nil }
        return "\(match.output.1) \(match.output.2)"
    }
}
