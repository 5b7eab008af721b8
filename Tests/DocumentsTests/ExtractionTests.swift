import Documents
import EclaireCore
import Foundation
import TestSupport
import Testing

/// Facts read from real documents of shared/data: Factur-X invoices (their embedded XML is the truth) read as plain
/// PDFs and through their XML, and the lettre de mission in PDF, DOCX and ODT.
@Suite("Extracting a document's facts")
struct ExtractionTests {
    static var textOnly: DocumentReader { DocumentReader(options: .init(useStructured: false)) }

    static func truth(_ pdf: String) throws -> DocumentFacts {
        let xml = pdf.replacingOccurrences(of: ".pdf", with: ".embedded.xml")
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("documents/\(xml)")))
        return try #require(FactComparison.truth(xml: data, name: xml))
    }

    @Test func anInvoiceReadAsPlainTextAgreesWithItsXML() throws {
        let pdf = "zcorpus_Facture_FR_BASICWL.pdf"
        let extraction = try Self.textOnly.read(Fixtures.path("documents/\(pdf)"))
        #expect(extraction.textMethod == .textLayer)
        let facts = extraction.facts, truth = try Self.truth(pdf)
        for key in [FieldKey.supplierName, .supplierSiret, .supplierSiren, .supplierVAT, .amountHT, .amountTVA, .amountTTC,
                    .dateIssued, .numberDocument, .numberMarche, .iban, .documentType] {
            #expect(FactComparison.matches(key, extracted: facts[key], truth: try #require(truth[key])),
                    "\(key.rawValue): \(facts[key] ?? "null") ≠ \(truth[key] ?? "")")
        }
        // Two VAT rates on the invoice: the totals come from the arithmetic HT + TVA = TTC, not from a rate's line.
        #expect(facts[.amountTVA] == "46.25")
        #expect(facts.fields[.amountHT]!.confidence > 0.9)
        // The sample's SIRET fails Luhn: kept as printed, reported, never corrected.
        #expect(facts[.supplierSiret] == "99999999800010")
        #expect(facts.invalidIDs.contains("siret"))
        let source = try #require(facts.fields[.supplierVAT]?.source)
        #expect(source.page == 1 && source.text.contains("FR11999999998"))
    }

    @Test func totalsUnderTheirHeadingsAndADepositAreToldApart() throws {
        // Net à payer 90,00 after a 10,00 deposit: the TTC is still 100,00.
        let pdf = "fnfe2022_Facture_F20220026-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf"
        let facts = try Self.textOnly.read(Fixtures.path("documents/\(pdf)")).facts
        let truth = try Self.truth(pdf)
        #expect(facts[.amountHT] == truth[.amountHT])
        #expect(facts[.amountTTC] == truth[.amountTTC])
        #expect(facts[.numberDocument] == "F20220026")
        #expect(facts[.supplierVAT] == "FR11123456782")
        #expect(FactComparison.matches(.supplierName, extracted: facts[.supplierName], truth: truth[.supplierName]!))
    }

    @Test func theEmbeddedXMLIsReadFirstAndExactly() throws {
        let pdf = "zcorpus_Avoir_FR_type381_BASIC.pdf"
        let extraction = try DocumentReader().read(Fixtures.path("documents/\(pdf)"))
        #expect(extraction.textMethod == .structured)
        let truth = try Self.truth(pdf)
        #expect(extraction.facts[.documentType] == "avoir")
        for key in FactComparison.measuredKeys {
            guard let expected = truth[key] else { continue }
            #expect(extraction.facts[key] == expected, "\(key.rawValue)")
            #expect(extraction.facts.fields[key]?.confidence == 1)
        }
    }

    /// This sample's embedded file declares no size: the XML is read all the same, and it wins over the visible
    /// (German, unrelated) invoice.
    @Test func anEmbeddedXMLWithoutDeclaredSizeIsRead() throws {
        let pdf = "zcorpus_sample_inofficial_20190125_atgp_factur-x_v_1_0.pdf"
        let extraction = try DocumentReader().read(Fixtures.path("documents/\(pdf)"))
        #expect(extraction.textMethod == .structured)
        let truth = try Self.truth(pdf)
        #expect(extraction.facts[.supplierName] == truth[.supplierName])
        #expect(extraction.facts[.amountTTC] == truth[.amountTTC])
    }

    @Test(arguments: ["lettre.pdf", "lettre.docx", "lettre.odt", "lettre.doc"])
    func theLetterGivesTheSameFactsInEveryFormat(_ file: String) throws {
        let facts = try DocumentReader().read(Fixtures.path("documents/\(file)")).facts
        #expect(facts[.object] == "Mission de conseil en transformation digitale")
        #expect(facts[.amountHT] == "85000.00")
        #expect(facts[.amountTTC] == nil)
        #expect(facts[.dateIssued] == "2025-10-15")
        #expect(facts[.category] == PurchaseCategory.conseilOrganisation.rawValue)
        // « Montant : 85 000 euros HT » is no postcode line: the sentence above it is no buyer's name.
        #expect(facts[.buyer] == nil)
    }

    @Test func theContractJSONHasEveryKeyAndNullsForWhatWasNotFound() throws {
        let facts = try DocumentReader().read(Fixtures.path("documents/lettre.odt")).facts
        let data = try JSONEncoder().encode(ExtractionReport(file: "lettre.odt", facts: facts, textMethod: "office"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["file", "document_type", "supplier", "buyer", "object", "category", "amounts", "date_issued", "numbers",
                    "iban", "cpv", "invalid_ids", "confidence", "sources", "text_method"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        #expect(object["iban"] is NSNull)
        let amounts = try #require(object["amounts"] as? [String: Any])
        #expect((amounts["ht"] as? NSNumber)?.doubleValue == 85000)
        #expect(amounts["ttc"] is NSNull)
    }

    @Test func aBrokenPDFFailsItsOwnReadingWithAReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).pdf").path
        try Data("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> trailer garbage".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: DocumentError.self) { try DocumentReader().read(path) }
        #expect(error?.description.contains("illisible") == true)
    }
}
