import EclaireCore
import Foundation

/// An EJ the AIFE reports as created or changed in the window (`liste_ej_place`).
public struct EJActivity: Sendable, Equatable {
    public enum Change: String, Sendable { case creation = "Création", modification = "Modification" }

    public let ej: String
    public let change: Change?
    public let received: Date
    public let purchasingOrganisation: String
    public let purchasingGroup: String
}

/// An attachment of an EJ as the AIFE describes it (`pieces_jointes_metadata`).
public struct AttachmentMetadata: Sendable, Equatable {
    public let id: String
    public let name: String
    public let ej: String
    /// The size the AIFE declares, in bytes, when it gives a number.
    public let declaredSize: Int64?
    public let date: Date?
}

/// Reading the OData v2 answers of the AIFE: the rows under `d.results` (or `d` itself, as older services answer),
/// and the link to the next page under `d.__next`.
public enum AIFEAnswers {
    public struct Page: Sendable {
        public let rows: [[String: JSONValue]]
        public let next: String?
    }

    public static func page(_ data: Data, what: String) throws -> Page {
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw AIFEError.unreadableAnswer(what, reason: "ce n'est pas du JSON")
        }
        guard case .object(let root) = value, let d = root["d"] else {
            throw AIFEError.unreadableAnswer(what, reason: "l'objet « d » manque")
        }
        switch d {
        case .array(let rows): return Page(rows: try objects(rows, what), next: nil)
        case .object(let body):
            guard case .array(let rows)? = body["results"] else {
                throw AIFEError.unreadableAnswer(what, reason: "la liste « d.results » manque")
            }
            return Page(rows: try objects(rows, what), next: body["__next"]?.string)
        default: throw AIFEError.unreadableAnswer(what, reason: "« d » n'est ni une liste ni un objet")
        }
    }

    private static func objects(_ rows: [JSONValue], _ what: String) throws -> [[String: JSONValue]] {
        try rows.enumerated().map { index, row in
            guard case .object(let object) = row else {
                throw AIFEError.unreadableAnswer(what, reason: "l'élément \(index + 1) n'est pas un objet")
            }
            return object
        }
    }

    public static func activity(_ row: [String: JSONValue], index: Int) throws -> EJActivity {
        let what = "liste des EJ, élément \(index + 1)"
        let printed = try required(row, "num_ej", what)
        // The number names folders, links and queries: a row whose number is not an EJ's is refused.
        let number = Identifiers.ejNumber(printed)
        guard number.isValid else {
            throw AIFEError.unreadableAnswer(what, reason: "num_ej « \(printed.prefix(40)) » n'est pas un n° d'EJ (dix chiffres)")
        }
        let ej = number.normalized
        guard let received = row["date_reception"]?.string.flatMap(date) else {
            throw AIFEError.unreadableAnswer(what, reason: "date_reception absente ou illisible")
        }
        let alert = row["alerte"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
        let change: EJActivity.Change? = alert.hasSuffix("Création") ? .creation : alert.hasSuffix("Modification") ? .modification : nil
        return EJActivity(ej: ej, change: change, received: received,
                          purchasingOrganisation: row["pur_org"]?.string ?? "", purchasingGroup: row["pur_group"]?.string ?? "")
    }

    public static func attachment(_ row: [String: JSONValue], index: Int, ej: String) throws -> AttachmentMetadata {
        let what = "pièces de l'EJ \(ej), élément \(index + 1)"
        let size = row["size_pj"]?.string.map { $0.filter { !$0.isWhitespace } }.flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
        return AttachmentMetadata(id: try required(row, "id_pj", what), name: row["nom_pj"]?.string ?? "",
                                  ej: row["num_ej"]?.string ?? ej, declaredSize: size,
                                  date: row["date_pj"]?.string.flatMap(date))
    }

    private static func required(_ row: [String: JSONValue], _ key: String, _ what: String) throws -> String {
        guard let value = row[key]?.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw AIFEError.unreadableAnswer(what, reason: "\(key) absent")
        }
        return value
    }

    /// `/Date(1735689600000)/` (milliseconds since 1970, an offset `+0100` allowed and ignored as OData v2 does: the
    /// milliseconds are UTC), `2025-01-01T00:00:00` or `20250101`.
    public static func date(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("/Date("), text.hasSuffix(")/") {
            let inner = text.dropFirst(6).dropLast(2)
            let digits = inner.prefix { $0.isNumber || $0 == "-" }
            guard let milliseconds = Int64(digits), abs(milliseconds) < 253_402_300_800_000 else { return nil }
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        let digits = text.filter(\.isNumber)
        guard digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.dropFirst(6).prefix(2)) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let time = digits.count >= 14 ? (Int(digits.dropFirst(8).prefix(2)) ?? 0, Int(digits.dropFirst(10).prefix(2)) ?? 0,
                                         Int(digits.dropFirst(12).prefix(2)) ?? 0) : (0, 0, 0)
        let parts = DateComponents(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        guard parts.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: parts)
    }

    /// The same `id_pj` may come twice: when only the date differs the latest is kept; when anything else differs the
    /// answer cannot be trusted and is refused, saying which attachment and what differs.
    public static func withoutDuplicates(_ attachments: [AttachmentMetadata], ej: String) throws -> [AttachmentMetadata] {
        var kept: [String: AttachmentMetadata] = [:]
        var order: [String] = []
        for attachment in attachments {
            guard let earlier = kept[attachment.id] else {
                kept[attachment.id] = attachment
                order.append(attachment.id)
                continue
            }
            var differences: [String] = []
            if earlier.name != attachment.name { differences.append("nom « \(earlier.name) » / « \(attachment.name) »") }
            if earlier.ej != attachment.ej { differences.append("EJ \(earlier.ej) / \(attachment.ej)") }
            if earlier.declaredSize != attachment.declaredSize {
                differences.append("taille \(earlier.declaredSize.map(String.init) ?? "?") / \(attachment.declaredSize.map(String.init) ?? "?")")
            }
            guard differences.isEmpty else {
                throw AIFEError.conflictingDuplicate(ej: ej, attachment: attachment.id, differences: differences.joined(separator: ", "))
            }
            if (attachment.date ?? .distantPast) > (earlier.date ?? .distantPast) { kept[attachment.id] = attachment }
        }
        return order.compactMap { kept[$0] }
    }
}
