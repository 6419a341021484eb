import ArgumentParser
import Foundation
import SwanDiagnostics
import SwanDeck

/// Chooses cards by id or by round.
enum CardSelection {
    static func parse(_ argument: String?, in deck: Deck) throws -> [Card] {
        guard let argument, !argument.isEmpty else { return deck.cards }
        var chosen: [Card] = []
        var unknown: [String] = []
        for token in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let number = Int(token), deck.round(number) != nil {
                chosen += deck.cards(inRound: number)
            } else if let card = deck.card(id: token) {
                chosen.append(card)
            } else {
                unknown.append(token)
            }
        }
        if !unknown.isEmpty {
            let ids = deck.cards.map(\.id).joined(separator: ", ")
            throw Reporting.invalid(.unknownCards, ["cards": "\(unknown.joined(separator: ", "))", "ids": "\(ids)"])
        }
        var seen = Set<String>()
        return chosen.filter { seen.insert($0.id).inserted }
    }
}
