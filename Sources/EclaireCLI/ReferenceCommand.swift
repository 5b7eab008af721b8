import ArgumentParser
import ChorusImport
import EclaireCore
import Foundation
import Storage

/// `eclaire reference import FILE…`: the supplier registers (SIRENE stocks, DECP) the extraction confirms names with.
struct ReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference", abstract: "Référentiels des fournisseurs (SIRENE, DECP).", subcommands: [Import.self, Lookup.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importe un stock SIRENE (StockUniteLegale, StockEtablissement) ou des DECP (JSON ou ZIP).")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "Fichiers.") var files: [String]

        func run() async throws {
            try await options.withStorage { storage in
                let store = SupplierReferenceStore(database: storage.database)
                for file in files {
                    do {
                        let (source, count) = try await store.importFile(file)
                        print("\(URL(fileURLWithPath: file).lastPathComponent) : \(FrenchFormat.integer(count)) entrées (\(source.rawValue))")
                    } catch let error as SupplierReferenceReader.Failure {
                        throw UserError(message: error.description)
                    }
                }
            }
        }
    }

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Le nom d'un SIRET, ou le SIRET d'un nom.")
        @OptionGroup var options: DatabaseOption
        @Argument(help: "SIRET ou nom.") var query: String

        func run() async throws {
            try await options.withStorage { storage in
                guard let found = try await SupplierReferenceStore(database: storage.database).lookup(query) else {
                    throw UserError(message: "« \(query) » : rien dans les référentiels importés")
                }
                print(found.summary)
            }
        }
    }
}
