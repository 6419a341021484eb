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

    var deckDirectory: URL { templates.map { URL(fileURLWithPath: $0) } ?? Workplace.current.defaultDeckDirectory }

    /// Loads the deck and sets up the engine with its fonts.
    func context() throws -> DocumentContext {
        let workplace = Workplace.current
        let context = try workplace.documentContext(workplace.loadDeck(deckDirectory))
        if let warning = context.engine.hyphenationWarning { DiagnosticPrinter.print([warning]) }
        return context
    }

    /// The exporters of the run, with the chosen PDF writer: one native writer shares its font
    /// subsets among every document of the command.
    func exporters() -> Exporters { Workplace.current.exporters(pdfWriter: pdfWriter) }
}
