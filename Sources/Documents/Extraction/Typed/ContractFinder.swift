import Foundation
import EclaireCore

/// What a contract's documents say of it (acte d'engagement, CCAP, CCTP): lots, form of the contract, duration and
/// renewals, advance, dates of signature and notification, the CCAG, prices, retenue de garantie, penalties.
/// Ticked boxes (« [X] ») decide the choices of the forms; sentences decide those of the clauses.
enum ContractFinder {
    nonisolated(unsafe) static let lot = /(?:^|\s)lot\s*(?:n\s?°|no\.?|nº|numero)?\s*(\d{1,3})\s*[:\-–—.]\s*(.{3,})/
    nonisolated(unsafe) static let duration = /(\d{1,3}|un|deux|trois|quatre|six|douze|dix-huit|vingt-quatre|trente-six)\s*\(?\d*\)?\s*(mois|ans?|annees?|jours|semaines)/
    nonisolated(unsafe) static let renewals = /reconductible\s*(\d|une|deux|trois|quatre)\s*fois|reconduit\s*(?:tacitement\s*)?(\d|une|deux|trois|quatre)\s*fois/
    nonisolated(unsafe) static let percent = /(\d{1,2}(?:[.,]\d{1,2})?)\s?%/
    nonisolated(unsafe) static let ccag = /ccag[\s\-]*(fcs|tic|pi|mi|moe|travaux|fournitures courantes|techniques de l'information|prestations intellectuelles|marches industriels|maitrise d'oeuvre)/

    static let words = ["un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "six": 6, "douze": 12, "dix-huit": 18,
                        "vingt-quatre": 24, "trente-six": 36]

    // MARK: Lots

    static func lots(in document: DocumentLines, reliability: Double) -> TypedFact? {
        var seen: [String: TypedFact] = [:]
        var order: [String] = []
        let rows = document.wholeLines
        for (index, row) in rows.enumerated() {
            guard let match = row.folded.firstMatch(of: lot) else { continue }
            let number = String(match.output.1)
            guard seen[number] == nil else { continue }
            let start = row.folded.distance(from: row.folded.startIndex, to: match.output.2.startIndex)
            let title = String(row.text.dropFirst(start)).components(separatedBy: "   ").first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard title.count >= 3, title.contains(where: \.isLetter) else { continue }
            var members: [String: TypedFact] = ["numero": .value(number, 0.9 * reliability, row.source),
                                                "intitule": .value(String(title.prefix(200)), 0.8 * reliability, row.source)]
            if let amount = LabelledValues.amount(String(row.text.dropFirst(start))) {
                members["montant"] = .value(amount, 0.6 * reliability, row.source)
            }
            // What a CCAP says of the lot in the lines under its heading, up to the next lot: its duration and its
            // maximum (or minimum) amount.
            for below in rows[(index + 1)..<min(rows.count, index + 8)] {
                // The next lot, or a sentence about the whole contract, ends what is said of this one.
                if below.folded.firstMatch(of: lot) != nil || ["du marche", "de l'accord", "titulaire"].contains(where: below.folded.contains) { break }
                if members["duree"] == nil, below.folded.contains("duree"), let text = period(in: below.folded) {
                    members["duree"] = .value(text, 0.7 * reliability, below.source)
                }
                for key in ["maximum", "minimum"] where members[key] == nil {
                    guard let word = below.folded.range(of: key) else { continue }
                    let after = String(below.text.dropFirst(below.folded.distance(from: below.folded.startIndex, to: word.upperBound)))
                    if let amount = LabelledValues.amount(after) { members[key] = .value(amount, 0.7 * reliability, below.source) }
                }
            }
            seen[number] = .group(members)
            order.append(number)
        }
        return order.isEmpty ? nil : .list(order.map { seen[$0]! })
    }

    // MARK: Choices of the forms

    /// The form of the contract from its ticked box, else from what its sentences name: an accord-cadre executed by
    /// bons de commande (both named anywhere) is an accord-cadre à bons de commande; an accord-cadre alone, a
    /// marché subséquent or an ordinary marché otherwise.
    static func form(in document: DocumentLines, reliability: Double) -> TypedFact? {
        let forms: [(String, [String])] = [
            ("accord_cadre_bons_de_commande", ["accord-cadre a bons de commande", "accord cadre a bons de commande"]),
            ("marche_subsequent", ["marche subsequent", "marches subsequents"]),
            ("accord_cadre", ["accord-cadre", "accord cadre"]),
            ("marche_ordinaire", ["marche ordinaire", "marche public ordinaire", "prix global et forfaitaire"]),
        ]
        for row in document.wholeLines where hasTick(row.folded) {
            let ticked = tickedText(row.folded)
            if let option = forms.first(where: { $0.1.contains { ticked.contains($0) } }) ?? (ticked.contains("bons de commande") ? forms[0] : nil) {
                return .value(option.0, 0.9 * reliability, row.source)
            }
        }
        let rows = document.wholeLines.filter { !emptyMarks.contains(where: $0.folded.contains) }
        func first(_ words: [String]) -> LocatedCell? { rows.first { row in words.contains { row.folded.contains($0) } } }
        let framework = first(["accord-cadre", "accord cadre"])
        let orders = first(["bons de commande", "bon de commande"])
        let subsequent = first(["marche subsequent n", "marche subsequent :"])
        let ordinary = first(forms[3].1)
        let found: (String, LocatedCell)? = if let framework, let orders { ("accord_cadre_bons_de_commande", framework.line <= orders.line ? framework : orders) }
            else if let subsequent { ("marche_subsequent", subsequent) }
            else if let framework { ("accord_cadre", framework) }
            else if let ordinary { ("marche_ordinaire", ordinary) }
            else { nil }
        return found.map { .value($0.0, 0.6 * reliability, $0.1.source) }
    }

    static func procedure(in document: DocumentLines, reliability: Double) -> TypedFact? {
        let procedures: [(String, [String])] = [
            ("procedure_adaptee", ["procedure adaptee", "mapa"]), ("appel_offres_ouvert", ["appel d'offres ouvert"]),
            ("appel_offres_restreint", ["appel d'offres restreint"]), ("procedure_negociee", ["procedure negociee", "sans publicite ni mise en concurrence"]),
            ("dialogue_competitif", ["dialogue competitif"]), ("ugap", ["ugap", "centrale d'achat"]),
        ]
        return choice(procedures, in: document, reliability: reliability)
    }

    /// A ticked box's option (0.9), else the only option a sentence names (0.6).
    static func choice(_ options: [(String, [String])], in document: DocumentLines, reliability: Double) -> TypedFact? {
        for row in document.wholeLines where hasTick(row.folded) {
            let ticked = tickedText(row.folded)
            if let option = options.first(where: { $0.1.contains { ticked.contains($0) } }) {
                return .value(option.0, 0.9 * reliability, row.source)
            }
        }
        var named: [(String, LocatedCell)] = []
        for row in document.wholeLines where !emptyMarks.contains(where: row.folded.contains) {
            if let option = options.first(where: { $0.1.contains { row.folded.contains($0) } }) { named.append((option.0, row)) }
        }
        guard let first = named.first, Set(named.map(\.0)).count == 1 else { return nil }
        return .value(first.0, 0.6 * reliability, first.1.source)
    }

    static let tickedMarks = ["[x]", "☒", "☑", "✓", "✔", "■", "(x)"]
    /// « [] » is how OCR reads an empty box as often as « [ ] ».
    static let emptyMarks = ["[ ]", "[]", "☐", "□", "( )"]

    /// Whether the row holds a ticked box (a bare « X » counts where the row's other boxes are drawn empty).
    static func hasTick(_ folded: String) -> Bool { !tickedText(folded).isEmpty }

    /// The text after a ticked box, up to the next box.
    static func tickedText(_ folded: String) -> String {
        var start = tickedMarks.compactMap { folded.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        // A bare « X » (or half a box around it, « x] », as OCR reads a ticked box) where the other boxes are empty.
        if start == nil, emptyMarks.contains(where: folded.contains), let bare = folded.firstMatch(of: /(?:^|\s)[\[(]?x[\])]?\s/) {
            start = bare.range
        }
        guard let start else { return "" }
        let rest = folded[start.upperBound...]
        let end = emptyMarks.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The advance: « [X] ne renonce pas » / « [X] renonce » on the form, a rate in a CCAP's clause.
    static func advance(in document: DocumentLines, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        for row in document.wholeLines where row.folded.contains("avance") {
            let ticked = tickedText(row.folded)
            if !ticked.isEmpty {
                let refuses = ticked.contains("renonce") && !ticked.contains("ne renonce pas")
                found["avance"] = .value(refuses ? "non" : "oui", 0.9 * reliability, row.source)
            } else if found["avance"] == nil, row.folded.contains("pas d'avance") || row.folded.contains("aucune avance")
                        || row.folded.contains("il n'est pas prevu d'avance") {
                found["avance"] = .value("non", 0.75 * reliability, row.source)
            } else if found["avance_taux"] == nil, let rate = row.folded.firstMatch(of: percent) {
                found["avance_taux"] = .value(rate.output.1.replacingOccurrences(of: ",", with: "."), 0.75 * reliability, row.source)
                if found["avance"] == nil { found["avance"] = .value("oui", 0.7 * reliability, row.source) }
            }
        }
        return found
    }

    // MARK: Durations and dates

    /// The first duration of a folded text, as « 12 mois » or « 4 ans » (numbers in words read too).
    static func period(in folded: String) -> String? {
        guard let match = folded.firstMatch(of: duration) else { return nil }
        let count = Int(match.output.1) ?? words[String(match.output.1)] ?? 0
        return count > 0 ? "\(count) \(match.output.2.hasPrefix("an") ? "ans" : String(match.output.2))" : nil
    }

    static func duration(in document: DocumentLines, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        for row in document.wholeLines {
            let folded = row.folded
            if found["duree"] == nil, folded.contains("duree") || folded.contains("pour une periode") || folded.contains("conclu pour"),
               let text = period(in: folded) {
                found["duree"] = .value(text, 0.85 * reliability, row.source)
            }
            if found["reconduction"] == nil, let match = folded.firstMatch(of: renewals) {
                let token = String(match.output.1 ?? match.output.2 ?? "")
                let times = Int(token) ?? words[token] ?? 0
                if times > 0 { found["reconduction"] = .value("\(times)", 0.85 * reliability, row.source) }
            } else if found["reconduction"] == nil, folded.contains("non reconductible") || folded.contains("n'est pas reconductible") {
                found["reconduction"] = .value("0", 0.8 * reliability, row.source)
            }
        }
        return found
    }

    static func dates(in values: LabelledValues, reliability: Double) -> TypedFact? {
        let kinds: [(String, [String])] = [
            ("signature_titulaire", ["signature du titulaire", "signe par le titulaire", "le titulaire, le", "fait a"]),
            ("signature_administration", ["signature du pouvoir adjudicateur", "acceptation de l'offre", "pour l'etat, le", "le pouvoir adjudicateur, le"]),
            ("notification", ["date de notification", "notifie le", "notification du marche", "date d'effet"]),
        ]
        var members: [String: TypedFact] = [:]
        for (key, labels) in kinds {
            if let found = values.first(labels, accept: LabelledValues.date) {
                members[key] = .value(found.value, 0.8 * reliability, found.source)
            }
        }
        return members.isEmpty ? nil : .group(members)
    }

    // MARK: Clauses of a CCAP

    static func clauses(in document: DocumentLines, reliability: Double) -> [String: TypedFact] {
        var found: [String: TypedFact] = [:]
        var penalties: [TypedFact] = []
        for row in document.wholeLines {
            let folded = row.folded
            if found["ccag"] == nil, let match = folded.firstMatch(of: ccag) {
                found["ccag"] = .value(ccagName(String(match.output.1)), 0.9 * reliability, row.source)
            }
            if found["prix"] == nil {
                if folded.contains("prix revisable") || folded.contains("prix sont revisables") || folded.contains("revision des prix") {
                    found["prix"] = .value("revisables", 0.8 * reliability, row.source)
                } else if folded.contains("prix fermes") || folded.contains("prix ferme") || folded.contains("prix sont fermes") {
                    found["prix"] = .value(folded.contains("actualisable") ? "fermes_actualisables" : "fermes", 0.8 * reliability, row.source)
                }
            }
            if found["formule_revision"] == nil, folded.contains("p = p0") || folded.contains("p=p0") || folded.contains("cn = ") {
                found["formule_revision"] = .value(String(row.text.prefix(200)), 0.7 * reliability, row.source)
            }
            if found["index"] == nil, let index = folded.firstMatch(of: /indice\s+(syntec|ing|bt\d{2}|tp\d{2}|ics\w*|[a-z]{2,6}\s?\d{0,3})/) {
                found["index"] = .value(String(index.output.1).uppercased(), 0.6 * reliability, row.source)
            }
            if found["mois_zero"] == nil, folded.contains("mois zero") || folded.contains("mois m0") || folded.contains("mois d'etablissement des prix") {
                if let month = folded.firstMatch(of: /(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(\d{4})/) {
                    found["mois_zero"] = .value("\(month.output.1) \(month.output.2)", 0.7 * reliability, row.source)
                }
            }
            if found["retenue_garantie"] == nil, folded.contains("retenue de garantie") {
                if folded.contains("pas de retenue") || folded.contains("aucune retenue") || folded.contains("n'est pas prevu") || folded.contains("sans retenue") {
                    found["retenue_garantie"] = .value("non", 0.8 * reliability, row.source)
                } else if let rate = folded.firstMatch(of: percent) {
                    found["retenue_garantie"] = .value(rate.output.1.replacingOccurrences(of: ",", with: ".") + " %", 0.8 * reliability, row.source)
                }
            }
            if folded.contains("penalite"), penalties.count < 20,
               let amount = LabelledValues.amount(row.text) ?? folded.firstMatch(of: /(1\/\d{3,4}e?|\d+\s?%)/).map({ String($0.output.1) }) {
                penalties.append(.group(["motif": .value(String(row.text.prefix(200)), 0.6 * reliability, row.source),
                                         "montant": .value(amount, 0.6 * reliability, row.source)]))
            }
        }
        if !penalties.isEmpty { found["penalites"] = .list(penalties) }
        return found
    }

    static func ccagName(_ folded: String) -> String {
        switch folded {
        case "fcs", "fournitures courantes": "CCAG-FCS"
        case "tic", "techniques de l'information": "CCAG-TIC"
        case "pi", "prestations intellectuelles": "CCAG-PI"
        case "mi", "marches industriels": "CCAG-MI"
        case "moe", "maitrise d'oeuvre": "CCAG-MOE"
        default: "CCAG-Travaux"
        }
    }

    // MARK: CCTP

    /// What the CCTP asks to be delivered: the items under a « livrables » heading, or lines that name one.
    static func deliverables(in document: DocumentLines, reliability: Double) -> TypedFact? {
        var items: [TypedFact] = []
        var under = false
        for row in document.wholeLines {
            let folded = row.folded
            if folded.contains("livrable") && row.text.count < 80 { under = true; continue }
            if under {
                if folded.hasPrefix("article") || folded.range(of: #"^\d+(\.\d+)*\s+[a-z]"#, options: .regularExpression) != nil && !folded.hasPrefix("- ") {
                    if !items.isEmpty { under = false }
                }
                let text = row.text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-•·–*")))
                if under, text.count >= 4, text.count <= 200, items.count < 30 {
                    items.append(.value(text, 0.6 * reliability, row.source))
                }
            }
        }
        return items.isEmpty ? nil : .list(items)
    }
}
