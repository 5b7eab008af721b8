/// Why a whole file is refused. Messages are French: they are shown to the civil servants who import.
public enum ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case empty(String)
    case notChorus(String, reason: String)
    case missingColumns(String, layout: String, columns: [String])
    case strictRowError(String, RowIssue)

    public var description: String {
        switch self {
        case .unreadable(let file): "\(file) : fichier illisible ou introuvable"
        case .empty(let file): "\(file) : fichier vide"
        case .notChorus(let file, let reason): "\(file) : ce n'est pas un export Chorus reconnu (\(reason))"
        case .missingColumns(let file, let layout, let columns):
            "\(file) : colonne(s) obligatoire(s) absente(s) pour la restitution \(layout) : \(columns.joined(separator: ", "))"
        case .strictRowError(let file, let issue):
            "\(file), ligne \(issue.line), champ « \(issue.field) » : \(issue.message) (mode --strict : fichier refusé)"
        }
    }
}

/// A row that could not be read: its line, the field at fault and why. The row is skipped, the rest imported.
public struct RowIssue: Error, Equatable, Sendable, Codable {
    public let line: Int
    public let field: String
    public let message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }
}
