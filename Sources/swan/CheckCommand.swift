import ArgumentParser
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanDocuments

/// `swan check [DIR]`: reads a deck folder and reports every problem, or a one-line summary.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a deck folder (deck.yaml, cards, forms, manual, labels, layouts) for errors.")

    @Argument(help: "The deck folder; the default deck when omitted.")
    var directory: String?

    func run() throws {
        let url = directory.map { URL(fileURLWithPath: $0) } ?? Deck.defaultDeckDirectory
        do {
            let deck = try DeckLoader.load(from: url)
            // Every document's layouts and labels (DocumentRegistry), all reported at once.
            let errors = DocumentRegistry.layoutErrors(in: deck) + DocumentRegistry.labelErrors(in: deck)
            if !errors.isEmpty { throw DiagnosticError(errors) }
            print(Self.summary(of: deck))
        } catch {
            DiagnosticPrinter.print(Diagnostic.all(from: error))
            throw ExitCode(1)
        }
    }

    static func summary(of deck: Deck) -> String {
        let rounds = deck.rounds.map { "round \($0.number): \(deck.cards(inRound: $0.number).count)" }.joined(separator: ", ")
        let forms = "invulblad (\(deck.invulblad.parts.count) part(s), \(deck.invulblad.sections.count) sections), "
            + "checklist (\(deck.checklist.moments.count) moments, \(deck.checklist.roles.count) roles)"
        return "\(deck.meta.shortName): \(deck.cards.count) cards (\(rounds); roles: \(deck.cards(ofKind: .role).count); "
            + "check: \(deck.cards(ofKind: .check).count)); forms: \(forms); "
            + "handleiding: \(deck.handleiding.headings.count) headings, \(deck.handleiding.footnotes.count) footnote(s); "
            + "layouts: \(deck.layouts.keys.sorted().joined(separator: ", "))"
    }
}
