import EclaireCore
import OfficeFiles

/// One sheet of a workbook extraction (XLSX streamed, or XLS) whose header was recognised, read row by row.
final class SheetTable: ChorusTable {
    let layout: Layout
    let location: String?
    let encodingName: String
    private let mapper: RowMapper
    private let nextRow: () throws -> (Int, [String])?
    /// Rows read past the header while looking for it, given out first.
    private var buffered: ArraySlice<(Int, [String])>
    private let sheetName: String
    private let displayName: String

    /// `format` is what the import history shows as the file's encoding (`xlsx`, `xls`).
    init?(sheetName: String, format: String, displayName: String, nextRow: @escaping () throws -> (Int, [String])?) throws {
        var head: [(Int, [String])] = []
        while head.count < HeaderSearch.maxPreambleLines, let row = try nextRow() { head.append(row) }
        guard let found = HeaderSearch.find(in: head.map(\.1), delimiter: nil, fullyQuoted: false),
              found.layout.requiredFields.allSatisfy({ found.columns[$0] != nil }) else { return nil }
        layout = found.layout
        location = "feuille « \(sheetName) »"
        self.sheetName = sheetName
        self.displayName = displayName
        let preamble = head[..<found.index].map(\.1)
        mapper = RowMapper(layout: found.layout, columns: found.columns,
                           defaultExercice: HeaderSearch.headerExercice(found.columns) ?? HeaderSearch.preambleExercice(preamble))
        self.nextRow = nextRow
        encodingName = format
        buffered = head[(found.index + 1)...]
    }

    /// A sheet that stops being readable XML fails the whole file: importing its first rows alone would be wrong.
    func next() throws -> ParsedRow? {
        let row: (Int, [String])
        if let first = buffered.popFirst() {
            row = first
        } else {
            do {
                guard let read = try nextRow() else { return nil }
                row = read
            } catch {
                throw ImportFailure.notChorus(displayName, reason: "feuille « \(sheetName) » illisible (\(error))")
            }
        }
        let (line, cells) = row
        do { return ParsedRow(line: line, result: .success(try mapper.map(cells, line: line))) }
        catch { return ParsedRow(line: line, result: .failure(error)) }
    }
}
