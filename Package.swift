// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Eclaire",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eclaire", targets: ["eclaire"]),
        .executable(name: "eclaire-bench", targets: ["eclaire-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", "2.101.2"..<"2.102.0"),
    ],
    targets: [
        .target(name: "EclaireCore"),
        .target(name: "OfficeFiles", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "ChorusImport",
            dependencies: [
                "EclaireCore",
                "OfficeFiles",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "DemoData",
            dependencies: ["EclaireCore", "Storage", "Documents"]
        ),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CLittleCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev", "tesseract-ocr-fra"])]),
        .target(name: "CSandbox"),
        .target(
            name: "Documents",
            dependencies: ["EclaireCore", "CPoppler", "CLittleCMS", "CTesseract", "CSandbox", "OfficeFiles",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "Storage",
            dependencies: [
                "EclaireCore",
                "ChorusImport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ChorusSync",
            dependencies: [
                "EclaireCore",
                "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "EclaireServer",
            dependencies: [
                "EclaireCore",
                "Storage",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "EclaireCLI",
            dependencies: [
                "EclaireCore",
                "ChorusImport",
                "DemoData",
                "Storage",
                "EclaireServer",
                "Documents",
                "ChorusSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "eclaire", dependencies: ["EclaireCLI", "Documents"]),
        .executableTarget(
            name: "eclaire-bench",
            dependencies: [
                "DemoData",
                "Storage",
                "ChorusImport",
                "Documents",
                "EclaireCore",
                "OfficeFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "EclaireCoreTests", dependencies: ["EclaireCore"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "CLittleCMS", "TestSupport"]),
        .testTarget(
            name: "ChorusImportTests",
            dependencies: ["ChorusImport", "OfficeFiles", "DemoData", "TestSupport"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "ChorusImport", "DemoData", "TestSupport"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Storage", .product(name: "SQLKit", package: "sql-kit")],
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ChorusSyncTests",
            dependencies: [
                "ChorusSync", "Storage", "TestSupport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "EclaireServerTests",
            dependencies: [
                "EclaireServer", "Storage", "DemoData", "TestSupport", "ChorusImport", "OfficeFiles",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
