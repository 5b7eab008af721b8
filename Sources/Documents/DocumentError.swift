/// Why a document could not be read; names the file.
public enum DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String, reason: String)
    case unsupported(String, kind: String)
    case ocrUnavailable(reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file) : document illisible (\(reason))"
        case .unsupported(let file, let kind): "\(file) : format non pris en charge (\(kind))"
        case .ocrUnavailable(let reason): "reconnaissance de caractères indisponible : \(reason)"
        }
    }
}
