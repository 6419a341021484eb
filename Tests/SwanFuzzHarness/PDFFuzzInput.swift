/// One hostile PDF for `swan import`, shared by the libFuzzer target (Tests/Fuzz/FuzzImport,
/// make fuzz) and FuzzRegressionTests: the bytes are read exactly as `swan import` and
/// `swan archive` read a PDF (SessionFromPDF: budgets, attachments, the field walk, the form's
/// fields into a session). A session or reported errors are the outcomes; anything else thrown
/// is a finding, and so is a crash or hang.
package import Foundation
import SwanDeck
package import SwanDiagnostics
import SwanApp
package import SwanDocuments

package enum PDFFuzzInput {
    package enum Outcome {
        case imported
        case refused([Diagnostic])
    }

    /// The context of the deck at `deck` (its fonts as its layout names them), made once per caller.
    package static func context(deck: URL) throws -> DocumentContext {
        try DocumentContext(deck: try DeckLoader.load(from: deck), date: Date(timeIntervalSince1970: 1_700_000_000))
    }

    package static func run(_ bytes: Data, context: DocumentContext) throws -> Outcome {
        do {
            _ = try SessionFromPDF.read(bytes, source: "fuzz.pdf", context: context)
            return .imported
        } catch let error as DiagnosticError {
            return .refused(error.diagnostics)
        }
    }
}
