import EclaireCore
import Testing

@Suite("Access policy: who may read or change an EJ, a document, a product, an anomaly")
struct AccessPolicyTests {
    static let team = User(id: 1, login: "e", name: "E", role: .teamMember, productIDs: [7])
    static let sponsor = User(id: 2, login: "s", name: "S", role: .sponsor, productIDs: [7])
    static let office = User(id: 3, login: "b", name: "B", role: .budgetOffice)
    static let programmeToken = User(id: 0, login: "jeton:p", name: "p", role: .budgetOffice, programmes: ["0129"],
                                     scopes: [.readSpending, .readDocuments, .writeCorrections])
    static let ownEJ = EJReach(productID: 7, programmes: ["129"])
    static let otherEJ = EJReach(productID: 8, programmes: ["354"])
    static let unlinkedEJ = EJReach(productID: nil, programmes: ["129"])

    @Test func aTeamChangesOnlyItsOwnProductsEJsAndASponsorOnlyReads() {
        let team = AccessPolicy(Self.team), sponsor = AccessPolicy(Self.sponsor)
        #expect(team.ej(Self.ownEJ, .change) && team.ej(Self.unlinkedEJ, .read) && !team.ej(Self.unlinkedEJ, .change))
        #expect(!team.ej(Self.otherEJ, .read))
        #expect(sponsor.ej(Self.ownEJ, .read) && !sponsor.ej(Self.ownEJ, .change))
        #expect(team.product(7, .change) && !team.product(8, .read) && !sponsor.product(7, .change))
        #expect(!team.namesSuppliers && AccessPolicy(Self.office).namesSuppliers)
    }

    @Test func aTokenConfinedToProgrammesIsNotTheBudgetOffice() {
        let token = AccessPolicy(Self.programmeToken)
        #expect(token.isAnalyst && !token.wholeBase && !token.manageProducts)
        #expect(token.ej(Self.ownEJ, .read) && token.ej(Self.ownEJ, .change), "« 0129 » is programme 129")
        #expect(!token.ej(Self.otherEJ, .read) && !token.document(on: [Self.otherEJ], .change))
        #expect(!token.product(7, .read) && token.productLimit == [])
        #expect(token.allows(.readDocuments) && !token.allows(.writeDocuments))
        #expect(AccessPolicy(Self.office).product(8, .read) && AccessPolicy(Self.office).wholeBase)
    }

    @Test func anAnomalySpanningOtherProductsShowsOnlyWhatIsInReach() throws {
        let anomaly = Anomaly(kind: .fractionnement, ejs: ["2105000001", "2105000002"], amount: Money(cents: 9_000_000),
                              explanation: "3 commandes de 30 000,00 € chez ACME",
                              evidence: [AnomalyEvidence(kind: .line, reference: "2105000001/10", detail: "30 000,00 €"),
                                         AnomalyEvidence(kind: .line, reference: "2105000002/10", detail: "60 000,00 €")])
        let reaches = ["2105000001": Self.ownEJ, "2105000002": Self.otherEJ]
        let seen = try #require(AccessPolicy(Self.sponsor).view(of: anomaly, reaches: reaches))
        #expect(seen.ejs == ["2105000001"] && seen.amount == .zero && seen.evidence.map(\.reference) == ["2105000001/10"])
        #expect(!seen.explanation.contains("ACME") && !seen.explanation.contains("000,00") && seen.explanation.contains("1 autre"))
        #expect(AccessPolicy(Self.office).view(of: anomaly, reaches: reaches) == anomaly)
        #expect(AccessPolicy(User(id: 4, login: "x", name: "X", role: .sponsor, productIDs: [9])).view(of: anomaly, reaches: reaches) == nil)
    }
}
