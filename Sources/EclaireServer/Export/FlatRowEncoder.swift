import Foundation

/// Turns an item of an API list into its top-level keys and values, in the order its type encodes them, without
/// going through JSON text: what a CSV or XLSX row needs. Nested objects and arrays become their JSON text.
final class FlatRowEncoder: Encoder {
    enum Value {
        case null, text(String), bool(Bool), integer(Int64), number(Double), json(String)
    }

    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private(set) var keys: [String] = []
    private(set) var values: [String: Value] = [:]

    static func row(_ item: some Encodable) throws -> FlatRowEncoder {
        let encoder = FlatRowEncoder()
        try item.encode(to: encoder)
        return encoder
    }

    func set(_ key: String, _ value: Value) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container<Key>(encoder: self))
    }

    /// An item that is not an object (a list of strings, say) is one column, `value`.
    func unkeyedContainer() -> any UnkeyedEncodingContainer { Whole(encoder: self).unkeyed }
    func singleValueContainer() -> any SingleValueEncodingContainer { Whole(encoder: self) }

    private struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: FlatRowEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { encoder.set(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.set(key.stringValue, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { encoder.set(key.stringValue, .text(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.set(key.stringValue, .number(value)) }
        mutating func encode(_ value: Float, forKey key: Key) throws { encoder.set(key.stringValue, .number(Double(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { encoder.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.set(key.stringValue, .integer(value)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.set(key.stringValue, try FlatRowEncoder.scalar(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            encoder.set(key.stringValue, .json("{}"))
            return FlatRowEncoder().container(keyedBy: NestedKey.self)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.set(key.stringValue, .json("[]"))
            return FlatRowEncoder().unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { FlatRowEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { FlatRowEncoder() }
    }

    /// A scalar as itself (optionals unwrapped), anything else as JSON text.
    static func scalar<T: Encodable>(_ value: T) throws -> Value {
        switch value as Any {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let whole as Int: return .integer(Int64(whole))
        case let whole as Int64: return .integer(whole)
        case let number as Double: return .number(number)
        default:
            let data = try jsonEncoder.encode(value)
            let text = String(decoding: data, as: UTF8.self)
            return text == "null" ? .null : .json(text)
        }
    }

    private static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A whole item that is not an object.
    private struct Whole: SingleValueEncodingContainer {
        let encoder: FlatRowEncoder
        var codingPath: [any CodingKey] { [] }
        var unkeyed: any UnkeyedEncodingContainer { Unkeyed(encoder: encoder) }

        mutating func encodeNil() throws { encoder.set("value", .null) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.set("value", try FlatRowEncoder.scalar(value)) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: FlatRowEncoder
        var codingPath: [any CodingKey] { [] }
        var count = 0
        var items: [String] = []

        mutating func encodeNil() throws { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            let data = try FlatRowEncoder.jsonEncoder.encode(value)
            items.append(String(decoding: data, as: UTF8.self))
            encoder.set("value", .json("[" + items.joined(separator: ",") + "]"))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            FlatRowEncoder().container(keyedBy: NestedKey.self)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { FlatRowEncoder().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { FlatRowEncoder() }
    }
}
