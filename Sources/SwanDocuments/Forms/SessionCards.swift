/// Which cards a session file's answers name: the one place that ties the session's three parts
/// (ronde1 voorwaarden, ronde2 factoren, ronde3 interventies per level) to the deck's rounds
/// 1, 2 and 3 and their supporting cards. The session format has these three parts by name
/// (docs/session.md); a deck with other rounds would need a new session version, not this list.
import SwanDeck

extension Deck {
    /// Round 1's supporting cards: the voorwaarden of sociale kwaliteit, in deck order.
    public var voorwaardeCards: [Card] { supportCards(inRound: 1) }
    /// Round 2's supporting cards: the factoren.
    public var factorCards: [Card] { supportCards(inRound: 2) }
    /// Round 3's supporting cards: the levels of intervention.
    public var levelCards: [Card] { supportCards(inRound: 3) }

    private func supportCards(inRound number: Int) -> [Card] { cards(inRound: number).filter { $0.kind == .support } }
}
