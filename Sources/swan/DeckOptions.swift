import ArgumentParser
import Foundation
import SwanDeck
import SwanApp
import SwanDiagnostics
import SwanDocuments
import SwanLayout

extension PDFWriterKind: ExpressibleByArgument {}

/// Options every rendering command shares: which deck to use, and which PDF writer.
struct DeckOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp(HelpCode.deckTemplates.text, valueName: "DIR"), completion: .directory)
    var templates: String?

    @Option(name: .customLong("pdf-writer"),
            help: ArgumentHelp(HelpCode.pdfWriter.text,
                               valueName: "native|cairo"))
    var pdfWriter: PDFWriterKind = .native

    @Flag(name: .shortAndLong, help: ArgumentHelp(HelpCode.quiet.text))
    var quiet = false

    /// --templates, else the Workplace's default deck.
    func deckDirectory(in workplace: Workplace) -> URL {
        templates.map { URL(fileURLWithPath: $0) } ?? workplace.defaultDeckDirectory
    }

    /// Loads the deck (`parts`: what the command's documents use of it) and sets up the engine
    /// with its fonts. `notice`: the run's summary of what an older deck lacks (OlderDeckNotice).
    func context(in workplace: Workplace, parts: DeckParts = .all, notice: OlderDeckNotice = OlderDeckNotice()) throws -> DocumentContext {
        let directory = deckDirectory(in: workplace)
        let deck = try workplace.loadDeckWarned(directory, parts: parts)
        // Said before any error: how much an older deck lacks and swan's own deck supplied.
        notice.say(deck.warnings, folder: directory)
        let context = try workplace.documentContext(deck.value)
        if let warning = context.hyphenationWarning { DiagnosticPrinter.print([warning]) }
        return context
    }

    /// The exporters of the run, with the chosen PDF writer: one native writer shares its font
    /// subsets among every document of the command.
    func exporters(in workplace: Workplace) -> Exporters { workplace.exporters(pdfWriter: pdfWriter) }
}
