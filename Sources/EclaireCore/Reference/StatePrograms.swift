/// A programme of the State's budget as the finance bill describes it: its actions are the second segment of a
/// domaine fonctionnel (`0129-01-02`: programme 129, action 01, sous-action 02).
public struct StateProgram: Sendable, Equatable {
    /// Four digits, `0129`.
    public let code: String
    public let label: String
    public let mission: String
    public let ministry: String
    public let actions: Set<String>
}

/// The programmes of the latest finance bill shipped (see `scripts/generate-programme-reference.py`).
public enum StatePrograms {
    public static let source = "PLF 2025"

    private static let byCode: [String: StateProgram] = Dictionary(uniqueKeysWithValues: plf2025.map { ($0.code, $0) })

    /// `129`, `0129`, `0129-DNUM`, `0129-01-02`: the programme they name, when the finance bill knows it.
    public static func program(_ text: String) -> StateProgram? {
        let digits = text.prefix { $0.isNumber }
        guard (3...4).contains(digits.count) else { return nil }
        return byCode[String(repeating: "0", count: 4 - digits.count) + digits]
    }

    /// The programmes of a ministry, named as the finance bill names it (case and accents ignored).
    public static func programs(ofMinistry name: String) -> [StateProgram] {
        let key = Text.foldedKey(name)
        return plf2025.filter { Text.foldedKey($0.ministry) == key }
    }

    public static var ministries: [String] { Array(Set(plf2025.map(\.ministry))).sorted() }

    /// The action of a domaine fonctionnel (`0129-01-02` → `01`), nil when it has none.
    public static func action(ofDomaineFonctionnel df: String) -> String? {
        let parts = df.split(separator: "-")
        guard parts.count >= 2, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber) else { return nil }
        return String(repeating: "0", count: 2 - parts[1].count) + parts[1]
    }
}
