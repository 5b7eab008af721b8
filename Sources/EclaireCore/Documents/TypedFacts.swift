/// A fact of what a document's own type is for (a fiche navette's imputation, an acte d'engagement's lots, a devis's
/// lines): one value with its confidence and source, a group of named facts, or a list of them. In JSON a value is
/// `{"value", "confidence", "source"}` like the common fields, a group an object, a list an array.
public indirect enum TypedFact: Sendable, Equatable, Codable {
    case value(FactValue)
    case group([String: TypedFact])
    case list([TypedFact])

    public struct FactValue: Sendable, Equatable, Codable {
        public let value: String
        public let confidence: Double
        public let source: FieldSource?

        public init(_ value: String, confidence: Double, source: FieldSource?) {
            self.value = value
            self.confidence = (min(max(confidence, 0), 1) * 100).rounded() / 100
            self.source = source
        }
    }

    public static func value(_ text: String, _ confidence: Double, _ source: FieldSource?) -> TypedFact {
        .value(FactValue(text, confidence: confidence, source: source))
    }

    public init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [TypedFact] = []
            while !list.isAtEnd { items.append(try list.decode(TypedFact.self)) }
            self = .list(items)
        } else if let leaf = try? FactValue(from: decoder) {
            self = .value(leaf)
        } else {
            self = .group(try [String: TypedFact](from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let leaf): try leaf.encode(to: encoder)
        case .group(let members): try members.encode(to: encoder)
        case .list(let items): try items.encode(to: encoder)
        }
    }

    /// The value at a dotted path (`imputation.centre_financier`, `lignes.0.montant`), if it is one.
    public func value(at path: some StringProtocol) -> FactValue? {
        var node = self
        for part in path.split(separator: ".") {
            switch node {
            case .group(let members): guard let next = members[String(part)] else { return nil }; node = next
            case .list(let items): guard let index = Int(part), items.indices.contains(index) else { return nil }; node = items[index]
            case .value: return nil
            }
        }
        if case .value(let leaf) = node { return leaf }
        return nil
    }

    /// Every value under this fact with its dotted path, in key order (for tables, exports and measures).
    public var flattened: [(path: String, value: FactValue)] {
        switch self {
        case .value(let leaf): return [("", leaf)]
        case .group(let members):
            return members.keys.sorted().flatMap { key in
                members[key]!.flattened.map { (path: $0.path.isEmpty ? key : "\(key).\($0.path)", value: $0.value) }
            }
        case .list(let items):
            return items.enumerated().flatMap { index, item in
                item.flattened.map { (path: $0.path.isEmpty ? "\(index)" : "\(index).\($0.path)", value: $0.value) }
            }
        }
    }
}

/// The facts of a document's type, by name (`imputation`, `lots`, `titulaire`…): `{}` when none was found.
public struct TypedFacts: Sendable, Equatable, Codable {
    public var facts: [String: TypedFact]

    public init(_ facts: [String: TypedFact] = [:]) { self.facts = facts }

    public subscript(key: String) -> TypedFact? {
        get { facts[key] }
        set { facts[key] = newValue }
    }

    public var isEmpty: Bool { facts.isEmpty }

    public func value(at path: String) -> TypedFact.FactValue? {
        guard let dot = path.firstIndex(of: ".") else {
            if case .value(let leaf)? = facts[path] { return leaf }
            return nil
        }
        return facts[String(path[..<dot])]?.value(at: path[path.index(after: dot)...])
    }

    public var flattened: [(path: String, value: TypedFact.FactValue)] {
        TypedFact.group(facts).flattened
    }

    public init(from decoder: any Decoder) throws { facts = try [String: TypedFact](from: decoder) }
    public func encode(to encoder: any Encoder) throws { try facts.encode(to: encoder) }
}
