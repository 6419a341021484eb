/// The session file a PDF holds, for `swan import` and `swan archive`. An archived invulblad
/// (`swan archive`, PDF/A-3) carries the session file it was rendered from as its associated
/// file with /AFRelationship /Source: that file is given back byte for byte, once it has been
/// checked to decode as a session. A filled-in fillable invulblad gives its fields, read by
/// InvulbladImport and encoded as a session file.
import Foundation
import SwanDiagnostics
import SwanEngine
import SwanSession

public enum SessionFromPDF {
    public struct Found: Sendable {
        public var session: Session
        /// The session file's bytes: the attached file's exactly, or the read-back form's encoding.
        public var data: Data
        /// True when the bytes came from an archived PDF's attachment.
        public var fromArchive: Bool
    }

    public static func read(_ pdf: Data, source: String, context: DocumentContext) throws -> Found {
        let attached: [EmbeddedSourceFile]
        do {
            attached = try PDFAttachmentReader.sourceFiles(in: pdf).filter(isSessionFile)
        } catch let error as EngineError {
            throw DiagnosticError([.error(FormCode.unreadable, ["message": .text(error.description)], at: SourceLocation(file: source))])
        }
        if attached.count > 1 {
            throw DiagnosticError([.error(FormCode.severalSessions, ["count": .text(String(attached.count))], at: SourceLocation(file: source))])
        }
        if let file = attached.first {
            let session = try SessionDecoder.decode(file.data, source: "\(source) (\(file.name))",
                                                    vocabulary: SessionVocabulary(deck: context.deck))
            return Found(session: session, data: file.data, fromArchive: true)
        }
        let session = try InvulbladImport.session(fromPDF: pdf, source: source, context: context)
        return Found(session: session, data: session.encodeJSON(), fromArchive: false)
    }

    /// A session file, as the archive attaches it (application/json; a .json name otherwise).
    static func isSessionFile(_ file: EmbeddedSourceFile) -> Bool {
        file.mediaType.map { $0 == "application/json" } ?? file.name.lowercased().hasSuffix(".json")
    }
}
