import ArgumentParser
import EclaireCore
import ChorusImport
import Foundation
import Storage

/// Runs a command and turns errors into the contract's exit codes: 1 for a user error, 2 for a usage error.
public enum EclaireCommandLine {
    public static func main(_ arguments: [String]) async {
        do {
            var command = try Eclaire.parseAsRoot(Array(arguments.dropFirst()))
            defer { JSONOutput.flush() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as UserError {
            FileHandle.standardError.write(Data("eclaire : \(error.message)\n".utf8))
            exit(1)
        } catch let error as ImportFailure {
            FileHandle.standardError.write(Data("eclaire : \(error.description)\n".utf8))
            exit(1)
        } catch let error as BudgetError {
            FileHandle.standardError.write(Data("eclaire : \(error.description)\n".utf8))
            exit(1)
        } catch let error as StorageError {
            FileHandle.standardError.write(Data("eclaire : \(error.description)\n".utf8))
            exit(1)
        } catch let error as FieldValueError {
            FileHandle.standardError.write(Data("eclaire : \(error.description)\n".utf8))
            exit(1)
        } catch {
            let code = Eclaire.exitCode(for: error)
            if code == .success || error is CleanExit {
                print(Eclaire.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data((Eclaire.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            FileHandle.standardError.write(Data("eclaire : \(error)\n".utf8))
            exit(code == .failure ? 1 : code.rawValue)
        }
    }
}

/// A mistake of the user (bad file, unknown EJ): one line on stderr, exit 1.
struct UserError: Error {
    let message: String
}

struct Eclaire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eclaire",
        abstract: "Rend lisible la dépense de l'État enregistrée dans Chorus.",
        subcommands: [ImportCommand.self, StatsCommand.self, EJCommand.self, ImportsCommand.self,
                      ProductsCommand.self, PortfolioCommand.self, UsersCommand.self, TokensCommand.self, TextCommand.self, ExtractCommand.self, DocumentsCommand.self, WorkCommand.self, SyncCommand.self, ReferenceCommand.self, AnomaliesCommand.self, ServeCommand.self, DemoCommand.self])
}

/// `--database URL`, shared by every command.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "sqlite:///chemin.sqlite ou postgres://… (défaut : $DATABASE_URL, sinon ./eclaire.sqlite)")
    var database: String?

    func location() throws -> DatabaseLocation { try DatabaseLocation.resolve(option: database) }

    func withStorage<T>(_ body: (StorageContainer) async throws -> T) async throws -> T {
        try await StorageContainer.using(try location(), body)
    }
}

/// JSON Lines on standard output, through one encoder and a buffer (a listing can run to millions of lines).
enum JSONOutput {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
    nonisolated(unsafe) private static var buffer = Data()

    static func line<T: Encodable>(_ value: T) throws {
        buffer.append(try encoder.encode(value))
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
