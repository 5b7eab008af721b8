import EclaireCore
import Storage
import Vapor

/// Turns errors into a French page for browsers and a JSON problem for the API.
struct FrenchErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason) = Self.describe(error)
            if status == .internalServerError { request.logger.report(error: error) }
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: status)
                try response.content.encode(ProblemDTO(status: Int(status.code), title: reason))
                return response
            }
            do {
                return try await request.view.render("error", ErrorPage(status: Int(status.code), message: reason))
                    .encodeResponse(status: status, for: request)
            } catch {
                // The page itself failed: answer in plain text rather than drop the connection.
                request.logger.report(error: error)
                return Response(status: status, body: .init(string: "Erreur \(status.code) : \(reason)"))
            }
        }
    }
}

extension FrenchErrorMiddleware {
    /// The status and French reason of an error; the domain's errors are the user's, not the server's.
    static func describe(_ error: any Error) -> (HTTPResponseStatus, String) {
        if let abort = error as? any AbortError {
            // Vapor's own refusals (no such route, body too large…) carry the English status phrase.
            return (abort.status, abort.reason == abort.status.reasonPhrase ? french(abort.status) : abort.reason)
        }
        if let budget = error as? BudgetError {
            switch budget {
            case .unknownProduct, .unknownForecastLine, .unknownEJ, .unknownConsumption: return (.notFound, budget.description)
            case .duplicateProduct: return (.conflict, budget.description)
            case .emptyName, .ejNotLinked: return (.badRequest, budget.description)
            }
        }
        if let split = error as? ConsumptionSplit.Failure { return (.badRequest, split.description) }
        if let value = error as? FieldValueError { return (.badRequest, value.description) }
        if let token = error as? APITokenError { return (.badRequest, token.description) }
        return (.internalServerError, "Erreur interne du serveur")
    }
}

extension FrenchErrorMiddleware {
    static func french(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "Requête invalide"
        case 401: "Connexion requise"
        case 403: "Accès refusé"
        case 404: "Page ou ressource introuvable"
        case 405: "Méthode non permise à cette adresse"
        case 413: "Envoi trop volumineux"
        case 415: "Type de contenu non pris en charge"
        case 429: "Trop de requêtes : réessayez plus tard"
        case 500: "Erreur interne du serveur"
        default: "Erreur \(status.code)"
        }
    }
}

struct ProblemDTO: Content {
    let status: Int
    let title: String
}

struct ErrorPage: Encodable {
    let title = "Erreur"
    let status: Int
    let message: String
}
