package import Foundation
package import SwanDocuments
import SwanIO
package import SwanSession

/// One input of `swan archive` and `swan check --sessions`, read the same way by both: a session
/// file (`.json`), or a PDF holding one (a filled-in fillable invulblad, read like `swan import`;
/// an archived invulblad, its attached session file, checked against its names).
package enum SessionInput {
    /// The session and the session file's bytes (an archive names its PDF by their hash).
    /// `source` names the file in messages (standard input, `-`, by its marker whatever it says);
    /// `context` is asked for only when the file is a PDF.
    package static func read(_ file: URL, source: String, vocabulary: SessionVocabulary,
                            context: () throws -> DocumentContext) throws -> (session: Session, data: Data) {
        let source = InputFile.isStandardInput(file) ? InputFile.name(of: file) : source
        if isForm(file) {
            let found = try ArchivedSession.read(try InputFile.read(file, limit: InvulbladImport.maximumFileSize),
                                                 source: source, fileName: file.lastPathComponent, context: try context())
            return (found.session, found.data)
        }
        let data = try InputFile.read(file, limit: SessionFile.maximumFileSize)
        return (try SessionDecoder.decode(data, source: source, vocabulary: vocabulary), data)
    }

    /// Whether a file is read as a PDF form rather than as a session file.
    package static func isForm(_ file: URL) -> Bool { file.pathExtension.lowercased() == "pdf" }
}
