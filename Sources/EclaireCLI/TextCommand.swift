import ArgumentParser
import Documents

/// `eclaire text FILE`: the document's text, from its text layer or by OCR in French (a form's check boxes as
/// « [X] » or « [ ] »).
struct TextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "Affiche le texte d'un document (couche texte du PDF, sinon reconnaissance de caractères).")

    @Argument(help: "PDF, PNG, JPEG, TIFF, DOC, DOCX, ODT, XLS, XLSX ou ODS.") var file: String
    @Flag(help: "Le texte en lignes reconstruites d'après la position des mots (colonnes séparées par trois espaces).")
    var layout = false

    func run() async throws {
        do {
            // Read as the queue reads it, so that a form's drawn check boxes show as they do on its page.
            for page in try DocumentReader().read(file).pages {
                print(layout ? page.layout.text : page.text)
            }
        } catch let error as DocumentError {
            throw UserError(message: error.description)
        }
    }
}
