import SwanDiagnostics
import Yams

/// Reads one cards/*.yaml file: an optional file-wide round and a list of cards.
struct CardParser {
    let source: YAMLSource
    let diagnostics: Diagnostics
    /// Heading for the `examples` shorthand, from labels.yaml ("Denk aan:").
    let examplesHeading: String?
    let labelsFile: String

    func parse() -> [Card] {
        guard let file = MappingReader(source.root, what: .whatCardsFile, in: source, diagnostics: diagnostics) else { return [] }
        let fileRound = file.int("round")
        let items = file.sequence("cards", required: true) ?? []
        file.finish()
        return items.compactMap { card($0, fileRound: fileRound) }
    }

    private func card(_ node: Node, fileRound: Int?) -> Card? {
        guard let reader = MappingReader(node, what: .whatCard, in: source, diagnostics: diagnostics) else { return nil }
        let id = reader.string("id", required: true)
        let kindNode = reader.node("kind", required: true)
        let kind = kindNode.flatMap { cardKind($0, reader: reader) }
        let round = reader.int("round") ?? fileRound
        let name = reader.string("name")
        let front = reader.node("front", required: true).flatMap { side($0) }
        let back = reader.node("back").flatMap { side($0) }
        reader.finish()

        if let kind, [.hoofdvraag, .support, .hulpvragen].contains(kind), round == nil {
            reader.error(.cardNeedsRound, ["kind": "\(kind.rawValue)"], at: node)
        }
        guard let id, let kind, let front else { return nil }
        let fallbackName = back?.title ?? front.title ?? front.question ?? id
        return Card(id: id, kind: kind, round: round, name: name ?? fallbackName,
                    front: front, back: back, source: source.location(node))
    }

    private func cardKind(_ node: Node, reader: MappingReader) -> CardKind? {
        guard let text = reader.text(node, key: "kind") else { return nil }
        if let kind = CardKind(rawValue: text) { return kind }
        let names = CardKind.allCases.map(\.rawValue)
        reader.error(.unknownCardKind, ["kind": "\(text)"], at: node, hints: Suggestion.hints(for: text, among: names))
        return nil
    }

    private func side(_ node: Node) -> CardSide? {
        guard let reader = MappingReader(node, what: .whatCardSide, in: source, diagnostics: diagnostics) else { return nil }
        var side = CardSide()
        side.lead = reader.string("lead")
        side.title = reader.string("title")
        side.question = reader.string("question")
        side.note = reader.string("note")
        if let examples = reader.stringList("examples") {
            if examplesHeading == nil, let node = reader.mapping["examples"] {
                reader.error(.examplesNeedLabel, ["label": "\(DeckLoader.examplesLabelKey)", "file": "\(labelsFile)"], at: node)
            }
            side.sections.append(CardSection(heading: examplesHeading, items: examples))
        }
        for sectionNode in reader.sequence("sections") ?? [] {
            if let section = section(sectionNode) { side.sections.append(section) }
        }
        side.footer = reader.string("footer")
        reader.finish()
        if side == CardSide() && reader.mapping.count == 0 {
            reader.error(.emptyCardSide, at: node)
            return nil
        }
        return side
    }

    private func section(_ node: Node) -> CardSection? {
        guard let reader = MappingReader(node, what: .whatCardSection, in: source, diagnostics: diagnostics) else { return nil }
        let heading = reader.string("heading")
        let items = reader.stringList("items", required: true)
        reader.finish()
        return items.map { CardSection(heading: heading, items: $0) }
    }
}
