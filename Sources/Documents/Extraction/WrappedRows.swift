import Foundation

extension DocumentLines {
    /// The rows of a form whose cells wrap over several lines (« N° » / « d'engagement » / « juridique » beside
    /// « 1300702545 », « Nature de la » / « dépense » beside an object on three lines): each cell of the row's first
    /// line joined with the lines of the same cell under it — set as close as a wrapped line, starting where it
    /// starts, and reading as its continuation. Only the rows that wrap are given, each as one line of cells; the
    /// page's own lines are left as they are. Found once, when the document's lines are built.
    func findWrappedRows() -> [[LocatedCell]] {
        var rows: [[LocatedCell]] = []
        var number = 0
        while number < lines.count {
            let first = lines[number]
            guard first.count >= 2 else { number += 1; continue }
            var texts = first.map(\.text)
            var next = number + 1
            while next < lines.count, runsOn(next), lines[next].count <= first.count,
                  let places = continuedPlaces(of: lines[next], in: first, texts: texts) {
                for (cell, place) in zip(lines[next], places) { texts[place] += " " + cell.text }
                next += 1
            }
            if next > number + 1 { rows.append(zip(first, texts).map { cell, text in cell.with(text: text) }) }
            number = next
        }
        return rows
    }

    /// For each cell of `line`, the cell of `row` it continues: one starting at the same place, a different one
    /// for each. Nil when a cell continues none, when one is an amount (the next row of a table of items), or when
    /// nothing reads as a continuation — a cell in lower case, one above left mid-phrase, or the row's first
    /// column (its label) ended while another runs on.
    private func continuedPlaces(of line: [LocatedCell], in row: [LocatedCell], texts: [String]) -> [Int]? {
        var places: [Int] = []
        var continues = false
        for cell in line {
            guard let place = row.firstIndex(where: { alignedLeft($0, cell) }), !places.contains(place),
                  cell.text.contains(where: \.isLetter) || cell.text.count <= 8,
                  cell.text.firstMatch(of: AmountFinder.amountPattern) == nil else { return nil }
            let last = DocumentLines.fold(String(texts[place].split(separator: " ").last ?? ""))
            if cell.text.first?.isLowercase == true || ObjectFinder.connectors.contains(last)
                || ["/", "-", "–", "'"].contains(where: last.hasSuffix) { continues = true }
            places.append(place)
        }
        // The label's column done, the value's runs on (« Titulaire │ NETTOYAGE EXPRESS » / « PROVENCE »); or a form's
        // row of labels and values whose labels alone run on, by a word or two (« Montant estimatif » / « HT »).
        // A wider row too (« Mandataire │ LUMIÈRE & SON │ … │ 347 423 147 » / « AUDIOVISUEL SAS │ … │ 52137 ») when
        // what runs on is three words at most in each cell, no address (a block's name and its street under it).
        if !places.contains(0), places.count < row.count,
           row.count <= 4 || row.count <= 6 && line.count >= 2 && line.allSatisfy({ cell in
               cell.text.split(separator: " ").count <= 3 && !cell.text.contains(PartyFinder.postcodeLine)
                   && !PartyFinder.hasAddressWord(cell.folded)
           }) {
            continues = true
        }
        let labelsRunOn = row.count >= 3 && places.count < row.count
            && places.allSatisfy { !row[$0].text.contains(where: \.isNumber) && row.indices.contains($0 + 1) && row[$0 + 1].text.contains(where: \.isNumber) }
            && line.allSatisfy { $0.text.split(separator: " ").count <= 2 }
        if labelsRunOn { continues = true }
        return continues ? places : nil
    }

    /// The cell's text with the lines of its cell under it when its row wraps; its own text otherwise.
    func wrappedText(of cell: LocatedCell) -> String {
        wrappedRows.first { $0.first?.line == cell.line }?.first { $0.index == cell.index }?.text ?? cell.text
    }

    /// A line of cells as one cell, its cells joined by three spaces (a label and its value in the next column
    /// read together).
    static func wholeLine(_ cells: [LocatedCell]) -> LocatedCell? {
        guard let first = cells.first, let last = cells.last else { return nil }
        let text = cells.map(\.text).joined(separator: "   ")
        return LocatedCell(page: first.page, line: first.line, index: 0, cell: LayoutCell(text: text, x0: first.cell.x0, x1: last.cell.x1),
                           text: text, folded: fold(text))
    }
}
