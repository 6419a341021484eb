import SwanDiagnostics
import Yams

/// Reads overzicht.yaml: title, subtitle, intro, and the sections of the front and the back.
struct OverviewParser {
    let source: YAMLSource
    let diagnostics: Diagnostics
    let roundNumbers: Set<Int>

    func parse() -> Overview? {
        guard let reader = MappingReader(source.root, what: .whatOverview, in: source, diagnostics: diagnostics) else { return nil }
        let title = reader.string("title", required: true)
        let subtitle = reader.string("subtitle")
        let intro = reader.string("intro")
        let front = (reader.sequence("front", required: true) ?? []).compactMap(section)
        let back = (reader.sequence("back") ?? []).compactMap(section)
        reader.finish()
        guard let title else { return nil }
        return Overview(file: source.file, title: title, subtitle: subtitle, intro: intro,
                        sides: back.isEmpty ? [front] : [front, back])
    }

    private func section(_ node: Node) -> OverviewSection? {
        guard let reader = MappingReader(node, what: .whatOverviewSection, in: source, diagnostics: diagnostics) else { return nil }
        let round = reader.int("round")
        if let round, !roundNumbers.contains(round), let roundNode = reader.mapping["round"] {
            reader.error(.sectionRoundMissing, ["round": "\(round)", "rounds": "\(roundNumbers.sorted().map(String.init).joined(separator: ", "))"], at: roundNode)
        }
        let heading = reader.string("heading")
        let blocks = (reader.sequence("blocks", required: true) ?? []).compactMap(block)
        reader.finish()
        if round == nil && heading == nil && reader.mapping["round"] == nil {
            reader.error(.overviewSectionNeedsRoundOrHeading, at: node)
            return nil
        }
        return OverviewSection(round: round, heading: heading, blocks: blocks)
    }

    private static let blockKinds = ["question", "note", "text", "list", "table"]

    /// One block: a mapping with exactly one of the block kinds as its key.
    private func block(_ node: Node) -> OverviewBlock? {
        guard let reader = MappingReader(node, what: .whatOverviewBlock, in: source, diagnostics: diagnostics) else { return nil }
        guard reader.mapping.count == 1, let key = reader.mapping.keys.first?.string else {
            reader.error(.overviewBlockOneKind, ["kinds": "\(Self.blockKinds.joined(separator: ", "))", "count": "\(reader.mapping.count)"], at: node)
            return nil
        }
        let block: OverviewBlock?
        switch key {
        case "question": block = reader.string(key).map(OverviewBlock.question)
        case "note": block = reader.string(key).map(OverviewBlock.note)
        case "text": block = reader.string(key).map(OverviewBlock.text)
        case "list": block = reader.node(key).flatMap(list)
        case "table": block = reader.node(key).flatMap(table)
        default:
            let near = Suggestion.closest(to: key, among: Self.blockKinds).map { [Suggestion.didYouMean($0)] } ?? []
            reader.error(.overviewUnknownBlock, ["key": "\(key)", "kinds": "\(Self.blockKinds.joined(separator: ", "))"],
                         at: reader.mapping.keys.first, hints: near)
            return nil
        }
        reader.finish()
        return block
    }

    private func list(_ node: Node) -> OverviewBlock? {
        guard let reader = MappingReader(node, what: .whatList, in: source, diagnostics: diagnostics) else { return nil }
        let heading = reader.string("heading")
        let items = reader.stringList("items", required: true)
        reader.finish()
        return items.map { OverviewBlock.list(heading: heading, items: $0) }
    }

    private func table(_ node: Node) -> OverviewBlock? {
        guard let reader = MappingReader(node, what: .whatTable, in: source, diagnostics: diagnostics) else { return nil }
        let heading = reader.string("heading")
        let columns = reader.stringList("columns", required: true)
        let rowNodes = reader.sequence("rows", required: true) ?? []
        reader.finish()
        var rows: [[String]] = []
        for rowNode in rowNodes {
            guard let cells = rowNode.sequence else {
                reader.error(.overviewExpectedRow, ["found": rowNode.kindDescription], at: rowNode)
                continue
            }
            let texts = cells.compactMap { reader.text($0, key: "rows") }
            if let columns, texts.count == cells.count, cells.count != columns.count {
                reader.error(.overviewRowCells, ["cells": "\(cells.count)", "columns": "\(columns.count)"], at: rowNode)
                continue
            }
            if texts.count == cells.count { rows.append(texts) }
        }
        guard let columns, rows.count == rowNodes.count else { return nil }
        return .table(heading: heading, columns: columns, rows: rows)
    }
}
