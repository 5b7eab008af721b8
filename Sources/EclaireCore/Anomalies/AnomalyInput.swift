/// An EJ as the anomaly rules see it: its Chorus facts and what its documents say.
public struct AnomalyInput: Sendable {
    public struct Document: Sendable {
        public let id: Int
        public let fileName: String
        public let facts: DocumentFacts
        /// The facts of its type (a fiche navette's imputation…).
        public let typedFacts: TypedFacts

        public init(id: Int, fileName: String, facts: DocumentFacts, typedFacts: TypedFacts = TypedFacts()) {
            self.id = id
            self.fileName = fileName
            self.facts = facts
            self.typedFacts = typedFacts
        }

        public var type: DocumentType { facts.documentType }
        public func money(_ key: FieldKey) -> Money? { facts[key].flatMap { try? AmountParser.parse($0) } }
    }

    public let ej: String
    public let lines: [EJLineFacts]
    /// Engaged in Chorus (TTC), all exercices.
    public let engaged: Money
    public let servicesFaits: [ServiceFaitFacts]
    public let payments: [PaymentFacts]
    public let documents: [Document]

    public init(ej: String, lines: [EJLineFacts], engaged: Money, servicesFaits: [ServiceFaitFacts] = [],
                payments: [PaymentFacts] = [], documents: [Document] = []) {
        self.ej = ej
        self.lines = lines
        self.engaged = engaged
        self.servicesFaits = servicesFaits
        self.payments = payments
        self.documents = documents
    }

    public var supplier: SupplierRef { lines.first { !$0.supplier.isEmpty }?.supplier ?? SupplierRef() }
    public var created: LocalDate? { lines.compactMap(\.dateCreation).min() }
    public var groupeMarchandises: String? { lines.lazy.compactMap(\.imputation.groupeMarchandises).first }

    /// The documents in the order of the synthesis' priority.
    public var rankedDocuments: [Document] {
        documents.sorted { (EJSynthesis.rank($0.type), $0.id) < (EJSynthesis.rank($1.type), $1.id) }
    }

    /// What is bought, for comparing amounts: the purchase category its documents give, else its groupe de
    /// marchandises.
    public var need: (key: String, label: String)? {
        if let category = rankedDocuments.lazy.compactMap({ $0.facts[.category].flatMap(PurchaseCategory.init(rawValue:)) }).first {
            return ("categorie:\(category.rawValue)", "de la même catégorie d'achat (\(category.label.lowercased()))")
        }
        return groupeMarchandises.map { ("gm:\($0)", "du même groupe de marchandises (\($0))") }
    }

    /// Who buys: the ministry of the programme in the finance bill, else the programme itself.
    public var buyer: String? {
        for line in lines {
            guard let text = line.imputation.centreFinancier ?? line.imputation.programme else { continue }
            if let program = StatePrograms.program(text) { return program.ministry }
            if let code = AnomalyRules.programmeCode(text) { return "programme \(code)" }
        }
        return nil
    }

    /// Works when a document gives a CPV of division 45 (construction work) or an object that is works
    /// (« travaux » other than studies); supplies and services otherwise — the lower threshold when in doubt.
    public var nature: ProcurementThresholds.Nature {
        for document in documents {
            if let cpv = document.facts[.cpv], cpv.filter(\.isNumber).hasPrefix("45") { return .works }
            if let object = document.facts[.object] {
                let folded = " " + Text.foldedKey(object) + " "
                if folded.contains(" travaux ") && !folded.contains(" etude") && !folded.contains(" intellectuel") { return .works }
            }
        }
        return .suppliesAndServices
    }

    /// HT from the documents where they give it (the highest-priority one), else estimated from Chorus's TTC.
    public var amountHT: (amount: Money, source: String) {
        for document in rankedDocuments {
            if let ht = document.money(.amountHT) { return (ht, "HT d'après \(document.type.label.lowercased()) \(document.fileName)") }
        }
        return (ProcurementThresholds.estimatedHT(fromTTC: engaged), "HT estimé à partir du montant engagé TTC (TVA 20 %)")
    }
}
