import EclaireCore
import Foundation

/// A Chorus CSV export: preamble, header, data rows, streamed.
final class CSVTable: ChorusTable {
    let layout: Layout
    let location: String? = nil
    private(set) var encoding: TextEncoding = .ascii
    var encodingName: String { encoding.rawValue }
    private let source: LineSource
    private let splitter: FieldSplitter
    private let mapper: RowMapper
    private var pending: [(Int, [UInt8])]
    private var previousCells = PreviousCells()
    private var fields = SplitFields()

    init(path: String, displayName: String) throws {
        let source = try LineSource(path: path)
        var head: [(Int, [UInt8])] = []
        while head.count < HeaderSearch.maxPreambleLines, let record = source.nextRecord() { head.append(record) }
        guard !head.isEmpty else { throw ImportFailure.empty(displayName) }
        guard let (splitter, decoded, found, encoding) = Self.bestHeader(head.map(\.1), sawBOM: source.sawBOM) else {
            throw ImportFailure.notChorus(displayName, reason: "aucune ligne d'en-tête de restitution Chorus dans les \(head.count) premières lignes")
        }
        let missing = found.layout.requiredFields.filter { found.columns[$0] == nil }
        guard missing.isEmpty else {
            throw ImportFailure.missingColumns(displayName, layout: found.layout.frenchName, columns: missing.map(\.label))
        }
        self.layout = found.layout
        self.source = source
        self.splitter = splitter
        self.encoding = encoding
        let preamble = Array(decoded[..<found.index])
        self.mapper = RowMapper(layout: found.layout, columns: found.columns,
                                defaultExercice: HeaderSearch.headerExercice(found.columns) ?? HeaderSearch.preambleExercice(preamble))
        self.pending = Array(head[(found.index + 1)...])
    }

    func next() -> ParsedRow? {
        let record: (Int, [UInt8])
        if !pending.isEmpty { record = pending.removeFirst() } else {
            guard let next = source.nextRecord() else { return nil }
            record = next
        }
        if source.tooLongLines.contains(record.0) {
            return ParsedRow(line: record.0, result: .failure(RowIssue(
                line: record.0, field: "(ligne entière)",
                message: "ligne de plus de \(LineSource.maxLineBytes / (1 << 20)) Mo : ce n'est pas une ligne de restitution")))
        }
        splitter.split(record.1, into: &fields)
        let cells = previousCells.decode(&fields, encoding: &encoding)
        do { return ParsedRow(line: record.0, result: .success(try mapper.map(cells, line: record.0))) }
        catch { return ParsedRow(line: record.0, result: .failure(error)) }
    }

    /// Tries each delimiter (`|`, `;`, `,`, tab) and keeps the one whose header names the most Chorus fields.
    static func bestHeader(_ lines: [[UInt8]], sawBOM: Bool)
        -> (FieldSplitter, [[String]], HeaderSearch.Found, TextEncoding)?
    {
        var best: (FieldSplitter, [[String]], HeaderSearch.Found, TextEncoding)?
        for delimiter: UInt8 in [0x7C, 0x3B, 0x2C, 0x09] {
            let fullyQuoted = isFullyQuoted(lines, delimiter: delimiter)
            let splitter = FieldSplitter(delimiter: delimiter, fullyQuoted: fullyQuoted)
            var encoding = sawBOM ? TextEncoding.utf8BOM : .ascii
            let decoded: [[String]] = lines.map { bytes in
                splitter.split(bytes).map { cell in
                    let (text, found) = TextDecoding.decode(cell)
                    encoding = encoding.merged(with: found)
                    return text
                }
            }
            guard let found = HeaderSearch.find(in: decoded, delimiter: delimiter, fullyQuoted: fullyQuoted) else { continue }
            if best == nil || found.columns.matchedCount > best!.2.columns.matchedCount {
                best = (splitter, decoded, found, encoding)
            }
        }
        return best
    }

    /// National exports quote every field of every line.
    static func isFullyQuoted(_ lines: [[UInt8]], delimiter: UInt8) -> Bool {
        let nonEmpty = lines.filter { !$0.isEmpty }
        guard !nonEmpty.isEmpty else { return false }
        let pattern: [UInt8] = [0x22, delimiter, 0x22]
        return nonEmpty.allSatisfy { line in
            line.first == 0x22 && line.last == 0x22
                && (line.count < 3 || line.windows(ofCount: 3).contains { $0.elementsEqual(pattern) } || !line.contains(delimiter))
        }
    }
}

extension Array where Element == UInt8 {
    func windows(ofCount count: Int) -> [ArraySlice<UInt8>] {
        guard self.count >= count else { return [] }
        return (0...(self.count - count)).map { self[$0..<($0 + count)] }
    }
}

/// The cells of the previous row with their text: consecutive rows of an export repeat most cells (the EJ's
/// supplier, imputation and dates), which are then reused instead of decoded again — the mapper also recognises a
/// reused text by identity.
struct PreviousCells {
    private var previous = SplitFields()
    private var texts: [String] = []

    /// The texts of `cells`, which are then kept as the previous row, `cells` getting an older buffer to fill. The
    /// texts are updated in place: the array the last row's mapping held has been released by then.
    mutating func decode(_ cells: inout SplitFields, encoding: inout TextEncoding) -> [String] {
        for index in 0..<cells.count {
            if index < previous.count, index < texts.count, cells.field(index, equals: index, of: previous) { continue }
            let (text, found) = TextDecoding.decode(cells[index])
            encoding = encoding.merged(with: found)
            if index < texts.count { texts[index] = text } else { texts.append(text) }
        }
        if texts.count > cells.count { texts.removeLast(texts.count - cells.count) }
        swap(&previous, &cells)
        return texts
    }
}
