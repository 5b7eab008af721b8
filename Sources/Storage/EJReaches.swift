import EclaireCore
import SQLKit

extension ChorusQueries {
    /// For each EJ, what `AccessPolicy` decides on: its product and the programmes of its lines (from the
    /// programme column, or the centre financier's first part when the export has none). Unknown EJs are absent.
    public func reaches(of ejs: [String]) async throws -> [String: EJReach] {
        var found: [String: EJReach] = [:]
        let unique = Array(Set(ejs)).sorted()
        // SQLite binds at most 32 766 values a statement: asked by slices.
        for start in stride(from: 0, to: unique.count, by: 500) {
            let slice = Array(unique[start..<min(start + 500, unique.count)])
            let lines = try await sql.select().distinct().column("ej").column("programme").column("centre_financier")
                .from("ej_lines").where("ej", .in, SQLBind.group(slice)).all()
            var programmes: [String: Set<String>] = [:]
            for row in lines {
                let ej = try row.decode(column: "ej", as: String.self)
                var codes = programmes[ej] ?? []
                if let programme = try row.decode(column: "programme", as: String?.self), !programme.isEmpty {
                    codes.insert(programme)
                }
                if let centre = try row.decode(column: "centre_financier", as: String?.self),
                          let head = centre.split(separator: "-").first, !head.isEmpty {
                    codes.insert(String(head))
                }
                programmes[ej] = codes
            }
            let links = try await sql.select().column("ej").column("product_id").from("ej_links")
                .where("ej", .in, SQLBind.group(slice)).all()
            var products: [String: Int] = [:]
            for row in links { products[try row.decode(column: "ej", as: String.self)] = try row.decode(column: "product_id", as: Int.self) }
            for (ej, codes) in programmes { found[ej] = EJReach(productID: products[ej], programmes: codes) }
            // An EJ linked to a product before its lines were imported is still that product's.
            for (ej, product) in products where found[ej] == nil { found[ej] = EJReach(productID: product, programmes: []) }
        }
        return found
    }
}
