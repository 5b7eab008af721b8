import Foundation
import Vapor

/// A product page's form refused (an unreadable amount, a missing field): instead of a bare error page that loses
/// what was typed, the browser goes back to the product page, where the form shows the message beside it and keeps
/// the values. Applied to the product forms' routes.
struct KeepFormOnError: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // The refusals a user can act on (what would be a 400 page), the domain's included.
            let (status, reason) = FrenchErrorMiddleware.describe(error)
            guard status == .badRequest, let product = request.parameters.get("id", as: Int.self),
                  let login = request.caller?.user.login else { throw error }
            var values = (try? request.content.decode([String: String].self)) ?? [:]
            values["csrf"] = nil
            let form = RefusedForm.form(path: request.url.path, values: values)
            let ticket = await request.application.formFlash.put(RefusedForm(form: form, message: reason, values: values), for: login)
            // Back to the year of the form, when it is one the page can show.
            let exercice = (values["exercice"] ?? values["year"] ?? values["from"]).flatMap(Int.init).flatMap { (1900...2999).contains($0) ? $0 : nil }
            let query = (exercice.map { "exercice=\($0)&" } ?? "") + "formulaire=\(ticket)"
            return request.redirect(to: "/produits/\(product)?\(query)#formulaire-\(form)")
        }
    }
}

/// Refused forms waiting for the product page that shows them again.
typealias FormFlash = OneTimeTickets<RefusedForm>

/// A form refused: which one (the last part of its address: `bon-de-commande`, `previsionnel-temps`…), why, and
/// what was typed in it.
struct RefusedForm: Sendable, Encodable {
    let form: String
    let message: String
    let values: [String: String]

    /// The two forecast forms share an address: a time line has a day rate.
    static func form(path: String, values: [String: String]) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        guard last == "previsionnel" else { return last }
        return values["tjm"] != nil || values["person"] != nil ? "previsionnel-temps" : "previsionnel-libre"
    }
}

extension Application {
    private struct FormFlashKey: StorageKey { typealias Value = FormFlash }

    /// Created by `EclaireApp.configure`.
    var formFlash: FormFlash {
        get { storage[FormFlashKey.self]! }
        set { storage[FormFlashKey.self] = newValue }
    }
}
