import FluentKit

/// Every migration, numbered and append-only: never edit one that has shipped, add the next.
public enum StorageMigrations {
    public static let all: [any Migration] = [
        M001_CreateChorusTables(),
        M002_IndexChorusLookups(),
        M003_CreateBudgetTables(),
        M004_CreateAccounts(),
        M005_CreateTeamFigures(),
        M006_CreateConsumptions(),
        M007_CreateDocuments(),
        M008_CreateSupplierReference(),
        M009_CreateAnomalyDismissals(),
        M010_CreateAPITokens(),
        M011_NaturalKeys(),
        M012_IndexJobsInOrder(),
        M013_ImportAuthor(),
        M014_CreateAIFESync(),
        M015_DocumentTypedFacts(),
    ]
}
