import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The AIFE's attachment API (OData v2 behind OAuth 2 client credentials): the EJs changed in a window, the
/// attachments of an EJ, an attachment's bytes. Every call is retried on 429, 5xx and broken connections; a refused
/// token is asked again once; other refusals are reported as they are.
public actor AIFEClient {
    let settings: AIFESettings
    let http: HTTPClient
    let logger: Logger
    let pause: @Sendable (Double) async throws -> Void
    private var token: (value: String, expires: ContinuousClock.Instant)?

    /// JSON answers larger than this are refused (a page of metadata is a few kilobytes).
    static let maxAnswerBytes = 64 * 1024 * 1024

    /// The client of every AIFE call. A connection that cannot be made fails within 10 s instead of being tried
    /// again by the client until the request's deadline (a minute per attempt on a refused port): `retrying`
    /// already tries again, with growing delays. Shared by the process, like `HTTPClient.shared`, never shut down.
    public static let defaultHTTP: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(configuration: configuration)
    }()

    public init(settings: AIFESettings, http: HTTPClient = AIFEClient.defaultHTTP, logger: Logger = Logger(label: "eclaire.aife"),
                pause: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.settings = settings
        self.http = http
        self.logger = logger
        self.pause = pause
    }

    // MARK: The three calls

    /// The EJs changed in the window, and the rows refused (not an EJ's number, no date), each with its reason.
    public func changedEJs(from: Date, to: Date, organisation: String, group: String?) async throws
        -> (activities: [EJActivity], refused: [AIFEError]) {
        var filter = "date_reception ge datetime'\(Self.odataDate(from))' and date_reception le datetime'\(Self.odataDate(to))'"
            + " and pur_org eq '\(Self.quoted(organisation))'"
        if let group { filter += " and pur_group eq '\(Self.quoted(group))'" }
        let rows = try await allRows("\(settings.baseURL)/export_pj_ej/liste_ej_place?$filter=\(Self.encoded(filter))",
                                     what: "liste des EJ de l'organisation \(organisation)")
        var activities: [EJActivity] = [], refused: [AIFEError] = []
        for (index, row) in rows.enumerated() {
            do { activities.append(try AIFEAnswers.activity(row, index: index)) } catch let error as AIFEError { refused.append(error) }
        }
        return (activities, refused)
    }

    public func attachments(of ej: String) async throws -> [AttachmentMetadata] {
        let filter = "num_ej eq '\(Self.quoted(ej))' and object_type eq 'BUS2201'"
        let rows = try await allRows("\(settings.baseURL)/export_pj_ej/pieces_jointes_metadata?$filter=\(Self.encoded(filter))",
                                     what: "pièces de l'EJ \(ej)")
        let attachments = try rows.enumerated().map { try AIFEAnswers.attachment($0.element, index: $0.offset, ej: ej) }
        return try AIFEAnswers.withoutDuplicates(attachments, ej: ej)
    }

    /// Writes the attachment's bytes to `file` and returns their count. Refuses a file over the size limit (without
    /// trying again); a download cut short is tried again, then reported.
    public func download(_ attachment: AttachmentMetadata, to file: URL) async throws -> Int64 {
        let limit = settings.maxFileBytes
        let name = attachment.name.isEmpty ? attachment.id : attachment.name
        if let declared = attachment.declaredSize, declared > limit { throw AIFEError.tooLarge(name: name, bytes: declared, limit: limit) }
        let url = "\(settings.baseURL)/export_pj_ej/pieces_jointes_data('\(Self.segment(Self.quoted(attachment.id)))')/$value"
        let what = "pièce \(name) de l'EJ \(attachment.ej)"
        var lastTruncation: AIFEError?
        return try await withRetries(what: what, url: url) { response in
            let expected = response.headers.first(name: "content-length").flatMap { Int64($0) } ?? attachment.declaredSize
            if let expected, expected > limit { throw AIFEError.tooLarge(name: name, bytes: expected, limit: limit) }
            guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = try? FileHandle(forWritingTo: file) else {
                throw AIFEError.refused(what: what, status: 0, detail: "impossible d'écrire \(file.path)")
            }
            defer { try? handle.close() }
            var received: Int64 = 0
            do {
                for try await buffer in response.body {
                    received += Int64(buffer.readableBytes)
                    if received > limit { throw AIFEError.tooLarge(name: name, bytes: received, limit: limit) }
                    try handle.write(contentsOf: Data(buffer.readableBytesView))
                }
            } catch let error as AIFEError {
                throw error
            } catch {
                lastTruncation = .truncated(name: name, received: received, expected: expected ?? received)
                throw RetryableFailure(reason: "téléchargement interrompu après \(received) octets")
            }
            if let expected, received < expected {
                lastTruncation = .truncated(name: name, received: received, expected: expected)
                throw RetryableFailure(reason: "\(received) octets reçus sur \(expected)")
            }
            return received
        } exhausted: { lastTruncation }
    }

    // MARK: Calls, pages and retries

    /// Every row of a listing, following `__next` links (bounded, so a server that loops cannot hold a run forever).
    private func allRows(_ first: String, what: String) async throws -> [[String: JSONValue]] {
        var rows: [[String: JSONValue]] = []
        var next: String? = first
        var pages = 0
        while let url = next {
            pages += 1
            guard pages <= 10_000 else { throw AIFEError.unreadableAnswer(what, reason: "plus de 10 000 pages") }
            let data = try await withRetries(what: what, url: url) { response in
                Data(buffer: try await response.body.collect(upTo: Self.maxAnswerBytes))
            } exhausted: { nil }
            let page = try AIFEAnswers.page(data, what: what)
            rows += page.rows
            next = page.next.map { $0.hasPrefix("http") ? $0 : "\(settings.baseURL)/export_pj_ej/\($0)" }
        }
        return rows
    }

    /// A broken answer another try may mend.
    struct RetryableFailure: Error { let reason: String }

    /// A call of the API with the current token.
    private func withRetries<T: Sendable>(what: String, url: String, _ read: (HTTPClientResponse) async throws -> T,
                                          exhausted: () -> AIFEError?) async throws -> T {
        try await retrying(what: what, timeout: .minutes(10), renewsToken: true, request: {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Authorization", value: "Bearer \(try await bearer())")
            request.headers.add(name: "Accept", value: "application/json")
            return request
        }, refusal: { AIFEError.refused(what: what, status: $0, detail: $1) }, read: read, exhausted: exhausted)
    }

    /// One call, tried again on 429, 5xx and broken connections, waiting longer each time; any other answer than
    /// 200 is `refusal` — except a first 401 when `renewsToken`, which asks for a new token and tries again.
    private func retrying<T: Sendable>(what: String, timeout: TimeAmount, renewsToken: Bool,
                                       request make: () async throws -> HTTPClientRequest,
                                       refusal: (Int, String) -> AIFEError,
                                       read: (HTTPClientResponse) async throws -> T,
                                       exhausted: () -> AIFEError? = { nil }) async throws -> T {
        var last = ""
        var renewedToken = false
        var attempt = 0
        while attempt < settings.retry.attempts {
            attempt += 1
            let request = try await make()
            var retryAfter: String?
            do {
                let response = try await http.execute(request, timeout: timeout, logger: logger)
                let status = Int(response.status.code)
                if status == 200 { return try await read(response) }
                let detail = String(buffer: (try? await response.body.collect(upTo: 4096)) ?? ByteBuffer()).prefix(200)
                if status == 401 && renewsToken && !renewedToken {
                    renewedToken = true
                    token = nil
                    attempt -= 1
                    continue
                }
                guard RetryPolicy.retries(status: status) else { throw refusal(status, Self.oneLine(String(detail))) }
                last = "HTTP \(status)"
                retryAfter = response.headers.first(name: "retry-after")
            } catch let failure as RetryableFailure {
                if Task.isCancelled { throw CancellationError() }
                last = failure.reason
            } catch let error as AIFEError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                last = Self.oneLine(String(describing: error))
            }
            logger.warning("AIFE: \(what): \(last), essai \(attempt)/\(settings.retry.attempts)")
            if attempt < settings.retry.attempts { try await pause(settings.retry.delay(after: attempt, retryAfter: retryAfter)) }
        }
        throw exhausted() ?? AIFEError.unavailable(what: what, attempts: settings.retry.attempts, last: last)
    }

    private func bearer() async throws -> String {
        if let token, token.expires > .now { return token.value }
        let body = [("grant_type", "client_credentials"), ("client_id", settings.clientID),
                    ("client_secret", settings.secret.value), ("scope", "openid")]
            .map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&")
        let answer = try await retrying(what: "jeton OAuth", timeout: .seconds(60), renewsToken: false, request: {
            var request = HTTPClientRequest(url: "\(settings.authURL)/oauth/token")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Accept", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
            return request
        }, refusal: { AIFEError.tokenRefused(status: $0, detail: $1) }, read: { response in
            let data = Data(buffer: try await response.body.collect(upTo: 1024 * 1024))
            guard let answer = try? JSONDecoder().decode(TokenAnswer.self, from: data), !answer.access_token.isEmpty else {
                throw AIFEError.unreadableAnswer("jeton OAuth", reason: "access_token absent")
            }
            return answer
        })
        // Renewed a minute early, so that a token never expires during a call.
        token = (answer.access_token, .now + .seconds(max(0, (answer.expires_in ?? 3600) - 60)))
        return answer.access_token
    }

    struct TokenAnswer: Decodable, Sendable {
        let access_token: String
        let expires_in: Int?
    }

    // MARK: Writing URLs

    static func odataDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A value inside OData quotes: a quote is written twice.
    static func quoted(_ value: String) -> String { value.replacingOccurrences(of: "'", with: "''") }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encoded(_ value: String) -> String { value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value }

    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: "'"))) ?? value
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
