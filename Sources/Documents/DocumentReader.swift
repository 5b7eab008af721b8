import Foundation
import EclaireCore

/// What was read from one document.
public struct DocumentExtraction: Sendable {
    public let facts: DocumentFacts
    /// The facts of the document's type (`facts` in the contract's JSON).
    public var typedFacts = TypedFacts()
    /// `structured` when an embedded invoice gave the facts, else how the text was obtained (OCR if any page was).
    public let textMethod: TextMethod
    public let pages: [PageText]
}

/// Reads a document and extracts its facts: the embedded structured invoice first (exact), then the text, where
/// every finder works from labels, arithmetic and check digits rather than from any supplier's template.
public final class DocumentReader {
    public struct Options: Sendable {
        /// Read an embedded Factur-X / UBL invoice when there is one (off to measure the text path alone).
        public var useStructured = true
        public var text = TextExtractor.Options()
        public init(useStructured: Bool = true, text: TextExtractor.Options = .init()) {
            self.useStructured = useStructured
            self.text = text
        }
    }

    private let options: Options
    private let extractor: TextExtractor

    public init(options: Options = Options()) {
        self.options = options
        extractor = TextExtractor(options: options.text)
    }

    /// Forms whose check boxes carry choices (single candidate or group, payment to the subcontractor…).
    static let formsWithCheckBoxes = Set([DocumentType.acteEngagement, .sousTraitance, .avenant, .ficheNavette].map(\.rawValue))

    public func read(_ path: String) throws -> DocumentExtraction {
        var document = try extractor.read(path)
        let structured = options.useStructured ? Self.structuredInvoice(in: document) : nil
        let exact = structured.map { Set($0.fields.keys) } ?? []
        var lines = DocumentLines(pages: document.pages)
        var textFacts = Self.facts(from: lines, knowing: exact)
        if let type = textFacts[.documentType], Self.formsWithCheckBoxes.contains(type),
           let boxed = try extractor.addingDrawnCheckBoxes(to: document, path: path) {
            document = boxed
            lines = DocumentLines(pages: document.pages)
            textFacts = Self.facts(from: lines)
        }
        let methods = Set(document.pages.map(\.method))
        let textMethod: TextMethod = methods.contains(.ocr) ? .ocr : methods.first ?? .textLayer
        // Words Tesseract dropped beside those it kept (a bordered table's values, a grid's labels) are looked for
        // only when something is missing.
        if textMethod == .ocr, Self.lacksFacts(textFacts, reliability: lines.reliability),
           let inked = try extractor.addingUnreadInk(to: document, path: path) {
            let inkedLines = DocumentLines(pages: inked.pages)
            let inkedFacts = Self.facts(from: inkedLines, knowing: exact)
            if Self.isMoreComplete(inkedFacts, than: textFacts) {
                textFacts = inkedFacts
                document = inked
                lines = inkedLines
            }
        }
        if textMethod == .ocr, Self.failsItsChecks(textFacts, reliability: lines.reliability),
           let reread = try extractor.rereadingDoubtfulDigits(in: document, path: path) {
            let rereadLines = DocumentLines(pages: reread.pages)
            if let checked = Self.keepingWhatPasses(textFacts, from: Self.facts(from: rereadLines, knowing: exact),
                                                    reliability: rereadLines.reliability) {
                textFacts = checked
                document = reread
                lines = rereadLines
            }
        }
        // A bordered table of totals Tesseract's page analysis dropped (a photographed invoice's) is read as sparse
        // text, asked only when the totals are still missing; its totals are taken when it finds them adding up (not
        // by their labels alone), and the facts the first reading lacked — the rest of the page read better as blocks.
        if textMethod == .ocr, Self.lacksTotals(textFacts), let sparse = try extractor.readingSparselyAgain(in: document, path: path) {
            let sparseFacts = Self.facts(from: DocumentLines(pages: sparse.pages), knowing: exact)
            if !Self.lacksTotals(sparseFacts), Self.totalsConfidence(sparseFacts) > Self.addingUpConfidence * lines.reliability {
                for key in AmountFinder.keys { textFacts.fields[key] = sparseFacts.fields[key] }
                for (key, field) in sparseFacts.fields where textFacts.fields[key] == nil { textFacts.fields[key] = field }
            }
        }
        guard let structured else {
            var extraction = DocumentExtraction(facts: textFacts, textMethod: textMethod, pages: document.pages)
            extraction.typedFacts = TypedFactsReader.read(lines, facts: textFacts)
            return extraction
        }
        // Exact facts replace the text's; the text still gives what the XML lacks (CPV, buyer administration…).
        for field in structured.fields.values { textFacts.fields[field.key] = field }
        textFacts.invalidIDs = structured.invalidIDs
        if textFacts.fields[.category] == nil || structured.fields[.object] != nil {
            textFacts.fields[.category] = nil
            textFacts.offer(CategoryClassifier.classify(lines, facts: textFacts))
        }
        var extraction = DocumentExtraction(facts: textFacts, textMethod: .structured, pages: document.pages)
        extraction.typedFacts = TypedFactsReader.read(lines, facts: textFacts)
        return extraction
    }

    /// Types that print totals, whose three amounts should add up.
    static let typesWithTotals: Set<DocumentType> = [.devis, .bonDeCommande, .facture, .avoir, .ficheNavette, .acteEngagement, .avenant]
    /// The identifier fields, by the name `invalidIDs` gives them.
    static let identifierFields: [String: FieldKey] = ["siret": .supplierSiret, "siren": .supplierSiren,
                                                        "vat_number": .supplierVAT, "iban": .iban]

    /// A printed identifier fails its check key, or totals were read that do not add up (their confidence is
    /// below what arithmetic gives), or a type that prints totals has none.
    static func failsItsChecks(_ facts: DocumentFacts, reliability: Double) -> Bool {
        if !facts.invalidIDs.isEmpty { return true }
        let totals = [FieldKey.amountHT, .amountTTC].compactMap { facts.fields[$0] }
        if totals.isEmpty { return typesWithTotals.contains(facts.documentType) }
        return totals.count < 2 || totals.contains { $0.confidence < 0.7 * reliability }
    }

    /// Types whose supplier and object a document states.
    static let typesWithParties: Set<DocumentType> = [.devis, .bonDeCommande, .facture, .ficheNavette, .acteEngagement]

    /// Totals found by their labels alone are given at most 0.6 (times the page's reliability); totals that add up,
    /// more.
    static let addingUpConfidence = 0.6

    /// A type that prints its totals lacks its HT or its TTC.
    static func lacksTotals(_ facts: DocumentFacts) -> Bool {
        typesWithParties.contains(facts.documentType) && (facts.fields[.amountHT] == nil || facts.fields[.amountTTC] == nil)
    }

    /// The checks fail, the type is unknown, or a type that names its supplier and object lacks one.
    static func lacksFacts(_ facts: DocumentFacts, reliability: Double) -> Bool {
        if failsItsChecks(facts, reliability: reliability) || facts.documentType == .autre { return true }
        guard typesWithParties.contains(facts.documentType) else { return false }
        return facts.fields[.supplierName] == nil || facts.fields[.object] == nil
    }

    /// More facts read, or as many with totals that agree better.
    static func isMoreComplete(_ second: DocumentFacts, than first: DocumentFacts) -> Bool {
        if second.fields.count != first.fields.count { return second.fields.count > first.fields.count }
        return totalsConfidence(second) > totalsConfidence(first)
    }

    /// How sure the reading is of its totals: the lesser confidence of its HT and TTC, 0 when one is missing.
    static func totalsConfidence(_ facts: DocumentFacts) -> Double {
        [FieldKey.amountHT, .amountTTC].map { facts.fields[$0]?.confidence ?? 0 }.min() ?? 0
    }

    /// The first reading's facts with what the second reading makes pass its checks: totals that now add up with
    /// their labels or at an exact rate (the sums that amounts of a table's rows also make are not enough),
    /// identifiers whose check key now holds or that are now found; nil when it brings none.
    static func keepingWhatPasses(_ first: DocumentFacts, from second: DocumentFacts, reliability: Double) -> DocumentFacts? {
        var kept = first
        var improved = false
        if totalsConfidence(second) > totalsConfidence(first), totalsConfidence(second) >= 0.85 * reliability {
            for key in AmountFinder.keys { kept.fields[key] = second.fields[key] }
            improved = true
        }
        for (kind, key) in identifierFields {
            let wasWrong = first.invalidIDs.contains(kind) || first.fields[key] == nil
            guard wasWrong, !second.invalidIDs.contains(kind), let field = second.fields[key] else { continue }
            kept.fields[key] = field
            kept.invalidIDs.removeAll { $0 == kind }
            improved = true
        }
        return improved ? kept : nil
    }

    private static func structuredInvoice(in document: ReadDocument) -> DocumentFacts? {
        document.attachments.lazy.filter { StructuredInvoice.isInvoiceXML(name: $0.name) }
            .compactMap { StructuredInvoice.read($0.data, name: $0.name) }.first
    }

    /// The facts of an electronic invoice's own XML (Factur-X / CII, UBL), or nil when the data is not one.
    public static func invoiceFacts(xml: Data, name: String) -> DocumentFacts? { StructuredInvoice.read(xml, name: name) }

    /// Facts from text alone (also used on text that did not come from a file).
    public static func facts(from pages: [PageText]) -> DocumentFacts { facts(from: DocumentLines(pages: pages)) }

    /// The common facts and those of the document's type, from plain lines (a tab separates a row's cells).
    public static func allFacts(fromLines lines: [String]) -> (facts: DocumentFacts, typed: TypedFacts) {
        allFacts(from: [PageText.plain(lines)])
    }

    /// The common facts and those of the document's type, from text alone.
    public static func allFacts(from pages: [PageText]) -> (facts: DocumentFacts, typed: TypedFacts) {
        let lines = DocumentLines(pages: pages)
        let facts = facts(from: lines)
        return (facts, TypedFactsReader.read(lines, facts: facts))
    }

    /// Facts from plain lines of text, one cell each.
    public static func facts(fromLines lines: [String]) -> DocumentFacts { facts(from: [PageText.plain(lines)]) }

    /// `exact` names the fields an embedded invoice states: what the text would say of them is replaced anyway, so
    /// the finders that would only guess them are not run (they were half the reading time of a Factur-X).
    static func facts(from lines: DocumentLines, knowing exact: Set<FieldKey> = []) -> DocumentFacts {
        var facts = DocumentFacts()
        if !exact.contains(.documentType) { facts.offer(DocumentClassifier.classify(lines)) }
        PartyFinder.find(in: lines, into: &facts)
        if !exact.isSuperset(of: AmountFinder.keys) { AmountFinder.find(in: lines, into: &facts) }
        ReferenceFinder.find(in: lines, into: &facts, skipping: exact)
        ObjectFinder.find(in: lines, into: &facts)
        if !exact.contains(.object) { facts.offer(CategoryClassifier.classify(lines, facts: facts)) }
        return facts
    }
}

extension DocumentExtraction {
    /// What the queue stores: the pages as lines of cells (the text the sources point into) and every fact.
    public var record: ExtractionRecord {
        ExtractionRecord(textMethod: textMethod.rawValue,
                         pages: pages.map { .init(number: $0.number, method: $0.method.rawValue, text: $0.layout.text) },
                         fields: FieldKey.allCases.compactMap { facts.fields[$0] }, invalidIDs: facts.invalidIDs,
                         typedFacts: typedFacts)
    }
}
