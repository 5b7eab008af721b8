import EclaireCore

/// The State entity a document names as buyer, written "ministère › direction › service" from the headings of its
/// letterhead or address block.
struct StateEntity {
    let name: String
    let confidence: Double
    let source: FieldSource
    /// The ministry's line, when a ministry heads the entity.
    var ministry: LocatedCell? = nil

    static let ministries = ["ministere", "premier ministre", "services du premier ministre"]
    /// « Agence » alone also opens a company's name (« Agence Pixels et Pages »): a State agency is qualified.
    static let directions = ["direction", "secretariat general", "delegation", "prefecture", "agence nationale",
                             "agence regionale", "agence francaise", "agence de l'", "agence de la ", "agence des ",
                             "agence du ", "agence pour ", "rectorat",
                             "academie", "commissariat", "inspection generale", "haut-commissariat", "dinum", "dgfip",
                             "insee", "ambassade", "etat-major", "ecole nationale", "base de defense", "groupement de soutien",
                             "tribunal judiciaire", "tribunal administratif", "tribunal de commerce", "cour d'appel",
                             "cour administrative d'appel", "conseil de prud'hommes"]
    static let services = ["service", "sous-direction", "bureau", "departement", "mission", "division", "pole",
                           "cellule", "centre"]

    /// A running header or a letterhead may name the ministry alone (« Ministère de la Justice – CCTP – 2026-193 »);
    /// the buyer's block further on names it again with its levels: that one names the entity.
    static func find(in document: DocumentLines) -> StateEntity? {
        let candidates = document.cells.filter { $0.text.count <= 120 && $0.text.filter(\.isLetter).count >= 4 }
        guard let first = find(in: document, candidates: candidates, from: 0) else { return nil }
        guard let ministry = first.ministry, !first.name.contains(" › ") else { return first }
        let key = levels(of: [ministry.text]).first.map(DocumentLines.fold)
        var from = ministry.line + 1
        while let other = find(in: document, candidates: candidates, from: from), let again = other.ministry {
            if other.name.contains(" › "), levels(of: [again.text]).first.map(DocumentLines.fold) == key { return other }
            from = again.line + 1
        }
        return first
    }

    private static func find(in document: DocumentLines, candidates: [LocatedCell], from start: Int) -> StateEntity? {
        func first(_ prefixes: [String], after line: Int, within distance: Int) -> LocatedCell? {
            candidates.first { cell in
                // A heading starts with a capital: « ministère de l'Intérieur Sud » in lower case ends a name wrapped.
                cell.line >= line && cell.line - line <= distance && prefixes.contains { cell.folded.hasPrefix($0) }
                    && cell.text.first?.isUppercase == true
            }
        }
        let ministry = first(ministries, after: start, within: .max)
        guard start == 0 || ministry != nil else { return nil }
        let direction = first(directions, after: ministry?.line ?? 0, within: ministry == nil ? .max : 12)
        guard ministry != nil || direction != nil else { return nil }
        var parts: [LocatedCell]
        let ministryEnd = ministry.map { wrapped($0, in: document).last } ?? nil
        if let ministry, let ministryEnd, direction == nil || direction!.line > ministryEnd.line + 1 {
            // « Ministère des Armées » then « Service du commissariat des armées » on the next line: the lines of
            // its block name the entity, whatever their first word.
            let under = block(after: ministryEnd, top: ministry, in: document)
            parts = [ministry] + (under.isEmpty ? serviceAbove(ministry, in: document).map { [$0] } ?? [] : under)
        } else {
            let top = direction ?? ministry!
            let topEnd = wrapped(top, in: document).last ?? top
            // The line right under it names the service when it is one; else a service word a few lines below,
            // not a form's label (« Service demandeur │ … »).
            // An address block may name the service first, the direction under it (« Service risques naturels » /
            // « Direction régionale … »).
            let service = direction == nil ? nil : block(after: topEnd, top: top, in: document).first
                ?? candidates.first { cell in
                    cell.line > topEnd.line && cell.line - topEnd.line <= 6 && services.contains { cell.folded.hasPrefix($0) }
                        && document.cellRight(of: cell) == nil && !PartyFinder.isLabel(cell)
                }
                ?? serviceAbove(top, in: document)
            parts = [ministry, direction, service].compactMap { $0 }
            if direction == nil { parts += block(after: topEnd, top: top, in: document).prefix(1) }
        }
        // A name wrapped over two lines of a narrow box is one name.
        let name = levels(of: parts.map { part in
            PartyFinder.cleanName(wrapped(part, in: document).map(\.text).joined(separator: " ")
                .replacingOccurrences(of: "' ", with: "'").replacingOccurrences(of: "- ", with: "-"))
        }).joined(separator: " › ")
        return StateEntity(name: name, confidence: ministry != nil ? 0.85 : 0.7, source: parts[0].source, ministry: ministry)
    }

    /// A service named on the line above the entity, where an address block starts with it (« Service risques
    /// naturels » / « Direction régionale … »).
    /// Its name may wrap (« Établissement du service d'infrastructure de la défense » / « de Lyon » / « Ministère des
    /// Armées »): the lines between it and the entity continue it.
    /// Under a ministry, a direction or an établissement; under a direction, a service.
    static func serviceAbove(_ top: LocatedCell, in document: DocumentLines) -> LocatedCell? {
        let column = document.contextAbove(top, lines: 3).filter { document.alignedLeft($0, top) }
        let lower = ministries.contains { top.folded.hasPrefix($0) } ? directions + services + ["etablissement", "institut", "office"] : services
        for (index, cell) in column.enumerated() {
            let isService = lower.contains { cell.folded.hasPrefix($0) }
            if isService, document.cellRight(of: cell) == nil, !PartyFinder.isLabel(cell),
               wrapped(cell, in: document).count == index + 1 {
                return cell
            }
        }
        return nil
    }

    /// The entity's levels from its lines: a line may hold two levels joined by a dash (« Ministère des Armées –
    /// Service du commissariat des armées »), and a line's first words before such a dash that name no level end
    /// the level above, wrapped (« … et du logement » / « Occitanie – Service risques naturels »).
    static func levels(of lines: [String]) -> [String] {
        // « Centre-Est » qualifies the level above; « Centre des monuments nationaux » is one.
        func namesLevel(_ text: String) -> Bool {
            let folded = DocumentLines.fold(text)
            return PartyFinder.entityLevels.contains { level in
                folded.hasPrefix(level) && !(folded.dropFirst(level.count).first.map { $0 == "-" || $0.isLetter } ?? false)
            }
        }
        var levels: [String] = []
        for line in lines {
            // A running header's title and reference after the entity (« … – CCTP – 2026-193 ») are no level.
            let pieces = Array(PartyFinder.dashesNormalised(line).components(separatedBy: " – ").enumerated().prefix { index, piece in
                index == 0 || !runningTitles.contains { DocumentLines.fold(piece).hasPrefix($0) }
            }.map(\.element))
            let dashedLevels = pieces.dropFirst().contains(where: namesLevel)
            // A word of its own that names no level (« Sud », « Occitanie », or two in lower case) ends the level
            // above; an acronym (« DRAC Bretagne ») is a level.
            let words = line.split(separator: " ")
            let endsAbove = (words.count == 1 || line.first?.isLowercase == true) && words.count <= 2 && !namesLevel(line)
                && !(words.first.map { $0.count >= 2 && $0.allSatisfy(\.isUppercase) } ?? false)
                || regions.contains(DocumentLines.fold(line).trimmingCharacters(in: .whitespaces))
            for (index, piece) in pieces.enumerated() {
                if levels.isEmpty || namesLevel(piece) || index == 0 && !dashedLevels && !endsAbove || isService(piece, dashedFrom: pieces[0]) {
                    levels.append(piece)
                } else {
                    levels[levels.count - 1] += (index == 0 ? " " : " – ") + piece
                }
            }
        }
        return levels
    }

    /// After a ministry, what a dash parts from it on the same line is its service (« Ministère de la Culture –
    /// Archives nationales »): a name in capitals, no address.
    static func isService(_ piece: String, dashedFrom first: String) -> Bool {
        piece != first && piece.first?.isUppercase == true && !piece.contains(where: \.isNumber)
            && ministries.contains { DocumentLines.fold(first).hasPrefix($0) }
    }

    /// The next cell under `cell` that overlaps `column`, passing over up to two lines that hold nothing in the
    /// column (the lines of a block set beside it, which its lines interleave with) or only OCR's specks (« PE RU À »,
    /// no word of three letters).
    static func nextInColumn(after cell: LocatedCell, column: LocatedCell, in document: DocumentLines) -> LocatedCell? {
        var line = cell.line + 1
        while line < document.lines.count, line - cell.line <= 3 {
            if let next = document.lines[line].first(where: { $0.page == column.page && $0.cell.overlaps(column.cell) }),
               next.text.split(separator: " ").contains(where: { $0.count(where: \.isLetter) >= 3 }) || next.text.contains(where: \.isNumber) {
                return next
            }
            line += 1
        }
        return nil
    }

    /// A region's name on a line of its own ends the level above, wrapped (« … des solidarités » / « Grand Est »).
    static let regions: Set<String> = ["grand est", "hauts-de-france", "ile-de-france", "normandie", "bretagne",
                                       "pays de la loire", "centre-val de loire", "bourgogne-franche-comte",
                                       "nouvelle-aquitaine", "occitanie", "auvergne-rhone-alpes",
                                       "provence-alpes-cote d'azur", "corse", "guadeloupe", "martinique", "guyane",
                                       "la reunion", "mayotte", "outre-mer"]
    /// What a running header prints after the entity: the piece's title, its page.
    static let runningTitles = ["cctp", "ccap", "cahier des clauses", "acte d'engagement", "fiche navette",
                                "bon de commande", "page "]

    static let titleWords = ["fiche", "bon de commande", "devis", "facture", "acte", "cahier", "cctp", "ccap", "lettre",
                             "commande", "marche", "demande", "avenant", "objet", "a l'attention", "affaire suivie"]

    /// A letter's or a mail's salutation under the sender's block (« Bonjour, », « Madame, Monsieur, »).
    static let salutations = ["bonjour", "madame", "monsieur", "mesdames", "messieurs", "cher ", "chere "]

    /// Up to two lines right under `top`, starting where it starts, that name an entity rather than an address, an
    /// identifier or the document's title.
    static func block(after end: LocatedCell, top: LocatedCell, in document: DocumentLines) -> [LocatedCell] {
        var found: [LocatedCell] = []
        var previous = end
        while found.count < 2 {
            guard let next = nextInColumn(after: previous, column: top, in: document),
                  document.alignedLeft(next, top) || document.centred(next, top) || document.alignedRight(next, top)
                    || next.cell.x0 >= top.cell.x0 - 1 && next.cell.x1 <= top.cell.x1 + 1
            else { break }
            let folded = next.folded
            let isAddress = next.text.contains(PartyFinder.postcodeLine) || next.text.first?.isNumber == true
                || PartyFinder.hasAddressWord(folded) || folded.has("siret") || folded.has("@")
                || folded.has("tel") || folded.mayHoldDigits(5)
            // A table's row of headings, a party's or an amount's label (« N° d'engagement │ Date │ … »,
            // « Fournisseur », « Montant estimatif HT ») ends the block.
            // So does a form's next row (« Opération │ Fourniture de mobilier … » under « Maître d'ouvrage │ … »).
            // A bare label: beside blocks set side by side, the other block's line may be a labelled value (« Siret : … »).
            // A label whose value stands under it (a sidebar's « SIRET » over its number) is another block's.
            let rowLabel = document.leftOf(next).first.map { left in
                (PartyFinder.isLabel(left) || ObjectFinder.labels.contains { left.folded.hasPrefix($0) })
                    && !left.text.contains(where: \.isNumber) && left.text.valueAfterColon == nil
                    && !(document.below(left, within: 1).map { $0.text.first?.isNumber == true } ?? false)
            } ?? false
            // A level's word alone with a value beside it (« Service │ … ») labels a form's row; « Secrétariat
            // général » alone on its line is a level.
            let bareLevel = (directions + services).contains(folded.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
                && document.cellRight(of: next) != nil
            let isTableRow = document.lines[next.line].count >= 3 || PartyFinder.isLabel(next) || rowLabel || bareLevel
                || ["n°", "numero", "montant", "total", "date"].contains { folded.hasPrefix($0) }
            guard !isAddress, !isTableRow, PartyFinder.isName(next.text), next.text.count <= 120,
                  !(titleWords + salutations).contains(where: { folded.hasPrefix($0) }), next.text != next.text.uppercased() || top.text == top.text.uppercased()
            else { break }
            found.append(next)
            previous = wrapped(next, in: document).last ?? next
        }
        return found
    }

    /// The cell and the lines that continue it: while it stops on a connector (« et des », « de la ») or the next
    /// line, starting where it starts, begins in lower case.
    static func wrapped(_ cell: LocatedCell, in document: DocumentLines) -> [LocatedCell] {
        var run = [cell]
        while run.count < 3, let last = run.last, let next = nextInColumn(after: last, column: last, in: document),
              document.alignedLeft(next, cell) {
            let lastWord = DocumentLines.fold(String(last.text.split(separator: " ").last ?? ""))
            let endsMidPhrase = ObjectFinder.connectors.contains(lastWord) || lastWord.hasSuffix("'") || last.text.hasSuffix(",")
                || last.text.hasSuffix("-")
            guard endsMidPhrase || next.text.first?.isLowercase == true, PartyFinder.isName(next.text) else { break }
            if next.text.contains(PartyFinder.postcodeLine) {
                // The name ends on that line before the address it goes on with (« … du travail et des » /
                // « solidarités de Normandie – 76000 Rouen »).
                let head = PartyFinder.dashesNormalised(next.text).components(separatedBy: " – ")[0]
                if endsMidPhrase, head.count < next.text.count, !head.contains(PartyFinder.postcodeLine), !head.contains(where: \.isNumber) {
                    run.append(next.with(text: head))
                }
                break
            }
            run.append(next)
        }
        return run
    }
}
