import ChorusImport

/// What an import did to one file; encoded as the `eclaire import --json` contract says.
public struct ImportReport: Sendable, Codable, Equatable {
    public var file: String
    public var layout: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsSkipped: Int
    public var errors: [RowIssue]
    public var alreadyImported: Bool
    public var encoding: String
    public var sha256: String

    enum CodingKeys: String, CodingKey {
        case file, layout, errors, encoding, sha256
        case rowsRead = "rows_read", rowsStored = "rows_stored", rowsSkipped = "rows_skipped"
        case alreadyImported = "already_imported"
    }
}
