import Vapor

/// `/api/v1/openapi.json`: the API's exact description, public so that reusers and tools can read it first.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "openapi.json", use: document)
    }

    func document(request: Request) async throws -> Response {
        let path = request.application.directory.resourcesDirectory + "openapi.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
