import EclaireCore
import Testing
@testable import Documents

/// Issue dates in French and English documents: the order of numeric dates is decided per document.
@Suite("Issue dates: French and English forms, day or month first")
struct DateOrderTests {
    static func facts(_ lines: [String]) -> DocumentFacts {
        DocumentReader.facts(from: [PageText(number: 1, method: .office, text: lines.joined(separator: "\n"),
                                             layout: PageLayout(plainLines: lines), reliability: 1)])
    }

    @Test func anAmericanInvoiceIsReadMonthFirst() {
        let facts = Self.facts(["ACME Cloud Inc.", "INVOICE", "Invoice date: 03/04/2025", "Due date: 04/03/2025",
                                "Bill to: Ministère de l'Intérieur", "Subtotal 1,000.00", "Total due 1,200.00"])
        #expect(facts[.dateIssued] == "2025-03-04")
    }

    @Test(arguments: ["Date of issue: March 15, 2025", "Invoice date 15 Mar 2025", "Issued on Mar. 15th, 2025"])
    func anEnglishDateInWords(_ line: String) {
        let facts = Self.facts(["INVOICE", line, "Due date: April 14, 2025", "Amount due 120.00"])
        #expect(facts[.dateIssued] == "2025-03-15")
    }

    @Test func anEnglishInvoiceWhoseDatesCannotBeMonthFirstIsReadDayFirst() {
        let facts = Self.facts(["INVOICE", "Invoice date: 25/03/2025", "Due date: 04/05/2025", "Subtotal 100.00",
                                "Total due 120.00"])
        #expect(facts[.dateIssued] == "2025-03-25")
    }

    @Test func aFrenchDocumentStaysDayFirst() {
        let facts = Self.facts(["FACTURE N° 2025-12", "Date de facture : 03/04/2025", "Total HT 1 000,00 €",
                                "TVA 20 % 200,00 €", "Total TTC 1 200,00 €"])
        #expect(facts[.dateIssued] == "2025-04-03")
    }

    @Test func aDateThatCanOnlyBeMonthFirstIsReadSo() {
        let facts = Self.facts(["FACTURE", "Date : 03/15/2025", "Total TTC 1 200,00 €"])
        #expect(facts[.dateIssued] == "2025-03-15")
    }
}

@Suite("English invoices: totals and numbers")
struct EnglishInvoiceTests {
    /// Foreign VAT numbers with fewer than nine digits (Austria: « ATU » and eight) are read like the others.
    @Test(arguments: ["ATU12345678", "DK12345678", "IE1234567T"])
    func aForeignSuppliersShortVATNumberIsRead(_ number: String) {
        let facts = DateOrderTests.facts(["INVOICE", "Seller: Alpen Consulting GmbH", "VAT No. \(number)",
                                          "Net total 1,000.00", "Amount due 1,000.00"])
        #expect(facts[.supplierVAT] == number)
    }

    @Test func totalsNumberAndAgreementAreReadFromEnglishLabels() {
        let facts = DateOrderTests.facts([
            "INVOICE", "Invoice No. INV-2025-0042", "Invoice date: 03/04/2025", "Agreement Ref. CLOUD2025",
            "Net total 1,000.00", "VAT 20% 200.00", "Amount due 1,200.00",
        ])
        #expect(facts[.numberDocument] == "INV-2025-0042")
        #expect(facts[.numberMarche] == "CLOUD2025")
        #expect(facts[.amountHT] == "1000.00")
        #expect(facts[.amountTVA] == "200.00")
        #expect(facts[.amountTTC] == "1200.00")
        #expect(facts[.dateIssued] == "2025-03-04")
    }
}
