/// What stops a synchronisation, or one EJ or file of it, said in French for the report and the page.
public enum AIFEError: Error, Equatable, CustomStringConvertible {
    case missingSetting(String)
    case unreadableSecret(path: String)
    case tokenRefused(status: Int, detail: String)
    case refused(what: String, status: Int, detail: String)
    case unavailable(what: String, attempts: Int, last: String)
    case unreadableAnswer(String, reason: String)
    case conflictingDuplicate(ej: String, attachment: String, differences: String)
    case tooLarge(name: String, bytes: Int64, limit: Int64)
    case truncated(name: String, received: Int64, expected: Int64)

    public var description: String {
        switch self {
        case .missingSetting(let name): "réglage manquant : \(name)"
        case .unreadableSecret(let path): "secret du client illisible : \(path)"
        case .tokenRefused(let status, let detail):
            "jeton OAuth refusé par l'AIFE (HTTP \(status)\(detail.isEmpty ? "" : " : \(detail)")) — vérifiez l'identifiant et le secret du client"
        case .refused(let what, let status, let detail): "\(what) : refusé par l'AIFE (HTTP \(status)\(detail.isEmpty ? "" : " : \(detail)"))"
        case .unavailable(let what, let attempts, let last): "\(what) : AIFE indisponible après \(attempts) essais (\(last))"
        case .unreadableAnswer(let what, let reason): "\(what) : réponse de l'AIFE illisible (\(reason))"
        case .conflictingDuplicate(let ej, let attachment, let differences):
            "EJ \(ej) : réponse refusée, la pièce \(attachment) y figure deux fois avec des valeurs différentes (\(differences))"
        case .tooLarge(let name, let bytes, let limit): "\(name) : \(bytes) octets, au-delà de la limite de \(limit) octets par fichier"
        case .truncated(let name, let received, let expected): "\(name) : téléchargement incomplet (\(received) octets reçus sur \(expected))"
        }
    }
}
