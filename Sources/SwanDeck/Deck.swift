package import Foundation
package import Yams

/// A complete deck read from a Templates folder: cards, forms, manual, labels and layouts.
package struct Deck: Sendable {
    package var directory: URL
    package var meta: DeckMeta
    package var rounds: [Round]
    /// Print order: per round the hoofdvraag first, then its other cards; then roles, then check.
    package var cards: [Card]
    package var invulblad: FormDefinition
    /// Empty when the command's DeckParts left the checklist out.
    package var checklist: Checklist
    /// Empty when the command's DeckParts left the handleiding out.
    package var handleiding: Manual
    package var labels: Labels
    package var noHyphenation: [String]
    /// The overview for the gespreksleider (overzicht.yaml); nil when deck.yaml names none or
    /// the command's DeckParts left it out (`namesOverview` then still says whether there is one).
    package var overview: Overview?
    /// deck.yaml names an overzicht.yaml that was left unread (DeckParts).
    package var overviewUnread = false
    /// Layout files by name ("cards" for layout/cards.yaml), kept as parsed YAML for decodeLayout.
    package var layouts: [String: LayoutFile]
    /// Layout files the command's DeckParts left unread, by name: their paths. `layoutFile(_:)`
    /// reads one when it is asked for all the same.
    package var unreadLayouts: [String: String] = [:]
    /// Where fonts are looked for when the deck's own font folder lacks them (a deck copied out
    /// of the repository): another deck folder, set by the application (swan's own deck), nil
    /// for none. The deck layer itself never looks at the environment.
    package var fontFallbackDirectory: URL? = nil
    /// The files the deck was read from (deck.yaml first): what its date comes from. Other files
    /// in the folder (notes, an Output/ folder made there) are no part of the deck.
    package var files: [URL] = []
    /// Words with their only break points marked ("praktijk-situatie"; hyphenation.yaml: breakPoints).
    package var hyphenationBreakPoints: [String] = []

    /// The deck has an overview, read or not.
    package var namesOverview: Bool { overview != nil || overviewUnread }

    package func round(_ number: Int) -> Round? { rounds.first { $0.number == number } }
    package func card(id: String) -> Card? { cards.first { $0.id == id } }
    package func cards(inRound number: Int) -> [Card] { cards.filter { $0.round == number } }
    package func cards(ofKind kind: CardKind) -> [Card] { cards.filter { $0.kind == kind } }
}

package struct DeckMeta: Equatable, Sendable {
    package var title: String
    package var shortName: String
    package var language: String
    package var publisher: String?
    package var subtitle: String?
}

package struct Round: Equatable, Sendable {
    package var number: Int
    package var id: String
    /// "#RRGGBB", validated on load.
    package var colour: String
    package var name: String
    package var label: String
    /// The inks a print shop asked for (percent cyan, magenta, yellow, black), used in the
    /// CMYK print-shop file instead of converting `colour`; nil: converted.
    package var cmyk: [Double]? = nil
}

/// A layout file kept as YAML so the renderer can decode it into its own types.
/// Unchecked, one of the three left: Yams does not mark its Node Sendable (its tags are class instances), but the tree
/// is only read after parsing, never changed, so sharing it between threads is safe.
package struct LayoutFile: @unchecked Sendable {
    package var name: String
    package var path: String
    package var node: Node
}
