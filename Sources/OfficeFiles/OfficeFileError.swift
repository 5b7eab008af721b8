/// Why an office file cannot be read, in French: the reason is shown to the people who gave the file.
public struct OfficeFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
