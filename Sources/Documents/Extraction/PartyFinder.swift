import Foundation
import EclaireCore

/// The supplier (name and identifiers) and the buyer administration.
enum PartyFinder {
    static func find(in document: DocumentLines, into facts: inout DocumentFacts) {
        let hits = IdentifierFinder.hits(in: document)
        let type = facts.documentType
        let supplierSiren = supplierSIREN(hits, document, type: type)
        let r = document.reliability
        func belongsToSupplier(_ hit: IdentifierHit) -> Bool {
            // A number whose check fails may be wrong in its SIREN part too: where it stands decides.
            if let siren = hit.siren, hit.checked.isValid || hit.kind == .siren { return siren == supplierSiren }
            if let siren = hit.siren, IdentifierFinder.isPublicBody(siren: siren) { return false }
            if hit.siren != nil, let siren = supplierSiren, hits.contains(where: { $0.kind == hit.kind && $0.checked.isValid && $0.siren == siren }) {
                return false
            }
            let side = IdentifierFinder.side(of: hit, in: document, type: type)
            return side != .buyer && side != .partner
        }
        let supplierHits = hits.filter(belongsToSupplier)
        // `invalid_ids` speaks of the supplier's fields: a buyer's wrong SIREN printed beside them is not one of them.
        for hit in supplierHits where !hit.checked.isValid && hit.labelled { facts.flagInvalid(hit.kind.rawValue) }
        if let siret = supplierHits.first(where: { $0.kind == .siret && $0.checked.isValid })
            ?? supplierHits.first(where: { $0.kind == .siret }) {
            facts.offer(ExtractedField(key: .supplierSiret, value: siret.checked.normalized,
                                       confidence: (siret.checked.isValid ? 0.95 : 0.6) * r, source: siret.cell.source))
        }
        if let siren = supplierHits.first(where: { $0.kind == .siren }) {
            facts.offer(ExtractedField(key: .supplierSiren, value: siren.checked.normalized,
                                       confidence: (siren.checked.isValid ? 0.95 : 0.6) * r, source: siren.cell.source))
        } else if let siren = supplierSiren, let carrier = supplierHits.first(where: { $0.siren == siren }) {
            facts.offer(ExtractedField(key: .supplierSiren, value: siren, confidence: 0.9 * r, source: carrier.cell.source))
        }
        if let vat = supplierHits.first(where: { $0.kind == .vatNumber }) {
            facts.offer(ExtractedField(key: .supplierVAT, value: vat.checked.normalized,
                                       confidence: (vat.checked.isValid ? 0.95 : 0.6) * r, source: vat.cell.source))
        } else if let siren = supplierSiren, supplierHits.contains(where: { $0.siren == siren && $0.checked.isValid }),
                  let fragment = vatFragment(of: siren, in: document) {
            facts.offer(ExtractedField(key: .supplierVAT, value: fragment.number, confidence: 0.85 * r, source: fragment.cell.source))
        }
        // An IBAN on a purchase document is the payee's; a buyer's cue near it ("facture à régler par virement")
        // only orders the choice.
        if let iban = hits.first(where: { $0.kind == .iban && IdentifierFinder.side(of: $0, in: document, type: type) != .buyer })
            ?? hits.first(where: { $0.kind == .iban }) {
            if !iban.checked.isValid && iban.labelled { facts.flagInvalid(IdentifierHit.Kind.iban.rawValue) }
            facts.offer(ExtractedField(key: .iban, value: iban.checked.normalized,
                                       confidence: (iban.checked.isValid ? 0.95 : 0.6) * r, source: iban.cell.source))
        }
        let supplier = supplierName(document, anchors: supplierHits, type: type)
        facts.offer(supplier)
        facts.offer(buyer(document, anchors: hits.filter { !belongsToSupplier($0) }, supplier: supplier?.value))
    }

    nonisolated(unsafe) static let vatStart = /\bFR\s?(\d{2})((?:[\s.]?\d{3}){0,3})(?!\d)/

    /// A French VAT number printed cut (wrapped at its end, a column set beside it: « FR77 976 581 ») beside a TVA
    /// label: its key and digits agree with the supplier's SIREN, from which the key is computed, so the number is
    /// that SIREN's. That number, with the cell it was read in.
    static func vatFragment(of siren: String, in document: DocumentLines) -> (number: String, cell: LocatedCell)? {
        guard let number = Identifiers.frenchVATNumber(siren: siren) else { return nil }
        let key = number.dropFirst(2).prefix(2)
        for cell in document.cells where cell.text.contains("FR") && (cell.folded.has("tva") || cell.folded.has("vat")) {
            for match in cell.text.matches(of: vatStart) where match.output.1 == key {
                if siren.hasPrefix(String(match.output.2).filter(\.isNumber)) { return (number, cell) }
            }
        }
        return nil
    }

    /// The organisation the identifiers point to as supplier: votes by the cues around each of its identifiers;
    /// a public body's SIREN counts towards the buyer.
    static func supplierSIREN(_ hits: [IdentifierHit], _ document: DocumentLines, type: DocumentType) -> String? {
        var scores: [String: (score: Double, first: Int)] = [:]
        // An invoice or a quote is issued by someone: when every company number on it is a public body's, one of
        // them issued it (an établissement public billing a ministry).
        let issuedByPublicBody = (type == .facture || type == .devis)
            && hits.allSatisfy { $0.siren.map(IdentifierFinder.isPublicBody(siren:)) ?? true }
        for hit in hits {
            guard let siren = hit.siren else { continue }
            var vote = 0.0
            switch IdentifierFinder.side(of: hit, in: document, type: type) {
            case .supplier: vote = 2
            case .buyer, .partner: vote = -2
            case nil: vote = 0.5
            }
            if IdentifierFinder.isPublicBody(siren: siren), !issuedByPublicBody { vote -= 1.5 }
            // A number whose check fails carries a SIREN that may be misprinted or misread; one whose key holds
            // vouches for its SIREN a little (an invalid SIRET beside a valid VAT number of another SIREN).
            if !hit.checked.isValid { vote *= 0.25 } else if vote > 0 { vote += 0.3 }
            let known = scores[siren] ?? (0, hit.cell.line)
            scores[siren] = (known.score + vote, min(known.first, hit.cell.line))
        }
        return scores.filter { $0.value.score > -1 }
            .max { ($0.value.score, -$0.value.first) < ($1.value.score, -$1.value.first) }?.key
    }

    // MARK: Names

    static let legalForms = ["sas", "sarl", "sa", "eurl", "sasu", "snc", "scop", "scic", "gie", "selarl", "selas", "selafa", "scp", "eirl",
                             "sem", "spl", "sca", "sci",
                             "societe anonyme", "societe par actions simplifiee", "association", "ei", "gmbh", "ltd",
                             "s.a.s.", "s.a.", "s.a.r.l.",
                             // Other member states' companies bill the State too.
                             "srl", "s.r.l.", "sprl", "bv", "b.v.", "nv", "n.v.", "plc", "limited", "spa", "s.p.a."]
    /// Five digits then a town; « 85 000 euros HT » or « 12 500 jours » is an amount, not an address.
    /// Abroad: a country's letter before the code (« L-1724 Luxembourg ») or the country after the town (« 1000
    /// Bruxelles – Belgique », « D02 X285 Dublin 2, Irlande »).
    nonisolated(unsafe) static let postcodeLine =
        /(?:^|\D)\d{2} ?\d{3}(?!\d)(?!\s+(?:euros?|eur|ht|ttc|jours?|heures?|mois|ans?|pages?)\b)\s+[A-Za-zÀ-ÿ]|(?:^|[^A-Za-z0-9-])[A-Z]{1,2}-\d{4,5}\s+[A-Za-zÀ-ÿ]|\d[^:]*[,–—-]\s*(?:belgique|luxembourg|suisse|allemagne|autriche|pays-bas|danemark|irlande|italie|espagne|portugal|royaume-uni)\s*$/.ignoresCase()
    static let addressWords = ["rue ", "avenue", "av.", "bd ", "boulevard", "chemin", "place ", "allee", "impasse",
                               "route ", "quai", "cedex", "bp ", "cs ", "zi ", "za ",
                               "zac", "lieu-dit", "cours ", "esplanade", "square", "parvis", "tour ",
                               // Abroad.
                               " street", "strasse", "straße", " road", "straat", "laan "]
    /// A building is part of an address where a line opens on it or it is designated (« Bâtiment B », « bâtiment
    /// 3 »); in a company's name it is a trade (« Contrôle Technique Bâtiment Ouest »).
    static func hasAddressWord(_ folded: String) -> Bool {
        addressWords.contains { folded.has($0) } || folded.contains(designatedBuilding) || folded.contains(namedBuilding)
    }

    /// A building named on its own line (« Bâtiment Europa », « Bâtiment Les Jardins de la Gare »); a company's name
    /// opening on its trade goes on with more words (« Bâtiment Rénovation Picard »).
    nonisolated(unsafe) static let namedBuilding = /^batiment\s+(?:(?:le|la|les)\s|l'|[^\s]+\s*$)/

    nonisolated(unsafe) static let designatedBuilding = /(?:^|[^a-z])batiment\s+(?:[a-z]\d{0,2}|\d{1,3})(?:[^a-z0-9]|$)/

    static let supplierLabels = ["fournisseur", "titulaire", "prestataire", "raison sociale", "denomination",
                                 "nom du titulaire", "cocontractant", "vendeur", "emetteur", "societe", "entreprise",
                                 "nom commercial"]
    /// Labels that name the buyer outright, as procurement notices and acts print them: read before any letterhead.
    static let statedBuyerLabels = ["nom et adresse officiels de l'organisme acheteur", "nom de l'organisme acheteur",
                                    "identification de l'organisme acheteur", "organisme acheteur",
                                    "identification de l'acheteur", "nom de l'acheteur", "acheteur public",
                                    "maitre d'ouvrage", "personne publique contractante"]
    /// Who holds an energy or telecom contract is its customer: « Titulaire du contrat » names the buyer, not the
    /// titulaire of a marché.
    static let holderLabels = ["titulaire du contrat", "titulaire de l'abonnement", "titulaire de la ligne"]
    static let buyerLabels = ["client", "adresse du client", "acheteur", "pouvoir adjudicateur", "destinataire", "facture a", "facturer a",
                              "titulaire du contrat", "titulaire de l'abonnement", "titulaire de la ligne",
                              "commanditaire", "entite adjudicatrice", "service acheteur", "administration",
                              "adresse de facturation", "a l'attention de", "a l'attention du"]
    /// Labels of the service that orders inside the buyer (a fiche navette's « Service demandeur »): it names the
    /// entity under the ministry a letterhead shows.
    static let requestingServiceLabels = ["service demandeur", "service prescripteur", "service commanditaire",
                                          "direction / service", "service beneficiaire"]
    /// Titles of a document's blocks that hold no party's name (« Fournisseur │ Facturation » over two blocks).
    static let blockTitles = ["facturation", "livraison", "adresse de livraison", "expedition", "chantier",
                              "adresse du chantier", "lieu d'execution", "lieu de livraison"]

    /// A purchase order is sent by the buyer: its « Destinataire » is the supplier.
    static func supplierName(_ document: DocumentLines, anchors: [IdentifierHit], type: DocumentType) -> ExtractedField? {
        let r = document.reliability
        // A public body is no supplier: « Fournisseur d'énergie », a tagline, set beside the buyer's block.
        // A subcontractor's invoice names the marché's titulaire too: the issuer is the subcontractor.
        let titulaireIsPartner = isSubcontractorsPiece(document, type: type)
        if let labelled = labelledValue(document, labels: supplierLabels + (type == .bonDeCommande ? ["destinataire"] : []),
                                        skipping: titulaireIsPartner ? ["titulaire"] : []),
           !isPublicBody(DocumentLines.fold(labelled.value)) {
            return ExtractedField(key: .supplierName, value: labelled.value, confidence: 0.85 * r, source: labelled.cell.source)
        }
        // A joint group's row « Mandataire │ ACME » (its headings lost by OCR): the mandataire signs for the group.
        // Only as a row's label: ATTRI1's « mandataire solidaire » boxes are no label.
        for cell in document.cells where cell.folded.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) == "mandataire" {
            if let beside = document.cellRight(of: cell), isName(beside.text), looksLikeAName(beside.text), !isLabel(beside) {
                return ExtractedField(key: .supplierName, value: cleanName(document.wrappedText(of: beside)), confidence: 0.8 * r,
                                      source: beside.source)
            }
        }
        // « … agissant au nom et pour le compte de la société ACME, dont le siège … »: the company the signatory
        // engages, named in the sentence (which may wrap anywhere).
        if let named = companyNamedInSentence(document) {
            return ExtractedField(key: .supplierName, value: named.name, confidence: 0.7 * r, source: named.cell.source)
        }
        // The heading of the address block the identifiers are printed under.
        // A public body's block above the supplier's identifiers (the addressee's, when OCR lost the lines between)
        // names the buyer.
        // Unless the supplier's own identifiers are a public body's (an établissement public's invoice).
        let publicIssuer = anchors.contains { $0.siren.map(IdentifierFinder.isPublicBody(siren:)) ?? false }
        for anchor in anchors {
            if let block = nameAboveAddress(anchor.cell, document), publicIssuer || !isPublicBody(block.folded) {
                return ExtractedField(key: .supplierName, value: cleanName(block.text), confidence: 0.7 * r, source: block.source)
            }
        }
        // "Au bon moulin SARL - 1242 chemin de l'olive - SIRET…": a legal form on the identifiers' own line.
        for anchor in anchors {
            if let name = nameWithLegalForm(anchor.cell.text) {
                return ExtractedField(key: .supplierName, value: name, confidence: 0.75 * r, source: anchor.cell.source)
            }
        }
        // A legal footer: « Pivot Technologies — 134 cours Lafayette … — RCS Nanterre … — SIRET … »: its first part.
        for anchor in anchors {
            // A footer paragraph wraps: its first part may be a line or two above the identifier, or, split by a
            // wide gap, in a cell to its left on the same line.
            for cell in [anchor.cell] + document.leftOf(anchor.cell) + document.contextAbove(anchor.cell, lines: 2) {
                if let name = legalLineName(cell, onIdentifiersLine: cell.line == anchor.cell.line) {
                    return ExtractedField(key: .supplierName, value: spaced(name, in: document), confidence: 0.65 * r,
                                          source: cell.source)
                }
                if cell.line == anchor.cell.line, let name = nameApartFromItsAddress(cell, document) {
                    return ExtractedField(key: .supplierName, value: name, confidence: 0.6 * r, source: cell.source)
                }
            }
        }
        // « ACME, 12 rue …, 75011 Paris, numéro SIRET … »: the name before the address, in the identifiers' sentence.
        for anchor in anchors {
            // The sentence may start on the line above (« ACME, 14 ZA des Landes, 63000 Clermont-Ferrand, » /
            // « contact@acme.fr, numéro SIRET … »).
            let above = document.lines.indices.contains(anchor.cell.line - 1) ? document.lines[anchor.cell.line - 1] : []
            let sentence = above.count == 1 && above[0].text.hasSuffix(",") ? above[0].text + " " + anchor.cell.text : anchor.cell.text
            let parts = sentence.components(separatedBy: ", ")
            guard parts.count >= 3, let name = parts.first.map(cleanName) else { continue }
            let next = DocumentLines.fold(parts[1])
            let isAddress = parts[1].first?.isNumber == true || hasAddressWord(next)
            if isAddress, isName(name), looksLikeAName(name), name.count <= 60,
               !["siret", "siren", "tva", "rcs"].contains(where: { DocumentLines.fold(name).hasWord($0) }) {
                return ExtractedField(key: .supplierName, value: name, confidence: 0.65 * r, source: anchor.cell.source)
            }
        }
        for anchor in anchors {
            let near = document.leftOf(anchor.cell) + document.contextAbove(anchor.cell, lines: 8)
            for cell in near { if let name = nameWithLegalForm(nameWrappedAbove(cell, document).text) ?? nameWithLegalForm(cell.text) {
                return ExtractedField(key: .supplierName, value: name, confidence: 0.65 * r, source: cell.source)
            } }
        }
        // A letterhead: the first cell of the first page holding a legal form, with its name's first line when the
        // name wraps (« AUDIT & STRATÉGIE » / « PUBLIQUE SCOP »).
        for cell in document.cells.prefix(40) {
            if let name = nameWithLegalForm(nameWrappedAbove(cell, document).text) ?? nameWithLegalForm(cell.text) {
                return ExtractedField(key: .supplierName, value: name, confidence: 0.55 * r, source: cell.source)
            }
        }
        // A letterhead without identifiers under it (they stand in the footer): the name heading the first address
        // block of the first page that is no public body's and no addressee's (under « Client », « Adressé à »).
        for cell in document.cells.prefix(60) where cell.page == 1 && cell.text.contains(postcodeLine) {
            guard let block = nameAboveAddress(cell, document, fromIdentifier: false) else { continue }
            let folded = block.folded
            let isPublic = entityLevels.contains { folded.hasPrefix($0) }
            let addressed = document.contextAbove(block, lines: 2).contains { above in
                isLabel(above) && buyerLabels.contains { above.folded.has($0) }
            }
            if isPublic || addressed { continue }
            return ExtractedField(key: .supplierName, value: cleanName(block.text), confidence: 0.5 * r, source: block.source)
        }
        return nil
    }

    /// The company a sentence engages or pays: « agissant au nom de la société ACME », « engager la somme de … au
    /// profit de la société ACME (SIRET …) ».
    nonisolated(unsafe) static let engagedCompany =
        /(?:pour le compte de|au nom de|pour le compte d'|engage|au profit de|au benefice de|en faveur de)\s+(?:la societe|l'entreprise|la sarl|la sas|la sa|l'eurl|le groupement)\s*:?\s*/

    static func companyNamedInSentence(_ document: DocumentLines) -> (name: String, cell: LocatedCell)? {
        let ends = [",", " dont ", " sise ", " situee ", " immatricul", " representee", " au capital", " (", ";", " m'engage", " s'engage"]
        func end(of folded: Substring) -> Int? {
            ends.compactMap { folded.range(of: $0).map { folded.distance(from: folded.startIndex, to: $0.lowerBound) } }.min()
        }
        for cell in document.cells {
            // The sentence may wrap anywhere: after « au profit de la », after « la société », inside the name. A
            // form's row under it (« Désignation du titulaire │ ACME ») is no wrapped sentence.
            var following: [LocatedCell] = []
            for step in 1...2 where cell.line + step < document.lines.count && following.count == step - 1 {
                let line = document.lines[cell.line + step]
                if line.count == 1, let next = line.first, next.page == cell.page, !isLabel(next) { following.append(next) }
            }
            // Folding is one character for one character: the cells' folded texts joined are the joined text folded.
            let joined = ([cell.text] + following.map(\.text)).joined(separator: " ")
            let folded = ([cell.folded] + following.map(\.folded)).joined(separator: " ")
            guard folded.count == joined.count, folded.has("societe") || folded.has("entreprise") || folded.has("groupement"),
                  let match = folded.firstMatch(of: engagedCompany),
                  folded.distance(from: folded.startIndex, to: match.range.lowerBound) < cell.text.count else { continue }
            let offset = folded.distance(from: folded.startIndex, to: match.range.upperBound)
            let rest = joined.dropFirst(offset)
            let length = end(of: folded.dropFirst(offset)) ?? rest.count
            let name = cleanName(String(rest.prefix(length)))
            let source = offset >= cell.text.count ? following.first ?? cell : cell
            if isName(name), looksLikeAName(name), name.split(separator: " ").count <= 8 { return (name, source) }
        }
        return nil
    }

    /// A State entity named on the document (ministère › direction › service) or the client's name.
    static func buyer(_ document: DocumentLines, anchors: [IdentifierHit], supplier: String?) -> ExtractedField? {
        let r = document.reliability
        if let stated = labelledValue(document, labels: statedBuyerLabels) {
            return ExtractedField(key: .buyer, value: entityLevels(stated, in: document), confidence: 0.85 * r,
                                  source: stated.cell.source)
        }
        let service = labelledValue(document, labels: requestingServiceLabels) ?? bareServiceRow(document)
        if let state = StateEntity.find(in: document) {
            // The letterhead names the ministry, the form the service inside it that orders.
            if let service, !names(state.name, service.value) {
                return ExtractedField(key: .buyer, value: state.name + " › " + service.value, confidence: state.confidence * r,
                                      source: service.cell.source)
            }
            return ExtractedField(key: .buyer, value: state.name, confidence: state.confidence * r, source: state.source)
        }
        if let labelled = service ?? labelledValue(document, labels: buyerLabels) {
            // A long name runs on to the next line (« … de l'expertise et de la » / « performance »).
            let continued = StateEntity.wrapped(labelled.cell, in: document).dropFirst().map(\.text)
            let value = ([labelled.value] + continued).joined(separator: " ")
            return ExtractedField(key: .buyer, value: entityPath(value), confidence: 0.7 * r, source: labelled.cell.source)
        }
        for anchor in anchors {
            if let block = nameAboveAddress(anchor.cell, document) {
                return ExtractedField(key: .buyer, value: block.text, confidence: 0.55 * r, source: block.source)
            }
        }
        // The addressee: the first address block of the first page that is not the supplier's.
        let supplierKey = supplier.map(SupplierReferenceEntry.nameKey)
        for cell in document.cells.prefix(80) where cell.page == 1 && cell.text.contains(postcodeLine) {
            guard let block = nameAboveAddress(cell, document, fromIdentifier: false) else { continue }
            let key = SupplierReferenceEntry.nameKey(block.text)
            if let supplierKey, key == supplierKey || key.has(supplierKey) || supplierKey.has(key) { continue }
            return ExtractedField(key: .buyer, value: cleanName(block.text), confidence: 0.5 * r, source: block.source)
        }
        return nil
    }

    /// A form's row labelled « Service » alone, its value beside it (« Service │ Service des impôts des entreprises
    /// de Pau »): the service that asks.
    static func bareServiceRow(_ document: DocumentLines) -> (value: String, cell: LocatedCell)? {
        for cell in document.cells where cell.folded.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":"))) == "service" {
            if let value = document.cellRight(of: cell), isName(value.text), value.text.first?.isUppercase == true {
                return (cleanName(document.wrappedText(of: value)), value)
            }
        }
        return nil
    }

    /// "Titulaire : ACME SAS" or a "Titulaire" heading with the name in the cell below; a list mark or a number
    /// before the label ("- Nom de l'acheteur :", "1. Titulaire") does not hide it.
    /// `skipping`: words that make a cell no label of the party looked for.
    static func labelledValue(_ document: DocumentLines, labels: [String], skipping: [String] = []) -> (value: String, cell: LocatedCell)? {
        for cell in document.cells where !skipping.contains(where: { cell.folded.hasWord($0) }) {
            let start = cell.folded.prefix(6).firstIndex(where: \.isLetter) ?? cell.folded.startIndex
            var head = cell.folded[start...]
            // An article before the label and its colon (« Le titulaire : … »); not a sentence (« La société … s'engage »).
            if let article = ["le ", "la ", "l'"].first(where: head.hasPrefix), let label = labels.first(where: head.dropFirst(article.count).hasPrefix),
               head.dropFirst(article.count + label.count).trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                head = head.dropFirst(article.count)
            }
            for label in labels where head.hasPrefix(label) {
                if !holderLabels.contains(label), holderLabels.contains(where: { head.hasPrefix($0) }) { continue }
                // « Fournisseur d'énergie », « Prestataire de services »: what a company does, not a label.
                if let complement = head.dropFirst(label.count).firstMatch(of: labelComplement),
                   !["marche", "contrat", "commande", "lot", "accord", "groupement", "compte"].contains(String(complement.output.1)) { continue }
                let rest = head.dropFirst(label.count)
                guard rest.first.map({ !$0.isLetter }) ?? true else { continue }
                // A sentence's last word wrapped alone (« … ouvert au nom du » / « titulaire. ») is no label.
                if rest.hasPrefix("."), cell.text.first?.isLowercase == true { continue }
                if rest.contains(":"), let value = cell.text.valueAfterColon.map(nameBeforeAddress), isName(value) {
                    return (cleanName(value), cell)
                }
                let bare = rest.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).isEmpty
                // A form's or a table's row: the label in its cell, the value in the next one (« Dénomination │ ACME »).
                let headingRow = document.isInHeadingRow(cell)
                if bare || rest.count <= 30, !rest.contains(where: \.isNumber), !headingRow,
                   let beside = document.cellRight(of: cell), isName(beside.text), !isAmountHeadings(beside.folded), !isLabel(beside),
                   // A line in lower case beside it ends a name wrapped above, another block's (« de Lyon »).
                   beside.text.first?.isLowercase != true {
                    // A name wrapped in a narrow cell (« TRANSPORTS GIRARD ET » / « FILS ») is read whole.
                    return (cleanName(document.wrappedText(of: beside)), beside)
                }
                if bare {
                    // A heading: the name is the first line under it that is not a contact line.
                    // Under a row of headings, past the lines its headings wrap to.
                    var next = document.below(cell, within: headingRow ? 4 : 2)
                    while let candidate = next, candidate.line - cell.line <= (headingRow ? 5 : 3) {
                        // A row of its own under the heading (« Raison sociale : ACME »): its value when it names
                        // the company, else the next row (« Adresse : … »).
                        if let colon = candidate.text.firstIndex(of: ":"), candidate.text.distance(from: candidate.text.startIndex, to: colon) <= 30 {
                            let rowLabel = DocumentLines.fold(String(candidate.text[..<colon])).trimmingCharacters(in: .whitespaces)
                            guard supplierLabels.contains(where: { rowLabel.hasPrefix($0) }) || rowLabel == "nom",
                                  let value = candidate.text.valueAfterColon, isName(value) else {
                                next = document.below(candidate)
                                continue
                            }
                            // Its value may wrap to the next line, starting where the row starts (« OUEST SASU »).
                            var name = document.wrappedText(of: candidate).valueAfterColon ?? value
                            if let below = namePart(after: candidate, document), name.count + below.text.count <= 80 {
                                name += " " + below.text
                            }
                            return (cleanName(name), candidate.with(text: name))
                        }
                        let contact = candidate.folded.has("@") || ["contact", "tel", "telephone"].contains { candidate.folded.hasWord($0) }
                        // A row of its own (« Raison sociale │ ACME ») under a heading is no name but the next label.
                        // A cell beside it under another heading of the label's line is another block's (« Émetteur │
                        // Adressé à » over both names), not its row's value.
                        let underHeading = document.cellRight(of: candidate).map { right in
                            document.lines[cell.line].contains { $0.index > cell.index && $0.cell.overlaps(right.cell) }
                        } ?? false
                        let row = (document.cellRight(of: candidate) != nil && !underHeading) || isLabel(candidate)
                        if !contact && !row && isName(candidate.text) {
                            // A table's row whose cells wrap (« LUMIÈRE & SON » / « AUDIOVISUEL SAS »), or a value
                            // wrapped in its column under a row of headings.
                            // Not past the name into its address.
                            let headed = document.headedValues.first { $0.line == candidate.line && $0.index == candidate.index }?
                                .text.valueAfterColon.flatMap { $0.contains(where: \.isNumber) ? nil : $0 }
                            // Not past the name into its address either.
                            let wrapped = document.wrappedText(of: candidate)
                            let added = DocumentLines.fold(String(wrapped.dropFirst(candidate.text.count)))
                            let whole = added.contains(where: \.isNumber) || hasAddressWord(added) ? candidate.text : wrapped
                            return (cleanName(headed.map { $0.count > whole.count ? $0 : whole } ?? whole), candidate)
                        }
                        next = document.below(candidate)
                    }
                }
            }
        }
        return nil
    }

    /// A buyer's name read in its own cell under or beside its label, with the lines that continue it and the levels
    /// under it (« Institut national … des études » / « économiques » / « Direction régionale des Hauts-de-France »).
    static func entityLevels(_ labelled: (value: String, cell: LocatedCell), in document: DocumentLines) -> String {
        // « Maître d'ouvrage : Ministère … – Secrétariat général … du ministère » / « de l'Intérieur Sud »: the value
        // after the label, its wrapped end, its levels.
        let run = StateEntity.wrapped(labelled.cell, in: document)
        if labelled.cell.text.contains(":") && labelled.cell.text != labelled.value {
            let continued = run.dropFirst().map(\.text)
            return StateEntity.levels(of: [([labelled.value] + continued).joined(separator: " ")]).joined(separator: " › ")
        }
        // In a cell of its own, read already with the lines its cell wraps to, or with them now.
        guard let end = run.last else { return labelled.value }
        // A box beside its label holding the levels and the address (« Ministère … » / « Direction … » / « 44000
        // Nantes »): its lines are the levels, up to the address.
        var boxed = [labelled.cell]
        while let last = boxed.last, let next = StateEntity.nextInColumn(after: last, column: labelled.cell, in: document),
              labelled.value.contains(next.text), boxed.count < 6 { boxed.append(next) }
        if boxed.count > run.count {
            // Not by its words: « Direction interdépartementale des routes » is no street.
            let levels = boxed.prefix { cell in !cell.text.contains(postcodeLine) && cell.text.first?.isNumber != true }
            if levels.count > run.count {
                return StateEntity.levels(of: levels.map { cleanName($0.text) }).joined(separator: " › ")
            }
        }
        let joined = run.map(\.text).joined(separator: " ")
        let lines = [labelled.value.count > joined.count ? labelled.value : joined]
            + StateEntity.block(after: end, top: labelled.cell, in: document).map { StateEntity.wrapped($0, in: document).map(\.text).joined(separator: " ") }
        return StateEntity.levels(of: lines.map(cleanName)).joined(separator: " › ")
    }

    /// Whether `whole` already names `part`: most of the part's words are among its words (a wrapped box's reading may
    /// have picked up a word of the next row).
    static func names(_ whole: String, _ part: String) -> Bool {
        func words(_ text: String) -> Set<Substring> { Set(DocumentLines.fold(text).split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 3 }) }
        let partWords = words(part)
        return !partWords.isEmpty && Double(partWords.intersection(words(whole)).count) >= 0.6 * Double(partWords.count)
    }

    /// « Ministère du Travail – Délégation générale … » written on one line: the entity's levels joined by « › », as
    /// the letterhead's lines are.
    /// After a ministry, what a dash parts from it is its service (`StateEntity.isService`).
    static func entityPath(_ name: String) -> String {
        let parts = dashesNormalised(name).components(separatedBy: " – ")
        return parts.reduce(into: "") { path, part in
            let folded = DocumentLines.fold(part)
            let level = entityLevels.contains { folded.hasPrefix($0) } || StateEntity.isService(part, dashedFrom: parts[0])
            path += path.isEmpty ? part : (level ? " › " : " – ") + part
        }
    }

    /// A dash between two parts of a name as « – »: OCR reads it as a hyphen, or glued to the next word (« Armées
    /// -Service »).
    static func dashesNormalised(_ text: String) -> String {
        text.contains(where: { $0 == "-" || $0 == "–" || $0 == "—" }) ? text.replacing(nameDash) { _ in " – " } : text
    }

    nonisolated(unsafe) static let nameDash = #/ [-–—] ?(?=\p{Lu})| [-—] /#
    nonisolated(unsafe) static let labelComplement = /^ (?:d'|de |des |du )([a-z]+)/

    static let entityLevels = StateEntity.ministries + StateEntity.directions + StateEntity.services
        + ["institut", "office", "universite", "etablissement"]

    /// Whether a cell is itself a label of a party or an address (the heading row of a table: « Émetteur │ Client »).
    static func isLabel(_ cell: LocatedCell) -> Bool {
        let head = cell.folded.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        guard head.count <= 40 else { return false }
        return cell.text.hasSuffix(":")
            || labelWords.contains { head.hasPrefix($0) && head.dropFirst($0.count).first.map { !$0.isLetter } ?? true }
    }

    static let labelWords = supplierLabels + buyerLabels + statedBuyerLabels + requestingServiceLabels + blockTitles
        + ["adresse", "a l'attention", "nom", "siret"]

    /// Walks up from a postcode line above the identifier, past street lines, to the name heading the block.
    /// `fromIdentifier`: the anchor is an identifier's cell, whose own line is not searched — a postcode there is
    /// another block's, set too close to it (« SIRET : 850 030 685 59337 92100 Boulogne »), or a legal line's,
    /// which holds its own name.
    static func nameAboveAddress(_ anchor: LocatedCell, _ document: DocumentLines, fromIdentifier: Bool = true) -> LocatedCell? {
        let column = [anchor] + document.contextAbove(anchor, lines: 12)
        // A letterhead may follow its address with the identifiers on one line (« 75 quai de la Fosse · 31000 Toulouse
        // · SIRET … »): that line opens the walk up to the name. At a page's foot such a line stands under a
        // signature (« Pour ACME, » / « Jeanne Martin, associée »), not under a name.
        let ownLine = fromIdentifier && anchor.page == 1 && anchor.line <= 8 && anchor.text.contains(postcodeLine)
            && opensOnAddress(anchor)
        // The identifiers close their own block: a postcode further up is another block's, above the page's body.
        // Lines are counted in the block's column: a block beside it (a client's, set at other heights) adds lines.
        guard let postcode = ownLine ? 0 : column.dropFirst(fromIdentifier ? 1 : 0).firstIndex(where: { $0.text.contains(postcodeLine) }),
              !fromIdentifier || postcode <= 6
        else { return nil }
        // A legal line (« ACME — 12 rue … 75011 Paris — RCS … ») holds its own name; what stands above it is not.
        // Its registry words may stand in another cell of the line, past a wide gap (and OCR may misread « RCS »).
        let line = document.lines[column[postcode].line].map(\.folded).joined(separator: " ")
        if !ownLine, column[postcode].text.count > 60 && ["rcs", "capital", "siret"].contains(where: { line.hasWord($0) }) {
            return nil
        }
        // Up the postcode's own column: a wide anchor overlaps two blocks side by side.
        let block = column[postcode].cell
        var index = postcode + 1
        var lowest = column[postcode].line
        while index < column.count {
            let cell = column[index]
            guard cell.cell.overlaps(block) else { index += 1; continue }
            // A block's lines stand close (a letterhead's name in large type a little further): past a wide gap,
            // or on a row of amounts, is another block (the totals above a legal footer).
            if cell.line != lowest, let low = document.extents[lowest], let high = document.extents[cell.line],
               low.top - high.bottom > 2 * max(low.bottom - low.top, high.bottom - high.top) { return nil }
            if document.lines[cell.line].contains(where: { $0.text.firstMatch(of: AmountFinder.amountPattern) != nil }) { return nil }
            lowest = cell.line
            // « À l'attention de M. Durand » under the addressee's name: a contact, not the block's heading; nor is
            // a legal status under the name (« Établissement public »).
            if cell.folded.hasPrefix("a l'attention d"), cell.text.valueAfterColon == nil,
               cell.folded.split(separator: " ").count >= 4 { index += 1; continue }
            if legalStatuses.contains(where: { cell.folded.hasPrefix($0) }) { index += 1; continue }
            // The block's heading (« Émetteur », « Facturé à ») reached without a name: there is none to give.
            if isLabel(cell) { return nil }
            let isAddress = hasAddressWord(cell.folded) || cell.text.first?.isNumber == true
            // A registration (« Ordre des architectes n° S01183 », « Déclaration d'activité n° … ») is no name.
            let isIdentifier = cell.folded.has("@") || ["iban", "siret", "siren", "tva", "tel", "bic"].contains { cell.folded.hasWord($0) }
                || cell.folded.has("n°") && cell.text.contains(where: \.isNumber)
            if !isAddress, !isIdentifier, !cell.folded.has("adresse"), !cell.folded.has("contact") {
                // The first line above the address that is neither address nor contact ends the block: a name, or
                // nothing (a total, a sentence of the page).
                let isTitle = StateEntity.titleWords.contains { cell.folded.hasPrefix($0) }
                // The block's last name line may be the end of a name wrapped (« Établissement du service » /
                // « d'infrastructure de la défense de Lyon »): the whole name is what must read as one.
                let named = nameWrappedAbove(cell, document)
                guard isName(cell.text), looksLikeAName(named.text), !isTitle else { return nil }
                return named
            }
            index += 1
        }
        return nil
    }

    /// A line that starts with its street's number or an address word: no name stands before the address.
    static func opensOnAddress(_ cell: LocatedCell) -> Bool {
        cell.text.first?.isNumber == true || addressWords.contains { cell.folded.hasPrefix($0) }
    }

    /// Words that make a line a role's heading (« SELLER TRADE NAME »), not part of a name.
    static let roleWords = ["seller", "buyer", "name", "nom", "trade", "supplier", "customer", "adresse", "address"]

    /// A name set in a narrow box wraps: its first line stands right above (« SÉCURITÉ GARDIENNAGE » over « OUEST
    /// SASU »), read with it.
    /// A line set in a smaller type right under the name is no part of it but what the company does (« Organisme
    /// de formation »): the name is the line above alone. A document's title the name's line runs into (« ACME
    /// PROPOSITION DE FORMATION », the title set close to it) is cut off.
    static func nameWrappedAbove(_ cell: LocatedCell, _ document: DocumentLines) -> LocatedCell {
        // The line above in the block, past a line of another block set beside it (« FACTURE » on the right).
        guard let above = (1...2).lazy.compactMap({ step -> LocatedCell? in
            let line = cell.line - step
            return line >= 0 ? document.lines[line].first { $0.page == cell.page && document.alignedLeft($0, cell) } : nil
        }).first, isNamePart(above), looksLikeAName(above.text) else { return cell }
        // A line ending on a legal form (« NORD SASU ») ends the name, whatever the lines beside it make of its height.
        // OCR's boxes hug the ink: a line without descenders (« Plus ») stands a quarter lower than one with them.
        // A text layer's cells have their type's own heights: a line's mixes its columns' (a large title beside the
        // name's first line, a small number beside its second). OCR's boxes of a cell vary with its letters: the
        // line's median is steadier there.
        // A name in capitals keeps them when it wraps: a line in lower case under it, no larger, says what the company
        // does (a smaller line in capitals above a name is a heading of its own: « RÉPUBLIQUE FRANÇAISE »).
        let ocr = document.extents[cell.line]?.ocr ?? false
        let sizes = !ocr && above.cell.height > 0 && cell.cell.height > 0 ? (above.cell.height, cell.cell.height) : nil
        let capitalsOverWords = above.text == above.text.uppercased() && above.text.count(where: \.isLetter) >= 4
            && cell.text != cell.text.uppercased() && (sizes.map { $0.0 >= 0.9 * $0.1 } ?? true)
            && !entityLevels.contains(where: cell.folded.hasPrefix)
        if let high = document.extents[above.line], let low = document.extents[cell.line],
           capitalsOverWords || (sizes?.0 ?? high.bottom - high.top) >= (low.ocr ? 1.5 : 1.25) * (sizes?.1 ?? low.bottom - low.top),
           low.top - high.bottom < high.bottom - high.top,
           !endsOnLegalForm(cell.text) {
            return nameWrappedAbove(above, document)
        }
        guard above.line == cell.line - 1 ? document.runsOn(cell.line) : runsOn(above, to: cell, in: document) else { return cell }
        let words = above.text.split(separator: " ")
        let title = words.indices.first { index in
            index > 0 && ["facture", "devis", "proposition", "bon"].contains(DocumentLines.fold(String(words[index])))
                && words[index] == words[index].uppercased()
        }
        let head = title.map { words[..<$0].joined(separator: " ") } ?? above.text
        guard head == head.uppercased() || cell.text != cell.text.uppercased(), head.count + cell.text.count <= 80 else { return cell }
        // A narrower column wraps it over three lines (« Plomberie » / « Chauffage » / « Lambert SELAS »).
        let joined = above.with(text: head + " " + cell.text)
        return cell.with(text: (title == nil ? nameWrappedAbove(joined, document) : joined).text)
    }

    /// `below` follows `above` as the next line of the same block, a line of another block between them: as close
    /// as `DocumentLines.runsOn` asks of two lines in a row.
    static func runsOn(_ above: LocatedCell, to below: LocatedCell, in document: DocumentLines) -> Bool {
        guard above.page == below.page, let high = document.extents[above.line], let low = document.extents[below.line] else { return false }
        let height = min(high.bottom - high.top, low.bottom - low.top)
        // Capitals have no descenders: OCR's boxes of two lines of capitals stand further apart.
        let capitals = above.text == above.text.uppercased() && below.text == below.text.uppercased()
        return height > 0 && low.top - high.bottom < (low.ocr ? (capitals ? 1.0 : 0.8) : 0.5) * height
    }

    /// The line right under `cell` that continues a name wrapped in its box: as close as a wrapped line, starting
    /// where it starts, a name's part itself.
    static func namePart(after cell: LocatedCell, _ document: DocumentLines) -> LocatedCell? {
        guard document.runsOn(cell.line + 1),
              let below = document.lines[cell.line + 1].first(where: { document.alignedLeft($0, cell) }), isNamePart(below)
        else { return nil }
        return below
    }

    /// Words of a name without a digit, a colon, an address or a role's or a block's label.
    static func isNamePart(_ cell: LocatedCell) -> Bool {
        !cell.text.contains(where: \.isNumber) && !cell.text.contains(":") && !isLabel(cell) && isName(cell.text)
            && !hasAddressWord(cell.folded)
            // A label starts its cell; inside a name its words are the name's (« Service des impôts des entreprises »).
            && !(supplierLabels + buyerLabels).contains(where: { cell.folded.hasPrefix($0) })
            && !roleWords.contains(where: { cell.folded.hasWord($0) })
    }

    /// A name whose words OCR glued together (« StrateSolutionsSA ») read as another cell prints it
    /// (« Strate Solutions SA », the letterhead).
    static func spaced(_ name: String, in document: DocumentLines) -> String {
        guard !name.contains(" "), name.count >= 8 else { return name }
        let glued = name.lowercased()
        return document.cells.first { $0.text.contains(" ") && $0.text.replacingOccurrences(of: " ", with: "").lowercased() == glued }
            .map { cleanName($0.text) } ?? name
    }

    /// A footer's name set apart from the rest of its line by a wide gap (« Atelier Reliure Patrimoine │ 18 quai
    /// Saint-Pierre, 89000 Auxerre SIRET … »): the line's first cell, a name, its address beside it.
    static func nameApartFromItsAddress(_ cell: LocatedCell, _ document: DocumentLines) -> String? {
        guard cell.index == 0, let beside = document.cellRight(of: cell), beside.text.first?.isNumber == true,
              !cell.text.contains(where: \.isNumber), !isLabel(cell), isName(cell.text), looksLikeAName(cell.text),
              cell.text.count <= 60, !paymentWords.contains(where: { cell.folded.hasWord($0) }),
              !entityLevels.contains(where: { cell.folded.hasPrefix($0) })
        else { return nil }
        return cleanName(cell.text)
    }

    static let paymentWords = ["paiement", "reglement", "virement", "prelevement", "banque", "domiciliation", "rib",
                               "coordonnees", "payable", "echeance"]

    /// `onIdentifiersLine`: the cell stands on the line of the supplier's SIRET or VAT number, which makes it a legal
    /// line whatever registry words OCR kept (« RES » for « RCS », « APE6202A »).
    static func legalLineName(_ cell: LocatedCell, onIdentifiersLine: Bool = false) -> String? {
        guard onIdentifiersLine || ["rcs", "capital", "ape", "naf"].contains(where: { cell.folded.hasWord($0) }) else { return nil }
        // The first separator of the line; OCR may glue a dash to the word before it (« Océan Bureautique SA— au
        // capital »).
        let marks = [[" — ", "— "], [" – ", "– "], [" - "], [" | "], [" • "]].lazy.compactMap { forms in
            forms.compactMap { cell.text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        }
        // « ACME au capital de 10 000 € • 12 rue … »: the name ends where its capital is stated.
        let capital = cell.folded.range(of: " au capital").map {
            cell.text.index(cell.text.startIndex, offsetBy: cell.folded.distance(from: cell.folded.startIndex, to: $0.lowerBound))
        }
        if let end = [marks.first?.lowerBound, capital].compactMap({ $0 }).min() {
            let head = cleanName(String(cell.text[..<end]))
            let folded = DocumentLines.fold(head)
            let isAddress = hasAddressWord(folded) || head.first?.isNumber == true || head.contains(postcodeLine)
            guard !isAddress, isName(head), looksLikeAName(head), head.count <= 60,
                  !["siret", "siren", "rcs", "tva", "capital", "ape", "naf", "immatriculation"].contains(where: { folded.hasWord($0) }),
                  // An IBAN's line opens on how to pay (« Paiement par virement – IBAN … »), not on who is paid.
                  !paymentWords.contains(where: { folded.hasWord($0) })
            else { return nil }
            return head
        }
        return nil
    }

    static func endsOnLegalForm(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last, last == last.uppercased() else { return false }
        return legalForms.contains(DocumentLines.fold(String(last)))
    }

    static func nameWithLegalForm(_ text: String) -> String? {
        let folded = DocumentLines.fold(text)
        let words = folded.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
        // A legal form is written in capitals: « de sa notification » holds no SA.
        let printed = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
        // « S.à r.l. », Luxembourg's SARL, is written in two words.
        func isForm(_ index: Int) -> Bool {
            legalForms.contains(String(words[index])) || words[index] == "s.a" && words.indices.contains(index + 1) && words[index + 1] == "r.l."
        }
        guard printed.count == words.count,
              // OCR reads a sole trader's « EI » as « El ».
              let formIndex = words.indices.first(where: { (isForm($0) || printed[$0] == "El") && printed[$0].contains(where: \.isUppercase) })
        else { return nil }
        // The name is what surrounds the legal form up to a separator: "ACME SAS - 12 rue…", "SAS ACME au capital".
        let cutMarks = [" - ", " – ", " — ", " au capital", ", ", " rcs", " siret", " siren", " | ", " tva", " · ", " : "]
        var name = text
        for mark in cutMarks {
            if let range = DocumentLines.fold(name).range(of: mark) {
                let offset = DocumentLines.fold(name).distance(from: DocumentLines.fold(name).startIndex, to: range.lowerBound)
                let formOffset = folded.distance(from: folded.startIndex, to: words[formIndex].startIndex)
                if offset > formOffset { name = String(name.prefix(offset)) }
            }
        }
        let cleaned = cleanName(endingOnLegalForm(name))
        return isName(cleaned) && cleaned.count <= 80 && cleaned.split(separator: " ").count <= 8 ? cleaned : nil
    }

    /// A heading that can be an organisation's name, not a sentence of the page: it starts with a capital or a
    /// digit, holds no « : », « € » or « % », and is at most ten words.
    static func looksLikeAName(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }), first.isUppercase || first.isNumber else { return false }
        // A numbered section's heading (« Article 2 - Identification du titulaire ») names no one, nor does a table's
        // row of amount headings OCR read as one cell (« Montant HT Montant TTC Choix » beside « Fournisseur »).
        let folded = DocumentLines.fold(text)
        return !text.contains(where: { ":€%".contains($0) }) && text.split(separator: " ").count <= 10
            && folded.prefixMatch(of: ObjectFinder.sectionNumber) == nil && !isAmountHeadings(folded)
    }

    /// Words of the headings over a table's amounts.
    static let amountHeadingWords: Set<String> = ["montant", "montants", "ht", "ttc", "tva", "total", "prix", "quantite", "qte"]

    /// Three of those words or more (folded text): a row of headings, not a name.
    static func isAmountHeadings(_ folded: String) -> Bool {
        folded.split(separator: " ").filter { amountHeadingWords.contains(String($0)) }.count >= 3
    }

    static func isName(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter).count
        return letters >= 2 && letters * 2 >= text.filter({ !$0.isWhitespace }).count && text.count <= 120
    }

    /// « ACME, 12 rue Pasteur, 49100 Angers (SIRET …) » or « ACME – 41 boulevard … – SIRET … » after a label: the name
    /// before its address, parted by a comma or a dash.
    static func nameBeforeAddress(_ value: String) -> String {
        for separator in value.matches(of: addressSeparator) {
            let next = value[separator.range.upperBound...]
            let folded = DocumentLines.fold(String(next.prefix(30)))
            if next.first?.isNumber == true || addressWords.contains(where: { folded.hasPrefix($0) }) || folded.hasPrefix("batiment") {
                return endingOnLegalForm(String(value[..<separator.range.lowerBound]))
            }
        }
        return endingOnLegalForm(value)
    }

    /// OCR may lose the comma between a name and its address (« Informatique Services Rhône SCOP 93 avenue Pasteur »):
    /// the name ends on its legal form when a number and an address follow it.
    static func endingOnLegalForm(_ text: String) -> String {
        let words = text.split(separator: " ")
        for index in words.indices.dropLast() where words[index].contains(where: \.isUppercase) && words[index + 1].first?.isNumber == true {
            let form = DocumentLines.fold(String(words[index]))
            guard legalForms.contains(form) else { continue }
            let after = DocumentLines.fold(words[(index + 1)...].joined(separator: " "))
            if hasAddressWord(after) { return words[...index].joined(separator: " ") }
        }
        return text
    }

    nonisolated(unsafe) static let addressSeparator = /,\s|\s[–—-]\s/

    static func cleanName(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-–,;.")))
        // An abbreviation's last dot is part of it (« S.à r.l. », « S.A.R.L. »).
        if text.trimmingCharacters(in: .whitespaces).hasSuffix("."), name.split(separator: " ").last?.contains(".") == true { name += "." }
        // OCR reads a sole trader's « EI » as « El ».
        if name.hasSuffix(" El") { name = String(name.dropLast()) + "I" }
        // « la société ACME » in a sentence: the company's name is what follows.
        if let company = name.prefixMatch(of: companyWord), name[company.range.upperBound...].first?.isUppercase == true {
            name = String(name[company.range.upperBound...])
        }
        // A signature block's « Pour ACME SAS, » (or « P/o ») names the company it signs for.
        if let signed = name.prefixMatch(of: signatoryPrefix), name[signed.range.upperBound...].first?.isUppercase == true {
            name = String(name[signed.range.upperBound...])
        }
        // Chorus's order gives the supplier by its code first (« 1000458732 – ACME »).
        if let code = name.prefixMatch(of: supplierCode), name[code.range.upperBound...].first?.isLetter == true {
            name = String(name[code.range.upperBound...])
        }
        // « ACME SAS – SIRET 123 … » in a table's cell: the name ends before its identifiers.
        let folded = DocumentLines.fold(name)
        if let identifiers = folded.firstMatch(of: identifiersAfterName), folded.count == name.count {
            let head = name.prefix(folded.distance(from: folded.startIndex, to: identifiers.range.lowerBound))
            if head.filter(\.isLetter).count >= 2 { name = head.trimmingCharacters(in: .whitespaces) }
        }
        return name
    }

    nonisolated(unsafe) static let identifiersAfterName = /\s*[-–—,|(]\s*(?:n°\s*)?(?:siret|siren|rcs|tva)\b/

    /// OCR may double the dash (« 1000576938 —- ELIOR »).
    nonisolated(unsafe) static let supplierCode = /\d{6,12}\s*[-–—:]+\s*/

    /// An invoice or a quote its title announces as a subcontractor's (« Sous-traitance avec paiement direct »,
    /// « Facture de sous-traitant »): the titulaire it names holds the marché, the issuer is paid directly.
    static func isSubcontractorsPiece(_ document: DocumentLines, type: DocumentType) -> Bool {
        guard type == .facture || type == .devis else { return false }
        return document.cells.prefix(40).contains { cell in
            cell.page == 1 && (cell.folded.hasPrefix("sous-trait") || cell.folded.has("de sous-trait")
                || cell.folded.has("sous-traitant beneficiaire") || cell.folded.has("sous-traitant admis"))
        }
    }

    static let legalStatuses = ["etablissement public", "epic", "epa ", "groupement d'interet public", "autorite administrative"]

    /// A ministry's or a direction's name (folded): a public body, never a supplier.
    static func isPublicBody(_ folded: String) -> Bool {
        (StateEntity.ministries + StateEntity.directions + ["republique francaise"]).contains { folded.hasPrefix($0) }
    }

    nonisolated(unsafe) static let companyWord = #/(?:la |l')?(?:société|entreprise) /#
    nonisolated(unsafe) static let signatoryPrefix = #/(?:Pour|P/[oO]|P\.\s?[oO]\.)(?: la société| l'entreprise)? /#
}
