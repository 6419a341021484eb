/// The session file a PDF holds, for `swan import` and `swan archive`. An archived invulblad
/// (`swan archive`, PDF/A-3) carries the session file it was rendered from as its associated
/// file with /AFRelationship /Source: that file is given back byte for byte, once it has been
/// checked to decode as a session (SwanApp's ArchivedSession also checks it against its name). A filled-in fillable
/// invulblad gives its fields, read by InvulbladImport and encoded as a session file. The PDF is
/// read once, within budgets (PDFReadLimits); the attachments are counted before any is decoded.
package import Foundation
import SwanDiagnostics
package import SwanDocuments
import SwanLayout
package import SwanPDFReading
package import SwanSession

package enum SessionFromPDF {
    package struct Found: Sendable {
        package var session: Session
        /// The session file's bytes: the attached file's exactly, or the read-back form's encoding.
        package var data: Data
        /// True when the bytes came from an archived PDF's attachment.
        package var fromArchive: Bool
        /// The attachment's file name, when the bytes came from one.
        package var attachmentName: String?
    }

    /// `source` names the file in diagnostics.
    package static func read(_ pdf: Data, source: String, context: DocumentContext,
                            limits: PDFReadLimits = .standard) throws -> Found {
        let location = SourceLocation(file: source)
        do {
            let reader = try BudgetedPDF(pdf, limits: limits)
            let attached = try reader.sourceFiles().filter(isSessionFile)
            if attached.count > 1 {
                throw DiagnosticError([.error(FormCode.severalSessions, ["count": .text(String(attached.count))], at: location)])
            }
            if let file = attached.first {
                let data = try reader.data(of: file, limit: SessionFile.maximumFileSize)
                let session = try SessionDecoder.decode(data, source: "\(source) (\(file.name))",
                                                        vocabulary: SessionVocabulary(deck: context.deck))
                return Found(session: session, data: data, fromArchive: true, attachmentName: file.name)
            }
            let session = try InvulbladImport.session(from: try reader.fields(), source: source, context: context)
            return Found(session: session, data: session.encodeJSON(), fromArchive: false, attachmentName: nil)
        } catch let error as PDFReadError {
            throw DiagnosticError([.error(FormCode.unreadable, ["message": .message(error.message)], at: location)])
        }
    }

    /// A session file, as the archive attaches it (application/json; a .json name otherwise).
    static func isSessionFile(_ file: BudgetedPDF.SourceFile) -> Bool {
        file.mediaType.map { $0 == "application/json" } ?? file.name.lowercased().hasSuffix(".json")
    }
}
