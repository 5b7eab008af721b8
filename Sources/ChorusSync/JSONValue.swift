/// Any JSON value: the AIFE's answers are read field by field, a number where text was expected still read.
public enum JSONValue: Sendable, Equatable, Decodable {
    case string(String), number(Double), bool(Bool), object([String: JSONValue]), array([JSONValue]), null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Text as given, or a whole number written without a decimal part.
    public var string: String? {
        switch self {
        case .string(let text): text
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: String(Int64(value))
        default: nil
        }
    }
}
