import Fluent
import SQLKit
import Vapor

/// `GET /health`: 200 when the database answers, 503 otherwise.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    func health(request: Request) async throws -> Response {
        do {
            _ = try await (request.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return try await HealthDTO(status: "ok", database: "ok").encodeResponse(for: request)
        } catch {
            request.logger.error("health check failed: \(error)")
            return try await HealthDTO(status: "error", database: "injoignable")
                .encodeResponse(status: .serviceUnavailable, for: request)
        }
    }
}

struct HealthDTO: Content {
    let status: String
    let database: String
}
