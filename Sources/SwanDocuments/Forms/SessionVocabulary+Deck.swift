/// The ids a session may use, taken from the deck: its supporting cards of rounds 1, 2 and 3
/// (SessionCards.swift).
package import SwanDeck
import SwanSession

extension SessionVocabulary {
    /// voorwaarden = round-1 support cards, factoren = round-2 support cards, levels = round-3
    /// support cards; each id -> the card's name.
    package init(deck: Deck) {
        func names(_ cards: [Card]) -> [String: String] {
            Dictionary(cards.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        self.init(voorwaarden: names(deck.voorwaardeCards), factoren: names(deck.factorCards), levels: names(deck.levelCards))
    }
}
