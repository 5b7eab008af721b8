import Foundation

extension DocumentLines {
    /// Values set under their headings, as billing software prints a document's references (« Facture │ Date │
    /// N° marché » over « FA028151 │ 23/11/2026 │ 2025/0931 », or « Date de facturation: │ Source: » over their
    /// values): each value read with its heading as one cell, « N° marché : 2025/0931 », so that the finders that read
    /// a label before its value read these too. A heading wrapped over a second line (« Code » / « client ») is
    /// joined, and so is a value wrapped under its first line (« 23 novembre » / « 2026 »), when the second line is
    /// set as close as a wrapped line is.
    func findHeadedValues() -> [LocatedCell] {
        var found: [LocatedCell] = []
        for (number, row) in lines.enumerated() where row.count >= 2 && row.allSatisfy(Self.isHeading) {
            var headings = row.map { (cell: $0.cell, text: $0.text) }
            var next = number + 1
            // A wrapped heading's second line has fewer cells, each under one heading.
            while next < lines.count, next - number <= 2, lines[next].count < row.count, runsOn(next),
                  lines[next].allSatisfy(Self.isHeading),
                  let places = Self.places(of: lines[next], under: headings.map(\.cell)) {
                for (cell, place) in zip(lines[next], places) { headings[place].text += " " + cell.text }
                next += 1
            }
            guard next < lines.count, samePage(lines[next], row), !lines[next].allSatisfy(Self.isHeading),
                  lines[next].count <= headings.count,
                  let places = Self.places(of: lines[next], under: headings.map(\.cell)), Set(places).count >= 2
            else { continue }
            var values = lines[next].map(\.text)
            // A value wrapped under its first line: short cells, or ones that read as the rest of
            // the value above them (in lower case, after a connector), each under one value; up to four lines.
            var below = next + 1
            while below < lines.count, below - next <= 4, runsOn(below), lines[below].count < lines[next].count,
                  let under = Self.places(of: lines[below], under: lines[next].map(\.cell)),
                  zip(lines[below], under).allSatisfy({ cell, place in
                      cell.text.count <= 15 || cell.text.first?.isLowercase == true
                          || ObjectFinder.connectors.contains(DocumentLines.fold(String(values[place].split(separator: " ").last ?? "")))
                  }) {
                // « 2025- » / « MN-466 »: a number cut after its hyphen or slash joins without a space.
                for (cell, place) in zip(lines[below], under) {
                    values[place] += (values[place].hasSuffix("-") || values[place].hasSuffix("/") ? "" : " ") + cell.text
                }
                below += 1
            }
            for (index, place) in places.enumerated() {
                found.append(lines[next][index].with(text: Self.labelled(headings[place].text, values[index])))
            }
        }
        // A number's label alone in its box over the number, a line of the block beside between them (« N° EJ » over
        // « 1400469066 », the buyer's address on the left).
        for row in lines {
            for label in row where Self.numberLabels.contains(where: label.folded.hasPrefix) && label.text.count <= 24
                && Self.isHeading(label) && cellRight(of: label) == nil {
                guard let value = below(label, within: 2), value.text.contains(where: \.isNumber),
                      value.text.split(separator: " ").count <= 2, !value.text.contains(":") else { continue }
                found.append(value.with(text: Self.labelled(label.text, value.text)))
            }
        }
        return found
    }

    static let numberLabels = ["n°", "no ", "numero", "ref"]

    /// A form's rows read as « label : value »: each cell of a few words without a digit with the cell after it on
    /// its line (« Date   2026-08-27   Marché   2025MP00063 » gives « Marché : 2025MP00063 »), so that a label read
    /// at the start of its value's text finds it in the middle of a row too.
    var labelledCells: [LocatedCell] {
        lines.filter { $0.count >= 3 }.flatMap { row in
            zip(row, row.dropFirst()).compactMap { label, value in
                guard Self.isHeading(label), value.text.contains(where: \.isNumber) else { return nil }
                return value.with(text: Self.labelled(label.text, value.text))
            }
        }
    }

    /// « label : value », as the finders read a label before its value.
    static func labelled(_ label: String, _ value: String) -> String {
        "\(label.trimmingCharacters(in: CharacterSet(charactersIn: " :"))) : \(value)"
    }

    /// A heading: a few words without a digit (« N° » is one).
    /// `cell` is a label in a row of headings over the values (« Date │ Objet │ Fournisseur │ SIRET »): three cells or
    /// more, each a heading, the one beside it a label too — in a form's row of pairs (« Nature de la dépense │
    /// Refonte du site »), the cell beside a label is its value.
    func isInHeadingRow(_ cell: LocatedCell) -> Bool {
        let row = lines[cell.line]
        guard row.count >= 3, row.allSatisfy(Self.isHeading), let beside = cellRight(of: cell) else { return false }
        return PartyFinder.isLabel(beside) || ObjectFinder.labels.contains { beside.folded.hasPrefix($0) }
            || ["date", "montant", "n°", "siret", "marche", "total", "quantite", "prix"].contains { beside.folded.hasPrefix($0) }
    }

    static func isHeading(_ cell: LocatedCell) -> Bool {
        cell.text.count <= 40 && !cell.text.contains(where: \.isNumber) && cell.text.contains(where: \.isLetter)
    }

    /// For each cell, the one of `columns` it stands under (the widest overlap); nil when one stands under none.
    static func places(of cells: [LocatedCell], under columns: [LayoutCell]) -> [Int]? {
        var places: [Int] = []
        for cell in cells {
            let overlaps = columns.enumerated().map { index, column in
                (index, min(column.x1, cell.cell.x1) - max(column.x0, cell.cell.x0))
            }
            guard let best = overlaps.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
            places.append(best.0)
        }
        return places
    }

    private func samePage(_ a: [LocatedCell], _ b: [LocatedCell]) -> Bool { a.first?.page == b.first?.page }
}
