import DemoData
import EclaireCore
import EclaireServer
import Foundation
import SQLKit
import Storage
import TestSupport
import Testing
import VaporTesting

/// Every registered route × every kind of caller (anonymous, each role signed in, a person through HTTP Basic, API
/// tokens scoped, confined to a product, to a programme): who gets through and who is refused must be what
/// `AccessPolicy` and the token's scopes say. A route missing from `rules` fails the test: a new route needs a rule.
@Suite("Access: every route, every role and token kind", .serialized)
struct AccessWalkTests {
    /// How the caller reaches the server.
    enum Channel { case anonymous, session, basic, token }

    struct Caller {
        let name: String
        let channel: Channel
        let user: User?
        var headers: HTTPHeaders
        var access: AccessPolicy? { user.map(AccessPolicy.init) }
    }

    /// What a route asks of its caller. `api` routes take any signed-in person, and tokens holding `scope`;
    /// pages take signed-in people only (a token names its caller on `/api/` alone).
    enum Question {
        case anyone, signedIn, wholeBase, analyst, manageAccounts, manageProducts, administersSync
        case ej(AccessAction), document(AccessAction), product(AccessAction)
    }

    struct Rule {
        let question: Question
        /// The token scope an API route needs; nil for pages.
        let scope: APIScope?
        /// For routes whose own object is deliberately unknown (so that walking changes nothing): an allowed caller
        /// is told that object is unknown, a refused one is not.
        var allowedMarker: String? = nil
        var skip: String? = nil
    }

    struct Targets {
        var ej = "", document = 0, product = 0, token = 0, programme = ""
    }

    static func rules(_ t: Targets) -> [String: Rule] {
        func page(_ q: Question, marker: String? = nil) -> Rule { Rule(question: q, scope: nil, allowedMarker: marker) }
        func api(_ q: Question, _ s: APIScope, marker: String? = nil) -> Rule { Rule(question: q, scope: s, allowedMarker: marker) }
        return [
            "GET /health": page(.anyone), "GET /metrics": page(.anyone), "GET /glossaire": page(.anyone),
            "GET /connexion": page(.anyone), "POST /connexion": page(.anyone),
            "GET /api/v1/openapi.json": page(.anyone),
            "POST /deconnexion": Rule(question: .signedIn, scope: nil, skip: "ends the walker's session; RightsTests signs out"),
            // Pages
            "GET /": page(.signedIn), "GET /ej/:ej": page(.ej(.read)), "GET /imports": page(.wholeBase),
            "GET /fournisseurs": page(.wholeBase), "GET /documents": page(.wholeBase),
            "GET /documents/:id": page(.document(.read)), "GET /documents/:id/fichier": page(.document(.read)),
            "POST /documents/:id/corriger": page(.document(.change)), "POST /documents/:id/relire": page(.document(.change)),
            "POST /ej/:ej/documents": page(.ej(.change)), "POST /imports": page(.wholeBase),
            "GET /produits": page(.signedIn), "GET /produits/:id": page(.product(.read)), "GET /rapprochement": page(.signedIn),
            "POST /produits": page(.manageProducts), "POST /produits/:id/budget": page(.manageProducts),
            "POST /produits/:id/financement": page(.manageProducts), "POST /produits/:id/regle": page(.manageProducts),
            "POST /produits/:id/previsionnel/dupliquer": page(.product(.change)),
            "POST /produits/:id/rattacher": page(.product(.change)), "POST /produits/:id/detacher": page(.product(.change)),
            "POST /produits/:id/previsionnel": page(.product(.change)),
            "POST /produits/:id/previsionnel/:line/supprimer": page(.product(.change), marker: "Ligne prévisionnelle inconnue"),
            "POST /produits/:id/bon-de-commande": page(.product(.change)),
            "POST /produits/:id/service-fait": page(.product(.change)),
            "POST /produits/:id/consommation": page(.product(.change)),
            "POST /produits/:id/consommation/:consumption/valider": page(.product(.change), marker: "consommation inconnue"),
            "POST /produits/:id/consommation/:consumption/decouper": page(.product(.change), marker: "consommation inconnue"),
            "GET /admin/jetons": page(.manageAccounts), "POST /admin/jetons": page(.manageAccounts),
            "POST /admin/jetons/:id/revoquer": page(.manageAccounts), "GET /admin/synchronisation": page(.administersSync),
            "GET /anomalies": page(.analyst), "POST /anomalies/ecarter": page(.analyst),
            "GET /export/:table": page(.signedIn), "GET /export/produits/:id/:table": page(.product(.read)),
            "GET /export/ej/:ej/:table": page(.ej(.read)),
            // API
            "GET /api/v1/stats": api(.wholeBase, .readSpending), "GET /api/v1/imports": api(.wholeBase, .readSpending),
            "GET /api/v1/ejs": api(.signedIn, .readSpending), "GET /api/v1/ejs/:ej": api(.ej(.read), .readSpending),
            "POST /api/v1/ejs/:ej/documents": api(.ej(.change), .writeDocuments),
            "GET /api/v1/documents": api(.wholeBase, .readDocuments), "GET /api/v1/documents/summary": api(.wholeBase, .readDocuments),
            "GET /api/v1/documents/coverage": api(.wholeBase, .readDocuments),
            "GET /api/v1/documents/syntheses": api(.wholeBase, .readDocuments),
            "GET /api/v1/documents/suppliers/:siret": api(.signedIn, .readDocuments),
            "GET /api/v1/documents/:id": api(.document(.read), .readDocuments),
            "PUT /api/v1/documents/:id/fields/:key": api(.document(.change), .writeCorrections),
            "GET /api/v1/products": api(.signedIn, .readBudgets), "GET /api/v1/products/:id": api(.product(.read), .readBudgets),
            "GET /api/v1/products/:id/reconciliation": api(.product(.read), .readBudgets),
            "GET /api/v1/products/:id/consumptions": api(.product(.read), .readBudgets),
            "GET /api/v1/products/:id/forecast": api(.product(.read), .readBudgets),
            "GET /api/v1/products/:id/audit": api(.product(.read), .readBudgets),
            "GET /api/v1/portfolio": api(.signedIn, .readBudgets), "GET /api/v1/suggestions": api(.signedIn, .readBudgets),
            "GET /api/v1/anomalies": api(.analyst, .readSpending),
            "POST /api/v1/anomalies/:key/dismiss": api(.analyst, .writeCorrections, marker: "anomalie inconnue"),
        ]
    }

    /// The value of each path parameter, by route.
    static func value(of parameter: String, in route: String, _ t: Targets) -> String {
        switch parameter {
        case "ej": t.ej
        case "id" where route.hasPrefix("/admin/jetons"): String(t.token)
        case "id" where route.contains("documents"): String(t.document)
        case "id": String(t.product)
        case "table" where route.hasPrefix("/export/ej"): "postes.csv"
        case "table": "ejs.csv"
        case "key" where route.contains("anomalies"): "inconnue:0"
        case "key": "supplier_name"
        case "siret": "35600000000048"
        default: "999999"
        }
    }

    /// Whether the caller should get through, from the policy and the token's scopes.
    static func allowed(_ caller: Caller, _ rule: Rule, reach: EJReach, documentReach: [EJReach], product: Int) -> Bool {
        if case .anyone = rule.question { return true }
        guard let access = caller.access else { return false }
        switch caller.channel {
        case .anonymous: return false
        case .basic, .token: guard let scope = rule.scope else { return false }
            if caller.channel == .token && !access.allows(scope) { return false }
        case .session: break
        }
        switch rule.question {
        case .anyone, .signedIn: return true
        case .wholeBase: return access.wholeBase
        case .analyst: return access.isAnalyst
        case .manageAccounts: return access.manageAccounts
        case .manageProducts: return access.manageProducts
        case .administersSync: return access.administersSync
        case .ej(let action): return access.ej(reach, action)
        case .document(let action): return access.document(on: documentReach, action)
        case .product(let action): return access.product(product, action)
        }
    }

    static func refused(_ response: TestingHTTPResponse) -> Bool {
        switch response.status {
        case .unauthorized, .forbidden, .notFound: true
        case .seeOther: response.headers.first(name: .location)?.hasPrefix("/connexion") == true
        default: false
        }
    }

    @Test func everyRouteAnswersEachCallerAsThePolicySays() async throws {
        try await DemoApp.with(ledger: DemoLedger(orderCount: 30)) { app, location in
            var t = Targets()
            var callers: [Caller] = [Caller(name: "anonyme", channel: .anonymous, user: nil, headers: [:])]
            var reach = EJReach(productID: nil, programmes: []), otherProgramme = ""
            try await StorageContainer.using(location, migrate: false) { storage in
                let budget = BudgetStore(database: storage.database, actor: "t")
                let documents = DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location), actor: "t")
                let team = try #require(try await budget.products().first { $0.name == "Démarches Transformation" })
                t.product = team.id
                let teamEJs = Set(try await budget.links(productID: team.id).map(\.ej))
                t.ej = try #require(teamEJs.sorted().first)
                t.document = try await documents.attach(ej: t.ej, file: URL(fileURLWithPath: Fixtures.path("documents/lettre.pdf"))).document.id
                let queries = ChorusQueries(sql: storage.database as! any SQLDatabase)
                reach = try #require(try await queries.reaches(of: [t.ej])[t.ej])
                t.programme = try #require(reach.programmes.sorted().first)
                otherProgramme = t.programme == "354" ? "129" : "354"
                let tokens = APITokenStore(database: storage.database)
                let all = Set(APIScope.allCases)
                let kinds: [(String, Set<APIScope>, Set<Int>, Set<String>)] = [
                    ("jeton tous droits", all, [], []), ("jeton lecture des dépenses", [.readSpending], [], []),
                    ("jeton sans lecture des dépenses", all.subtracting([.readSpending]), [], []),
                    ("jeton confiné au produit", all, [team.id], []),
                    ("jeton confiné à un autre produit", all, [try #require(try await budget.products().first { $0.id != team.id }).id], []),
                    ("jeton confiné au programme", all, [], [t.programme]), ("jeton confiné à un autre programme", all, [], [otherProgramme]),
                ]
                for (name, scopes, products, programmes) in kinds {
                    let (token, secret) = try await Credentials.createAPIToken(
                        in: tokens, name: name, scopes: scopes, productIDs: products, programmes: programmes,
                        ratePerMinute: 100_000, createdBy: "test")
                    var headers = HTTPHeaders()
                    headers.bearerAuthorization = BearerAuthorization(token: secret)
                    callers.append(Caller(name: name, channel: .token, user: token.user, headers: headers))
                }
                t.token = try await Credentials.createAPIToken(in: tokens, name: "à révoquer", scopes: [.readSpending],
                                                               productIDs: [], programmes: [], ratePerMinute: 60, createdBy: "test").token.id
            }
            let documentReach = [reach]
            for login in ["admin", "budget", "sponsor", "equipe"] {
                let visitor = try await Visitor.signedIn(app, as: login)
                var headers = visitor.headers
                headers.replaceOrAdd(name: "X-CSRF-Token", value: visitor.csrf)
                let user = try await StorageContainer.using(location, migrate: false) { storage in
                    try #require(try await AccountStore(database: storage.database).credentials(login: login)?.0)
                }
                callers.append(Caller(name: login, channel: .session, user: user, headers: headers))
            }
            let account = try #require(DemoAccounts.all.first { $0.login == "sponsor" })
            var basic = HTTPHeaders()
            basic.basicAuthorization = BasicAuthorization(username: account.login, password: account.password)
            callers.append(Caller(name: "sponsor en Basic", channel: .basic, user: callers.first { $0.name == "sponsor" }!.user, headers: basic))

            let rules = Self.rules(t)
            var walked = 0
            for route in app.routes.all {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                let key = "\(route.method.rawValue) \(pattern)"
                let rule = try #require(rules[key], "no access rule for \(key): add one to AccessWalkTests.rules")
                if rule.skip != nil { continue }
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return Self.value(of: name, in: pattern, t) }
                    return component.description
                }.joined(separator: "/")
                for caller in callers {
                    let expected = Self.allowed(caller, rule, reach: reach, documentReach: documentReach, product: t.product)
                    try await app.testing().test(route.method, path, headers: caller.headers) { response in
                        #expect(response.status != .internalServerError, "\(key) as \(caller.name): 500")
                        let got: Bool
                        if let marker = rule.allowedMarker, response.status == .notFound {
                            got = response.body.string.contains(marker)
                        } else {
                            got = !Self.refused(response)
                        }
                        #expect(got == expected, "\(key) as \(caller.name): \(response.status.code), expected \(expected ? "allowed" : "refused")")
                    }
                    walked += 1
                }
            }
            #expect(walked > 50 * callers.count / 2)
            // The routes of the rule table all exist: a renamed route leaves no stale rule behind.
            let registered = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            #expect(Set(rules.keys).subtracting(registered).isEmpty, "\(Set(rules.keys).subtracting(registered))")
        }
    }
}
