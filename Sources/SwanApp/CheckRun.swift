package import Foundation
package import SwanDeck
package import SwanDiagnostics
import SwanDocuments
import SwanSession

/// What `swan check` finds, without printing or writing anything: the command says the results
/// (issue 27: the command line parses, calls and prints).
package enum CheckRun {
    /// One deck folder: the deck when it loaded and every document laid out, else its errors.
    package struct DeckResult {
        /// Said before the errors or the summary (a missing hyphenation dictionary).
        package var notices: [Diagnostic] = []
        /// Every problem a render would stop at, the same one found by several documents once.
        package var errors: [Diagnostic] = []
        package var deck: Deck?
    }

    /// One session file: its format version when it is valid, else its errors.
    package struct SessionResult {
        package let file: URL
        package let version: Int?
        package let errors: [Diagnostic]
    }

    /// Reads, validates and lays out one deck; the warnings of laying out come with the result.
    package static func deck(_ folder: URL, in workplace: Workplace) -> Warned<DeckResult> {
        let diagnostics = Diagnostics()
        var result = DeckResult()
        do {
            let loaded = try workplace.loadDeckWarned(folder)
            let deck = loaded.value
            // What an older deck lacks and swan's own deck supplied: warnings, listed first.
            result.notices += loaded.warnings
            // Every document's layouts, labels and output names (DocumentRegistry), all reported at once, before
            // anything is laid out: a bad layout would otherwise show as a flood of overflows.
            let errors = DocumentRegistry.layoutErrors(in: deck) + DocumentRegistry.labelErrors(in: deck)
                + DocumentRegistry.outputNameErrors(in: deck)
            if !errors.isEmpty { throw DiagnosticError(errors) }
            let context = try workplace.documentContext(deck, checkOnly: true)
            if let warning = context.hyphenationWarning { result.notices.append(warning) }
            let layoutErrors = DryRun.errors(context, diagnostics: diagnostics)
            if layoutErrors.isEmpty {
                result.deck = deck
            } else {
                result.errors = unique(layoutErrors.flatMap(Diagnostic.all(from:)))
            }
        } catch {
            result.errors = Diagnostic.all(from: error)
        }
        return Warned(result, warnings: diagnostics.warnings)
    }

    /// Decodes each session against the deck's ids, a PDF as a filled-in form (as `swan archive`
    /// reads it), in the order given.
    package static func sessions(_ files: [URL], against deck: Deck, in workplace: Workplace) -> [SessionResult] {
        let vocabulary = SessionVocabulary(deck: deck)
        // Fonts and layouts are loaded only for a PDF, once.
        var formContext: DocumentContext?
        let context: () throws -> DocumentContext = {
            if let formContext { return formContext }
            let made = try workplace.documentContext(deck)
            formContext = made
            return made
        }
        return files.map { file in
            do {
                let session = try SessionInput.read(file, source: file.relativePath, vocabulary: vocabulary, context: context).session
                return SessionResult(file: file, version: session.version, errors: [])
            } catch {
                return SessionResult(file: file, version: nil, errors: Diagnostic.all(from: error))
            }
        }
    }

    /// The same problem found by several documents is said once.
    package static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
