import EclaireCore

/// The State entity a document names as buyer, written "ministère › direction › service" from the headings of its
/// letterhead or address block.
struct StateEntity {
    let name: String
    let confidence: Double
    let source: FieldSource

    static let ministries = ["ministere", "premier ministre", "services du premier ministre"]
    static let directions = ["direction", "secretariat general", "delegation", "prefecture", "agence", "rectorat",
                             "academie", "commissariat", "inspection generale", "haut-commissariat", "dinum", "dgfip",
                             "insee", "ambassade", "etat-major", "ecole nationale"]
    static let services = ["service", "sous-direction", "bureau", "departement", "mission", "division", "pole",
                           "cellule", "centre"]

    static func find(in document: DocumentLines) -> StateEntity? {
        let candidates = document.cells.filter { $0.text.count <= 120 && $0.text.filter(\.isLetter).count >= 4 }
        func first(_ prefixes: [String], after line: Int, within distance: Int) -> LocatedCell? {
            candidates.first { cell in
                cell.line >= line && cell.line - line <= distance && prefixes.contains { cell.folded.hasPrefix($0) }
            }
        }
        let ministry = first(ministries, after: 0, within: .max)
        let direction = first(directions, after: ministry?.line ?? 0, within: ministry == nil ? .max : 12)
        guard ministry != nil || direction != nil else { return nil }
        let service = direction.flatMap { first(services, after: $0.line + 1, within: 6) }
        let parts = [ministry, direction, service].compactMap { $0 }
        let name = parts.map { PartyFinder.cleanName($0.text) }.joined(separator: " › ")
        return StateEntity(name: name, confidence: ministry != nil ? 0.85 : 0.7, source: parts[0].source)
    }
}
