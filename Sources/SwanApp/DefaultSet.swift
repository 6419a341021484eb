/// The default run (`swan`, `swan all`) in memory: every document of the default set made on its
/// own (side by side on all cores) with its own diagnostics, turned into files by the run's
/// exporters; the command line writes the set whole or not at all (FileSet) and says what it did.
package import Foundation
import SwanDeck
package import SwanDiagnostics
package import SwanDocuments

/// The documents of the default run (DocumentRegistry), each a name and a way to make its files.
package enum DefaultSet {
    package struct Job: Sendable {
        package let name: String
        let produce: @Sendable (DocumentContext, Diagnostics) throws -> Warned<[(path: String, data: Data)]>

        /// Made with its own diagnostics; every failure becomes part of the result.
        package func make(_ context: DocumentContext) -> DocumentResult {
            let diagnostics = Diagnostics()
            do {
                let files = try produce(context, diagnostics)
                try diagnostics.throwIfFailed()
                return DocumentResult(name: name, files: files.value, errors: [], warnings: diagnostics.warnings + files.warnings)
            } catch {
                return DocumentResult(name: name, files: [], errors: Diagnostic.all(from: error), warnings: diagnostics.warnings)
            }
        }
    }

    /// The deck's documents of the default set, named as the deck names them; every problem with
    /// those names at once before anything is made.
    /// `backOffset` moves the home sheets' backs (the offset saved for A4, long edge).
    package static func documents(_ context: DocumentContext, exporters: Exporters, backOffset: BackOffset = .zero) throws -> [Job] {
        let deck = context.deck
        let problems = DocumentRegistry.outputNameErrors(in: deck)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return try DocumentRegistry.documents.filter { $0.inDefaultSet && $0.isIn(deck) }.map { entry in
            let name = try entry.outputName(in: deck)
            if entry.id == .sheets && !backOffset.isZero {
                return Job(name: name) { context, diagnostics in
                    let options = CardSheetOptions(backOffset: backOffset)
                    let sheets = try CardSheets.make(context.deck.cards, context, options: options, diagnostics: diagnostics)
                    return try files(of: .document(sheets.document), named: name, exporters)
                }
            }
            return Job(name: name) { context, diagnostics in try files(of: entry.make(context, diagnostics), named: name, exporters) }
        }
    }

    /// Every document of the default set made, in the registry's order, merged.
    package static func make(_ context: DocumentContext, exporters: Exporters, backOffset: BackOffset = .zero) throws -> DocumentResults {
        DocumentResults(try documents(context, exporters: exporters, backOffset: backOffset).concurrentMap(width: Workplace.processorCount) { $0.make(context) })
    }

    /// What a document gave, as files by path relative to the output folder, with a warning for
    /// each standard the document asked for that its file does not claim.
    package static func files(of output: DocumentOutput, named name: String, _ exporters: Exporters) throws -> Warned<[(path: String, data: Data)]> {
        switch output {
        case .document(let document):
            let file = try exporters.pdf.exported(document)
            return Warned([(name, file.data)], warnings: file.dropped.map { $0.placed(at: SourceLocation(file: name)) })
        case .pictures(let pictures): return Warned(try PreviewFolder.encoded(pictures).map { ("\(name)/\($0.name)", $0.data) })
        case .screen(let edition): return Warned(try ScreenOutput.files(edition, exporters: exporters, named: name))
        }
    }
}

/// One document's outcome: its files, or its errors; its warnings either way.
package struct DocumentResult: Sendable {
    package let name: String
    package let files: [(path: String, data: Data)]
    package let errors: [Diagnostic]
    package let warnings: [Diagnostic]
}

/// The documents' results together: each error and warning once, in document order.
package struct DocumentResults {
    package var files: [(path: String, data: Data)] = []
    package var errors: [Diagnostic] = []
    package var warnings: [Diagnostic] = []
    package var failed: [String] = []
    /// How many documents were made.
    package var count = 0

    package init(_ results: [DocumentResult]) {
        count = results.count
        var seenErrors = Set<Diagnostic>(), seenWarnings = Set<Diagnostic>()
        for result in results {
            files += result.files
            if !result.errors.isEmpty { failed.append(result.name) }
            for error in result.errors where seenErrors.insert(error).inserted { errors.append(error) }
            for warning in result.warnings where seenWarnings.insert(warning).inserted { warnings.append(warning) }
        }
    }
}
