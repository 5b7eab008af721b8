import DemoData
import EclaireServer
import Foundation
import Testing
import VaporTesting

/// Each role's menu lists only what it may open: a sponsor or a team member never meets « accès refusé » by
/// following the menu (issue 18).
@Suite("Menus by role, without dead ends")
struct MenuTests {
    static func menuLinks(_ page: String) -> [String] {
        guard let start = page.range(of: "<nav>"), let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex) else {
            return []
        }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "href=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyEntryOfEachRolesMenuOpens() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 24)) { app, _ in
            var menus: [String: [String]] = [:]
            for login in ["admin", "budget", "sponsor", "equipe"] {
                var visitor = try await Visitor.signedIn(app, as: login)
                var links: [String] = []
                try await visitor.get("/") { links = Self.menuLinks($0.body.string) }
                #expect(links.count >= 4, "\(login)")
                for link in links {
                    try await visitor.get(link) { response in
                        #expect(response.status == .ok, "\(login) → \(link): \(response.status)")
                    }
                }
                menus[login] = links
            }
            // What is left out is what each role may not open.
            #expect(menus["admin"]!.contains("/admin/jetons") && menus["admin"]!.contains("/imports"))
            #expect(menus["budget"]!.contains("/anomalies") && !menus["budget"]!.contains("/admin/jetons"))
            for login in ["sponsor", "equipe"] {
                #expect(Set(menus[login]!).isDisjoint(with: ["/documents", "/fournisseurs", "/anomalies", "/imports", "/admin/jetons"]),
                        "\(login): \(menus[login]!)")
                #expect(menus[login]!.contains("/produits"))
            }
            // The current page is marked.
            var team = try await Visitor.signedIn(app, as: "equipe")
            try await team.get("/produits") { #expect($0.body.string.contains(#"<a href="/produits" aria-current="page">"#)) }
        }
    }
}
