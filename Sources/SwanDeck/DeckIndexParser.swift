import Yams
import SwanDiagnostics

/// A file named in deck.yaml, with the place it was named (for "file not found" errors).
struct FileReference {
    var path: String
    var location: SourceLocation?
}

/// Reads deck.yaml: meta, rounds, and the files that make up the deck.
struct DeckIndexParser {
    let source: YAMLSource
    let diagnostics: Diagnostics

    struct Index {
        var meta: DeckMeta?
        var rounds: [Round] = []
        var cardFiles: [FileReference] = []
        var invulblad: FileReference?
        var checklist: FileReference?
        var handleiding: FileReference?
        var labels: FileReference?
        var hyphenation: FileReference?
        var overview: FileReference?
    }

    func parse() -> Index {
        var index = Index()
        guard let reader = MappingReader(source.root, what: .whatDeck, in: source, diagnostics: diagnostics) else { return index }
        index.meta = reader.node("meta", required: true).flatMap(meta)
        index.rounds = (reader.sequence("rounds", required: true) ?? []).compactMap(round)
        index.cardFiles = (reader.sequence("cards", required: true) ?? []).compactMap { file($0, key: "cards", reader: reader) }
        if let forms = reader.node("forms", required: true),
           let formsReader = MappingReader(forms, what: .whatForms, in: source, diagnostics: diagnostics) {
            index.invulblad = fileField("invulblad", in: formsReader, required: true)
            index.checklist = fileField("checklist", in: formsReader, required: true)
            formsReader.finish()
        }
        index.handleiding = fileField("handleiding", in: reader, required: true)
        index.labels = fileField("labels", in: reader, required: true)
        index.hyphenation = fileField("hyphenation", in: reader, required: false)
        index.overview = fileField("overzicht", in: reader, required: false)
        reader.finish()
        reportDuplicateRounds(index.rounds)
        return index
    }

    private func fileField(_ key: String, in reader: MappingReader, required: Bool) -> FileReference? {
        reader.node(key, required: required).flatMap { file($0, key: key, reader: reader) }
    }

    private func file(_ node: Node, key: String, reader: MappingReader) -> FileReference? {
        reader.text(node, key: key).map { FileReference(path: $0, location: source.location(node)) }
    }

    private func meta(_ node: Node) -> DeckMeta? {
        guard let reader = MappingReader(node, what: .whatMeta, in: source, diagnostics: diagnostics) else { return nil }
        let title = reader.string("title", required: true)
        let shortName = reader.string("shortName", required: true)
        let language = reader.string("language", required: true)
        let publisher = reader.string("publisher")
        let subtitle = reader.string("subtitle")
        reader.finish()
        guard let title, let shortName, let language else { return nil }
        return DeckMeta(title: title, shortName: shortName, language: language, publisher: publisher, subtitle: subtitle)
    }

    private func round(_ node: Node) -> Round? {
        guard let reader = MappingReader(node, what: .whatRound, in: source, diagnostics: diagnostics) else { return nil }
        let number = reader.int("number", required: true, range: 1...99)
        let id = reader.string("id", required: true)
        let colour = reader.string("colour", required: true)
        let cmyk = reader.node("cmyk").flatMap { inks($0, reader: reader) }
        let name = reader.string("name", required: true)
        let label = reader.string("label", required: true)
        reader.finish()
        if let colour, !Self.isHexColour(colour), let colourNode = reader.mapping["colour"] {
            // Reported, but the round is kept so its cards do not cause follow-up errors.
            reader.error(.invalidColour, ["colour": "\(colour)"], at: colourNode)
        }
        // A round with a bad or missing colour, name or label (already reported) is kept, so that
        // its cards and form sections do not each report that the round does not exist.
        guard let number, let id else { return nil }
        return Round(number: number, id: id, colour: (colour ?? "").uppercased(), name: name ?? "", label: label ?? "", cmyk: cmyk)
    }

    /// `cmyk: [c, m, y, k]`: four percentages of ink a print shop asked for, at most 300 together.
    private func inks(_ node: Node, reader: MappingReader) -> [Double]? {
        let values = node.sequence.map { $0.compactMap { $0.scalar.flatMap { Double($0.string) } } } ?? []
        guard values.count == 4, node.sequence?.count == 4, values.allSatisfy({ (0...100).contains($0) }),
              values.reduce(0, +) <= 300 else {
            reader.error(.invalidCMYK, at: node)
            return nil
        }
        return values
    }

    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    private func reportDuplicateRounds(_ rounds: [Round]) {
        guard let list = source.root.mapping?["rounds"]?.sequence else { return }
        var seenNumbers: [Int: Int] = [:], seenIds: [String: Int] = [:]
        for (position, round) in rounds.enumerated() {
            let node = list.first { $0.mapping?["id"]?.string == round.id } ?? list[min(position, list.count - 1)]
            if let first = seenNumbers[round.number] {
                diagnostics.add(.duplicateRoundNumber, ["number": "\(round.number)", "round": "\(rounds[first].id)"], at: source.location(node))
            }
            if seenIds[round.id] != nil {
                diagnostics.add(.duplicateRoundId, ["id": "\(round.id)"], at: source.location(node))
            }
            seenNumbers[round.number] = seenNumbers[round.number] ?? position
            seenIds[round.id] = seenIds[round.id] ?? position
        }
    }
}

/// Checks across files: unique card ids, rounds that exist; then puts cards in print order.
struct DeckValidator {
    let diagnostics: Diagnostics
    let rounds: [Round]

    func validate(_ cards: [Card]) -> [Card] {
        var firstById: [String: Card] = [:]
        var valid: [Card] = []
        for card in cards {
            if let first = firstById[card.id] {
                diagnostics.add(.duplicateCardId, ["id": "\(card.id)", "first": "\(first.source)"], at: card.source)
                continue
            }
            firstById[card.id] = card
            if let number = card.round, !rounds.contains(where: { $0.number == number }) {
                let known = rounds.map { String($0.number) }.joined(separator: ", ")
                diagnostics.add(.cardRoundMissing, ["id": "\(card.id)", "round": "\(number)", "rounds": "\(known)"], at: card.source)
                continue
            }
            valid.append(card)
        }
        return printOrder(valid)
    }

    /// Rounds in deck.yaml order with the hoofdvraag first, then role cards, then the rest (check).
    private func printOrder(_ cards: [Card]) -> [Card] {
        func rank(_ card: Card) -> (Int, Int) {
            if let number = card.round, let position = rounds.firstIndex(where: { $0.number == number }) {
                return (position, card.kind == .hoofdvraag ? 0 : 1)
            }
            return (rounds.count + (card.kind == .role ? 0 : 1), 0)
        }
        return cards.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return (ra.0, ra.1, a.offset) < (rb.0, rb.1, b.offset)
        }.map(\.element)
    }
}
