import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import EclaireCore

/// An electronic invoice's own data — Factur-X / ZUGFeRD (UN/CEFACT CII) or UBL — read exactly: these facts need no
/// guessing, so they carry confidence 1 and the XML path they came from (page 0: the embedded file).
enum StructuredInvoice {
    /// Names under which Factur-X, ZUGFeRD, XRechnung and Order-X embed their XML.
    static func isInvoiceXML(name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".xml") && ["factur-x", "zugferd", "xrechnung", "invoice", "order-x", "ubl"].contains { lower.contains($0) }
    }

    static func read(_ data: Data, name: String) -> DocumentFacts? {
        let collector = LeafCollector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse(), let root = collector.root else { return nil }
        switch root {
        case "CrossIndustryInvoice": return cii(collector, name)
        case "Invoice", "CreditNote": return ubl(collector, name, creditNote: root == "CreditNote")
        default: return nil
        }
    }

    private static func cii(_ xml: LeafCollector, _ name: String) -> DocumentFacts {
        var facts = DocumentFacts()
        let add = { (key: FieldKey, path: String, value: String?) in
            guard let value, !value.isEmpty else { return }
            facts.offer(ExtractedField(key: key, value: value, confidence: 1, source: FieldSource(page: 0, text: "\(name) › \(path)")))
        }
        let flag = { (kind: String) in facts.flagInvalid(kind) }
        let typeCode = xml.first("ExchangedDocument/TypeCode")?.text
        add(.documentType, "ExchangedDocument/TypeCode", ["381", "261", "262", "296", "308", "396", "420", "458", "532"]
            .contains(typeCode ?? "") ? DocumentType.avoir.rawValue : DocumentType.facture.rawValue)
        add(.numberDocument, "ExchangedDocument/ID", xml.first("ExchangedDocument/ID")?.text)
        add(.dateIssued, "IssueDateTime", xml.first("ExchangedDocument/IssueDateTime/DateTimeString").flatMap { compactDate($0.text) })
        add(.supplierName, "SellerTradeParty/Name", xml.first("SellerTradeParty/Name")?.text)
        if let legal = xml.first("SellerTradeParty/SpecifiedLegalOrganization/ID")?.text {
            identifiers(legal, path: "SellerTradeParty/SpecifiedLegalOrganization/ID", add: add, flag: flag)
        }
        for global in xml.all("SellerTradeParty/GlobalID") where global.attributes["schemeID"] == "0009" {
            identifiers(global.text, path: "SellerTradeParty/GlobalID", add: add, flag: flag)
        }
        for tax in xml.all("SellerTradeParty/SpecifiedTaxRegistration/ID") where tax.attributes["schemeID"] == "VA" {
            vat(tax.text, path: "SellerTradeParty/SpecifiedTaxRegistration/ID", add: add, flag: flag)
        }
        add(.buyer, "BuyerTradeParty/Name", xml.first("BuyerTradeParty/Name")?.text)
        orderReference(xml.first("BuyerOrderReferencedDocument/IssuerAssignedID")?.text, add: add)
        add(.numberMarche, "ContractReferencedDocument/IssuerAssignedID", xml.first("ContractReferencedDocument/IssuerAssignedID")?.text)
        if let iban = xml.first("PayeePartyCreditorFinancialAccount/IBANID")?.text {
            let checked = Identifiers.iban(iban)
            if !checked.isValid { facts.flagInvalid("iban") }
            add(.iban, "PayeePartyCreditorFinancialAccount/IBANID", checked.normalized)
        }
        let summation = "SpecifiedTradeSettlementHeaderMonetarySummation/"
        let currency = xml.first("InvoiceCurrencyCode")?.text
        add(.amountHT, summation + "TaxBasisTotalAmount", amount(xml.first(summation + "TaxBasisTotalAmount")?.text))
        let taxes = xml.all(summation + "TaxTotalAmount")
        add(.amountTVA, summation + "TaxTotalAmount",
            amount((taxes.first { $0.attributes["currencyID"] == currency } ?? taxes.first)?.text))
        add(.amountTTC, summation + "GrandTotalAmount", amount(xml.first(summation + "GrandTotalAmount")?.text))
        add(.object, "SpecifiedTradeProduct/Name", xml.first("IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct/Name")?.text)
        return facts
    }

    private static func ubl(_ xml: LeafCollector, _ name: String, creditNote: Bool) -> DocumentFacts {
        var facts = DocumentFacts()
        let add = { (key: FieldKey, path: String, value: String?) in
            guard let value, !value.isEmpty else { return }
            facts.offer(ExtractedField(key: key, value: value, confidence: 1, source: FieldSource(page: 0, text: "\(name) › \(path)")))
        }
        let flag = { (kind: String) in facts.flagInvalid(kind) }
        let root = creditNote ? "CreditNote" : "Invoice"
        add(.documentType, root, creditNote || xml.first("\(root)/InvoiceTypeCode")?.text == "381"
            ? DocumentType.avoir.rawValue : DocumentType.facture.rawValue)
        add(.numberDocument, "\(root)/ID", xml.first("\(root)/ID")?.text)
        add(.dateIssued, "\(root)/IssueDate", xml.first("\(root)/IssueDate").flatMap { LocalDate.parse($0.text)?.iso })
        let supplier = "AccountingSupplierParty/Party/"
        add(.supplierName, supplier + "PartyLegalEntity/RegistrationName",
            xml.first(supplier + "PartyLegalEntity/RegistrationName")?.text ?? xml.first(supplier + "PartyName/Name")?.text)
        if let legal = xml.first(supplier + "PartyLegalEntity/CompanyID")?.text {
            identifiers(legal, path: supplier + "PartyLegalEntity/CompanyID", add: add, flag: flag)
        }
        for id in xml.all(supplier + "PartyIdentification/ID") where ["0009", "0002"].contains(id.attributes["schemeID"] ?? "") {
            identifiers(id.text, path: supplier + "PartyIdentification/ID", add: add, flag: flag)
        }
        if let tax = xml.first(supplier + "PartyTaxScheme/CompanyID")?.text {
            vat(tax, path: supplier + "PartyTaxScheme/CompanyID", add: add, flag: flag)
        }
        let customer = "AccountingCustomerParty/Party/"
        add(.buyer, customer + "PartyLegalEntity/RegistrationName",
            xml.first(customer + "PartyLegalEntity/RegistrationName")?.text ?? xml.first(customer + "PartyName/Name")?.text)
        orderReference(xml.first("OrderReference/ID")?.text, add: add)
        add(.numberMarche, "ContractDocumentReference/ID", xml.first("ContractDocumentReference/ID")?.text)
        if let iban = xml.first("PayeeFinancialAccount/ID")?.text {
            let checked = Identifiers.iban(iban)
            if !checked.isValid { facts.flagInvalid("iban") }
            add(.iban, "PayeeFinancialAccount/ID", checked.normalized)
        }
        add(.amountHT, "LegalMonetaryTotal/TaxExclusiveAmount", amount(xml.first("LegalMonetaryTotal/TaxExclusiveAmount")?.text))
        add(.amountTVA, "\(root)/TaxTotal/TaxAmount", amount(xml.first("\(root)/TaxTotal/TaxAmount")?.text))
        add(.amountTTC, "LegalMonetaryTotal/TaxInclusiveAmount", amount(xml.first("LegalMonetaryTotal/TaxInclusiveAmount")?.text))
        add(.object, "InvoiceLine/Item/Name", xml.first((creditNote ? "CreditNoteLine" : "InvoiceLine") + "/Item/Name")?.text)
        return facts
    }

    /// A legal identifier: nine digits a SIREN, fourteen a SIRET (whose first nine are the SIREN).
    private static func identifiers(_ raw: String, path: String, add: (FieldKey, String, String?) -> Void,
                                    flag: (String) -> Void) {
        let value = Identifiers.compact(raw)
        if value.count == 14 {
            let siret = Identifiers.siret(value)
            if !siret.isValid { flag("siret") }
            add(.supplierSiret, path, siret.normalized)
            add(.supplierSiren, path, String(value.prefix(9)))
        } else if value.count == 9 {
            let siren = Identifiers.siren(value)
            if !siren.isValid { flag("siren") }
            add(.supplierSiren, path, siren.normalized)
        }
    }

    private static func vat(_ raw: String, path: String, add: (FieldKey, String, String?) -> Void, flag: (String) -> Void) {
        let checked = Identifiers.vatNumber(raw)
        if !checked.isValid { flag("vat_number") }
        add(.supplierVAT, path, checked.normalized)
    }

    /// Invoices to the State carry the EJ number as the buyer's order reference.
    private static func orderReference(_ raw: String?, add: (FieldKey, String, String?) -> Void) {
        guard let raw else { return }
        let compact = Identifiers.compact(raw)
        if compact.count == 10, compact.allSatisfy(\.isNumber) { add(.numberEJ, "BuyerOrderReferencedDocument", compact) }
    }

    private static func amount(_ text: String?) -> String? {
        text.flatMap { try? AmountParser.parse($0) }.map(\.plain)
    }

    /// `20171113` (format 102) → `2017-11-13`.
    private static func compactDate(_ text: String) -> String? {
        let digits = text.filter(\.isNumber)
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.suffix(2)) else { return LocalDate.parse(text)?.iso }
        return LocalDate(year: year, month: month, day: day)?.iso
    }
}

/// Every leaf element's text with its path of local names, in document order.
final class LeafCollector: NSObject, XMLParserDelegate {
    struct Leaf { let path: String; let text: String; let attributes: [String: String] }
    private(set) var root: String?
    private(set) var leaves: [Leaf] = []
    private var stack: [(name: String, attributes: [String: String])] = []
    private var text = ""

    func first(_ suffix: String) -> Leaf? { leaves.first { $0.path.hasSuffix("/" + suffix) || $0.path == suffix } }
    func all(_ suffix: String) -> [Leaf] { leaves.filter { $0.path.hasSuffix("/" + suffix) || $0.path == suffix } }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if root == nil { root = local }
        stack.append((local, attributes))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.last else { return }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty { leaves.append(Leaf(path: stack.map(\.name).joined(separator: "/"), text: value, attributes: element.attributes)) }
        stack.removeLast()
        text = ""
    }
}
