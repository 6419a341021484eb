/// Which cards a session file's answers name: the one place that ties the session's three parts
/// (ronde1 voorwaarden, ronde2 factoren, ronde3 interventies per level) to the deck's rounds
/// 1, 2 and 3 and their supporting cards. The session format has these three parts by name
/// (docs/session.md); a deck with other rounds would need a new session version, not this list.
package import SwanDeck

extension Deck {
    /// Round 1's supporting cards: the voorwaarden of sociale kwaliteit, in deck order.
    package var voorwaardeCards: [Card] { supportCards(inRound: 1) }
    /// Round 2's supporting cards: the factoren.
    package var factorCards: [Card] { supportCards(inRound: 2) }
    /// Round 3's supporting cards: the levels of intervention.
    package var levelCards: [Card] { supportCards(inRound: 3) }

    private func supportCards(inRound number: Int) -> [Card] { cards(inRound: number).filter { $0.kind == .support } }
}

extension Deck {
    /// The hulpvragen card of a round: its front lists the hulpvragen, its back the questions of
    /// "Moreel dilemma" (ronde 2) or "Signaleren" (ronde 3), word for word from the card.
    package func hulpvragenQuestions(round: Int) -> HulpvragenQuestions {
        let card = cards(inRound: round).first { $0.kind == .hulpvragen }
        return HulpvragenQuestions(front: card?.front.sections.flatMap(\.items) ?? [],
                                   back: card?.back?.sections.flatMap(\.items) ?? [], backTitle: card?.back?.title)
    }
}

/// The questions of a hulpvragen card, and which of them a session's answers belong to (by
/// their place on the card: the shipped cards and a translation keep that order).
package struct HulpvragenQuestions: Sendable {
    package var front: [String]
    package var back: [String]
    /// The back's title: "Moreel dilemma", "Signaleren".
    package var backTitle: String?

    private func back(_ index: Int) -> String? { index < back.count ? back[index] : nil }
    /// Ronde 2's back: "Stuiten we op een moreel dilemma?", what clashes, "Beleg zo nodig een moreel beraad."
    package var dilemma: String? { back(0) }
    package var values: String? { back(1) }
    package var council: String? { back(2) }
    /// Ronde 3's back, its last question: "Hoe brengen we deze signalen verder?"
    package var followUp: String? { back.count > 1 ? back.last : nil }
}
