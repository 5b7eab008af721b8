import Foundation
import EclaireCore

/// What is bought, in one line: the "Objet" a document states, else the first line of its table of items.
enum ObjectFinder {
    static let labels = ["objet du marche", "objet de la commande", "objet du devis", "objet de la prestation",
                         "objet de l'accord-cadre", "objet de la consultation", "objet du contrat", "objet",
                         "intitule du marche", "intitule", "nature de la prestation", "nature des prestations",
                         "nature de la depense", "nature de l'achat", "nature de la commande", "nature des travaux",
                         "objet des travaux", "objet de l'achat",
                         "designation de la prestation", "concerne", "libelle", "chantier", "operation",
                         // Chorus's and SAP's printed order: the order's header text says what it is for.
                         "texte d'en-tete", "texte d'entete"]
    /// Labels that name the object only when a value follows them on the line (« Désignation : … »): alone in
    /// their cell they head a table's column or a paragraph about something else.
    /// A credit note states why it refunds (« Motif : prestation non réalisée – … »).
    static let inlineLabels = ["designation", "prestations", "prestation", "mission", "affaire", "projet", "motif"]
    static let itemHeaders = ["designation", "description", "libelle"]
    /// « Désignation de l'acheteur », « Désignation du comptable » name a party, not a column of items.
    static let partyWords = ["acheteur", "titulaire", "fournisseur", "client", "comptable", "pouvoir adjudicateur", "banc"]
    /// Shorter headings of an items' column, taken only as a cell of their own (« Article », « Produit »).
    static let shortItemHeaders = ["article", "articles", "produit", "produits", "prestation", "prestations", "detail"]

    /// A lettered section's mark, folded (« b – », « c. ») and as printed (« A – Identification de l'acheteur »).
    nonisolated(unsafe) static let sectionLetter = /[a-z]\s?[-–—.)]+\s+/
    nonisolated(unsafe) static let letteredSection = /^[A-Z]\s?[-–—.)]+\s/
    nonisolated(unsafe) static let sectionNumber = /(?:cadre|article|section|partie|chapitre|titre)\s+(?:\d{1,2}|[ivx]{1,4}|premier)\s*[-–—:.]?\s*/

    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        let r = document.reliability
        for cell in document.cells {
            // A list mark before the label (« ■ Objet du marché public : », « 1. Objet ») does not hide it, nor
            // the letter OCR reads for the mark (« m Objet du marché »).
            let start = cell.folded.prefix(4).firstIndex(where: \.isLetter) ?? cell.folded.startIndex
            var head = cell.folded[start...]
            // A numbered section's heading (« Cadre 1 – Objet », « Article 2 : objet du marché »).
            if let section = head.prefixMatch(of: sectionNumber) { head = head[section.range.upperBound...] }
            // A lettered section's mark (« B – Objet du marché », « C. Objet »).
            if let mark = head.prefixMatch(of: sectionLetter), labels.contains(where: head[mark.range.upperBound...].hasPrefix) {
                head = head[mark.range.upperBound...]
            }
            if head.dropFirst().first == " ", !labels.contains(where: head.hasPrefix) { head = head.dropFirst(2) }
            for label in labels where head.hasPrefix(label) {
                let rest = head.dropFirst(label.count)
                guard rest.first.map({ !$0.isLetter }) ?? true else { continue }
                if offerValueAfterColon(of: cell, in: document, confidence: 0.85 * r, into: &facts) { return }
                // The label alone in its cell (« Objet », « Objet de la dépense », « Intitulé du marché »), or run
                // on by a word or two up to its colon (« Objet du marché public : »): the value is the next cell of
                // its line, else the line below.
                let runOn = rest.hasSuffix(":") && rest.count <= 30 && !rest.contains(where: \.isNumber)
                let bare = runOn || rest.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).isEmpty
                // « Objet : » in a cell of its own, its value in the next column (a mail's header).
                let shortLabel = (!rest.contains(":") || bare) && rest.count <= 30 && !rest.contains(where: \.isNumber)
                // A labelled line under a section's heading (« Article 1 - Objet » / « Nature de la prestation : … »)
                // is read for its own label.
                // A site's address under « Chantier » is where, not what.
                // In a row of headings (« Date │ Objet │ Fournisseur │ … ») the value is under the label, not beside.
                let headingRow = document.isInHeadingRow(cell)
                // Its value may stand under the heading's wrapped lines (« Montant » / « HT » beside it).
                // A section's heading over the sentence that states the object is read for that sentence, whatever
                // stands beside the heading (the other column of a page set in two).
                let under = document.below(cell, within: headingRow ? 4 : 2)
                let stated = bare ? under.flatMap { statedPurpose(of: $0, in: document) != nil ? $0 : nil } : nil
                // « Le présent cahier définit les conditions … » under « Article 1 – Objet » says what the document
                // does, not what is bought: read on.
                let formula = bare && stated == nil && under.map { presentDocument.contains(where: $0.folded.hasPrefix) } == true
                if !formula, let next = stated ?? (shortLabel && !headingRow ? document.cellRight(of: cell) : nil) ?? (bare ? under : nil),
                   next.text.filter(\.isLetter).count >= 4, !labels.contains(where: next.folded.hasPrefix),
                   !(next.text.first?.isNumber == true && PartyFinder.hasAddressWord(next.folded)),
                   !next.text.contains(PartyFinder.postcodeLine) {
                    // A heading over the sentence that states the object (« 2. Objet » / « Le présent marché a pour
                    // objet … »): the object without the sentence's formula.
                    // The line may carry a label of its own (« Désignation : … »): its value is the object.
                    let own = next.text.firstIndex(of: ":").flatMap { colon in
                        next.text[..<colon].count <= 40 && !next.text[..<colon].contains(where: \.isNumber) ? next.text.valueAfterColon : nil
                    }
                    let whole = statedPurpose(of: next, in: document) ?? continued(own ?? next.text, after: next, in: document)
                    facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: 0.8 * r, source: next.source))
                    return
                }
            }
        }
        // A lot's own title (« Lot 6 : Diagnostic structurel du bâtiment … ») on the pieces of a marché in lots,
        // unless a sentence states what the contract is about (« Les prestations objet du présent CCTP concernent :
        // … » under « Lot n° 03 – Menuiseries »): it tells more.
        let stated = statedPurpose(in: document)
        for cell in document.cells where stated == nil && cell.folded.hasPrefix("lot") {
            guard let match = cell.folded.prefixMatch(of: lotTitle) else { continue }
            let value = clean(String(cell.text.dropFirst(match.output.count)))
            if value.filter(\.isLetter).count >= 8, !value.contains(where: \.isNumber) || value.split(separator: " ").count >= 4 {
                facts.offer(ExtractedField(key: .object, value: value, confidence: 0.75 * r, source: cell.source))
                return
            }
        }
        // A form's row: « Prestations │ Maintenance des ascenseurs … », the label alone in its cell, one value
        // beside it (a table's row of headings has more cells).
        for line in document.lines where line.count == 2 {
            let label = line[0].folded.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
            guard inlineLabels.contains(label) || shortItemHeaders.contains(label) && label.hasPrefix("prestation"),
                  isStatedPhrase(line[1]) || line[1].text.split(separator: " ").count >= 3 && line[1].text.first?.isUppercase == true,
                  line[1].text.firstMatch(of: AmountFinder.amountPattern) == nil else { continue }
            facts.offer(ExtractedField(key: .object, value: clean(line[1].text), confidence: 0.75 * r, source: line[1].source))
            return
        }
        // A form's row whose label and value wrap in narrow cells (« Nature de la » / « dépense »).
        // A row of headings that wraps (« Objet │ Fournisseur │ Montant » / « HT ») holds no value.
        for row in document.wrappedRows where !(row.count >= 3 && row.allSatisfy(DocumentLines.isHeading)) {
            for (cell, value) in zip(row, row.dropFirst()) {
                let label = cell.folded.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
                guard labels.contains(label), value.text.filter(\.isLetter).count >= 4 else { continue }
                facts.offer(ExtractedField(key: .object, value: clean(value.text), confidence: 0.8 * r, source: value.source))
                return
            }
        }
        for cell in document.cells {
            // Addressed to the reader (« Votre projet : … »), or with a complement (« Désignation de la commande : »,
            // « Motif du séjour : »), a party's excepted (« Désignation du titulaire : »).
            let head = ["votre ", "notre "].first(where: cell.folded.hasPrefix).map { cell.folded.dropFirst($0.count) } ?? cell.folded[...]
            for label in inlineLabels where head.hasPrefix(label) {
                let rest = head.dropFirst(label.count).drop { $0 == " " }
                let labelled = rest.first == ":" || rest.prefix(30).firstIndex(of: ":").map { colon in
                    let complement = rest[..<colon]
                    return complement.prefixMatch(of: complementStart) != nil && complement.split(separator: " ").count <= 4
                        && !complement.contains(where: \.isNumber) && !partyWords.contains { String(complement).has($0) }
                } ?? false
                if labelled, offerValueAfterColon(of: cell, in: document, confidence: 0.75 * r, into: &facts) { return }
            }
        }
        if let stated {
            facts.offer(ExtractedField(key: .object, value: stated.value, confidence: 0.7 * r, source: stated.cell.source))
            return
        }
        // An invoice or a quote: the first item under the table's "Désignation" heading.
        let headers = document.cells.filter { cell in
            (itemHeaders.contains { cell.folded.has($0) } && cell.text.count < 60 && !partyWords.contains { cell.folded.has($0) })
                || shortItemHeaders.contains(cell.folded.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
        }
        // A phrase of its own right above the table of items, or right under a marché's title and number (its
        // cover): what the lines are for, said once (« Câblage réseau et pose de prises RJ45 au bâtiment de … »).
        let titles = document.cells.filter { cell in
            cell.page == 1 && cell.line < 25 && (cell.folded.hasPrefix("marche") || cell.folded.hasPrefix("acte d'engagement")
                || cell.folded.hasPrefix("cahier des clauses") || cell.folded.hasPrefix("contrat n"))
        }
        if let header = headers.first, let labelled = labelledPhrase(above: header, in: document) {
            facts.offer(ExtractedField(key: .object, value: labelled.value, confidence: 0.6 * r, source: labelled.cell.source))
            return
        }
        for anchor in (headers.prefix(1).map { ($0, -1) } + titles.map { ($0, 1) }) {
            // Above the table, past the labelled lines of its references (« N° EJ : … », « Marché : … »).
            for step in 1...(anchor.1 < 0 ? 4 : 2) {
                let line = anchor.0.line + anchor.1 * step
                guard document.lines.indices.contains(line), document.lines[line].count == 1,
                      let phrase = document.lines[line].first, phrase.page == anchor.0.page else { continue }
                if isStatedPhrase(phrase) {
                    facts.offer(ExtractedField(key: .object, value: clean(phrase.text), confidence: 0.6 * r, source: phrase.source))
                    return
                }
            }
        }
        // A cover whose title is the object, set above the piece's name (« RÉFECTION DE LA CHARPENTE … » over « CAHIER
        // DES CLAUSES TECHNIQUES PARTICULIÈRES », a consultancy's « Proposition commerciale n° … »), wrapped on two
        // or three lines.
        let offers = document.cells.filter { cell in
            cell.page == 1 && cell.line < 25 && offerTitles.contains { cell.folded.hasPrefix($0) }
        }
        for title in titles.filter({ !$0.folded.hasPrefix("marche") }) + offers {
            for step in 1...3 {
                let line = title.line - step
                guard line >= 0, document.lines[line].count == 1, let last = document.lines[line].first, last.page == title.page else { continue }
                var first = line
                while first > 0, line - first < 2, document.runsOn(first), document.lines[first - 1].count == 1 { first -= 1 }
                let whole = (first...line).map { document.lines[$0][0].text }.joined(separator: " ")
                if isStatedPhrase(last.with(text: whole)) {
                    facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: 0.55 * r, source: last.source))
                    return
                }
                break
            }
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

    /// A label's complement: « de la commande », « du séjour », « des travaux », « d'achat ».
    nonisolated(unsafe) static let complementStart = /(?:de |du |des |d')/

    nonisolated(unsafe) static let lotTitle = /lot\s*(?:n\s?°|no\.?)?\s*\d{1,2}\s*[:–—-]\s*/

    /// A sentence about the document itself, not what it buys.
    static let presentDocument = ["le present", "la presente", "les presentes", "les presents"]

    /// An offer's name under its cover's title.
    static let offerTitles = ["proposition commerciale", "proposition technique", "proposition d'intervention",
                              "offre technique", "offre commerciale", "memoire technique"]

    /// Words that make a line something else than a phrase naming what is bought.
    static let notAnObject = ["montant", "tva", "page", "total", "client", "facture", "devis", "condition",
                              "reglement", "paiement", "commande", "marche", "ministere", "direction", "procedure", "reference",
                              "madame", "monsieur", "exprime", "date", "acte d'engagement", "cahier", "article", "objet"]

    nonisolated(unsafe) static let euroWord = /(?:^|[^a-z])euros?(?:[^a-z]|$)/

    /// A phrase of four words or more, starting with a capital, no sentence's period, no label, amount or date, no
    /// party or title word.
    static func isStatedPhrase(_ cell: LocatedCell) -> Bool {
        let words = cell.text.split(separator: " ")
        // A sentence (« Le formulaire ATTRI1 est un modèle …, qui peut … . ») explains; a title names.
        // A lettered section's heading (« A – Identification de l'acheteur ») names a part of the document.
        guard words.count >= 4, words.count <= 25, cell.text.first?.isUppercase == true, !cell.text.contains(":"),
              cell.text.prefixMatch(of: letteredSection) == nil,
              !cell.text.hasSuffix("."), cell.text.count(where: { $0 == "," }) <= 1,
              cell.text.filter(\.isLetter).count >= 15, cell.text.firstMatch(of: AmountFinder.amountPattern) == nil,
              cell.text != cell.text.uppercased() || words.count >= 5 else { return false }
        // Words, not parts of words (« Démarches » is no « marché »); a State entity's name (« Service des impôts des
        // entreprises de Troyes » under the marché's number) is who buys, not what.
        // « euros » names an amount; « Europole », « européen » do not.
        return !notAnObject.contains { cell.folded.hasWord($0) } && !cell.folded.has("@") && !cell.folded.contains(euroWord)
            && !(StateEntity.ministries + StateEntity.directions + StateEntity.services + ["etablissement"]).contains { cell.folded.hasPrefix($0) }
    }

    /// Words of a label whose value is something else than what is bought: a place, a person, a term, a party.
    static let otherLabels = ["lieu", "adresse", "livraison", "contact", "suivi", "interlocuteur", "attention", "condition",
                              "delai", "validite", "mode", "emetteur", "signataire", "telephone", "mail", "site", "horaire",
                              "client", "fournisseur", "titulaire", "acheteur", "destinataire", "vendeur", "banque",
                              "service", "direction", "redacteur", "auteur", "de", "a", "cc", "copie"]

    /// A labelled line above the table of items whose label the reader does not know (« Votre demande : »,
    /// « Événement : », « Réf. : ») but whose value is a phrase naming a purchase, not a number, a place or a person.
    static func labelledPhrase(above header: LocatedCell, in document: DocumentLines) -> (value: String, cell: LocatedCell)? {
        let candidates = document.cells.filter { $0.page == header.page && $0.line < header.line && header.line - $0.line <= 14 }
        for cell in candidates.reversed() {
            guard let colon = cell.text.firstIndex(of: ":"), let value = cell.text.valueAfterColon else { continue }
            let label = DocumentLines.fold(String(cell.text[..<colon])).trimmingCharacters(in: .whitespaces)
            let words = label.split(whereSeparator: { !$0.isLetter && $0 != "'" })
            guard (1...3).contains(words.count), !label.contains(where: \.isNumber),
                  !words.contains(where: { otherLabels.contains(String($0)) }),
                  !lineLabels.contains(where: { label.hasPrefix($0) && $0 != "ref" && $0 != "reference" }) else { continue }
            let whole = continued(value, after: cell, in: document)
            guard isStatedPhrase(cell.with(text: whole)), !whole.contains(where: \.isNumber) else { continue }
            return (clean(whole), cell)
        }
        return nil
    }

    /// Offers the value written after the cell's colon, with the lines it runs on to; false when there is none.
    static func offerValueAfterColon(of cell: LocatedCell, in document: DocumentLines, confidence: Double,
                                     into facts: inout DocumentFacts) -> Bool {
        guard let value = cell.text.valueAfterColon, value.filter(\.isLetter).count >= 4 else { return false }
        let whole = continued(value, after: cell, in: document)
        facts.offer(ExtractedField(key: .object, value: clean(whole), confidence: confidence, source: cell.source))
        return true
    }

    /// The sentence public contracts open with, with another verb than « a pour objet »: « La présente consultation
    /// concerne : … », « Le présent marché porte sur … ».
    nonisolated(unsafe) static let purposeSentence =
        /present(?:e|s|es)? (?:marche|consultation|cahier|accord-cadre|accord cadre|contrat|commande|cctp|ccap|document|bon de commande)[^.]{0,40}?(?:a pour objet|concerne(?:nt)?|porte(?:nt)? sur)/

    /// « L'opération consiste en : remplacement de … », « La mission consiste à … ».
    nonisolated(unsafe) static let consistsOf = /(?:operation|prestation|mission|projet|marche)s? consiste(?:nt)? (?:en|a)\b/

    /// An order's letter announces what it orders: « … d'exécuter la prestation suivante : … », « les fournitures
    /// suivantes : … ».
    nonisolated(unsafe) static let announcedPurchase =
        /(?:prestations?|fournitures?|travaux|services?|livraisons?|commande) suivant(?:e|es|s)?\s*:/
    nonisolated(unsafe) static let announcedWrapped = /^suivant(?:e|es|s)?\s*:/
    nonisolated(unsafe) static let announcedNouns = /(?:prestations?|fournitures?|travaux|services?|livraisons?|commande)$/

    /// The sentence public contracts open with: « Le présent marché a pour objet la fourniture de … », « Le présent
    /// CCTP a pour objet de définir les prestations de maintenance … ». The object is what follows, without the
    /// formula that introduces it, to the end of the sentence.
    static func statedPurpose(in document: DocumentLines) -> (value: String, cell: LocatedCell)? {
        for cell in document.cells {
            if let value = statedPurpose(of: cell, in: document) { return (value, cell) }
        }
        return nil
    }

    /// The object a cell's sentence states, with the lines it runs on to; nil when it states none.
    static func statedPurpose(of cell: LocatedCell, in document: DocumentLines) -> String? {
        // The announcement may wrap (« … la prestation » / « suivante : vérification … »).
        let wrappedAnnouncement = cell.index == 0 && cell.line > 0 && cell.folded.hasPrefix("suivant")
            && document.lines[cell.line - 1].last.map { $0.page == cell.page && $0.folded.firstMatch(of: announcedNouns) != nil } == true
        let announced = cell.folded.has("suivant")
            ? cell.folded.firstMatch(of: wrappedAnnouncement ? announcedWrapped : announcedPurchase) : nil
        let consists = cell.folded.has("consiste") ? cell.folded.firstMatch(of: consistsOf) : nil
        guard cell.folded.has("pour objet") || cell.folded.has("concerne") || cell.folded.has("porte sur")
            || cell.folded.has("portent sur") || announced != nil
            || consists != nil
        else { return nil }
        let range: Range<String.Index>
        if cell.folded.has("pour objet"), let found = cell.text.range(of: "pour objet", options: [.caseInsensitive, .diacriticInsensitive]) {
            range = found
        } else if let match = announced ?? consists ?? cell.folded.firstMatch(of: purposeSentence) {
            let end = cell.folded.distance(from: cell.folded.startIndex, to: match.range.upperBound)
            let at = cell.text.index(cell.text.startIndex, offsetBy: end)
            range = at..<at
        } else { return nil }
        let after = String(cell.text[range.upperBound...]).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
        var text = continued(after, after: cell, in: document)
        if let end = text.range(of: #"\.(\s|$)"#, options: .regularExpression) { text = String(text[..<end.lowerBound]) }
        text = withoutFormula(text)
        return text.filter(\.isLetter).count >= 8 ? clean(text) : nil
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
            guard !text.hasSuffix("."), !text.hasSuffix(";"), let next = document.below(current), next.page == current.page,
                  next.line == current.line + 1 || next.line == current.line + 2 && document.follows(next.line, after: current.line)
            else { break }
            let lastWord = DocumentLines.fold(String(text.split(separator: " ").last ?? ""))
            let endsMidPhrase = connectors.contains(lastWord) || lastWord.hasSuffix("'")
            let startsLower = next.text.first?.isLowercase == true
            // A wrapped line: this one runs to the right end of the text and the next starts where it started.
            let wrapped = document.reachesRightEdge(current) && document.alignedLeft(current, next)
                && document.lines[next.line].count == 1
            // A line that starts with a label's word is no label when this one stops mid-phrase (« … déménagement
            // des » / « services de Rennes »).
            let isLabel = next.text.prefix(60).contains(":") || !endsMidPhrase && lineLabels.contains { next.folded.hasPrefix($0) }
                || next.folded.prefixMatch(of: sectionNumber) != nil
            // A name's last word or two wrapped alone under a long line in a narrow cell (« … du dispositif Cap » /
            // « Emploi »).
            let tailWords = next.text.split(separator: " ")
            let shortTail = text.count >= 30 && document.lines[next.line].count == 1 && document.alignedLeft(cell, next)
                && tailWords.count <= 2 && next.text.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }
                && !(labels + itemHeaders + shortItemHeaders).contains(next.folded)
            guard endsMidPhrase || startsLower || wrapped || shortTail, !isLabel, next.text.filter(\.isLetter).count >= 3 else { break }
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

    /// « bon de commande n° 2300510307 – » before an object: the piece's own reference, not what it buys.
    nonisolated(unsafe) static let leadingReference =
        /^(?:bon de commande|commande|facture|devis|marche|ej)\s*(?:n\s?°|no\.?|numero)?\s*:?\s*[a-z0-9][a-z0-9\-_\/.]*\d[a-z0-9\-_\/.]*\s*[-–—:]\s+/

    /// A mail's subject names the request before what it is for (« Demande d'engagement – Maintenance … »,
    /// « RE : Demande de devis : … »).
    nonisolated(unsafe) static let leadingRequest =
        /^(?:(?:re|tr|fwd?)\s*:\s*)*demande (?:d'engagement|d'achat|de devis|de prix|de commande|de bon de commande)\s*[-–—:]\s+/

    static func clean(_ text: String) -> String {
        var text = text
        let folded = DocumentLines.fold(text)
        if let reference = folded.prefixMatch(of: leadingReference), text.count == folded.count {
            text = String(text.dropFirst(reference.output.count))
        } else if let request = folded.prefixMatch(of: leadingRequest), text.count == folded.count {
            text = String(text.dropFirst(request.output.count))
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-–;.")))
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}
