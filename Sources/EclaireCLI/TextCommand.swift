import ArgumentParser
import Documents

/// `eclaire text FILE`: the document's text, from its text layer or by OCR in French.
struct TextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "Affiche le texte d'un document (couche texte du PDF, sinon reconnaissance de caractères).")

    @Argument(help: "PDF, PNG, JPEG ou TIFF.") var file: String

    func run() async throws {
        do {
            for page in try TextExtractor().pages(of: file) {
                print(page.text)
            }
        } catch let error as DocumentError {
            throw UserError(message: error.description)
        }
    }
}
