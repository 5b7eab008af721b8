import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A stand-in for the AIFE that the tests start on a free port: OAuth client credentials, the EJ list, attachments'
/// metadata and bytes, in the OData v2 shapes of the real API (`d.results`, `/Date(…)/`), with faults on demand.
final class FakeAIFE: @unchecked Sendable {
    struct Attachment {
        var id: String
        var name: String
        var bytes: Data
        var date: Int64
        var declaredSize: String?
    }

    /// What the server holds and which faults it plays; changed by the test between runs.
    struct World {
        var secret = "s3cret"
        /// (num_ej, pur_org, pur_group, date_reception in ms, alerte)
        var ejs: [(String, String, String, Int64, String)] = []
        var attachments: [String: [Attachment]] = [:]
        /// Rows added to an EJ's metadata answer (duplicates).
        var extraMetadata: [String: [[String: String]]] = [:]
        /// Paths answered with these statuses first, once per entry (429, 500…).
        var faults: [String: [Int]] = [:]
        /// Attachment ids whose next downloads are cut short (count of times).
        var truncate: [String: Int] = [:]
        /// EJ list split in pages of this size, with `__next`.
        var pageSize = 1000
        /// Attachment ids whose download waits this many seconds first.
        var slow: [String: Double] = [:]
    }

    let lock = NIOLock()
    private var _world = World()
    private var _downloads: [String: Int] = [:]
    private var _tokensIssued = 0
    private var _requests: [String] = []
    let app: Application
    private(set) var port = 0

    var world: World {
        get { lock.withLock { _world } }
        set { lock.withLock { _world = newValue } }
    }
    var downloads: [String: Int] { lock.withLock { _downloads } }
    var tokensIssued: Int { lock.withLock { _tokensIssued } }
    var requests: [String] { lock.withLock { _requests } }
    var url: String { "http://127.0.0.1:\(port)" }

    init() async throws {
        app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        routes()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    /// A fake AIFE for the body, stopped after it whatever happens.
    static func with(_ body: (FakeAIFE) async throws -> Void) async throws {
        let aife = try await FakeAIFE()
        do { try await body(aife) } catch {
            try? await aife.stop()
            throw error
        }
        try await aife.stop()
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    private func fault(_ key: String) -> Int? {
        lock.withLock {
            guard var list = _world.faults[key], !list.isEmpty else { return nil }
            let status = list.removeFirst()
            _world.faults[key] = list
            return status
        }
    }

    private func authorised(_ request: Request) -> Bool {
        request.headers.bearerAuthorization?.token == "token-\(world.secret)"
    }

    private static func json(_ object: Any, status: HTTPResponseStatus = .ok) -> Response {
        let data = try! JSONSerialization.data(withJSONObject: object)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    private func routes() {
        app.post("oauth", "token") { request -> Response in
            if let status = self.fault("token") { return Response(status: HTTPResponseStatus(statusCode: status)) }
            let form = try request.content.decode([String: String].self)
            guard form["grant_type"] == "client_credentials", form["scope"] == "openid", form["client_id"] == "eclaire",
                  form["client_secret"] == self.world.secret else {
                return Self.json(["error": "invalid_client"], status: .unauthorized)
            }
            self.lock.withLock { self._tokensIssued += 1 }
            return Self.json(["access_token": "token-\(self.world.secret)", "token_type": "Bearer", "expires_in": 3600])
        }
        app.get("export_pj_ej", "liste_ej_place") { request -> Response in
            self.lock.withLock { self._requests.append("liste_ej_place?" + (request.url.query ?? "")) }
            guard self.authorised(request) else { return Response(status: .unauthorized) }
            if let status = self.fault("liste_ej_place") { return Response(status: HTTPResponseStatus(statusCode: status)) }
            let filter = (try? request.query.get(String.self, at: "$filter")) ?? ""
            let bounds = Self.dates(in: filter)
            let org = Self.value(of: "pur_org", in: filter)
            let group = Self.value(of: "pur_group", in: filter)
            let skip = (try? request.query.get(Int.self, at: "$skip")) ?? 0
            let rows = self.world.ejs.filter { ej in
                bounds.count == 2 && ej.3 >= bounds[0] && ej.3 <= bounds[1] && ej.1 == org && (group == nil || ej.2 == group)
            }
            let page = Array(rows.dropFirst(skip).prefix(self.world.pageSize))
            var body: [String: Any] = ["results": page.map { ["alerte": $0.4, "num_ej": $0.0, "date_reception": "/Date(\($0.3))/",
                                                               "pur_org": $0.1, "pur_group": $0.2] }]
            if skip + page.count < rows.count {
                body["__next"] = "liste_ej_place?$filter=\(filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&$skip=\(skip + page.count)"
            }
            return Self.json(["d": body])
        }
        app.get("export_pj_ej", "pieces_jointes_metadata") { request -> Response in
            guard self.authorised(request) else { return Response(status: .unauthorized) }
            let filter = (try? request.query.get(String.self, at: "$filter")) ?? ""
            guard let ej = Self.value(of: "num_ej", in: filter), filter.contains("object_type eq 'BUS2201'") else {
                return Self.json(["error": "filtre attendu"], status: .badRequest)
            }
            if let status = self.fault("metadata:\(ej)") { return Response(status: HTTPResponseStatus(statusCode: status)) }
            var rows: [[String: String]] = (self.world.attachments[ej] ?? []).map {
                ["id_pj": $0.id, "nom_pj": $0.name, "num_ej": ej, "size_pj": $0.declaredSize ?? String($0.bytes.count), "date_pj": "/Date(\($0.date))/"]
            }
            rows += self.world.extraMetadata[ej] ?? []
            return Self.json(["d": ["results": rows]])
        }
        app.get("export_pj_ej", ":data", "$value") { request -> Response in
            guard self.authorised(request) else { return Response(status: .unauthorized) }
            let segment = request.parameters.get("data") ?? ""
            guard segment.hasPrefix("pieces_jointes_data('"), segment.hasSuffix("')") else { return Response(status: .notFound) }
            let id = String(segment.dropFirst("pieces_jointes_data('".count).dropLast(2))
            self.lock.withLock { self._requests.append("data:\(id)") }
            if let status = self.fault("data:\(id)") { return Response(status: HTTPResponseStatus(statusCode: status)) }
            if let seconds = self.world.slow[id] { try await Task.sleep(for: .seconds(seconds)) }
            guard let attachment = self.world.attachments.values.joined().first(where: { $0.id == id }) else {
                return Response(status: .notFound)
            }
            let cut = self.lock.withLock { () -> Bool in
                self._downloads[id, default: 0] += 1
                guard let left = self._world.truncate[id], left > 0 else { return false }
                self._world.truncate[id] = left - 1
                return true
            }
            let bytes = attachment.bytes
            guard cut else { return Response(status: .ok, body: .init(data: bytes)) }
            // Announces every byte, sends half, then breaks the connection.
            return Response(status: .ok, body: .init(asyncStream: { writer in
                try await writer.write(.buffer(ByteBuffer(data: bytes.prefix(bytes.count / 2))))
                try await writer.write(.error(Abort(.internalServerError)))
            }, count: bytes.count))
        }
    }

    static func value(of key: String, in filter: String) -> String? {
        guard let range = filter.range(of: "\(key) eq '") else { return nil }
        let rest = filter[range.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    /// The two `datetime'…'` bounds of the filter, in milliseconds.
    static func dates(in filter: String) -> [Int64] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return filter.components(separatedBy: "datetime'").dropFirst().compactMap { part in
            part.split(separator: "'").first.flatMap { formatter.date(from: String($0)) }.map { Int64($0.timeIntervalSince1970 * 1000) }
        }
    }
}
