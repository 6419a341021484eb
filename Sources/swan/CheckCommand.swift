import ArgumentParser
import Foundation
import SwanApp
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
        let url = directory.map { URL(fileURLWithPath: $0) } ?? Workplace.current.defaultDeckDirectory
        do {
            let deck = try Workplace.current.loadDeck(url)
            // Every document's layouts and labels (DocumentRegistry), all reported at once.
            let errors = DocumentRegistry.layoutErrors(in: deck) + DocumentRegistry.labelErrors(in: deck)
            if !errors.isEmpty { throw DiagnosticError(errors) }
            print(Catalogue.current.text(Self.summary(of: deck)))
        } catch {
            DiagnosticPrinter.print(Diagnostic.all(from: error))
            throw ExitCode(1)
        }
    }

    static func summary(of deck: Deck) -> Message {
        let rounds = deck.rounds.map { round in
            Catalogue.current.text(Message(CommandCode.checkRound, ["number": "\(round.number)", "count": "\(deck.cards(inRound: round.number).count)"]))
        }.joined(separator: ", ")
        return Message(CommandCode.checkSummary, [
            "deck": "\(deck.meta.shortName)", "cards": "\(deck.cards.count)", "rounds": "\(rounds)",
            "roles": "\(deck.cards(ofKind: .role).count)", "checks": "\(deck.cards(ofKind: .check).count)",
            "parts": "\(deck.invulblad.parts.count)", "sections": "\(deck.invulblad.sections.count)",
            "moments": "\(deck.checklist.moments.count)", "roleTasks": "\(deck.checklist.roles.count)",
            "headings": "\(deck.handleiding.headings.count)", "footnotes": "\(deck.handleiding.footnotes.count)",
            "layouts": "\(deck.layouts.keys.sorted().joined(separator: ", "))",
        ])
    }
}
