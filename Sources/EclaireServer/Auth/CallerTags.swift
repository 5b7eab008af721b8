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

/// `#adminLinks()`: the administrators' entries of the menu.
struct AdminLinksTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let user = ctx.request?.caller?.user, AccessPolicy(user).manageAccounts else { return .string("") }
        return .string("<a href=\"/admin/jetons\">Jetons API</a>")
    }
}
