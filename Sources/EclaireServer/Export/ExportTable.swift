import EclaireCore

/// A table as the pages show it, for export: typed cells, so that a spreadsheet gets numbers, not text.
struct ExportTable {
    enum Cell {
        case text(String?)
        case money(Money?)
        case integer(Int?)
        case ratio(Double)
    }

    let title: String
    let columns: [String]
    var rows: [[Cell]] = []
}
