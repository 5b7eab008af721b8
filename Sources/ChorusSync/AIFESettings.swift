import Foundation

/// Where the AIFE is and who Eclaire is to it. The client secret comes from the environment or a file, never from
/// the command line, and is never printed.
public struct AIFESettings: Sendable, CustomStringConvertible {
    /// The OAuth server's base (`{auth}/oauth/token`).
    public var authURL: String
    /// The API's base (`{base}/export_pj_ej/…`).
    public var baseURL: String
    public var clientID: String
    public var secret: Secret
    public var purchasingOrganisations: [String]
    /// Empty: every purchasing group of each organisation.
    public var purchasingGroups: [String]
    public var maxFileBytes: Int64 = 100 * 1024 * 1024
    public var retry = RetryPolicy()

    public struct Secret: Sendable, CustomStringConvertible {
        let value: String
        public init(_ value: String) { self.value = value }
        public var description: String { "••••" }
    }

    public init(authURL: String, baseURL: String, clientID: String, secret: Secret,
                purchasingOrganisations: [String], purchasingGroups: [String]) {
        self.authURL = Self.trimmed(authURL)
        self.baseURL = Self.trimmed(baseURL)
        self.clientID = clientID
        self.secret = secret
        self.purchasingOrganisations = purchasingOrganisations
        self.purchasingGroups = purchasingGroups
    }

    private static func trimmed(_ url: String) -> String {
        var url = url.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    public var description: String {
        "AIFE \(baseURL) (jetons : \(authURL), client \(clientID), organisations d'achat \(purchasingOrganisations.joined(separator: ", "))"
            + "\(purchasingGroups.isEmpty ? "" : ", groupes \(purchasingGroups.joined(separator: ", "))"))"
    }

    /// The settings from the options given and the environment (`ECLAIRE_AIFE_AUTH_URL`, `ECLAIRE_AIFE_BASE_URL`,
    /// `ECLAIRE_AIFE_CLIENT_ID`, `ECLAIRE_AIFE_CLIENT_SECRET` or `ECLAIRE_AIFE_CLIENT_SECRET_FILE`,
    /// `ECLAIRE_AIFE_PUR_ORGS`, `ECLAIRE_AIFE_PUR_GROUPS`, lists separated by commas), the options first.
    public static func resolve(authURL: String? = nil, baseURL: String? = nil, clientID: String? = nil, secretFile: String? = nil,
                               organisations: [String] = [], groups: [String] = [],
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AIFESettings {
        func value(_ option: String?, _ name: String) throws -> String {
            if let option, !option.isEmpty { return option }
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw AIFEError.missingSetting(name)
            }
            return value
        }
        func list(_ option: [String], _ name: String) -> [String] {
            let given = option.isEmpty ? (environment[name] ?? "").split(separator: ",").map(String.init) : option
            return given.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let secret: String
        if let path = secretFile ?? environment["ECLAIRE_AIFE_CLIENT_SECRET_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw AIFEError.unreadableSecret(path: path) }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw AIFEError.unreadableSecret(path: path) }
        } else {
            secret = try value(nil, "ECLAIRE_AIFE_CLIENT_SECRET")
        }
        let organisations = list(organisations, "ECLAIRE_AIFE_PUR_ORGS")
        guard !organisations.isEmpty else { throw AIFEError.missingSetting("ECLAIRE_AIFE_PUR_ORGS (ou --pur-org)") }
        return AIFESettings(authURL: try value(authURL, "ECLAIRE_AIFE_AUTH_URL"), baseURL: try value(baseURL, "ECLAIRE_AIFE_BASE_URL"),
                            clientID: try value(clientID, "ECLAIRE_AIFE_CLIENT_ID"), secret: Secret(secret),
                            purchasingOrganisations: organisations, purchasingGroups: list(groups, "ECLAIRE_AIFE_PUR_GROUPS"))
    }
}

/// When to try a call again: on 429 and 5xx answers and on broken connections, waiting longer each time (or what the
/// server's `Retry-After` asks, within bounds); never on other 4xx answers, which another try would not change.
public struct RetryPolicy: Sendable {
    public var attempts = 5
    public var firstDelay: Double = 1
    public var maxDelay: Double = 60

    public init(attempts: Int = 5, firstDelay: Double = 1, maxDelay: Double = 60) {
        self.attempts = max(1, attempts)
        self.firstDelay = max(0, firstDelay)
        self.maxDelay = max(self.firstDelay, maxDelay)
    }

    public static func retries(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1).
    public func delay(after attempt: Int, retryAfter: String?) -> Double {
        if let asked = retryAfter.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), asked >= 0 {
            return min(asked, maxDelay)
        }
        let exponent = Double(min(max(attempt - 1, 0), 30))
        return min(firstDelay * pow(2, exponent), maxDelay)
    }
}
