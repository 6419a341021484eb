/// The filled form's fields read from its PDF (SwanPDFReading), for InvulbladImport: the documents
/// turn fields into a session, the application reads the file.
package import Foundation
import SwanDiagnostics
package import SwanDocuments
import SwanLayout
import SwanPDFReading
package import SwanSession

extension InvulbladImport {
    /// The session in the filled form `pdf`; `source` names the file in diagnostics.
    package static func session(fromPDF pdf: Data, source: String, context: DocumentContext) throws -> Session {
        let fields: [FilledField]
        do {
            fields = try AcroFormReader.fields(in: pdf)
        } catch let error as PDFReadError {
            throw DiagnosticError([.error(FormCode.unreadable, ["message": .message(error.message)], at: SourceLocation(file: source))])
        }
        return try session(from: fields, source: source, context: context)
    }
}
