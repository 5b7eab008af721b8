import EclaireCore

/// The imputation printed on a fiche navette (or a bon de commande): centre de coûts, centre financier, activité,
/// domaine fonctionnel, groupe de marchandises, localisation interministérielle. Each value must have its Chorus
/// shape; the centre financier, domaine fonctionnel and activité are also recognised by shape alone when they are
/// the only one of it in the document (a programme's number starts them).
enum ImputationFinder {
    nonisolated(unsafe) static let centreFinancier = /0\d{3}-[A-Z0-9]{2,4}-[A-Z0-9]{2,4}/
    nonisolated(unsafe) static let domaineFonctionnel = /0\d{3}-\d{2}(?:-\d{2})?/
    nonisolated(unsafe) static let activite = /0\d{11}/
    nonisolated(unsafe) static let centreCouts = /(?:[A-Z0-9]{4}\/)?[A-Z0-9]{4,12}/
    nonisolated(unsafe) static let groupeMarchandises = /\d{2}(?:\.\d{2}){1,3}|[A-Z0-9]{2,4}\.[A-Z0-9]{2}(?:\.[A-Z0-9]{2})?/
    nonisolated(unsafe) static let localisation = /[A-Z0-9]{4,10}/

    struct Part {
        let key: String
        let labels: [String]
        let shape: Regex<Substring>
        let alone: Bool
    }

    nonisolated(unsafe) static let parts = [
        Part(key: "centre_financier", labels: ["centre financier", "c.f.", "cf :", "centre de financement"], shape: centreFinancier, alone: true),
        Part(key: "domaine_fonctionnel", labels: ["domaine fonctionnel", "domaine fonct", "d.f.", "df :"], shape: domaineFonctionnel, alone: true),
        Part(key: "activite", labels: ["activite", "referentiel de programmation", "code activite"], shape: activite, alone: true),
        Part(key: "centre_couts", labels: ["centre de couts", "centre de cout", "centre cout", "c.c.", "cc :"], shape: centreCouts, alone: false),
        Part(key: "groupe_marchandises", labels: ["groupe de marchandises", "groupe marchandises", "groupe de marchandise", "gm :", "nature d'achat"],
             shape: groupeMarchandises, alone: false),
        Part(key: "localisation_interministerielle", labels: ["localisation interministerielle", "localisation", "lieu (loc"],
             shape: localisation, alone: false),
    ]

    /// « O » next to a digit becomes « 0 ».
    static func zeroes(_ code: String) -> String {
        let characters = Array(code)
        return String(characters.indices.map { index in
            guard characters[index] == "O" else { return characters[index] }
            let before = index > 0 && characters[index - 1].isNumber
            let after = index + 1 < characters.count && characters[index + 1].isNumber
            return before || after ? "0" : "O"
        })
    }

    static func find(in values: LabelledValues, reliability: Double) -> TypedFact? {
        var members: [String: TypedFact] = [:]
        var byShape: Set<String> = []
        // OCR reads a code's zero as the letter O (« DRO1 » for « DR01 »): beside a digit, in a scan, it is a zero.
        let accept: (Regex<Substring>) -> (String) -> String? = { shape in
            { text in LabelledValues.token(shape)(reliability < 1 ? Self.zeroes(text.uppercased()) : text) }
        }
        for part in parts {
            if let found = values.first(part.labels, accept: accept(part.shape)) {
                members[part.key] = .value(found.value, 0.92 * reliability, found.source)
            } else if part.alone {
                let seen = values.matches(part.shape) { $0.count >= 7 }
                if Set(seen.map(\.value)).count == 1, let only = seen.first {
                    members[part.key] = .value(only.value.uppercased(), 0.6 * reliability, only.source)
                    byShape.insert(part.key)
                }
            }
        }
        // One value found by its shape alone, and nothing else of an imputation: a reference that looks like one.
        if members.count == 1, byShape.count == 1 { return nil }
        return members.isEmpty ? nil : .group(members)
    }
}
