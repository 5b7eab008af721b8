import EclaireCore
import Leaf
import Vapor

/// `#callerBox()`: who is signed in, their role and the sign-out button, or a sign-in link.
struct CallerBoxTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let caller = ctx.request?.caller else {
            return .string("<a class=\"compte\" href=\"/connexion\">Se connecter</a>")
        }
        let name = SVGChart.escape(caller.user.name)
        let csrf = SVGChart.escape(caller.csrfToken ?? "")
        return .string("<form class=\"compte\" method=\"post\" action=\"/deconnexion\"><span>\(name) "
            + "(\(caller.user.role.french))</span><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">"
            + "<button type=\"submit\">Se déconnecter</button></form>")
    }
}

/// `#csrf()`: the session's token, for the hidden field of every form.
struct CSRFTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        .string(ctx.request?.caller?.csrfToken ?? "")
    }
}

/// `#menu()`: the entries of the menu the caller may open — no entry answers « accès refusé » (the rules are the
/// pages' own, from `AccessPolicy`) — the current one marked for screen readers.
struct MenuTag: UnsafeUnescapedLeafTag {
    static func entries(for access: AccessPolicy?) -> [(path: String, label: String)] {
        guard let access else { return [("/glossaire", "Glossaire")] }
        var entries: [(String, String)] = [("/produits", "Produits"), ("/", "Engagements juridiques"),
                                           ("/rapprochement", "Rapprochement")]
        if access.wholeBase { entries += [("/documents", "Pièces"), ("/fournisseurs", "Fournisseurs")] }
        if access.isAnalyst { entries.append(("/anomalies", "Anomalies")) }
        if access.wholeBase { entries.append(("/imports", "Imports")) }
        entries.append(("/glossaire", "Glossaire"))
        if access.manageAccounts { entries.append(("/admin/jetons", "Jetons API")) }
        if access.administersSync { entries.append(("/admin/synchronisation", "Synchronisation AIFE")) }
        return entries
    }

    func render(_ ctx: LeafContext) throws -> LeafData {
        let access = ctx.request?.caller.map { AccessPolicy($0.user) }
        let current = ctx.request?.url.path ?? ""
        return .string(Self.entries(for: access).map { entry in
            let here = entry.path == current || (entry.path != "/" && current.hasPrefix(entry.path + "/"))
            return "<a href=\"\(entry.path)\"\(here ? " aria-current=\"page\"" : "")>\(entry.label)</a>"
        }.joined())
    }
}
