/// `swan check`: lays out every document a render makes (every document of DocumentRegistry, and
/// the invulblad filled from a few generated sessions) without writing anything, so that what a
/// render would refuse (text that does not fit, a label placeholder the program does not fill in)
/// is found before rendering. Layout values and labels are checked before this (DocumentRegistry).
import Foundation
package import SwanDocuments
import SwanDeck
import SwanDiagnostics
import SwanLayout
import SwanSession

package enum DryRun {
    /// Every error a render of the whole set would stop at, each document on its own so that one
    /// broken document does not hide another's problems; warnings go to `diagnostics`.
    /// Each document collects into diagnostics of its own, merged in the order below: the same
    /// problems in the same order however the documents share the cores; what a document made
    /// is dropped as soon as it is checked.
    package static func errors(_ context: DocumentContext, diagnostics: Diagnostics) -> [Error] {
        // Every document of the registry the deck has, as `swan all` (or its own command) makes it.
        var documents: [@Sendable (Diagnostics) throws -> Void] = DocumentRegistry.documents.filter { $0.isIn(context.deck) }.map { entry in
            { _ = try entry.make(context, $0) }
        }
        // Filled forms use labels the blank one does not: a few generated sessions reach them all.
        let vocabulary = SessionVocabulary(deck: context.deck)
        if !vocabulary.voorwaarden.isEmpty && !vocabulary.factoren.isEmpty && !vocabulary.levels.isEmpty {
            for seed in 0..<4 as Range<UInt64> {
                documents.append { @Sendable own in
                    _ = try InvulbladDocument.filled(SessionGenerator.make(seed: seed, vocabulary: vocabulary), context,
                                                     diagnostics: own)
                }
            }
        }
        // Side by side on all cores; reported in the order above, whatever finishes first.
        let checked = documents.concurrentMap(width: Workplace.processorCount) { make -> (errors: [Error], warnings: [Diagnostic]) in
            let own = Diagnostics()
            var errors: [Error] = []
            do { try make(own) } catch { errors.append(error) }
            // Problems a document noted without stopping at them are its errors too.
            let problems = own.problems
            if !problems.isEmpty { errors.append(DiagnosticError(problems)) }
            return (errors, own.warnings)
        }
        for document in checked { document.warnings.forEach(diagnostics.warn) }
        return checked.flatMap(\.errors)
    }
}
