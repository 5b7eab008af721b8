import Storage

/// What `suppliers.leaf` shows.
struct SuppliersPage: Encodable {
    let title = "Fournisseurs"
    let registers: [RegisterCountView]
    let query: String
    let answer: String?
    let filter: String
    let aliases: [AliasView]
    let aliasLimit: Int
}

struct RegisterCountView: Encodable {
    let register: String
    let count: String
}

struct AliasView: Encodable {
    let siret: String
    let name: String
    let source: String

    init(_ alias: SupplierAlias) {
        siret = alias.siret
        name = alias.name
        source = alias.source
    }
}
