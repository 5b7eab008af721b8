import Vapor

/// `/api/v1/openapi.json`: the API's exact description, public so that reusers and tools can read it first.
struct OpenAPIController: APIRouteCollection {
    func boot(api: APIRoutes) throws {
        api.open.get("openapi.json", use: document)
    }

    func document(request: Request) async throws -> Response {
        let path = request.application.directory.resourcesDirectory + "openapi.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
