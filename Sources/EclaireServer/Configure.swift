import Fluent
import Foundation
import Leaf
import LeafKit
import Storage
import Vapor

/// Builds the application; `eclaire serve`, `eclaire demo` and the tests all call this one function.
public enum EclaireApp {
    public static func configure(_ app: Application, database: DatabaseLocation,
                                 documents: DocumentFileStore? = nil) async throws {
        var directory = DirectoryConfiguration(workingDirectory: bundleRoot)
        directory.publicDirectory = directory.resourcesDirectory + "Public/"
        app.directory = directory
        try StorageSetup.register(database, in: app.databases, sqliteConnections: 4)
        try await StorageSetup.migrate(databases: app.databases, logger: app.logger, on: app.eventLoopGroup.any())
        // The bundle may sit under `.build`, which Leaf's default "visible files only" rule would refuse.
        app.leaf.sources = .singleSource(NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
            sandboxDirectory: app.directory.resourcesDirectory,
            viewDirectory: app.directory.viewsDirectory))
        app.leaf.tags["callerBox"] = CallerBoxTag()
        app.leaf.tags["csrf"] = CSRFTag()
        app.leaf.tags["menu"] = MenuTag()
        app.views.use(.leaf)
        app.statsCache = StatsCache()
        app.anomalyCache = AnomalyCache()
        app.suggestionCache = SuggestionCache()
        app.unlinkedCountCache = UnlinkedCountCache()
        app.portfolioCache = PortfolioCache(capacity: 200)
        app.freshSecrets = FreshSecrets()
        app.importRuns = ImportRuns()
        app.formFlash = FormFlash()
        app.tokenCache = TokenCache()
        app.importGeneration = ImportGenerationClock()
        app.listCaches = ListCaches()
        app.documentFiles = documents ?? DocumentFileStore.resolve(option: nil, database: database)
        let retention = Environment.get("ECLAIRE_API_LOG_DAYS").flatMap(Int.init) ?? 90
        let backgroundWriter: @Sendable () -> any Database = { [unowned app] in app.db(.backgroundWrites) }
        let writer = database.isSQLite ? backgroundWriter : nil
        app.callLog = CallLog(database: { [unowned app] in app.db }, writer: writer, logger: app.logger, retentionDays: retention)
        app.lifecycle.use(CallLogShutdown())
        app.lifecycle.use(CachesShutdown())
        // Handlers stop in reverse order: imports under way end first, then the caches and the call log.
        app.lifecycle.use(ImportRunsShutdown())
        ContentConfiguration.global.use(decoder: GuardedFormDataDecoder(), for: .formData)
        app.middleware = Middlewares()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(SecurityHeaders())
        app.middleware.use(FrenchErrorMiddleware(environment: app.environment))
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
        try app.register(collection: HealthController())
        try app.register(collection: MetricsController())
        // Pages: people signed in with a session; everything but signing in needs one, and its forms the CSRF token.
        let pages = app.grouped(IdentifyCaller(channels: .sessions))
        try pages.register(collection: SignInController())
        pages.get("glossaire") { request in try await request.view.render("glossary", ["title": "Glossaire"]) }
        // Uploads check the form's token themselves, once the body is collected: `CheckCSRF` runs before that and
        // would not find the token in a body of more than a few hundred kilobytes.
        let uploads = pages.grouped(RequireUser(answer: .signInPage))
        try uploads.register(collection: DocumentUploadController())
        try uploads.register(collection: ImportUploadController())
        let protected = pages.grouped(RequireUser(answer: .signInPage), CheckCSRF())
        try protected.register(collection: PagesController())
        try protected.register(collection: BudgetPagesController())
        try protected.grouped(KeepFormOnError()).register(collection: BudgetFormsController())
        try protected.grouped(KeepFormOnError()).register(collection: ProductAdminController())
        try protected.register(collection: TokensAdminController())
        try protected.register(collection: SyncAdminController())
        try protected.register(collection: ExportController())
        try protected.register(collection: DocumentPagesController())
        try protected.register(collection: SupplierPagesController())
        try protected.register(collection: AnomaliesController())
        // The API: its own group, where scripts sign in too and each route names the scope a token needs.
        // Scripts signing in with a password share the rate of a default token.
        let passwordRate = Environment.get("ECLAIRE_API_PASSWORD_RATE").flatMap(Int.init) ?? 600
        let api = APIRoutes(app, limiter: RateLimiter(), passwordRate: passwordRate)
        try api.register(OpenAPIController())
        try api.register(APIController())
        try api.register(DocumentsAPIController())
        try api.register(DocumentUploadController())
        try api.register(AnomaliesController())
        try api.register(BudgetAPIController())
    }

    /// The bundle's `Resources` folder holds `Views` and `Public`, so the binary runs from any directory.
    static var bundleRoot: String {
        Bundle.module.bundlePath + "/"
    }
}
