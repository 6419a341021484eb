import ArgumentParser
import Foundation
import SwanDeck
import SwanDocuments

/// Options every rendering command shares: which deck to use.
struct DeckOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp("The deck folder.", valueName: "DIR"))
    var templates: String?

    var deckDirectory: URL { templates.map { URL(fileURLWithPath: $0) } ?? Deck.defaultDeckDirectory }

    /// Loads the deck and sets up the engine with its fonts.
    func context() throws -> DocumentContext {
        let context = try DocumentContext(deck: DeckLoader.load(from: deckDirectory))
        if let warning = context.engine.hyphenationWarning { Reporting.printError(warning) }
        return context
    }
}
