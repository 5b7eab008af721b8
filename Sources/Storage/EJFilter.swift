import EclaireCore
import SQLKit

/// What reusers filter EJs by, applied to the EJ lines (an EJ matches when one of its lines does).
public struct EJFilter: Sendable, Equatable {
    public var supplierSiret: String?
    /// Programme code, with or without its leading zero (`129`, `0129`).
    public var programme: String?
    /// A centre financier or its beginning (`0129-DNUM`).
    public var centreFinancier: String?
    public var groupeMarchandises: String?
    public var createdFrom: LocalDate?
    public var createdTo: LocalDate?

    public init(supplierSiret: String? = nil, programme: String? = nil, centreFinancier: String? = nil,
                groupeMarchandises: String? = nil, createdFrom: LocalDate? = nil, createdTo: LocalDate? = nil) {
        self.supplierSiret = supplierSiret
        self.programme = programme
        self.centreFinancier = centreFinancier
        self.groupeMarchandises = groupeMarchandises
        self.createdFrom = createdFrom
        self.createdTo = createdTo
    }

    func apply(to query: SQLSelectBuilder) {
        if let supplierSiret { query.where("supplier_siret", .equal, Identifiers.compact(supplierSiret)) }
        if let programme {
            // Exports write the programme with or without its leading zero; centres financiers start with it.
            let digits = String(programme.drop { $0 == "0" })
            query.where { group in
                group.where("programme", .in, [digits, "0" + digits, "00" + digits])
                    .orWhere("centre_financier", .like, "0\(digits)-%").orWhere("centre_financier", .like, "\(digits)-%")
            }
        }
        if let centreFinancier { query.where("centre_financier", .like, centreFinancier + "%") }
        if let groupeMarchandises { query.where("groupe_marchandises", .equal, groupeMarchandises) }
        if let createdFrom { query.where("date_creation", .greaterThanOrEqual, createdFrom.iso) }
        if let createdTo { query.where("date_creation", .lessThanOrEqual, createdTo.iso) }
    }
}
