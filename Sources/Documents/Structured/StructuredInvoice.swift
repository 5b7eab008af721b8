import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import EclaireCore
import OfficeFiles

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
        let parser = XMLParser(data: FoundationXMLInput.repaired(data))
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
        let out = Collected(name: name)
        let typeCode = xml.first("ExchangedDocument/TypeCode")?.text
        out.add(.documentType, "ExchangedDocument/TypeCode", ["381", "261", "262", "296", "308", "396", "420", "458", "532"]
            .contains(typeCode ?? "") ? DocumentType.avoir.rawValue : DocumentType.facture.rawValue)
        out.add(.numberDocument, "ExchangedDocument/ID", xml.first("ExchangedDocument/ID")?.text)
        out.add(.dateIssued, "IssueDateTime", xml.first("ExchangedDocument/IssueDateTime/DateTimeString").flatMap { compactDate($0.text) })
        out.add(.supplierName, "SellerTradeParty/Name", xml.first("SellerTradeParty/Name")?.text)
        out.legalIdentifier(xml.first("SellerTradeParty/SpecifiedLegalOrganization/ID")?.text, "SellerTradeParty/SpecifiedLegalOrganization/ID")
        for global in xml.all("SellerTradeParty/GlobalID") where global.attributes["schemeID"] == "0009" {
            out.legalIdentifier(global.text, "SellerTradeParty/GlobalID")
        }
        for tax in xml.all("SellerTradeParty/SpecifiedTaxRegistration/ID") where tax.attributes["schemeID"] == "VA" {
            out.vat(tax.text, "SellerTradeParty/SpecifiedTaxRegistration/ID")
        }
        out.add(.buyer, "BuyerTradeParty/Name", xml.first("BuyerTradeParty/Name")?.text)
        out.orderReference(xml.first("BuyerOrderReferencedDocument/IssuerAssignedID")?.text, "BuyerOrderReferencedDocument")
        out.add(.numberMarche, "ContractReferencedDocument/IssuerAssignedID", xml.first("ContractReferencedDocument/IssuerAssignedID")?.text)
        out.iban(xml.first("PayeePartyCreditorFinancialAccount/IBANID")?.text, "PayeePartyCreditorFinancialAccount/IBANID")
        let summation = "SpecifiedTradeSettlementHeaderMonetarySummation/"
        let currency = xml.first("InvoiceCurrencyCode")?.text
        out.add(.amountHT, summation + "TaxBasisTotalAmount", amount(xml.first(summation + "TaxBasisTotalAmount")?.text))
        let taxes = xml.all(summation + "TaxTotalAmount")
        out.add(.amountTVA, summation + "TaxTotalAmount",
                amount((taxes.first { $0.attributes["currencyID"] == currency } ?? taxes.first)?.text))
        out.add(.amountTTC, summation + "GrandTotalAmount", amount(xml.first(summation + "GrandTotalAmount")?.text))
        out.add(.object, "SpecifiedTradeProduct/Name", xml.first("IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct/Name")?.text)
        return out.facts
    }

    private static func ubl(_ xml: LeafCollector, _ name: String, creditNote: Bool) -> DocumentFacts {
        let out = Collected(name: name)
        let root = creditNote ? "CreditNote" : "Invoice"
        out.add(.documentType, root, creditNote || xml.first("\(root)/InvoiceTypeCode")?.text == "381"
            ? DocumentType.avoir.rawValue : DocumentType.facture.rawValue)
        out.add(.numberDocument, "\(root)/ID", xml.first("\(root)/ID")?.text)
        out.add(.dateIssued, "\(root)/IssueDate", xml.first("\(root)/IssueDate").flatMap { LocalDate.parse($0.text)?.iso })
        let supplier = "AccountingSupplierParty/Party/"
        out.add(.supplierName, supplier + "PartyLegalEntity/RegistrationName",
                xml.first(supplier + "PartyLegalEntity/RegistrationName")?.text ?? xml.first(supplier + "PartyName/Name")?.text)
        out.legalIdentifier(xml.first(supplier + "PartyLegalEntity/CompanyID")?.text, supplier + "PartyLegalEntity/CompanyID")
        for id in xml.all(supplier + "PartyIdentification/ID") where ["0009", "0002"].contains(id.attributes["schemeID"] ?? "") {
            out.legalIdentifier(id.text, supplier + "PartyIdentification/ID")
        }
        if let tax = xml.first(supplier + "PartyTaxScheme/CompanyID")?.text { out.vat(tax, supplier + "PartyTaxScheme/CompanyID") }
        let customer = "AccountingCustomerParty/Party/"
        out.add(.buyer, customer + "PartyLegalEntity/RegistrationName",
                xml.first(customer + "PartyLegalEntity/RegistrationName")?.text ?? xml.first(customer + "PartyName/Name")?.text)
        out.orderReference(xml.first("OrderReference/ID")?.text, "OrderReference/ID")
        out.add(.numberMarche, "ContractDocumentReference/ID", xml.first("ContractDocumentReference/ID")?.text)
        out.iban(xml.first("PayeeFinancialAccount/ID")?.text, "PayeeFinancialAccount/ID")
        out.add(.amountHT, "LegalMonetaryTotal/TaxExclusiveAmount", amount(xml.first("LegalMonetaryTotal/TaxExclusiveAmount")?.text))
        out.add(.amountTVA, "\(root)/TaxTotal/TaxAmount", amount(xml.first("\(root)/TaxTotal/TaxAmount")?.text))
        out.add(.amountTTC, "LegalMonetaryTotal/TaxInclusiveAmount", amount(xml.first("LegalMonetaryTotal/TaxInclusiveAmount")?.text))
        out.add(.object, "InvoiceLine/Item/Name", xml.first((creditNote ? "CreditNoteLine" : "InvoiceLine") + "/Item/Name")?.text)
        return out.facts
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

    /// The facts of one XML as they are found, each with confidence 1 and its path; identifiers checked.
    private final class Collected {
        let name: String
        var facts = DocumentFacts()

        init(name: String) { self.name = name }

        func add(_ key: FieldKey, _ path: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            facts.offer(ExtractedField(key: key, value: value, confidence: 1, source: FieldSource(page: 0, text: "\(name) › \(path)")))
        }

        /// A legal identifier: nine digits a SIREN, fourteen a SIRET (whose first nine are the SIREN).
        func legalIdentifier(_ raw: String?, _ path: String) {
            guard let raw else { return }
            let value = Identifiers.compact(raw)
            if value.count == 14 {
                let siret = Identifiers.siret(value)
                if !siret.isValid { facts.flagInvalid("siret") }
                add(.supplierSiret, path, siret.normalized)
                add(.supplierSiren, path, String(value.prefix(9)))
            } else if value.count == 9 {
                let siren = Identifiers.siren(value)
                if !siren.isValid { facts.flagInvalid("siren") }
                add(.supplierSiren, path, siren.normalized)
            }
        }

        func vat(_ raw: String, _ path: String) {
            let checked = Identifiers.vatNumber(raw)
            if !checked.isValid { facts.flagInvalid("vat_number") }
            add(.supplierVAT, path, checked.normalized)
        }

        func iban(_ raw: String?, _ path: String) {
            guard let raw else { return }
            let checked = Identifiers.iban(raw)
            if !checked.isValid { facts.flagInvalid("iban") }
            add(.iban, path, checked.normalized)
        }

        /// Invoices to the State carry the EJ number as the buyer's order reference.
        func orderReference(_ raw: String?, _ path: String) {
            guard let raw else { return }
            let compact = Identifiers.compact(raw)
            if compact.count == 10, compact.allSatisfy(\.isNumber) { add(.numberEJ, path, compact) }
        }
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
