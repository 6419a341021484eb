/// One side of the overview: the title (front only), then its sections top to bottom. A section
/// opens with a band naming its round, in the round's colour (or, outside the rounds, carrying
/// its heading in the neutral colour), with a bar in that colour along its text.
/// Tagged: the title is the H1, each section a Sect whose band title is its H2 (a round's
/// heading under the band an H3), list and table headings one level below, tables as
/// Table > TR > TH/TD (the header row's cells head their columns, /Scope /Column);
/// the bands, bars, tints and rules are artifacts.
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanLayout

struct OverzichtSheet {
    let context: DocumentContext
    let layout: OverzichtLayout
    let diagnostics: Diagnostics
    private let neutral: Colour, lightText: Colour, darkText: Colour, text: Colour, rule: Stroke

    init(context: DocumentContext, layout: OverzichtLayout, diagnostics: Diagnostics) throws {
        self.context = context; self.layout = layout; self.diagnostics = diagnostics
        func colour(_ hex: String, _ key: String) throws -> Colour { try LayoutColour.parse(hex, key: key, layout: "overzicht") }
        neutral = try colour(layout.colours.neutral, "colours.neutral")
        lightText = try colour(layout.colours.lightText, "colours.lightText")
        darkText = try colour(layout.colours.darkText, "colours.darkText")
        text = try colour(layout.colours.text, "colours.text")
        rule = layout.table.rule.stroke()
    }

    private var left: Double { mm(layout.margins.left) }
    /// overzicht.yaml, where every text of the sheet comes from.
    private var overzichtFile: SourceLocation? { context.deck.overview.map { SourceLocation(file: $0.file) } }

    private var width: Double { layout.pageSize.width - left - mm(layout.margins.right) }

    /// `header`: the overview whose title, subtitle and intro open this side (the front).
    func page(_ sections: [OverviewSection], header: Overview?, side: String,
              tree: inout StructureTree, under root: StructureID) throws -> Page {
        var page = Page(size: layout.pageSize)
        var y = mm(layout.margins.top)
        if let header {
            let blocks = [TextBlock(header.title, style: style(layout.title))]
                + [header.subtitle.map { TextBlock($0, style: style(layout.subtitle)) },
                   header.intro.map { TextBlock($0, style: style(layout.intro)) }].compactMap { $0 }
            y += place(blocks, roles: [.heading(1)], x: left, y: y, width: width, on: &page, subject: LayoutSubject(.subjectOverzichtTitle, at: overzichtFile),
                       tree: &tree, under: root)
        }
        for (index, section) in sections.enumerated() {
            if index > 0 || header != nil { y += mm(layout.sectionSpace) }
            y = try place(section, y: y, on: &page, tree: &tree, under: tree.add(.section, under: root))
        }
        let bottom = layout.pageSize.height - mm(layout.margins.bottom)
        if y > bottom + 0.01 {
            diagnostics.fail(.error(LayoutCode.overzichtPastMargin, ["side": "\(side)",
                                                                     "millimetres": "\(String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), toMillimetres(y - bottom)))"]))
        }
        return page
    }

    /// A section from `y`; returns where the next one may start.
    private func place(_ section: OverviewSection, y top: Double, on page: inout Page,
                       tree: inout StructureTree, under parent: StructureID) throws -> Double {
        var y = top
        let round = section.round.flatMap { context.deck.round($0) }
        let accent = context.roundColour(section.round, fallback: neutral)
        // The band names the round (or, outside the rounds, carries the section's heading).
        let bandTitle = try round.map { try context.label(.overzichtRound, ["round": $0.name, "label": $0.label]) } ?? section.heading
        let band = mm(layout.band.height)
        var level = 1
        if let bandTitle {
            level = 2
            page.add(.rectangle(Rect(x: left, y: y, width: width, height: band), cornerRadius: 0, fill: accent, stroke: nil))
            // Of the light and the dark text colour the one with more contrast, as on the cards
            // (dark on green and yellow: at least 4.5:1 for 12 pt).
            let bandText = lightText.contrast(with: accent) >= darkText.contrast(with: accent) ? lightText : darkText
            let bandStyle = style(layout.band.style, colour: bandText)
            let line = context.typesetter.layout([TextBlock(bandTitle, style: bandStyle)], width: width - 2 * mm(layout.band.indent))
            report(line, subject: LayoutSubject(.subjectOverzichtBand, ["title": "\(bandTitle)"], at: overzichtFile), lines: 1)
            page.add(line.markedItems(at: Point(x: left + mm(layout.band.indent), y: y + (band - line.height) / 2),
                                      roles: [.heading(level)], in: &tree, under: parent))
            y += band
        }
        let x = left + mm(layout.band.bar) + mm(layout.band.indent)
        let measure = width - (x - left)
        if round != nil, let heading = section.heading {
            y += mm(layout.heading.spaceBefore ?? 0)
            level += 1
            y += place([TextBlock(heading, style: style(layout.heading))], roles: [.heading(level)], x: x, y: y, width: measure,
                       on: &page, subject: LayoutSubject(.subjectOverzichtHeading, at: overzichtFile), tree: &tree, under: parent)
        }
        let subject = LayoutSubject(.subjectOverzichtSection, ["section": "\(section.heading ?? round?.id ?? "")"], at: overzichtFile)
        for block in section.blocks {
            y = place(block, x: x, y: y, width: measure, accent: accent, on: &page, subject: subject,
                      headingLevel: level + 1, tree: &tree, under: parent)
        }
        if bandTitle != nil {
            let bandBottom = top + band
            page.add(.rectangle(Rect(x: left, y: bandBottom, width: mm(layout.band.bar), height: y - bandBottom),
                                cornerRadius: 0, fill: accent, stroke: nil))
        }
        return y
    }

    /// `headingLevel`: the level of a list's or table's heading in this section.
    private func place(_ block: OverviewBlock, x: Double, y top: Double, width: Double, accent: Colour,
                       on page: inout Page, subject: LayoutSubject, headingLevel: Int,
                       tree: inout StructureTree, under parent: StructureID) -> Double {
        var y = top
        func set(_ blocks: [TextBlock], _ roles: [TextRole]) {
            y += blocks.first.map { $0.style.spaceBefore } ?? 0
            y += place(blocks, roles: roles, x: x, y: y, width: width, on: &page, subject: subject, tree: &tree, under: parent)
        }
        switch block {
        case .question(let words): set([TextBlock(words, style: style(layout.question))], [.paragraph])
        case .note(let words): set([TextBlock(words, style: style(layout.note))], [.paragraph])
        case .text(let words): set([TextBlock(words, style: style(layout.text))], [.paragraph])
        case .list(let heading, let items):
            set((heading.map { [TextBlock($0, style: style(layout.listHeading, keepWithNext: true))] } ?? [])
                + items.map { TextBlock($0, style: style(layout.item), marker: layout.bullet) },
                (heading == nil ? [] : [.heading(headingLevel)]) + items.map { _ in .listItem })
        case .table(let heading, let columns, let rows):
            if let heading { set([TextBlock(heading, style: style(layout.listHeading))], [.heading(headingLevel)]) }
            y += mm(layout.table.spaceBefore)
            y = table(columns, rows, x: x, y: y, width: width, accent: accent, on: &page, subject: subject,
                      tree: &tree, under: parent)
        }
        return y
    }

    /// A table with a tinted header row, the first column its share of the width and the other
    /// columns sharing the rest, a rule under every row.
    private func table(_ columns: [String], _ rows: [[String]], x: Double, y top: Double, width: Double,
                       accent: Colour, on page: inout Page, subject: LayoutSubject,
                       tree: inout StructureTree, under parent: StructureID) -> Double {
        let element = tree.add(.table, under: parent)
        let spec = layout.table
        let padding = mm(spec.padding)
        let first = columns.count > 1 ? width * spec.firstColumn : width
        let other = columns.count > 1 ? (width - first) / Double(columns.count - 1) : 0
        let widths = [first] + Array(repeating: other, count: max(0, columns.count - 1))
        var y = top
        for (index, row) in ([columns] + rows).enumerated() {
            let cellStyle = style(index == 0 ? spec.header : spec.cell)
            let cells = zip(row, widths).map { cell, cellWidth in
                context.typesetter.layout([TextBlock(cell, style: cellStyle)], width: cellWidth - 2 * padding)
            }
            let height = (cells.map(\.height).max() ?? 0) + 2 * padding
            if index == 0 {
                page.add(.rectangle(Rect(x: x, y: y, width: width, height: height), cornerRadius: 0,
                                    fill: accent.tint(spec.headerTint), stroke: nil))
            }
            var cellX = x
            let row = tree.add(.tableRow, under: element)
            for (cell, cellWidth) in zip(cells, widths) {
                diagnostics.missingGlyphs(cell.missing, in: subject)
                // The header row's cells head their columns. The first column stays data: as row
                // headers too, a table of two columns would be more headers than data (outloud's
                // TBL-010 reads that as header cells shredded).
                let id = index == 0 ? tree.add(.tableHeader, under: row, scope: .column) : tree.add(.tableData, under: row)
                page.add(.marked(.content(id), cell.items(at: Point(x: cellX + padding, y: y + padding))))
                cellX += cellWidth
            }
            y += height
            page.add(.line(from: Point(x: x, y: y), to: Point(x: x + width, y: y), stroke: rule))
        }
        return y
    }

    /// Sets `blocks` at (x, y), tagged by `roles` (a block without one is a paragraph);
    /// returns their height.
    private func place(_ blocks: [TextBlock], roles: [TextRole], x: Double, y: Double, width: Double, on page: inout Page,
                       subject: LayoutSubject, tree: inout StructureTree, under parent: StructureID) -> Double {
        let laid = context.typesetter.layout(blocks, width: width)
        report(laid, subject: subject, lines: nil)
        page.add(laid.markedItems(at: Point(x: x, y: y), roles: roles, in: &tree, under: parent))
        return laid.height
    }

    private func report(_ laid: TextLayout, subject: LayoutSubject, lines: Int?) {
        diagnostics.missingGlyphs(laid.missing, in: subject)
        if let lines, laid.lines.count > lines {
            diagnostics.fail(.layout(.tooManyLines, subject, ["text": "\(laid.text)", "lines": "\(lines)"]))
        }
    }

    private func style(_ spec: StyleSpec, colour: Colour? = nil, keepWithNext: Bool = false) -> TextStyle {
        var result = spec.textStyle(defaultColour: text, keepWithNext: keepWithNext)
        if let colour { result.colour = colour }
        return result
    }
}
