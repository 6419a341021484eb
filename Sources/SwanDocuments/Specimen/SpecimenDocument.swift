/// A type specimen: a piece of the handleiding set ragged (and, at the widths the layout names,
/// justified) at two widths, with a bullet list and bold and italic runs. For looking at the
/// typesetting itself.
import SwanDeck
package import SwanLayout

package enum SpecimenDocument {
    struct Layout: Decodable, Sendable {
        var title: String
        var ragged: String
        var justified: String
        var widths: [Double]
        /// The widths also set justified; every width when absent.
        var justifiedWidths: [Double]?
        var paragraphs: Int
        var bold: [String]
        var italic: [String]
        var style: StyleSpec
        var caption: StyleSpec
        var heading: StyleSpec
        var bulletIndent: Double
        var bullet: String
    }

    package static func make(_ context: DocumentContext) throws -> Document {
        let layout = try context.layout("specimen", as: Layout.self)
        let deckValues = ["deck": context.deck.meta.title]
        let page = PaperSize.a4.size
        let margin = mm(15)
        var pages: [Page] = []
        var current = Page(size: page)
        var y = margin
        // Tagged: the title, then per column its caption as a heading over the sample's
        // paragraphs and list.
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        let heading = context.typesetter.layout([TextBlock(fill(layout.title, deckValues), style: layout.heading.textStyle())],
                                                width: page.width - 2 * margin)
        current.add(heading.markedItems(at: Point(x: margin, y: y), roles: [.heading(1)], in: &tree, under: root))
        y += heading.height + mm(4)

        for width in layout.widths {
            var columns: [TextLayout] = []
            var roles: [TextRole] = []
            let justified = layout.justifiedWidths.map { $0.contains(width) } ?? true
            for alignment in justified ? [Alignment.left, .justify] : [.left] {
                var style = layout.style.textStyle(); style.alignment = alignment
                let caption = fill(alignment == .left ? layout.ragged : layout.justified,
                                   ["width": String(Int(width))])
                var blocks = [TextBlock(caption, style: layout.caption.textStyle())]
                blocks += sample(context.deck.handleiding, layout: layout, style: style)
                roles = [.heading(2)] + blocks.dropFirst().map { $0.marker == nil ? .paragraph : .listItem }
                columns.append(context.typesetter.layout(blocks, width: mm(width)))
            }
            // Side by side when they fit across the page, else one under the other.
            let count = Double(columns.count)
            let sideBySide = count * mm(width) + (count - 1) * mm(8) <= page.width - 2 * margin
            let needed = sideBySide ? columns.map(\.height).max()! : columns.map(\.height).reduce(0, +) + mm(8)
            if y + needed > page.height - margin {
                pages.append(current); current = Page(size: page); y = margin
            }
            if sideBySide {
                for (index, column) in columns.enumerated() {
                    let x = margin + Double(index) * (mm(width) + mm(8))
                    current.add(column.markedItems(at: Point(x: x, y: y), roles: roles, in: &tree, under: root))
                }
                y += needed + mm(8)
            } else {
                for column in columns {
                    if y + column.height > page.height - margin { pages.append(current); current = Page(size: page); y = margin }
                    current.add(column.markedItems(at: Point(x: margin, y: y), roles: roles, in: &tree, under: root))
                    y += column.height + mm(8)
                }
            }
        }
        pages.append(current)
        return context.tagged(Document(info: context.info(title: fill(layout.title, deckValues)), pages: pages), tree)
    }

    /// The first paragraphs and the first bullet list of the handleiding, with the template's
    /// phrases set in bold or italic.
    private static func sample(_ manual: Manual, layout: Layout, style: TextStyle) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraphs = 0
        var listDone = false
        for block in manual.blocks {
            switch block {
            case .paragraph(let runs) where paragraphs < layout.paragraphs:
                blocks.append(TextBlock(emphasise(runs.map(\.text).joined(), layout), style: style)); paragraphs += 1
            case .bulletList(let items) where !listDone:
                var item = style; item.leftIndent = mm(layout.bulletIndent); item.spaceAfter = 2
                blocks += items.enumerated().map { index, text in
                    // The list as a whole keeps the paragraph's space after it, as it has before it.
                    var itemStyle = item
                    if index == items.count - 1 { itemStyle.spaceAfter = style.spaceAfter }
                    return TextBlock(emphasise(text.map(\.text).joined(), layout), style: itemStyle, marker: layout.bullet)
                }
                listDone = true
            default: break
            }
        }
        return blocks
    }

    /// Splits `text` into runs, marking the first occurrence of each listed phrase.
    static func emphasise(_ text: String, _ layout: Layout) -> [TextRun] {
        var marks: [(range: Range<String.Index>, bold: Bool)] = []
        for (phrases, bold) in [(layout.bold, true), (layout.italic, false)] {
            for phrase in phrases {
                if let range = text.range(of: phrase), !marks.contains(where: { $0.range.overlaps(range) }) {
                    marks.append((range, bold))
                }
            }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var runs: [TextRun] = []
        var cursor = text.startIndex
        for mark in marks {
            if cursor < mark.range.lowerBound { runs.append(TextRun(String(text[cursor..<mark.range.lowerBound]))) }
            runs.append(TextRun(String(text[mark.range]), bold: mark.bold, italic: !mark.bold))
            cursor = mark.range.upperBound
        }
        if cursor < text.endIndex { runs.append(TextRun(String(text[cursor...]))) }
        return runs
    }

    private static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
