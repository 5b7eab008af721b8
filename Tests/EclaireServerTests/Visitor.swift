import DemoData
import Foundation
import Testing
import VaporTesting

/// A browser in tests: signs in through the real form and keeps its session cookie and CSRF token.
struct Visitor {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf = ""

    static func anonymous(_ app: Application) -> Visitor { Visitor(app: app) }

    static func signedIn(_ app: Application, as login: String) async throws -> Visitor {
        let account = try #require(DemoAccounts.all.first { $0.login == login })
        return try await signIn(app, login: login, password: account.password)
    }

    static func signIn(_ app: Application, login: String, password: String) async throws -> Visitor {
        var visitor = Visitor(app: app)
        var formToken = ""
        try await visitor.get("/connexion") { response in
            formToken = Self.hiddenField("csrf", in: response.body.string) ?? ""
        }
        try await visitor.post("/connexion", form: ["login": login, "password": password, "csrf": formToken,
                                                    "suite": "/produits"]) { response in
            #expect(response.status == .seeOther)
        }
        try #require(visitor.cookies["eclaire_session"] != nil, "sign-in of \(login) failed")
        var token = ""
        try await visitor.get("/produits") { response in
            token = Self.hiddenField("csrf", in: response.body.string) ?? ""
        }
        visitor.csrf = token
        return visitor
    }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))
        }
        return headers
    }

    mutating func get(_ path: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        var received: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers) { response in
            received = response
            try await check(response)
        }
        if let received { keepCookies(received) }
    }

    mutating func post(_ path: String, form: [String: String], headers extra: HTTPHeaders = [:],
                       _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        var headers = headers
        headers.add(contentsOf: extra)
        headers.contentType = .urlEncodedForm
        let body = form.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var received: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { response in
            received = response
            try await check(response)
        }
        if let received { keepCookies(received) }
    }

    private mutating func keepCookies(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") || header.contains("1970") {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
    }

    static func hiddenField(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension Visitor {
    /// A multipart form, as a browser sends a file input.
    /// `method`: `.running` sends the body over a real socket, in chunks, as a browser does.
    mutating func upload(_ path: String, field: String, fileName: String, data: Data, fields: [String: String],
                         over method: Application.Method = .inMemory,
                         _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        let boundary = "----eclaire\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        try await app.testing(method: method).test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { response in
            try await check(response)
        }
    }

    mutating func send(_ method: HTTPMethod, _ path: String, json: String,
                       _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        var headers = headers
        headers.contentType = .json
        headers.add(name: "X-CSRF-Token", value: csrf)
        try await app.testing().test(method, path, headers: headers, body: ByteBuffer(string: json)) { response in
            try await check(response)
        }
    }
}
