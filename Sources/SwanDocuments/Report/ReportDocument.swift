/// The team report as an A4 PDF a coordinator hands to a team meeting or a funder: the headline
/// per level, bar charts of suggested and chosen interventions per level and per period, the
/// voorwaarden, factoren and signals, each chart followed by a table of the same numbers. It
/// uses the overzicht's layout (layout/overzicht.yaml) so that both read alike, and every word
/// comes from labels.yaml. Tagged PDF/UA-1: each chart a Figure described in words (/Alt).
/// It holds counts only: no name, no text a person wrote, no date finer than a period.
import Foundation
import SwanDeck
import SwanDiagnostics
package import SwanLayout
import SwanSession

package enum ReportDocument {
    package static func make(_ report: TeamReport, _ context: DocumentContext, diagnostics: Diagnostics) throws -> Document {
        var builder = try ReportBuilder(report: report, context: context, diagnostics: diagnostics)
        try builder.build()
        try diagnostics.throwIfFailed()
        let info = context.info(title: try context.label(.reportTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        return context.accessible(Document(info: info, pages: builder.pages), builder.tree)
    }
}

/// Lays the report out block by block; a block that does not fit the rest of a page starts the next.
private struct ReportBuilder {
    let report: TeamReport
    let context: DocumentContext
    let diagnostics: Diagnostics
    let layout: OverzichtLayout
    var tree = StructureTree()
    let root: StructureID
    var pages: [Page] = []
    private var page: Page
    private var y: Double
    private let textColour: Colour, neutral: Colour, lightText: Colour, darkText: Colour
    /// A table cell's text where it is set: the same text in the same column sets the same lines.
    private struct CellKey: Hashable { var text: String, column: Int, header: Bool }

    init(report: TeamReport, context: DocumentContext, diagnostics: Diagnostics) throws {
        self.report = report; self.context = context; self.diagnostics = diagnostics
        layout = try context.layout("overzicht", as: OverzichtLayout.self)
        root = tree.add(.document, under: nil)
        page = Page(size: layout.pageSize)
        y = mm(layout.margins.top)
        func colour(_ hex: String, _ key: String) throws -> Colour { try LayoutColour.parse(hex, key: key, layout: "overzicht") }
        textColour = try colour(layout.colours.text, "colours.text")
        neutral = try colour(layout.colours.neutral, "colours.neutral")
        lightText = try colour(layout.colours.lightText, "colours.lightText")
        darkText = try colour(layout.colours.darkText, "colours.darkText")
    }

    private var left: Double { mm(layout.margins.left) }
    private var width: Double { layout.pageSize.width - left - mm(layout.margins.right) }
    private var bottom: Double { layout.pageSize.height - mm(layout.margins.bottom) }
    private func label(_ key: LabelKey, _ values: [String: String] = [:]) throws -> String { try context.label(key, values) }
    private var levels: [Card] { context.deck.levelCards }

    mutating func build() throws {
        let counts = report.total
        let sessions = report.shown(counts.sessions)
        var header = [TextBlock(try label(.reportTitle, ["deck": context.deck.meta.title]), style: style(layout.title))]
        if let span = report.span {
            header.append(TextBlock(try label(.reportSpan, ["from": try name(ReportPeriod(span.first, grain: report.grain)),
                                                             "to": try name(ReportPeriod(span.last, grain: report.grain))]),
                                    style: style(layout.subtitle)))
        }
        header.append(TextBlock(try label(.reportSessions, ["count": sessions]), style: style(layout.intro)))
        if !report.showSmallCounts { header.append(TextBlock(try label(.reportCountsSmall), style: style(layout.intro))) }
        paragraphs(header, roles: [.heading(1)], under: root)

        // Ronde 3: on which level the team acts, the question the method exists for.
        var section = try band(try label(.reportSectionLevels), round: 3, keep: mm(40))
        let accent = context.roundColour(3, fallback: neutral)
        let headlines = try levels.map { level in
            TextBlock(try label(.reportHeadline, ["count": report.shown(counts.sessionsChoosing[level.id] ?? 0),
                                                    "sessions": sessions, "level": level.name]), style: style(layout.text))
        }
        paragraphs(headlines, roles: headlines.map { _ in .paragraph }, under: section)
        let rows: [(name: String, suggested: Int?, chosen: Int)] = levels.map { (name: $0.name, suggested: counts.suggested[$0.id] ?? 0, chosen: counts.chosen[$0.id] ?? 0) }
            + [(name: try label(.reportLevelUnknown), suggested: nil, chosen: counts.chosen[ReportCounts.unknownLevel] ?? 0)]
        try levelChart(rows, accent: accent, under: section)
        try table([try label(.reportTableLevel), try label(.reportTableSuggested), try label(.reportTableChosen),
                   try label(.reportTableChoosing)],
                  levels.map { [$0.name, report.shown(counts.suggested[$0.id] ?? 0), report.shown(counts.chosen[$0.id] ?? 0),
                                report.shown(counts.sessionsChoosing[$0.id] ?? 0)] }
                  // Suggestions always have a level: the unknown row has none to show ("–", a cell never empty).
                  + [[try label(.reportLevelUnknown), "–", report.shown(counts.chosen[ReportCounts.unknownLevel] ?? 0), "–"]],
                  accent: accent, under: section)

        // Over time: chosen per level per period.
        section = try band(try label(.reportSectionTime), round: 3, keep: mm(54))
        let periods = report.periods
        try timeChart(periods, accent: accent, under: section)
        try table([try label(.reportTablePeriod), try label(.reportTableSessions)] + levels.map(\.name) + [try label(.reportLevelUnknown)],
                  try periods.map { period, counts in
                      [try name(period), report.shown(counts.sessions)]
                          + (levels.map(\.id) + [ReportCounts.unknownLevel]).map { report.shown(counts.chosen[$0] ?? 0) }
                  }, accent: accent, under: section, firstColumn: 0.14)

        section = try band(try label(.reportSectionVoorwaarden), round: 1, keep: mm(20))
        try table([try label(.reportTableVoorwaarde), try label(.reportTableNamed)],
                  context.deck.voorwaardeCards.map { [$0.name, report.shown(counts.voorwaarden[$0.id] ?? 0)] },
                  accent: context.roundColour(1, fallback: neutral), under: section)

        section = try band(try label(.reportSectionFactoren), round: 2, keep: mm(20))
        let wegingen = Session.Weging.allCases
        try table([try label(.reportTableFactor), try label(.reportTableNamed)]
                      + (try wegingen.map { try label(.formFilledWeight($0)) }),
                  context.deck.factorCards.map { card in
                      [card.name, report.shown(counts.factoren[card.id] ?? 0)]
                          + wegingen.map { report.shown(counts.wegingen[card.id]?[$0] ?? 0) }
                  }, accent: context.roundColour(2, fallback: neutral), under: section)

        section = try band(try label(.reportSectionSignals), round: nil, keep: mm(20))
        try table([try label(.reportTableMeasure), try label(.reportTableCount)],
                  [[try label(.reportMeasureDilemma), report.shown(counts.dilemmas)],
                   [try label(.reportMeasureBeraad), report.shown(counts.deliberations)],
                   [try label(.reportMeasureSignaal), report.shown(counts.signals)],
                   [try label(.reportMeasureFollowup), report.shown(counts.signalsFollowedUp)],
                   [try label(.reportMeasureEvaluatie), report.shown(counts.evaluations)]],
                  accent: neutral, under: section)
        pages.append(page)
        try numberPages()
    }

    /// A period as the labels name it ("K1 2025", "03-2025").
    private func name(_ period: ReportPeriod) throws -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch period {
        case .month(let year, let month): return try label(.reportPeriodMonth, ["month": pad(month), "year": String(year)])
        case .quarter(let year, let quarter): return try label(.reportPeriodQuarter, ["quarter": String(quarter), "year": String(year)])
        }
    }

    // MARK: Flow

    /// Puts a block of `height` on this page, or on a new one when it does not fit; returns its top.
    private mutating func reserve(_ height: Double) -> Double {
        if y + height > bottom && y > mm(layout.margins.top) + 0.01 {
            pages.append(page)
            page = Page(size: layout.pageSize)
            y = mm(layout.margins.top)
        }
        let top = y
        y += height
        return top
    }

    /// A section's band in the round's colour (the neutral colour outside the rounds) naming it.
    /// `keep`: how much of what follows must fit under the band on its page.
    private mutating func band(_ title: String, round: Int?, keep: Double) throws -> StructureID {
        let section = tree.add(.section, under: root)
        let accent = context.roundColour(round, fallback: neutral)
        let height = mm(layout.band.height)
        let bandStyle = style(layout.band.style, colour: accent.luminance < 0.35 ? lightText : darkText)
        let laid = context.typesetter.layout([TextBlock(title, style: bandStyle)], width: width - 2 * mm(layout.band.indent))
        diagnostics.missingGlyphs(laid.missing, in: LayoutSubject(.subjectReportBand))
        // The band keeps with at least a line of what follows.
        // The space above a section separates it from the one before (two thirds of the
        // overzicht's: a report has more sections on a page); none at a page's top.
        let space = mm(layout.sectionSpace) * 2 / 3
        var top = reserve(space + height + keep)
        if top > mm(layout.margins.top) + 0.01 { top += space } else { y -= space }
        y = top + height
        page.add(.rectangle(Rect(x: left, y: top, width: width, height: height), cornerRadius: 0, fill: accent, stroke: nil))
        page.add(laid.markedItems(at: Point(x: left + mm(layout.band.indent), y: top + (height - laid.height) / 2),
                                  roles: [.heading(2)], in: &tree, under: section))
        return section
    }

    private mutating func paragraphs(_ blocks: [TextBlock], roles: [TextRole], under parent: StructureID) {
        let laid = context.typesetter.layout(blocks, width: width)
        diagnostics.missingGlyphs(laid.missing, in: LayoutSubject(.subjectReport))
        let top = reserve(laid.height + (blocks.first?.style.spaceBefore ?? 0)) + (blocks.first?.style.spaceBefore ?? 0)
        page.add(laid.markedItems(at: Point(x: left, y: top), roles: roles, in: &tree, under: parent))
    }

    // MARK: Charts

    /// Horizontal bars per level: suggested (tinted) over chosen (the round's colour), each with
    /// its number. A hidden count (1-4) is drawn as an outline as long as 5, marked "<5".
    /// `suggested` is nil for the unknown level (suggestions always have a level).
    private mutating func levelChart(_ rows: [(name: String, suggested: Int?, chosen: Int)], accent: Colour, under parent: StructureID) throws {
        let values = try rows.map { try label(.reportChartLevelsValue, ["level": $0.name, "suggested": report.shown($0.suggested ?? 0), "chosen": report.shown($0.chosen)]) }
        let figure = tree.add(.figure, under: parent, alternate: try label(.reportChartLevelsAlt, ["values": values.joined(separator: "; ")]))
        let labelWidth = width * 0.34
        let barArea = width - labelWidth - mm(12)
        let bar = mm(3.2), gap = mm(1), rowGap = mm(3)
        let largest = max(5, rows.map { max($0.suggested ?? 0, $0.chosen) }.max() ?? 0)
        var items: [PageItem] = []
        var rowY = mm(2)
        let nameStyle = style(layout.item)
        for row in rows {
            let laid = context.typesetter.layout([TextBlock(row.name, style: nameStyle)], width: labelWidth - mm(2))
            items += laid.items(at: Point(x: left, y: rowY))
            var barY = rowY
            for (value, fill) in [(row.suggested, accent.tint(0.6)), (row.chosen, accent)] {
                if let value { items += self.bar(value, x: left + labelWidth, y: barY, height: bar, area: barArea, largest: largest, fill: fill) }
                barY += bar + gap
            }
            rowY += max(laid.height, 2 * bar + gap) + rowGap
        }
        let key = try legend([(try label(.reportLegendSuggested), accent.tint(0.6)), (try label(.reportLegendChosen), accent)],
                             y: rowY)
        items += key.items
        rowY += key.height + mm(2)
        let top = reserve(rowY)
        page.add(.marked(.content(figure), items.map { $0.offsetBy(dx: 0, dy: top) }))
    }

    /// Vertical bars per period, one per level (and the unknown level), with the period below.
    private mutating func timeChart(_ periods: [(period: ReportPeriod, counts: ReportCounts)], accent: Colour, under parent: StructureID) throws {
        let keys = levels.map(\.id) + [ReportCounts.unknownLevel]
        let names = levels.map(\.name) + [try label(.reportLevelUnknown)]
        let fills = Self.levelFills(count: levels.count, accent: accent) + [neutral.tint(0.7)]
        let values = try periods.map { period, counts in
            try label(.reportChartTimeValue, ["period": try name(period),
                                                  "values": zip(names, keys).map { "\($0.0) \(report.shown(counts.chosen[$0.1] ?? 0))" }.joined(separator: ", ")])
        }
        let figure = tree.add(.figure, under: parent, alternate: try label(.reportChartTimeAlt, ["values": values.joined(separator: "; ")]))
        let height = mm(24), axis = mm(2)
        let groupWidth = width / Double(max(1, periods.count))
        let barWidth = min(mm(4), groupWidth * 0.8 / Double(keys.count))
        let largest = max(5, periods.flatMap { p in keys.map { p.counts.chosen[$0] ?? 0 } }.max() ?? 0)
        var items: [PageItem] = []
        let base = mm(2) + height
        items.append(.line(from: Point(x: left, y: base), to: Point(x: left + width, y: base), stroke: Stroke(colour: neutral, width: 0.5)))
        let periodStyle = style(layout.item, size: min(layout.item.size, 8))
        for (index, entry) in periods.enumerated() {
            let groupX = left + Double(index) * groupWidth + (groupWidth - barWidth * Double(keys.count)) / 2
            for (slot, key) in keys.enumerated() {
                let value = entry.counts.chosen[key] ?? 0
                let x = groupX + Double(slot) * barWidth
                let length = height * Double(report.isHidden(value) ? 5 : value) / Double(largest)
                items.append(.rectangle(Rect(x: x, y: base - length, width: barWidth * 0.85, height: length), cornerRadius: 0,
                                        fill: report.isHidden(value) ? nil : fills[slot],
                                        stroke: report.isHidden(value) ? Stroke(colour: fills[slot], width: 0.6) : nil))
            }
            let caption = context.typesetter.layout([TextBlock(try name(entry.period), style: periodStyle)], width: groupWidth)
            items += caption.items(at: Point(x: left + Double(index) * groupWidth + (groupWidth - (caption.lines.map(\.width).max() ?? 0)) / 2,
                                             y: base + axis))
        }
        var chartHeight = base + axis + periodStyle.size * 1.4 + mm(2)
        let key = try legend(Array(zip(names, fills)), y: chartHeight)
        items += key.items
        chartHeight += key.height + mm(2)
        let top = reserve(chartHeight)
        page.add(.marked(.content(figure), items.map { $0.offsetBy(dx: 0, dy: top) }))
    }

    /// One fill per level, from the accent darkened to 55 % through the accent to a 55 % tint,
    /// evenly spread: the shipped deck's three levels get dark, accent and light; a deck with
    /// one level gets the accent, one with more levels steps between them.
    static func levelFills(count: Int, accent: Colour) -> [Colour] {
        (0..<count).map { index in
            let position = count > 1 ? Double(index) / Double(count - 1) : 0.5
            if position == 0.5 { return accent }
            if position < 0.5 {
                let factor = 0.55 + 0.45 * (position / 0.5)
                return Colour(red: accent.red * factor, green: accent.green * factor, blue: accent.blue * factor)
            }
            return accent.tint(0.55 * (position - 0.5) / 0.5)
        }
    }

    /// A bar of `value` from `x`, its number after it; a hidden value an outline of 5 with "<5".
    private func bar(_ value: Int, x: Double, y: Double, height: Double, area: Double, largest: Int, fill: Colour) -> [PageItem] {
        let hidden = report.isHidden(value)
        let length = area * Double(hidden ? 5 : value) / Double(largest)
        var items: [PageItem] = []
        if length > 0 {
            items.append(.rectangle(Rect(x: x, y: y, width: length, height: height), cornerRadius: 0,
                                    fill: hidden ? nil : fill, stroke: hidden ? Stroke(colour: fill, width: 0.6) : nil))
        }
        let number = context.typesetter.layout([TextBlock(report.shown(value), style: style(layout.item, size: min(layout.item.size, 8)))], width: mm(12))
        items += number.items(at: Point(x: x + length + mm(1), y: y + (height - number.height) / 2))
        return items
    }

    /// The legend under a chart, its entries side by side, wrapping to a next line; returns
    /// the items and the height they take.
    private func legend(_ entries: [(String, Colour)], y top: Double) throws -> (items: [PageItem], height: Double) {
        var items: [PageItem] = []
        var x = left, y = top
        let legendStyle = style(layout.item, size: min(layout.item.size, 8))
        let swatch = legendStyle.size * 0.8
        for (name, fill) in entries {
            let laid = context.typesetter.layout([TextBlock(name, style: legendStyle)], width: width - swatch - mm(1))
            let entryWidth = swatch + mm(1) + (laid.lines.map(\.width).max() ?? 0)
            if x > left && x + entryWidth > left + width {
                x = left
                y += legendStyle.leading
            }
            items.append(.rectangle(Rect(x: x, y: y + legendStyle.size * 0.25, width: swatch, height: swatch), cornerRadius: 0, fill: fill, stroke: nil))
            items += laid.items(at: Point(x: x + swatch + mm(1), y: y))
            x += entryWidth + mm(4)
        }
        return (items, y - top + legendStyle.leading)
    }

    // MARK: Tables

    /// A table with a tinted header row whose cells head their columns; a rule under every row.
    /// A table longer than the page continues on the next, its header repeated.
    /// `firstColumn`: the first column's share of the width (the layout's when nil).
    private mutating func table(_ columns: [String], _ rows: [[String]], accent: Colour, under parent: StructureID,
                                firstColumn: Double? = nil) throws {
        let element = tree.add(.table, under: parent)
        let spec = layout.table
        let left = self.left, width = self.width
        let padding = mm(spec.padding)
        let first = columns.count > 1 ? width * (firstColumn ?? max(spec.firstColumn, 0.3)) : width
        let other = columns.count > 1 ? (width - first) / Double(columns.count - 1) : 0
        let widths = [first] + Array(repeating: other, count: max(0, columns.count - 1))
        y += mm(spec.spaceBefore)
        // A count column holds the same few texts in row after row ("0" in every row of an empty
        // report): each text is set once per column and table.
        var setCells: [CellKey: TextLayout] = [:]
        func laid(_ row: [String], header: Bool) -> (cells: [TextLayout], height: Double) {
            let cells = zip(row, widths).enumerated().map { column, cellAndWidth in
                let (cell, cellWidth) = cellAndWidth
                let key = CellKey(text: cell, column: column, header: header)
                if let known = setCells[key] { return known }
                let cellLayout = context.typesetter.layout([TextBlock(cell, style: style(header ? spec.header : spec.cell))],
                                                          width: cellWidth - 2 * padding)
                if column > 0 { setCells[key] = cellLayout }
                return cellLayout
            }
            for cell in cells { diagnostics.missingGlyphs(cell.missing, in: LayoutSubject(.subjectReportTable)) }
            return (cells, (cells.map(\.height).max() ?? 0) + 2 * padding)
        }
        let header = laid(columns, header: true)
        let rule = spec.rule.stroke()
        func place(_ row: (cells: [TextLayout], height: Double), header: Bool, at top: Double, in page: inout Page, tree: inout StructureTree) {
            if header {
                page.add(.rectangle(Rect(x: left, y: top, width: width, height: row.height), cornerRadius: 0,
                                    fill: accent.tint(spec.headerTint), stroke: nil))
            }
            let rowElement = tree.add(.tableRow, under: element)
            var cellX = left
            for (cell, cellWidth) in zip(row.cells, widths) {
                let id = header ? tree.add(.tableHeader, under: rowElement, scope: .column) : tree.add(.tableData, under: rowElement)
                page.add(.marked(.content(id), cell.items(at: Point(x: cellX + padding, y: top + padding))))
                cellX += cellWidth
            }
            page.add(.line(from: Point(x: left, y: top + row.height), to: Point(x: left + width, y: top + row.height), stroke: rule))
        }
        // The header keeps with the first row.
        let firstRow = rows.first.map { laid($0, header: false) }
        var top = reserve(header.height + (firstRow?.height ?? 0))
        place(header, header: true, at: top, in: &page, tree: &tree)
        y = top + header.height
        for (index, row) in rows.enumerated() {
            let cells = index == 0 ? firstRow! : laid(row, header: false)
            let pageBefore = pages.count
            top = reserve(cells.height)
            if pages.count != pageBefore {
                // A new page: the header again, as an artifact (the table has one header row).
                var repeated: [PageItem] = [.rectangle(Rect(x: left, y: top, width: width, height: header.height), cornerRadius: 0,
                                                       fill: accent.tint(spec.headerTint), stroke: nil)]
                var cellX = left
                for (cell, cellWidth) in zip(header.cells, widths) {
                    repeated += cell.items(at: Point(x: cellX + padding, y: top + padding))
                    cellX += cellWidth
                }
                repeated.append(.line(from: Point(x: left, y: top + header.height), to: Point(x: left + width, y: top + header.height), stroke: rule))
                page.add(.marked(.artifact(.pagination), repeated))
                top += header.height
                y = top + cells.height
            }
            place(cells, header: false, at: top, in: &page, tree: &tree)
        }
    }

    // MARK: Pages

    private mutating func numberPages() throws {
        guard pages.count > 1 else { return }
        let numberStyle = style(layout.item, size: min(layout.item.size, 8))
        for index in pages.indices {
            let laid = context.typesetter.layout([TextBlock(try label(.pageNumber, ["page": "\(index + 1)", "pages": "\(pages.count)"]),
                                                            style: numberStyle)], width: width)
            let x = left + width - (laid.lines.map(\.width).max() ?? 0)
            pages[index].add(.marked(.artifact(.pagination), laid.items(at: Point(x: x, y: bottom + mm(4)))))
        }
    }

    private func style(_ spec: StyleSpec, colour: Colour? = nil, size: Double? = nil) -> TextStyle {
        var result = spec.textStyle(defaultColour: textColour)
        if let colour { result.colour = colour }
        if let size { result.leading = result.leading * size / result.size; result.size = size }
        return result
    }
}
