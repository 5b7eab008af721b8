import DemoData
import Storage
@testable import EclaireServer
import Foundation
import Testing
import VaporTesting

@Suite("Hostile requests fail alone, never the server")
struct HostileInputTests {
    static let boundary = "d0a66bf6102810ec96b2a07759f16812"
    /// Found by schemathesis: bytes ≥ 0x80 where MultipartKit expects a part's header name made it trap.
    static let hostile: [UInt8] = Array("--\(boundary)\r\n".utf8) + [0xc2, 0x8c, 0xf1, 0xb0, 0x8e, 0xb2, 0xc2, 0xa6]
        + Array("--\(boundary)--\r\n".utf8)

    @Test func theGuardTellsTheTrappingBodiesFromTheOthers() {
        #expect(!MultipartGuard.isSafe(Self.hostile, boundary: Self.boundary))
        let second = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(Self.boundary)\r\nX\u{e9}: 1\r\n\r\n2\r\n--\(Self.boundary)--\r\n".utf8)
        #expect(!MultipartGuard.isSafe(second, boundary: Self.boundary))
        let good = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"d\u{e9}vis.pdf\"\r\n\r\n\u{e9}t\u{e9} \u{80}\r\n--\(Self.boundary)--\r\n".utf8)
        #expect(MultipartGuard.isSafe(good, boundary: Self.boundary))
        #expect(MultipartGuard.isSafe(Array("pas du tout multipart \u{e9}".utf8), boundary: Self.boundary))
    }

    @Test func aHostileUploadIsRefusedAndTheServerGoesOn() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 12)) { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let ej = DemoLedger(orderCount: 12).orders[0].ej
            var headers = admin.headers
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(Self.boundary)")
            headers.add(name: "X-CSRF-Token", value: admin.csrf)
            for path in ["/api/v1/ejs/\(ej)/documents", "/ej/\(ej)/documents", "/anomalies/ecarter"] {
                try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(bytes: Self.hostile)) { response in
                    #expect(response.status == .badRequest || response.status == .forbidden, "\(path): \(response.status)")
                }
            }
            try await admin.get("/api/v1/ejs/\(ej)") { #expect($0.status == .ok) }
        }
    }
}

@Suite("Numbers no request may overflow (issue 16)")
struct OverflowingInputTests {
    @Test func unknownAddressesAnswerInFrench() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 3)) { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            try await admin.get("/nulle-part") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Page ou ressource introuvable"))
                #expect(!response.body.string.contains("Not Found"))
            }
            try await admin.get("/api/v1/nulle-part") { response in
                #expect(response.status == .notFound)
                let problem = try response.content.decode(ProblemDTO.self)
                #expect(problem.title == "Page ou ressource introuvable")
            }
        }
    }

    @Test func hugeOffsetsYearsAndAmountsAnswer400AndThePagesStillRender() async throws {
        try await DemoApp.with(ledger: BudgetFormsTests.ledger) { app, location in
            let (team, _, _, _) = try await BudgetFormsTests().ids(location)
            var member = try await Visitor.signedIn(app, as: "equipe")
            for path in ["/?offset=9223372036854775807", "/api/v1/ejs?offset=9223372036854775807",
                         "/produits?exercice=9223372036854775807", "/api/v1/documents?offset=9223372036854775807"] {
                try await member.get(path) { response in
                    #expect([.badRequest, .ok, .forbidden].contains(response.status), "\(path): \(response.status)")
                }
            }
            // Refused, and said beside the form on the product page (which itself renders).
            let refusal = { (page: String) in page.contains("role=\"alert\">") }
            #expect(refusal(try await BudgetFormsTests.refused(&member, "/produits/\(team)/previsionnel/dupliquer",
                                                                form: ["csrf": member.csrf, "from": "9223372036854775807"], anchor: "dupliquer")))
            #expect(refusal(try await BudgetFormsTests.refused(&member, "/produits/\(team)/previsionnel", form: [
                "csrf": member.csrf, "exercice": "9223372036854775807", "label": "x", "ae": "1", "cp": "1",
            ], anchor: "previsionnel-libre")))
            // Sixteen digits of euros are refused; ten lines of the largest amount read still add up on the page.
            #expect(refusal(try await BudgetFormsTests.refused(&member, "/produits/\(team)/previsionnel", form: [
                "csrf": member.csrf, "exercice": "2025", "label": "x", "ae": "9 999 999 999 999 999", "cp": "1",
            ], anchor: "previsionnel-libre")))
            for _ in 0..<10 {
                try await member.post("/produits/\(team)/previsionnel", form: [
                    "csrf": member.csrf, "exercice": "2025", "person": "Expert", "month": "3",
                    "tjm": "9 999 999 999 999,99", "days": "9 999 999 999 999",
                ]) { #expect($0.status == .seeOther) }
            }
            try await member.get("/produits/\(team)?exercice=2025") { #expect($0.status == .ok) }
            try await member.get("/produits") { #expect($0.status == .ok) }
            try await member.get("/api/v1/products/\(team)?exercice=2025") { #expect($0.status == .ok || $0.status == .forbidden) }
        }
    }
}

@Suite("An EJ is one EJ however its number is written (issue 16)")
struct EJNumberFormsTests {
    @Test func aTeamMemberCannotReachAnotherProductsEJByWritingItsNumberDifferently() async throws {
        try await DemoApp.with(ledger: BudgetFormsTests.ledger) { app, location in
            let (_, _, _, sponsoredEJ) = try await BudgetFormsTests().ids(location)
            func stored() async throws -> Int {
                try await StorageContainer.using(location, migrate: false) { storage in
                    try await DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location),
                                            actor: "t").documents(ofEJ: sponsoredEJ).count
                }
            }
            let before = try await stored()
            var member = try await Visitor.signedIn(app, as: "equipe")
            let dashed = String(sponsoredEJ.prefix(4)) + "-" + String(sponsoredEJ.dropFirst(4))
            let spaced = String(sponsoredEJ.prefix(4)) + "%20" + String(sponsoredEJ.dropFirst(4))
            for written in [sponsoredEJ, dashed, spaced] {
                try await member.upload("/ej/\(written)/documents", field: "fichier", fileName: "devis.pdf",
                                        data: Data("%PDF-1.4\n".utf8), fields: ["csrf": member.csrf]) { response in
                    #expect(response.status == .notFound || response.status == .forbidden, "\(written): \(response.status)")
                }
                try await member.get("/ej/\(written)") { #expect($0.status == .notFound, "\(written)") }
                try await member.get("/api/v1/ejs/\(written)") { #expect($0.status == .notFound, "\(written)") }
            }
            #expect(try await stored() == before)
        }
    }
}

@Suite("What every answer tells the browser (issue 16)")
struct SecurityHeadersTests {
    @Test func signInNeverRedirectsOffSite() {
        for sent in ["/\t/example.org", "/\n/example.org", "//example.org", "/\\example.org", "https://example.org", "/é"] {
            #expect(SignInController.safeNext(sent) == "/produits", "\(sent)")
        }
        #expect(SignInController.safeNext("/produits/3?exercice=2025") == "/produits/3?exercice=2025")
    }

    @Test func pagesCannotBeFramedAndSecretsAreNotStored() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 12)) { app, _ in
            var visitor = Visitor(app: app)
            try await visitor.get("/connexion") { response in
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "Content-Security-Policy") == "frame-ancestors 'none'")
                #expect(response.headers.first(name: .cacheControl) == "no-store")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
            try await visitor.get("/health") { #expect($0.headers.first(name: "X-Content-Type-Options") == "nosniff") }
        }
    }

    @Test func behindAnHTTPSProxyTheSessionCookieIsSecure() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 12)) { app, _ in
            var visitor = Visitor(app: app)
            var formToken = ""
            try await visitor.get("/connexion") { formToken = Visitor.hiddenField("csrf", in: $0.body.string) ?? "" }
            let account = try #require(DemoAccounts.all.first { $0.login == "budget" })
            try await visitor.post("/connexion", form: ["login": "budget", "password": account.password, "csrf": formToken],
                                   headers: ["X-Forwarded-Proto": "https"]) { response in
                let session = response.headers[.setCookie].first { $0.hasPrefix("eclaire_session=") }
                #expect(session?.contains("Secure") == true)
                #expect(response.headers.first(name: "Strict-Transport-Security") != nil)
            }
        }
    }
}

@Suite("Password guessing is slowed down (issue 16)")
struct LoginThrottleTests {
    @Test func aKeyWaitsAfterFiveFailuresLongerEachTimeAndASuccessClearsIt() async {
        let throttle = LoginThrottle()
        let start = ContinuousClock.now
        let keys = LoginThrottle.keys(login: "Agnes", address: "192.0.2.1")
        for _ in 0..<5 { await throttle.failed(keys, now: start) }
        #expect(await throttle.wait(keys, now: start) == 31)
        #expect(await throttle.wait(keys, now: start + .seconds(31)) == nil)
        await throttle.failed(keys, now: start + .seconds(31))
        #expect(await throttle.wait(keys, now: start + .seconds(32)) == 60)
        // Another login from the same address waits too; the same login from elsewhere as well.
        #expect(await throttle.wait(LoginThrottle.keys(login: "autre", address: "192.0.2.1"), now: start + .seconds(32)) != nil)
        #expect(await throttle.wait(LoginThrottle.keys(login: "agnes", address: "198.51.100.7"), now: start + .seconds(32)) != nil)
        await throttle.succeeded(login: keys[0])
        #expect(await throttle.wait([keys[0]], now: start + .seconds(32)) == nil)
        // A quarter of an hour later everything is forgotten.
        #expect(await throttle.wait(keys, now: start + .seconds(32 + 901)) == nil)
    }

    @Test func theSixthWrongPasswordIsRefusedWithoutCheckingEvenTheRightOne() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 12)) { app, _ in
            var visitor = Visitor(app: app)
            var formToken = ""
            try await visitor.get("/connexion") { formToken = Visitor.hiddenField("csrf", in: $0.body.string) ?? "" }
            for attempt in 1...6 {
                try await visitor.post("/connexion", form: ["login": "sponsor", "password": "devine-\(attempt)", "csrf": formToken]) { response in
                    #expect(response.status == (attempt <= 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt)")
                }
                formToken = visitor.cookies["eclaire_form"] ?? formToken
            }
            let account = try #require(DemoAccounts.all.first { $0.login == "sponsor" })
            try await visitor.post("/connexion", form: ["login": "sponsor", "password": account.password, "csrf": formToken]) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) != nil)
            }
            var headers = HTTPHeaders()
            headers.basicAuthorization = BasicAuthorization(username: "sponsor", password: account.password)
            try await app.testing().test(.GET, "/api/v1/ejs?limit=1", headers: headers) { #expect($0.status == .tooManyRequests) }
            // Other accounts are not affected.
            _ = try await Visitor.signedIn(app, as: "budget")
        }
    }
}
