import EclaireCore
import Storage
import Vapor

/// The administrators' forms: create a product, set its yearly allocation, add fundings and link rules. Teams
/// may duplicate their forecast into the next year.
struct ProductAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("produits", use: create)
        let product = routes.grouped("produits", ":id")
        product.post("budget", use: setBudget)
        product.post("financement", use: addFunding)
        product.post("regle", use: addRule)
        product.post("previsionnel", "dupliquer", use: duplicateForecast)
    }

    func administered(_ request: Request) throws -> (BudgetContext, Int) {
        let context = try BudgetContext(request)
        let id = try context.productID(request)
        guard context.access.manageProducts else {
            throw Abort(.forbidden, reason: "Réservé aux administrateurs d'Eclaire.")
        }
        return (context, id)
    }

    func create(request: Request) async throws -> Response {
        struct Form: Content { var name: String; var team: String; var sponsor: String; var programme: String?; var centreCouts: String? }
        let context = try BudgetContext(request)
        guard context.access.manageProducts else { throw Abort(.forbidden, reason: "Réservé aux administrateurs d'Eclaire.") }
        let form = try request.content.decode(Form.self)
        let programme = try form.programme.nonEmpty.map { text -> String in
            guard text.count <= 4, text.allSatisfy(\.isNumber) else {
                throw Abort(.badRequest, reason: "Programme : 3 ou 4 chiffres attendus (« \(text) »).")
            }
            return String(repeating: "0", count: 4 - text.count) + text
        }
        let product = try await context.store.createProduct(name: form.name, team: form.team, sponsor: form.sponsor,
                                                            programme: programme, centreCouts: form.centreCouts.nonEmpty)
        return request.redirect(to: "/produits/\(product.id)")
    }

    func setBudget(request: Request) async throws -> Response {
        struct Form: Content { var exercice: Int; var ae: String; var cp: String }
        let (context, id) = try administered(request)
        let form = try request.content.decode(Form.self)
        _ = try BudgetContext.valid(exercice: form.exercice)
        try await context.store.setBudget(productID: id, exercice: form.exercice,
                                          allocatedAE: try BudgetFormsController.amount(form.ae, "AE"),
                                          allocatedCP: try BudgetFormsController.amount(form.cp, "CP"))
        return request.redirect(to: "/produits/\(id)?exercice=\(form.exercice)")
    }

    func addFunding(request: Request) async throws -> Response {
        struct Form: Content { var exercice: Int; var source: String; var amount: String; var forecast: String? }
        let (context, id) = try administered(request)
        let form = try request.content.decode(Form.self)
        _ = try BudgetContext.valid(exercice: form.exercice)
        guard let source = form.source.nonEmptyText else { throw Abort(.badRequest, reason: "Source du financement absente.") }
        let funding = Funding(source: source, amount: try BudgetFormsController.amount(form.amount, "montant"))
        try await context.store.addFunding(productID: id, exercice: form.exercice, funding: funding)
        if form.forecast == "1" {
            _ = try await context.store.addForecastLine(productID: id, funding.forecastLine(exercice: form.exercice))
        }
        return request.redirect(to: "/produits/\(id)?exercice=\(form.exercice)")
    }

    func addRule(request: Request) async throws -> Response {
        struct Form: Content { var ej: String?; var siret: String?; var centreCouts: String?; var activite: String? }
        let (context, id) = try administered(request)
        let form = try request.content.decode(Form.self)
        let criterion: LinkRule.Criterion
        if let ej = form.ej.nonEmpty {
            let number = Identifiers.ejNumber(ej)
            guard number.isValid else { throw Abort(.badRequest, reason: "« \(ej) » n'est pas un numéro d'EJ.") }
            criterion = .ej(number.normalized)
        } else if let siret = form.siret.nonEmpty {
            let checked = Identifiers.siret(siret)
            guard checked.isValid else { throw Abort(.badRequest, reason: "SIRET invalide « \(siret) » (clé de contrôle).") }
            if let centre = form.centreCouts.nonEmpty {
                criterion = .supplierAndCentreCouts(siret: checked.normalized, centreCouts: centre)
            } else if let activite = form.activite.nonEmpty {
                criterion = .supplierAndActivite(siret: checked.normalized, referentiel: activite)
            } else {
                throw Abort(.badRequest, reason: "Avec un SIRET, donnez un centre de coûts ou une activité.")
            }
        } else {
            throw Abort(.badRequest, reason: "Donnez un n° d'EJ, ou un SIRET avec un centre de coûts ou une activité.")
        }
        _ = try await context.store.addRule(LinkRule(productID: id, criterion: criterion))
        _ = try await context.store.applyRules()
        return request.redirect(to: "/produits/\(id)")
    }

    func duplicateForecast(request: Request) async throws -> Response {
        struct Form: Content { var from: Int }
        let context = try BudgetContext(request)
        let id = try context.productID(request)
        guard context.access.product(id, .change) else {
            throw Abort(.forbidden, reason: "Vous pouvez consulter ce produit mais pas le modifier.")
        }
        let form = try request.content.decode(Form.self)
        _ = try BudgetContext.valid(exercice: form.from, field: "exercice à dupliquer")
        _ = try await context.store.duplicateForecast(productID: id, from: form.from, to: form.from + 1)
        return request.redirect(to: "/produits/\(id)?exercice=\(form.from + 1)")
    }
}

extension Optional where Wrapped == String {
    var nonEmptyText: String? { nonEmpty?.trimmingCharacters(in: .whitespaces) }
}

extension String {
    var nonEmptyText: String? {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
