import Foundation
import EclaireCore

/// What is bought, in one line: the "Objet" a document states, else the first line of its table of items.
enum ObjectFinder {
    static let labels = ["objet du marche", "objet de la commande", "objet du devis", "objet de la prestation",
                         "objet de l'accord-cadre", "objet de la consultation", "objet du contrat", "objet",
                         "intitule du marche", "intitule", "nature de la prestation", "nature des prestations",
                         "designation de la prestation", "concerne", "libelle"]
    /// Labels that name the object only when a value follows them on the line (« Désignation : … »): alone in
    /// their cell they head a table's column or a paragraph about something else.
    static let inlineLabels = ["designation", "prestations", "prestation", "mission", "affaire", "projet"]
    static let itemHeaders = ["designation", "description", "libelle"]
    /// Shorter headings of an items' column, taken only as a cell of their own (« Article », « Produit »).
    static let shortItemHeaders = ["article", "articles", "produit", "produits", "prestation", "prestations", "detail"]

    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        let r = document.reliability
        for cell in document.cells {
            for label in labels where cell.folded.hasPrefix(label) {
                let rest = cell.folded.dropFirst(label.count)
                guard rest.first.map({ !$0.isLetter }) ?? true else { continue }
                if offerValueAfterColon(of: cell, in: document, confidence: 0.85 * r, into: &facts) { return }
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
        for cell in document.cells {
            for label in inlineLabels where cell.folded.hasPrefix(label) {
                let rest = cell.folded.dropFirst(label.count).drop { $0 == " " }
                if rest.first == ":", offerValueAfterColon(of: cell, in: document, confidence: 0.75 * r, into: &facts) { return }
            }
        }
        if let stated = statedPurpose(in: document) {
            facts.offer(ExtractedField(key: .object, value: stated.value, confidence: 0.7 * r, source: stated.cell.source))
            return
        }
        // An invoice or a quote: the first item under the table's "Désignation" heading.
        let headers = document.cells.filter { cell in
            (itemHeaders.contains { cell.folded.has($0) } && cell.text.count < 60)
                || shortItemHeaders.contains(cell.folded.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
        }
        for cell in headers {
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

    /// Offers the value written after the cell's colon, with the lines it runs on to; false when there is none.
    static func offerValueAfterColon(of cell: LocatedCell, in document: DocumentLines, confidence: Double,
                                     into facts: inout DocumentFacts) -> Bool {
        guard let value = cell.text.valueAfterColon, value.filter(\.isLetter).count >= 4 else { return false }
        let whole = continued(value, after: cell, in: document)
        facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: confidence, source: cell.source))
        return true
    }

    /// The sentence public contracts open with: « Le présent marché a pour objet la fourniture de … », « Le présent
    /// CCTP a pour objet de définir les prestations de maintenance … ». The object is what follows, without the
    /// formula that introduces it, to the end of the sentence.
    static func statedPurpose(in document: DocumentLines) -> (value: String, cell: LocatedCell)? {
        for cell in document.cells where cell.folded.has("pour objet") {
            guard let range = cell.text.range(of: "pour objet", options: [.caseInsensitive, .diacriticInsensitive]) else { continue }
            let after = String(cell.text[range.upperBound...]).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
            var text = continued(after, after: cell, in: document)
            if let end = text.range(of: #"\.(\s|$)"#, options: .regularExpression) { text = String(text[..<end.lowerBound]) }
            text = withoutFormula(text)
            guard text.filter(\.isLetter).count >= 8 else { continue }
            return (clean(text), cell)
        }
        return nil
    }

    /// « de définir les conditions d'exécution relatives aux prestations de nettoyage » → « prestations de
    /// nettoyage »; the formula ends at the first of these words (kept when they belong to the object).
    static let formulaEnds: [(marker: String, kept: Bool)] = [
        (" relatives aux ", false), (" relatives a ", false), (" relatifs aux ", false), (" relatifs a ", false),
        (" relative a ", false), (" relatif a ", false), (" relatif au ", false), (" concernant ", false),
        (" portant sur ", false), (" pour la ", false), (" pour le ", false), (" pour l'", false), (" pour les ", false),
        (" des prestations de ", true), (" de la prestation de ", true),
    ]

    static func withoutFormula(_ text: String) -> String {
        let folded = DocumentLines.fold(text)
        guard folded.hasPrefix("de ") || folded.hasPrefix("d'"), folded.count == text.count else { return text }
        let ends = formulaEnds.compactMap { end in folded.range(of: end.marker).map { (range: $0, kept: end.kept) } }
        guard let first = ends.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return text }
        let cut = first.kept ? folded.index(after: first.range.lowerBound) : first.range.upperBound
        let rest = String(text[text.index(text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: cut))...])
        return rest.filter(\.isLetter).count >= 8 ? rest.trimmingCharacters(in: .whitespaces) : text
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
