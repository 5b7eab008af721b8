import Fluent
import Metrics
import Prometheus
import Vapor

/// `GET /metrics` in Prometheus text format, fed by swift-metrics.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    func metrics(request: Request) async throws -> Response {
        var buffer: [UInt8] = []
        EclaireMetrics.registry.emit(into: &buffer)
        let response = Response(status: .ok, body: .init(data: Data(buffer)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return response
    }
}

/// One Prometheus registry for the process, bootstrapped once into swift-metrics.
public enum EclaireMetrics {
    public static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    public static func bootstrap() { _ = bootstrapped }
}
