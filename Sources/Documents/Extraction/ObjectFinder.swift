import Foundation
import EclaireCore

/// What is bought, in one line: the "Objet" a document states, else the first line of its table of items.
enum ObjectFinder {
    static let labels = ["objet du marche", "objet de la commande", "objet du devis", "objet de la prestation",
                         "objet de l'accord-cadre", "objet de la consultation", "objet du contrat", "objet",
                         "intitule du marche", "intitule", "nature de la prestation", "nature des prestations",
                         "designation de la prestation", "concerne", "libelle"]
    static let itemHeaders = ["designation", "description", "libelle"]

    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        let r = document.reliability
        for cell in document.cells {
            for label in labels where cell.folded.hasPrefix(label) {
                let rest = cell.folded.dropFirst(label.count)
                guard rest.first.map({ !$0.isLetter }) ?? true else { continue }
                if let value = cell.text.valueAfterColon, value.filter(\.isLetter).count >= 4 {
                    let whole = continued(value, after: cell, in: document)
                    facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: 0.85 * r, source: cell.source))
                    return
                }
                // The label alone in its cell (« Objet », « Objet de la dépense », « Intitulé du marché »): the value
                // is the next cell of its line, else the line below.
                let bare = rest.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).isEmpty
                let shortLabel = !rest.contains(":") && rest.count <= 30 && !rest.contains(where: \.isNumber)
                if let next = (shortLabel ? document.cellRight(of: cell) : nil) ?? (bare ? document.below(cell) : nil),
                   next.text.filter(\.isLetter).count >= 4 {
                    let whole = continued(next.text, after: next, in: document)
                    facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: 0.8 * r, source: next.source))
                    return
                }
            }
        }
        // An invoice or a quote: the first item under the table's "Désignation" heading.
        for cell in document.cells where itemHeaders.contains(where: { cell.folded.has($0) }) && cell.text.count < 60 {
            var line = cell.line + 1
            while line < document.lines.count && line - cell.line <= 6 {
                if let item = document.lines[line].first(where: { $0.cell.overlaps(cell.cell) && isItem($0) }) {
                    facts.offer(ExtractedField(key: .object, value: clean(item.text), confidence: 0.55 * r, source: item.source))
                    return
                }
                line += 1
            }
        }
    }

    /// Words that start a line of their own on a purchase document: the line after an object that begins so is
    /// another fact, not the object running on.
    static let lineLabels = ["accord-cadre", "accord cadre", "marche", "n°", "no ", "numero", "date", "reference", "ref",
                             "montant", "total", "siret", "tva", "iban", "objet", "delai", "validite", "duree", "contrat",
                             "engagement", "bon de commande", "ej ", "lot ", "cpv", "imputation", "centre", "service"]

    static let connectors: Set<String> = ["de", "du", "des", "d'", "et", "ou", "au", "aux", "pour", "sur", "par", "en",
                                          "la", "le", "les", "a", "l'", "avec", "dans", "entre", "vers"]

    /// An object that runs on to the next lines ("… au profit de" / "DGA Essais en vol."): the lines below are
    /// added while the text left off mid-phrase — a connector last, or the next line starting in lower case — and
    /// the next line is no label of its own.
    static func continued(_ value: String, after cell: LocatedCell, in document: DocumentLines) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        var current = cell
        for _ in 0..<2 {
            guard !text.hasSuffix("."), !text.hasSuffix(";"), let next = document.below(current),
                  next.line == current.line + 1, next.page == current.page else { break }
            let lastWord = DocumentLines.fold(String(text.split(separator: " ").last ?? ""))
            let endsMidPhrase = connectors.contains(lastWord) || lastWord.hasSuffix("'")
            let startsLower = next.text.first?.isLowercase == true
            // A wrapped line: this one runs to the right end of the text and the next starts where it started.
            let wrapped = document.reachesRightEdge(current) && document.alignedLeft(current, next)
                && document.lines[next.line].count == 1
            let isLabel = next.text.prefix(60).contains(":") || lineLabels.contains { next.folded.hasPrefix($0) }
            guard endsMidPhrase || startsLower || wrapped, !isLabel, next.text.filter(\.isLetter).count >= 3 else { break }
            text += (lastWord.hasSuffix("'") ? "" : " ") + next.text.trimmingCharacters(in: .whitespaces)
            current = next
        }
        return text
    }

    /// A line of the table rather than another heading: several words, no label.
    static func isItem(_ cell: LocatedCell) -> Bool {
        let words = cell.text.split(separator: " ").filter { $0.filter(\.isLetter).count >= 3 }
        return words.count >= 2 && !cell.folded.hasPrefix("#") && !cell.folded.has("ligne")
            && !cell.folded.has("reference") && !cell.folded.has(":")
    }

    static func clean(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-–;.")))
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}
