import Foundation

/// Real Chorus exports copied from `shared/data/chorus` (see Fixtures/README.md for their origin).
public enum Fixtures {
    public static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    /// A scratch directory removed by the caller.
    public static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
