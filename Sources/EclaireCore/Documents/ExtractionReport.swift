/// A document's facts in the contract's JSON shape (`eclaire extract --json`, the API): every key present, `null`
/// when the fact was not found.
public struct ExtractionReport: Encodable, Sendable {
    public let file: String
    public let facts: DocumentFacts
    public let textMethod: String
    /// The facts of the document's type, under `facts` (`{}` when none).
    public let typedFacts: TypedFacts

    public init(file: String, facts: DocumentFacts, textMethod: String, typedFacts: TypedFacts = TypedFacts()) {
        self.file = file
        self.facts = facts
        self.textMethod = textMethod
        self.typedFacts = typedFacts
    }

    private enum Key: String, CodingKey {
        case file, documentType = "document_type", supplier, buyer, object, category, amounts
        case dateIssued = "date_issued", numbers, iban, cpv, invalidIDs = "invalid_ids", confidence, sources
        case textMethod = "text_method", typedFacts = "facts"
        case name, siret, siren, vatNumber = "vat_number", administration, ht, tva, ttc
        case document, ej, marche, accordCadre = "accord_cadre"
    }

    public func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Key.self)
        try root.encode(file, forKey: .file)
        try root.encode(facts[.documentType], forKey: .documentType)
        var supplier = root.nestedContainer(keyedBy: Key.self, forKey: .supplier)
        try supplier.encode(facts[.supplierName], forKey: .name)
        try supplier.encode(facts[.supplierSiret], forKey: .siret)
        try supplier.encode(facts[.supplierSiren], forKey: .siren)
        try supplier.encode(facts[.supplierVAT], forKey: .vatNumber)
        var buyer = root.nestedContainer(keyedBy: Key.self, forKey: .buyer)
        try buyer.encode(facts[.buyer], forKey: .administration)
        try root.encode(facts[.object], forKey: .object)
        try root.encode(facts[.category], forKey: .category)
        var amounts = root.nestedContainer(keyedBy: Key.self, forKey: .amounts)
        for (key, field) in [(Key.ht, FieldKey.amountHT), (.tva, .amountTVA), (.ttc, .amountTTC)] {
            // Euros as a JSON number: exact to the cent, each cent value having a shortest decimal form.
            let euros = facts[field].flatMap { try? AmountParser.parse($0) }?.euros
            try amounts.encode(euros, forKey: key)
        }
        try root.encode(facts[.dateIssued], forKey: .dateIssued)
        var numbers = root.nestedContainer(keyedBy: Key.self, forKey: .numbers)
        try numbers.encode(facts[.numberDocument], forKey: .document)
        try numbers.encode(facts[.numberEJ], forKey: .ej)
        try numbers.encode(facts[.numberMarche], forKey: .marche)
        try numbers.encode(facts[.numberAccordCadre], forKey: .accordCadre)
        try root.encode(facts[.iban], forKey: .iban)
        try root.encode(facts[.cpv], forKey: .cpv)
        try root.encode(facts.invalidIDs, forKey: .invalidIDs)
        let ordered = FieldKey.allCases.compactMap { facts.fields[$0] }
        try root.encode(Dictionary(uniqueKeysWithValues: ordered.map { ($0.key.rawValue, ($0.confidence * 100).rounded() / 100) }),
                        forKey: .confidence)
        try root.encode(Dictionary(uniqueKeysWithValues: ordered.compactMap { field in field.source.map { (field.key.rawValue, $0) } }),
                        forKey: .sources)
        try root.encode(textMethod, forKey: .textMethod)
        try root.encode(typedFacts, forKey: .typedFacts)
    }
}
