/// What a command reads of a deck beyond what every document uses (deck.yaml, labels.yaml,
/// hyphenation.yaml, the cards and the invulblad's form): the checklist, the handleiding, the
/// overview and which layout files. `swan check` and the default set read everything (`all`); one
/// document reads only its own parts (DocumentRegistry), so a broken file it does not use does not
/// stop it, and a filled invulblad parses neither the manual nor five of the seven layout files.
/// A file left unread is still one of the deck's files: it dates the documents and no output may
/// replace it.
package struct DeckParts: Equatable, Sendable {
    package struct Content: OptionSet, Hashable, Sendable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }

        package static let checklist = Content(rawValue: 1 << 0)
        package static let handleiding = Content(rawValue: 1 << 1)
        package static let overview = Content(rawValue: 1 << 2)
        package static let every: Content = [.checklist, .handleiding, .overview]
    }

    package var content: Content
    /// Names of the layout/<name>.yaml files read when the deck is loaded; nil: every one.
    package var layouts: Set<String>?

    package init(content: Content, layouts: Set<String>?) {
        self.content = content
        self.layouts = layouts
    }

    /// Everything: what `swan check`, the default set and `swan watch` read.
    package static let all = DeckParts(content: .every, layouts: nil)

    /// The parts of several documents together.
    package func union(_ other: DeckParts) -> DeckParts {
        DeckParts(content: content.union(other.content),
                  layouts: layouts.flatMap { mine in other.layouts.map { mine.union($0) } })
    }

    func reads(layout name: String) -> Bool { layouts?.contains(name) ?? true }
}
