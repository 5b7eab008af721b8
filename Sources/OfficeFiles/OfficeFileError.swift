/// Why an office file cannot be read, in French: the reason is shown to the people who gave the file.
public struct OfficeFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// A part of an archive that inflates past the size allowed for it: a ZIP can be a bomb.
public struct PartTooLarge: Error, Equatable, Sendable, CustomStringConvertible {
    public let part: String
    public let limit: Int
    public var description: String { "partie « \(part) » de plus de \(limit >> 20) Mo une fois décompressée" }
}
