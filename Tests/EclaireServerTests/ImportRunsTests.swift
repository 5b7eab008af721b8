@testable import EclaireServer
import Testing

/// The progress of an import started from the page, as its page reads it.
@Suite struct ImportRunsTests {
    /// The count only grows, and reporting it never stops the process (it trapped on an overlapping access to the
    /// runs, the first time an import from the page passed the progress interval).
    @Test func progressIsKeptAndNeverGoesBack() async {
        let runs = ImportRuns()
        let ticket = await runs.start(file: "gros.csv", by: "budget")
        await runs.progress(ticket, rows: 10_000)
        await runs.progress(ticket, rows: 5_000)
        #expect(await runs.run(ticket, for: "budget")?.rowsRead == 10_000)
        #expect(await runs.run(ticket, for: "sponsor") == nil)
        await runs.progress("inconnu", rows: 10_000)
    }
}
