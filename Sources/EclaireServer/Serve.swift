import Logging
import Storage
import Vapor

extension EclaireApp {
    /// Serves until interrupted; the banner is printed once the application is configured.
    public static func serve(database: DatabaseLocation, host: String, port: Int, banner: String?) async throws {
        EclaireMetrics.bootstrap()
        var environment = try Environment.detect(arguments: ["eclaire"])
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, database: database)
            app.http.server.configuration.hostname = host
            app.http.server.configuration.port = port
            if let banner { print(banner) }
            app.warmCaches()
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
