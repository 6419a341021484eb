/// The filled form's fields read from its PDF (SwanPDFReading), for InvulbladImport: the documents
/// turn fields into a session, the application reads the file.
import Foundation
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanPDFReading
import SwanSession

extension InvulbladImport {
    /// The session in the filled form `pdf`; `source` names the file in diagnostics.
    public static func session(fromPDF pdf: Data, source: String, context: DocumentContext) throws -> Session {
        let fields: [FilledField]
        do {
            fields = try AcroFormReader.fields(in: pdf)
        } catch let error as PDFReadError {
            throw DiagnosticError([.error(FormCode.unreadable, ["message": .message(error.message)], at: SourceLocation(file: source))])
        }
        return try session(from: fields, source: source, context: context)
    }
}
