import Foundation
import ArgumentParser
import EclaireCore
import EclaireServer
import Storage

struct EJCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ej", abstract: "Engagements juridiques.", subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les EJ avec leurs montants et leur étape.")

        @OptionGroup var options: DatabaseOption
        @Flag(help: "Une ligne JSON par EJ.") var json = false

        func run() async throws {
            try await options.withStorage { storage in
                let queries = ChorusQueries(sql: storage.sql)
                // A page at a time, by key, so that a large database is listed in bounded memory and time.
                var last: String?
                while true {
                    let ejs = try await queries.ejNumbers(limit: 1000, after: last)
                    guard let end = ejs.last else { break }
                    for overview in try await queries.overviews(of: ejs) { try show(overview) }
                    last = end
                }
            }
        }

        private func show(_ overview: EJOverview) throws {
            if json { return try JSONOutput.line(EJSummaryDTO(overview)) }
            let supplier = overview.supplier.name ?? overview.supplier.tiers ?? "—"
            print("\(overview.ej)  \(supplier)  AE \(overview.ae.french)  CP \(overview.cp.french)  \(overview.stage.frenchLabel)")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Montre un EJ, ses postes, services faits et paiements.")

        @OptionGroup var options: DatabaseOption
        @Flag(help: "Un objet JSON.") var json = false
        @Argument(help: "N° EJ (10 chiffres).") var ej: String

        func run() async throws {
            let number = Identifiers.ejNumber(ej)
            guard number.isValid else { throw UserError(message: "« \(ej) » n'est pas un numéro d'EJ (10 chiffres attendus)") }
            let location = try options.location()
            let (detail, documents, anomalies) = try await options.withStorage { storage in
                let store = DocumentStore(database: storage.database, files: DocumentFileStore.resolve(option: nil, database: location),
                                          actor: "cli")
                return (try await ChorusQueries(sql: storage.sql).detail(ej: number.normalized),
                        try await store.fields(ofEJ: number.normalized),
                        try await AnomalyStore(database: storage.database, actor: "cli").anomalies(ofEJ: number.normalized, asOf: .today))
            }
            guard let detail else { throw UserError(message: "EJ inconnu : \(number.normalized)") }
            if json { return try JSONOutput.line(EJDetailDTO(detail, documents: documents, anomalies: anomalies)) }
            for item in anomalies where item.dismissal == nil { print("Anomalie — \(item.anomaly.kind.label) : \(item.anomaly.explanation)") }
            let o = detail.overview
            print("EJ \(o.ej) — \(o.supplier.name ?? "fournisseur inconnu") (SIRET \(o.supplier.siret?.normalized ?? "—"))")
            print("Étape : \(o.stage.frenchLabel) — engagé \(o.ae.french), payé \(o.cp.french), reste à payer \(o.resteAPayer.french)")
            for (line, source) in detail.lines where line.poste > 0 {
                print("  poste \(line.poste) : \(line.imputation.centreFinancier ?? "—") / \(line.imputation.domaineFonctionnel ?? "—") (\(source.fileName):\(source.line))")
            }
            let synthesis = EJSynthesis(documents: documents)
            if let designation = synthesis.designation { print("Objet (d'après les pièces) : \(designation.value)") }
            for (document, _) in documents { print("  pièce \(document.id) : \(document.fileName) — \(document.status.label)") }
            for (payment, _) in detail.payments {
                print("  DP \(payment.dp) : \(payment.amount.french) le \(payment.dateDerniereOperation.map(FrenchFormat.date) ?? "—")")
            }
        }
    }
}
