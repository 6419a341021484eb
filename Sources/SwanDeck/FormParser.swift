import SwanDiagnostics
import Yams

/// Reads forms/invulblad.yaml: parts of sections with stable ids.
struct FormParser {
    let source: YAMLSource
    let diagnostics: Diagnostics
    let roundNumbers: Set<Int>

    func parse() -> FormDefinition? {
        guard let reader = MappingReader(source.root, what: .whatForm, in: source, diagnostics: diagnostics) else { return nil }
        let id = reader.string("id", required: true)
        let title = reader.string("title", required: true)
        let parts = (reader.sequence("parts", required: true) ?? []).compactMap(part)
        reader.finish()
        reportDuplicateIds(parts)
        guard let id, let title, !parts.isEmpty else { return nil }
        return FormDefinition(id: id, title: title, parts: parts, source: source.location(source.root))
    }

    private func part(_ node: Node) -> FormPart? {
        guard let reader = MappingReader(node, what: .whatFormPart, in: source, diagnostics: diagnostics) else { return nil }
        let title = reader.string("title")
        let sections = (reader.sequence("sections", required: true) ?? []).compactMap(section)
        reader.finish()
        return FormPart(title: title, sections: sections)
    }

    private func section(_ node: Node) -> FormSection? {
        guard let reader = MappingReader(node, what: .whatFormSection, in: source, diagnostics: diagnostics) else { return nil }
        let id = reader.string("id", required: true)
        let round = reader.int("round")
        if let round, !roundNumbers.contains(round), let roundNode = reader.mapping["round"] {
            reader.error(.sectionRoundMissing, ["round": "\(round)", "rounds": "\(roundNumbers.sorted().map(String.init).joined(separator: ", "))"], at: roundNode)
        }
        let label = reader.string("label")
        let prompt = reader.string("prompt", required: true)
        let hint = reader.string("hint")
        let lines = reader.int("lines", range: 0...100) ?? 0
        let indent = reader.int("indent", range: 0...1) ?? 0
        let inline = reader.bool("inline") ?? false
        reader.finish()
        guard let id, let prompt else { return nil }
        sectionMarks[id, default: []].append(node)
        return FormSection(id: id, round: round, label: label, prompt: prompt, hint: hint,
                           lines: lines, indent: indent, inline: inline)
    }

    private let sectionMarks = MarkTable()

    /// In the order the ids first appear (not the dictionary's, which changes from run to run).
    private func reportDuplicateIds(_ parts: [FormPart]) {
        for id in sectionMarks.order {
            guard let nodes = sectionMarks.nodes[id], nodes.count > 1 else { continue }
            for node in nodes.dropFirst() {
                diagnostics.add(.duplicateSectionId, ["id": "\(id)", "first": "\(source.location(nodes[0]))"], at: source.location(node))
            }
        }
    }
}

/// Remembers where each id was defined, to report duplicates with both places.
final class MarkTable {
    var nodes: [String: [Node]] = [:]
    var order: [String] = []
    subscript(id: String, default value: [Node]) -> [Node] {
        get { nodes[id] ?? value }
        set {
            if nodes[id] == nil { order.append(id) }
            nodes[id] = newValue
        }
    }
}

/// Reads forms/checklist.yaml, which points at the check card and the role cards instead of repeating their words.
struct ChecklistParser {
    let source: YAMLSource
    let diagnostics: Diagnostics
    let cards: [Card]

    func parse() -> Checklist? {
        guard let reader = MappingReader(source.root, what: .whatChecklist, in: source, diagnostics: diagnostics) else { return nil }
        let title = reader.string("title")
        let momentsNode = reader.node("moments", required: true)
        let roleNodes = reader.sequence("roles", required: true) ?? []
        reader.finish()

        var checkCard: Card?
        if let momentsNode, let id = reader.text(momentsNode, key: "moments") {
            checkCard = card(id, kind: .check, at: momentsNode, reader: reader)
        }
        let roles: [ChecklistRole] = roleNodes.compactMap { node in
            guard let id = reader.text(node, key: "roles"), let card = card(id, kind: .role, at: node, reader: reader) else { return nil }
            return ChecklistRole(id: card.id, name: card.name, tasks: sides(of: card).flatMap(\.sections).flatMap(\.items), source: card.source)
        }
        guard let checkCard else { return nil }
        let moments = sides(of: checkCard).flatMap(\.sections)
        return Checklist(title: title ?? checkCard.front.title ?? checkCard.name, moments: moments, roles: roles,
                         source: source.location(source.root), momentsSource: checkCard.source)
    }

    private func sides(of card: Card) -> [CardSide] { [card.front] + (card.back.map { [$0] } ?? []) }

    private func card(_ id: String, kind: CardKind, at node: Node, reader: MappingReader) -> Card? {
        guard let card = cards.first(where: { $0.id == id }) else {
            let ids = cards.filter { $0.kind == kind }.map(\.id)
            reader.error(.noSuchCard, ["id": "\(id)"], at: node, hints: Suggestion.hints(for: id, among: ids))
            return nil
        }
        guard card.kind == kind else {
            reader.error(.wrongCardKind, ["id": "\(id)", "kind": "\(card.kind.rawValue)", "expected": "\(kind.rawValue)"], at: node)
            return nil
        }
        return card
    }
}
