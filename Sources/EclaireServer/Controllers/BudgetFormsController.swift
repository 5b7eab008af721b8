import EclaireCore
import Storage
import Vapor

/// The forms of the product pages: link and unlink EJs (accept a suggestion in one click), add and remove forecast
/// lines. Each needs the right to edit the product; CSRF is checked by the route group.
struct BudgetFormsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let product = routes.grouped("produits", ":id")
        product.post("rattacher", use: link)
        product.post("detacher", use: unlink)
        product.post("previsionnel", use: addForecastLine)
        product.post("previsionnel", ":line", "supprimer", use: removeForecastLine)
        product.post("bon-de-commande", use: setOrder)
        product.post("service-fait", use: addServiceFait)
        product.post("consommation", use: addConsumption)
        product.post("consommation", ":consumption", "valider", use: validateConsumption)
        product.post("consommation", ":consumption", "decouper", use: splitConsumption)
    }

    /// The product of the route, which the caller must be allowed to edit (readers get 403, others 404).
    func editable(_ request: Request) throws -> (BudgetContext, Int) {
        let context = try BudgetContext(request)
        let id = try context.productID(request)
        guard context.access.product(id, .change) else {
            throw Abort(.forbidden, reason: "Vous pouvez consulter ce produit mais pas le modifier.")
        }
        return (context, id)
    }

    func link(request: Request) async throws -> Response {
        struct Form: Content { var ej: String; var suggestion: String? }
        let (context, id) = try editable(request)
        let form = try request.content.decode(Form.self)
        let ej = try Self.ejNumber(form.ej)
        // An EJ already linked to a product the caller cannot edit is not theirs to move.
        if let current = try await context.store.productID(ofEJ: ej), !context.access.product(current, .change) {
            throw Abort(.forbidden, reason: "Cet EJ est rattaché à un autre produit.")
        }
        try await context.store.link(ej: ej, productID: id, method: form.suggestion == "1" ? .suggestion : .manual)
        return request.redirect(to: Self.back(request, fallback: "/produits/\(id)"))
    }

    func unlink(request: Request) async throws -> Response {
        struct Form: Content { var ej: String }
        let (context, id) = try editable(request)
        let ej = try request.content.decode(Form.self).ej
        guard try await context.store.productID(ofEJ: ej) == id else {
            throw Abort(.notFound, reason: "L'EJ \(ej) n'est pas rattaché à ce produit.")
        }
        try await context.store.unlink(ej: ej)
        return request.redirect(to: "/produits/\(id)")
    }

    func addForecastLine(request: Request) async throws -> Response {
        struct Form: Content {
            var exercice: Int
            var label: String?
            var ae: String?
            var cp: String?
            var person: String?
            var month: Int?
            var tjm: String?
            var days: String?
            var other: String?
        }
        let (context, id) = try editable(request)
        let form = try request.content.decode(Form.self)
        _ = try BudgetContext.valid(exercice: form.exercice)
        if let month = form.month, !(1...12).contains(month) { throw Abort(.badRequest, reason: "Mois de 1 à 12 attendu.") }
        let cost: ForecastLine.Cost
        if let person = form.person.nonEmpty {
            guard let month = form.month, (1...12).contains(month) else { throw Abort(.badRequest, reason: "Mois de 1 à 12 attendu.") }
            cost = .staffing(StaffingCost(
                person: person, month: month, dayRate: try Self.amount(form.tjm, "TJM"),
                daysHundredths: Int(try Self.amount(form.days, "jours").cents),
                otherCosts: form.other.nonEmpty == nil ? .zero : try Self.amount(form.other, "autres frais")))
        } else {
            guard let label = form.label.nonEmpty else { throw Abort(.badRequest, reason: "Intitulé ou personne attendu.") }
            cost = .free(FreeCost(label: label, ae: try Self.amount(form.ae, "AE"),
                                  cp: form.cp.nonEmpty == nil ? .zero : try Self.amount(form.cp, "CP")))
        }
        _ = try await context.store.addForecastLine(productID: id, ForecastLine(exercice: form.exercice, cost: cost))
        return request.redirect(to: "/produits/\(id)?exercice=\(form.exercice)")
    }

    func removeForecastLine(request: Request) async throws -> Response {
        let (context, id) = try editable(request)
        guard let line = request.parameters.get("line", as: Int.self),
              try await context.store.forecast(productID: id).contains(where: { $0.id == line }) else {
            throw Abort(.notFound, reason: "Ligne prévisionnelle inconnue pour ce produit.")
        }
        try await context.store.deleteForecastLine(line)
        return request.redirect(to: "/produits/\(id)")
    }

    func setOrder(request: Request) async throws -> Response {
        struct Form: Content { var ej: String; var ae: String }
        let (context, id) = try editable(request)
        let form = try request.content.decode(Form.self)
        let ej = try Self.ejNumber(form.ej)
        try await context.store.setTeamOrder(productID: id, TeamOrder(ej: ej, ae: try Self.amount(form.ae, "AE")))
        return request.redirect(to: "/produits/\(id)")
    }

    func addServiceFait(request: Request) async throws -> Response {
        struct Form: Content { var ej: String; var number: String; var cp: String; var label: String? }
        let (context, id) = try editable(request)
        let form = try request.content.decode(Form.self)
        let ej = try Self.ejNumber(form.ej)
        let number = form.number.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { throw Abort(.badRequest, reason: "N° de service fait absent.") }
        try await context.store.addTeamServiceFait(productID: id, TeamServiceFait(
            ej: ej, number: number, cp: try Self.amount(form.cp, "CP"), label: form.label ?? ""))
        return request.redirect(to: "/produits/\(id)")
    }

    func addConsumption(request: Request) async throws -> Response {
        struct Form: Content { var contract: String; var year: Int; var month: Int; var tjm: String; var days: String; var other: String? }
        let (context, id) = try editable(request)
        let form = try request.content.decode(Form.self)
        guard (1...12).contains(form.month) else { throw Abort(.badRequest, reason: "Mois de 1 à 12 attendu.") }
        _ = try BudgetContext.valid(exercice: form.year, field: "année")
        guard !form.contract.trimmingCharacters(in: .whitespaces).isEmpty else { throw Abort(.badRequest, reason: "Contrat absent.") }
        _ = try await context.store.addConsumption(productID: id, MonthlyConsumption(
            contract: form.contract, year: form.year, month: form.month,
            daysHundredths: Int(try Self.amount(form.days, "jours").cents), dayRate: try Self.amount(form.tjm, "TJM"),
            otherCosts: form.other.nonEmpty == nil ? .zero : try Self.amount(form.other, "autres frais")))
        return request.redirect(to: "/produits/\(id)?exercice=\(form.year)")
    }

    func validateConsumption(request: Request) async throws -> Response {
        let (context, id) = try editable(request)
        let consumption = try request.parameters.require("consumption", as: Int.self)
        try await context.store.setConsumptionStatus(consumption, productID: id, .validated)
        return request.redirect(to: Self.back(request, fallback: "/produits/\(id)"))
    }

    func splitConsumption(request: Request) async throws -> Response {
        let (context, id) = try editable(request)
        let consumption = try request.parameters.require("consumption", as: Int.self)
        _ = try await context.store.splitConsumptionAutomatically(consumption, productID: id)
        return request.redirect(to: Self.back(request, fallback: "/produits/\(id)"))
    }

    static func ejNumber(_ text: String) throws -> String {
        let ej = Identifiers.ejNumber(text)
        guard ej.isValid else { throw Abort(.badRequest, reason: "« \(text) » n'est pas un numéro d'EJ (10 chiffres).") }
        return ej.normalized
    }

    static func amount(_ text: String?, _ field: String) throws -> Money {
        guard let text = text.nonEmpty else { throw Abort(.badRequest, reason: "Montant « \(field) » absent.") }
        do { return try AmountParser.parse(text) } catch {
            throw Abort(.badRequest, reason: "Montant « \(field) » illisible : « \(text) » (attendu 12 345,67).")
        }
    }

    /// Back to the page the form was on, when it is a page of this site.
    static func back(_ request: Request, fallback: String) -> String {
        guard let referer = request.headers.first(name: .referer), let url = URLComponents(string: referer),
              url.host == nil || url.host == request.headers.first(name: .host)?.split(separator: ":").first.map(String.init)
        else { return fallback }
        return SignInController.safeNext(url.path + (url.query.map { "?" + $0 } ?? ""))
    }
}
