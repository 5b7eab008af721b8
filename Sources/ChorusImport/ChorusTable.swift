import EclaireCore

/// A parsed row: its line (or sheet row) and either its facts or what is wrong with it.
public struct ParsedRow: Sendable {
    public let line: Int
    public let result: Result<ChorusRecord?, RowIssue>
}

/// A readable Chorus table (a CSV file or one XLSX sheet) whose header has been recognised.
public protocol ChorusTable: AnyObject {
    var layout: Layout { get }
    /// Where in the file the table is (`feuille « 1. Extraction »`), or nil for a CSV file.
    var location: String? { get }
    /// The text encoding found (`utf-8`, `utf-8-bom`, `windows-1252`, `ascii`), or `xlsx`.
    var encodingName: String { get }
    /// The next data row, or nil at the end; throws when the rest of the table cannot be read at all.
    func next() throws -> ParsedRow?
}

/// Finds the header among the first lines: the line and delimiter whose cells name the most Chorus fields.
struct HeaderSearch {
    static let maxPreambleLines = 40

    struct Found {
        let index: Int
        let columns: ColumnMap
        let layout: Layout
    }

    static func find(in lines: [[String]], delimiter: UInt8?, fullyQuoted: Bool) -> Found? {
        var best: Found?
        for (index, cells) in lines.enumerated() {
            let columns = ColumnMap(cells: HeaderCells.make(cells))
            guard columns.matchedCount >= 3,
                  let layout = Layout.detect(columns, delimiter: delimiter, fullyQuoted: fullyQuoted) else { continue }
            if best == nil || columns.matchedCount > best!.columns.matchedCount {
                best = Found(index: index, columns: columns, layout: layout)
            }
        }
        return best
    }

    /// An exercice printed above the header, as Business Objects does (`…,Exercice comptable,2023`).
    static func preambleExercice(_ lines: [[String]]) -> Int? {
        for cells in lines {
            guard let label = cells.firstIndex(where: { Text.foldedKey($0) == "exercice comptable" }) else { continue }
            for value in cells[(label + 1)...] {
                if let year = Int(value.trimmingCharacters(in: " ")), (1990...2100).contains(year) { return year }
            }
        }
        return nil
    }

    /// The exercice carried by a year-named amount column (the long form prints the amount under `2024`).
    static func headerExercice(_ columns: ColumnMap) -> Int? {
        guard let column = columns[.amount], let year = Int(columns.cells[column].key), (1990...2100).contains(year)
        else { return nil }
        return year
    }
}

extension String {
    func trimmingCharacters(in characters: Character) -> String {
        String(drop { $0 == characters }.reversed().drop { $0 == characters }.reversed())
    }
}
