import ChorusImport
import EclaireCore
import TestSupport

/// Reads every table of a file into its records and row issues.
struct Reading {
    let file: ChorusFile
    var records: [(line: Int, record: ChorusRecord)] = []
    var issues: [RowIssue] = []

    init(_ path: String) throws {
        file = try ChorusFile.open(path)
        for table in file.tables {
            while let row = try table.next() {
                switch row.result {
                case .success(let record?): records.append((row.line, record))
                case .success(nil): break
                case .failure(let issue): issues.append(issue)
                }
            }
        }
    }

    static func fixture(_ name: String) throws -> Reading { try Reading(Fixtures.path(name)) }

    var ejLines: [EJLineFacts] { records.compactMap(\.record.ejLine) }
    var payments: [PaymentFacts] { records.compactMap(\.record.payment) }
    var amounts: [AmountFact] { records.flatMap(\.record.amounts) }
}
