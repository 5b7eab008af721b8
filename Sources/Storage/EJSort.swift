import SQLKit

/// The order of an EJ list: `ej` (default), `montant` (engaged), `date_creation`, `fournisseur`; `-` first for
/// descending. Pages by key whatever the order: the cursor carries the last row's key and EJ number.
public struct EJSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case ej, montant, dateCreation = "date_creation", fournisseur
    }

    public var key: Key
    public var descending: Bool

    public static let byEJ = EJSort(key: .ej, descending: false)

    public init(key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }

    /// `montant`, `-date_creation`…; nil for an unknown key.
    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: String(descending ? text.dropFirst() : Substring(text))) else { return nil }
        self.init(key: key, descending: descending)
    }

    /// The key of the EJ `f.ej`, never NULL so that comparisons stay total.
    var expression: String {
        switch key {
        case .ej: "f.ej"
        case .montant:
            "COALESCE((SELECT CAST(SUM(x.amount_cents) AS BIGINT) FROM amount_facts x WHERE x.ej = f.ej AND x.kind = 'engage'), 0)"
        case .dateCreation: "COALESCE((SELECT MIN(x.date_creation) FROM ej_lines x WHERE x.ej = f.ej), '')"
        case .fournisseur: "COALESCE((SELECT MAX(LOWER(x.supplier_name)) FROM ej_lines x WHERE x.ej = f.ej), '')"
        }
    }

    /// The cursor after a row: `key~ej` (only the EJ when sorted by EJ).
    func cursor(key value: String, ej: String) -> String { key == .ej ? ej : "\(value)~\(ej)" }

    /// The key and EJ a cursor names; nil when it is not one of this order's cursors.
    func parse(cursor: String) -> (key: any SQLExpression, ej: String)? {
        if key == .ej { return (SQLBind(cursor), cursor) }
        guard let split = cursor.lastIndex(of: "~") else { return nil }
        let value = String(cursor[..<split]), ej = String(cursor[cursor.index(after: split)...])
        if key == .montant {
            guard let cents = Int64(value) else { return nil }
            return (SQLBind(cents), ej)
        }
        return (SQLBind(value), ej)
    }
}
