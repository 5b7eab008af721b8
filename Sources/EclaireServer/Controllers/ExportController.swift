import EclaireCore
import SQLKit
import Storage
import Vapor

/// Every table of the pages as CSV or XLSX, under the same rights as the pages: `/export/portefeuille.xlsx`,
/// `/export/produits/{id}/ejs.csv`, `/export/ejs.csv?q=`…
struct ExportController: RouteCollection {
    /// The EJ list export stops here; larger extractions belong to the API's paging.
    static let maximumRows = 100_000

    func boot(routes: any RoutesBuilder) throws {
        let export = routes.grouped("export")
        export.get(":table", use: general)
        export.get("produits", ":id", ":table", use: product)
        export.get("ej", ":ej", ":table", use: ej)
    }

    func general(request: Request) async throws -> Response {
        let (name, format) = try Self.split(request.parameters.require("table"))
        let context = try BudgetContext(request)
        let table: ExportTable
        switch name {
        case "portefeuille":
            let filter = try request.query.decode(PortfolioFilter.self)
            let portfolio = try await context.queries.portfolio(
                exercice: try await context.exercice(filter.exercice), asOf: .today,
                programme: filter.programme.nonEmpty, sponsor: filter.sponsor.nonEmpty, readable: context.readable)
            table = ExportTables.portfolio(portfolio)
        case "rapprochement":
            let products = Dictionary(uniqueKeysWithValues: try await context.readableProducts().map { ($0.id, $0.name) })
            let suggestions = try await request.linkSuggestions().filter { products[$0.productID] != nil }
            table = ExportTables.suggestions(suggestions, products: products)
        case "imports":
            guard context.access.wholeBase else {
                throw Abort(.forbidden, reason: "L'historique des imports est réservé au bureau budgétaire et aux administrateurs.")
            }
            table = ExportTables.imports(try await ChorusQueries(sql: request.db as! any SQLDatabase).importHistory())
        case "ejs":
            let queries = ChorusQueries(sql: request.db as! any SQLDatabase)
            let search = try request.query.get(String?.self, at: "q")
            let ejs = try await queries.ejNumbers(limit: Self.maximumRows, search: search, scope: EJScope(context.access))
            var overviews: [EJOverview] = []
            for start in stride(from: 0, to: ejs.count, by: 500) {
                overviews += try await queries.overviews(of: Array(ejs[start..<min(start + 500, ejs.count)]))
            }
            table = ExportTables.ejs(overviews)
        case "anomalies":
            table = ExportTables.anomalies(try await AnomaliesController.visible(request))
        case "pieces":
            guard context.access.wholeBase else {
                throw Abort(.forbidden, reason: "La liste des pièces est réservée aux analystes (bureau budgétaire, administrateurs).")
            }
            let store = try request.documents
            let documents = try await store.documents(limit: Self.maximumRows)
            table = ExportTables.documents(documents, fields: try await store.listFields(of: documents.map(\.id)))
        case "faits":
            guard context.access.wholeBase else {
                throw Abort(.forbidden, reason: "Les informations lues dans les pièces sont réservées aux analystes (bureau budgétaire, administrateurs).")
            }
            let store = try request.documents
            let documents = try await store.documents(status: .done, limit: Self.maximumRows)
            table = ExportTables.typedFacts(documents, fields: try await store.listFields(of: documents.map(\.id)), limit: Self.maximumRows)
        default:
            throw Abort(.notFound, reason: "Export inconnu : \(name)")
        }
        return try Self.response(table, format: format, fileName: name)
    }

    func product(request: Request) async throws -> Response {
        let (name, format) = try Self.split(request.parameters.require("table"))
        let context = try BudgetContext(request)
        let id = try context.productID(request)
        let exercice = try await context.exercice(try request.query.get(Int?.self, at: "exercice"))
        let table: ExportTable
        switch name {
        case "ejs":
            table = ExportTables.linked(try await context.queries.productYear(id, exercice: exercice, asOf: .today))
        case "previsionnel":
            table = ExportTables.forecast(try await context.store.forecast(productID: id))
        case "rapprochement":
            table = ExportTables.reconciliation(try await context.queries.reconciliation(productID: id))
        case "journal":
            table = ExportTables.audit(try await context.store.audit(productID: id, limit: 100_000))
        default:
            throw Abort(.notFound, reason: "Export inconnu : \(name)")
        }
        return try Self.response(table, format: format, fileName: "produit-\(id)-\(name)")
    }

    /// The tables of an EJ's page, under the same rule as the page (an EJ of another product does not exist).
    func ej(request: Request) async throws -> Response {
        let (name, format) = try Self.split(request.parameters.require("table"))
        let ej = try request.ejParameter()
        let unknown = EJAccess.unknown(ej)
        try await EJAccess.check(ej, for: request, unknown: unknown)
        guard let detail = try await ChorusQueries(sql: request.db as! any SQLDatabase).detail(ej: ej) else {
            throw Abort(.notFound, reason: unknown)
        }
        let table: ExportTable
        switch name {
        case "postes": table = ExportTables.lines(detail)
        case "services-faits": table = ExportTables.servicesFaits(detail)
        case "paiements": table = ExportTables.payments(detail)
        default: throw Abort(.notFound, reason: "Export inconnu : \(name)")
        }
        return try Self.response(table, format: format, fileName: "ej-\(ej)-\(name)")
    }

    enum Format: String { case csv, xlsx }

    static func split(_ name: String) throws -> (String, Format) {
        guard let dot = name.lastIndex(of: "."), let format = Format(rawValue: String(name[name.index(after: dot)...]))
        else { throw Abort(.notFound, reason: "Format d'export inconnu : demandez .csv ou .xlsx") }
        return (String(name[..<dot]), format)
    }

    static func response(_ table: ExportTable, format: Format, fileName: String) throws -> Response {
        let response = Response(status: .ok)
        switch format {
        case .csv:
            response.body = .init(data: CSVExport.render(table))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx:
            response.body = .init(data: try XLSXExport.render(table))
            response.headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        response.headers.contentDisposition = .init(.attachment, filename: "eclaire-\(fileName).\(format.rawValue)")
        return response
    }
}

/// The exported tables: the same columns as the pages, with typed cells.
enum ExportTables {
    static func portfolio(_ portfolio: Portfolio) -> ExportTable {
        var table = ExportTable(title: "Portefeuille \(portfolio.exercice)", columns: [
            "Produit", "Équipe", "Sponsor", "Programme", "Alloué AE", "Alloué CP", "Prévu AE", "Prévu CP", "Engagé",
            "Payé", "Reste à payer", "AE restant", "Alertes"])
        table.rows = portfolio.years.map { year in
            [.text(year.product.name), .text(year.product.team), .text(year.product.sponsor), .text(year.product.programme),
             .money(year.allocatedAE), .money(year.allocatedCP), .money(year.forecastAE), .money(year.forecastCP),
             .money(year.execution.engaged), .money(year.execution.paid), .money(year.execution.resteAPayer),
             .money(year.remainingAE), .integer(year.alerts.count)]
        }
        return table
    }

    static func linked(_ year: ProductYear) -> ExportTable {
        var table = ExportTable(title: "EJ de \(year.product.name)", columns: [
            "N° EJ", "Fournisseur", "SIRET", "Rattachement", "Engagé", "Payé", "Reste à payer", "Étape"])
        table.rows = year.linked.map { linked in
            let o = linked.overview
            return [.text(o.ej), .text(o.supplier.name), .text(o.supplier.siret?.normalized), .text(linked.method.french),
                    .money(o.ae), .money(o.cp), .money(o.resteAPayer), .text(o.stage.frenchLabel)]
        }
        return table
    }

    static func forecast(_ lines: [ForecastLine]) -> ExportTable {
        var table = ExportTable(title: "Prévisionnel", columns: ["Exercice", "Ligne", "AE", "CP"])
        table.rows = lines.map { [.integer($0.exercice), .text($0.label), .money($0.ae), .money($0.cp)] }
        return table
    }

    static func reconciliation(_ lines: [ReconciledLine]) -> ExportTable {
        var table = ExportTable(title: "Rapprochement", columns: [
            "N° EJ", "Montant", "Exercice", "N° SF", "Chorus", "Équipe", "Verdict"])
        table.rows = lines.map {
            [.text($0.ej), .text($0.kind.frenchLabel), .integer($0.exercice), .text($0.serviceFait),
             .money($0.chorusAmount), .money($0.teamAmount), .text($0.verdict.label)]
        }
        return table
    }

    static func audit(_ entries: [AuditEntry]) -> ExportTable {
        var table = ExportTable(title: "Journal", columns: ["Quand", "Qui", "Objet", "Action", "Avant", "Après"])
        table.rows = entries.map {
            [.text($0.at), .text($0.actor), .text($0.entity), .text($0.action), .text($0.before), .text($0.after)]
        }
        return table
    }

    static func suggestions(_ suggestions: [LinkSuggestion], products: [Int: String]) -> ExportTable {
        var table = ExportTable(title: "Suggestions de rapprochement", columns: ["N° EJ", "Produit proposé", "Confiance", "Raisons"])
        table.rows = suggestions.map {
            [.text($0.ej), .text(products[$0.productID]), .ratio($0.score), .text($0.reasons.joined(separator: " ; "))]
        }
        return table
    }

    static func anomalies(_ listed: [ListedAnomaly]) -> ExportTable {
        var table = ExportTable(title: "Anomalies", columns: ["Sorte", "EJ", "Montant en jeu", "Explication", "Preuves", "Écartée", "Clé"])
        table.rows = listed.map { item in
            [.text(item.anomaly.kind.label), .text(item.anomaly.ejs.joined(separator: ", ")), .money(item.anomaly.amount),
             .text(item.anomaly.explanation), .text(item.anomaly.evidence.map { "\($0.reference) : \($0.detail)" }.joined(separator: " ; ")),
             .text(item.dismissal.map { "\($0.actor) : \($0.reason)" }), .text(item.anomaly.key)]
        }
        return table
    }

    static func documents(_ documents: [StoredDocument], fields: [Int: [StoredField]]) -> ExportTable {
        var table = ExportTable(title: "Pièces", columns: ["N°", "Fichier", "EJ", "Statut", "Type", "Fournisseur lu", "Ajoutée le", "SHA-256"])
        table.rows = documents.map { document in
            let row = DocumentRowView(document, fields: fields[document.id] ?? [])
            return [.integer(document.id), .text(document.fileName), .text(document.ejs.joined(separator: ", ")),
                    .text(document.status.label), .text(row.type), .text(row.supplier), .text(row.addedAt), .text(document.sha256)]
        }
        return table
    }

    /// One row per fact of a document's type (`Lot 2 › intitulé`), with its confidence and where it was read.
    static func typedFacts(_ documents: [StoredDocument], fields: [Int: [StoredField]], limit: Int) -> ExportTable {
        var table = ExportTable(title: "Informations propres au type de pièce", columns: [
            "N° pièce", "Fichier", "EJ", "Type", "Information", "Clé", "Valeur", "Confiance", "Page", "Texte source"])
        for document in documents where !document.typedFacts.isEmpty {
            let type = DocumentRowView(document, fields: fields[document.id] ?? []).type
            for (path, fact) in document.typedFacts.flattened {
                guard table.rows.count < limit else { return table }
                table.rows.append([.integer(document.id), .text(document.fileName), .text(document.ejs.joined(separator: ", ")), .text(type),
                                   .text(TypedFactLabels.label(path)), .text(path), .text(fact.value),
                                   .integer(Int((fact.confidence * 100).rounded())), .integer(fact.source?.page), .text(fact.source?.text)])
            }
        }
        return table
    }

    static func imports(_ files: [ImportedFile]) -> ExportTable {
        var table = ExportTable(title: "Imports", columns: ["Fichier", "Format", "Encodage", "Lignes lues",
                                                             "Enregistrées", "Rejetées", "SHA-256"])
        table.rows = files.map {
            [.text($0.fileName), .text($0.layout), .text($0.encoding), .integer($0.rowsRead), .integer($0.rowsStored),
             .integer($0.rowsSkipped), .text($0.sha256)]
        }
        return table
    }

    static func lines(_ detail: EJDetail) -> ExportTable {
        var table = ExportTable(title: "Postes de l'EJ \(detail.overview.ej)", columns: [
            "Poste", "Fournisseur", "SIRET", "Centre financier", "Domaine fonctionnel", "Groupe de marchandises",
            "Compte budgétaire", "Fichier", "Ligne"])
        table.rows = detail.lines.filter { $0.0.poste > 0 }.map { line, source in
            [.integer(line.poste), .text(line.supplier.name ?? line.supplier.tiers), .text(line.supplier.siret?.normalized),
             .text(line.imputation.centreFinancier), .text(line.imputation.domaineFonctionnel),
             .text(line.imputation.groupeMarchandises), .text(line.imputation.compteBudgetaire),
             .text(source.fileName), .integer(source.line)]
        }
        return table
    }

    static func servicesFaits(_ detail: EJDetail) -> ExportTable {
        var table = ExportTable(title: "Services faits", columns: ["N° SF", "Poste", "Date comptable", "Fichier", "Ligne"])
        table.rows = detail.servicesFaits.map { sf, source in
            [.text(sf.number), .integer(sf.poste), .text(sf.dateComptable.map(FrenchFormat.date)), .text(source.fileName),
             .integer(source.line)]
        }
        return table
    }

    static func payments(_ detail: EJDetail) -> ExportTable {
        var table = ExportTable(title: "Paiements", columns: [
            "N° DP", "Poste EJ", "Date de base", "Dernière opération", "Montant payé", "Fichier", "Ligne"])
        table.rows = detail.payments.map { payment, source in
            [.text(payment.dp), .integer(payment.posteEJ), .text(payment.dateBase.map(FrenchFormat.date)),
             .text(payment.dateDerniereOperation.map(FrenchFormat.date)), .money(payment.amount), .text(source.fileName),
             .integer(source.line)]
        }
        return table
    }

    static func ejs(_ overviews: [EJOverview]) -> ExportTable {
        var table = ExportTable(title: "Engagements juridiques", columns: [
            "N° EJ", "Fournisseur", "SIRET", "Programme", "Centre financier", "Domaine fonctionnel",
            "Groupe de marchandises", "Engagé", "Payé", "Reste à payer", "Étape"])
        table.rows = overviews.map { o in
            [.text(o.ej), .text(o.supplier.name), .text(o.supplier.siret?.normalized), .text(o.imputation.programme),
             .text(o.imputation.centreFinancier), .text(o.imputation.domaineFonctionnel),
             .text(o.imputation.groupeMarchandises), .money(o.ae), .money(o.cp), .money(o.resteAPayer),
             .text(o.stage.frenchLabel)]
        }
        return table
    }
}
