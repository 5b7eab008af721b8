import EclaireCore

/// One sheet of an XLSX extraction whose header was recognised.
final class XLSXTable: ChorusTable {
    let layout: Layout
    let location: String?
    let encodingName = "xlsx"
    private let mapper: RowMapper
    private var rows: ArraySlice<(Int, [String])>

    init?(sheetName: String, rows: [(Int, [String])]) {
        let head = Array(rows.prefix(HeaderSearch.maxPreambleLines))
        guard let found = HeaderSearch.find(in: head.map(\.1), delimiter: nil, fullyQuoted: false),
              found.layout.requiredFields.allSatisfy({ found.columns[$0] != nil }) else { return nil }
        layout = found.layout
        location = "feuille « \(sheetName) »"
        let preamble = head[..<found.index].map(\.1)
        mapper = RowMapper(layout: found.layout, columns: found.columns,
                           defaultExercice: HeaderSearch.headerExercice(found.columns) ?? HeaderSearch.preambleExercice(preamble))
        self.rows = rows[(found.index + 1)...]
    }

    func next() -> ParsedRow? {
        guard let (line, cells) = rows.popFirst() else { return nil }
        do { return ParsedRow(line: line, result: .success(try mapper.map(cells, line: line))) }
        catch { return ParsedRow(line: line, result: .failure(error)) }
    }
}
