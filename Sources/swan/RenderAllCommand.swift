import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanIO

/// `swan` (or `swan all`): the full default set into Output/. Each document is made on its own
/// (side by side on all cores) with its own diagnostics; the run reports every document's
/// errors once, and writes the whole set or nothing (see FileSet).
struct RenderAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: HelpCode.allAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.allOutput.text), completion: .directory)
    var output: String = OutputNames.folder

    func run() throws {
        try Reporting.run {
            let context = try deck.context()
            let folder = URL(fileURLWithPath: output)
            let results = try DefaultSet.documents(context, exporters: deck.exporters()).concurrentMap { $0.make(context) }
            let merged = DocumentResults(results)
            Reporting.warn(merged.warnings)
            guard merged.failed.isEmpty else {
                let names = merged.failed.joined(separator: ", ")
                DiagnosticPrinter.print(merged.errors + [.error(CommandCode.nothingWritten, [
                    "folder": "\(folder.relativePath)", "failed": "\(merged.failed.count)", "documents": "\(results.count)", "names": "\(names)",
                ])])
                throw ExitCode(1)
            }
            try FileSet.write(merged.files, into: folder)
            Reporting.wroteSet(merged.files.map(\.path), into: folder, quiet: deck.quiet)
            if !deck.quiet { Reporting.say(.renderedAll, ["cards": "\(context.deck.cards.count)", "files": "\(results.count)", "folder": "\(folder.relativePath)"]) }
        }
    }
}

/// The documents of the default run (DocumentRegistry), each a name and a way to make its files.
enum DefaultSet {
    struct Job: Sendable {
        let name: String
        let produce: @Sendable (DocumentContext, Diagnostics) throws -> [(path: String, data: Data)]

        /// Made with its own diagnostics; every failure becomes part of the result.
        func make(_ context: DocumentContext) -> DocumentResult {
            let diagnostics = Diagnostics()
            do {
                let files = try produce(context, diagnostics)
                try diagnostics.throwIfFailed()
                return DocumentResult(name: name, files: files, errors: [], warnings: diagnostics.warnings)
            } catch {
                return DocumentResult(name: name, files: [], errors: Diagnostic.all(from: error), warnings: diagnostics.warnings)
            }
        }
    }

    /// The deck's documents of the default set, named as the deck names them; every problem with
    /// those names at once before anything is made.
    static func documents(_ context: DocumentContext, exporters: Exporters) throws -> [Job] {
        let deck = context.deck
        let problems = DocumentRegistry.outputNameErrors(in: deck)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return try DocumentRegistry.documents.filter { $0.inDefaultSet && $0.isIn(deck) }.map { entry in
            let name = try entry.outputName(in: deck)
            return Job(name: name) { context, diagnostics in try files(of: entry.make(context, diagnostics), named: name, exporters) }
        }
    }

    /// What a document gave, as files by path relative to the output folder.
    static func files(of output: DocumentOutput, named name: String, _ exporters: Exporters) throws -> [(path: String, data: Data)] {
        switch output {
        case .document(let document): [(name, try exporters.pdf.export(document))]
        case .pictures(let pictures): try PreviewFolder.encoded(pictures).map { ("\(name)/\($0.name)", $0.data) }
        case .screen(let edition): try ScreenOutput.files(edition, exporters: exporters, named: name)
        }
    }
}

/// One document's outcome: its files, or its errors; its warnings either way.
struct DocumentResult: Sendable {
    let name: String
    let files: [(path: String, data: Data)]
    let errors: [Diagnostic]
    let warnings: [Diagnostic]
}

/// The documents' results together: each error and warning once, in document order.
struct DocumentResults {
    var files: [(path: String, data: Data)] = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var failed: [String] = []

    init(_ results: [DocumentResult]) {
        var seenErrors = Set<Diagnostic>(), seenWarnings = Set<Diagnostic>()
        for result in results {
            files += result.files
            if !result.errors.isEmpty { failed.append(result.name) }
            for error in result.errors where seenErrors.insert(error).inserted { errors.append(error) }
            for warning in result.warnings where seenWarnings.insert(warning).inserted { warnings.append(warning) }
        }
    }
}
