import Foundation
import Yams

/// A complete deck read from a Templates folder: cards, forms, manual, labels and layouts.
public struct Deck: Sendable {
    public var directory: URL
    public var meta: DeckMeta
    public var rounds: [Round]
    /// Print order: per round the hoofdvraag first, then its other cards; then roles, then check.
    public var cards: [Card]
    public var invulblad: FormDefinition
    public var checklist: Checklist
    public var handleiding: Manual
    public var labels: Labels
    public var noHyphenation: [String]
    /// The overview for the gespreksleider (overzicht.yaml); nil when deck.yaml names none.
    public var overview: Overview?
    /// Layout files by name ("cards" for layout/cards.yaml), kept as parsed YAML for decodeLayout.
    public var layouts: [String: LayoutFile]
    /// Where fonts are looked for when the deck's own font folder lacks them (a deck copied out
    /// of the repository): another deck folder, set by the application (swan's own deck), nil
    /// for none. The deck layer itself never looks at the environment.
    public var fontFallbackDirectory: URL? = nil
    /// The files the deck was read from (deck.yaml first): what its date comes from. Other files
    /// in the folder (notes, an Output/ folder made there) are no part of the deck.
    public var files: [URL] = []
    /// Words with their only break points marked ("praktijk-situatie"; hyphenation.yaml: breakPoints).
    public var hyphenationBreakPoints: [String] = []

    public func round(_ number: Int) -> Round? { rounds.first { $0.number == number } }
    public func card(id: String) -> Card? { cards.first { $0.id == id } }
    public func cards(inRound number: Int) -> [Card] { cards.filter { $0.round == number } }
    public func cards(ofKind kind: CardKind) -> [Card] { cards.filter { $0.kind == kind } }
}

public struct DeckMeta: Equatable, Sendable {
    public var title: String
    public var shortName: String
    public var language: String
    public var publisher: String?
    public var subtitle: String?
}

public struct Round: Equatable, Sendable {
    public var number: Int
    public var id: String
    /// "#RRGGBB", validated on load.
    public var colour: String
    public var name: String
    public var label: String
    /// The inks a print shop asked for (percent cyan, magenta, yellow, black), used in the
    /// CMYK print-shop file instead of converting `colour`; nil: converted.
    public var cmyk: [Double]? = nil
}

/// A layout file kept as YAML so the renderer can decode it into its own types.
/// Unchecked, one of the three left: Yams does not mark its Node Sendable (its tags are class instances), but the tree
/// is only read after parsing, never changed, so sharing it between threads is safe.
public struct LayoutFile: @unchecked Sendable {
    public var name: String
    public var path: String
    public var node: Node
}
