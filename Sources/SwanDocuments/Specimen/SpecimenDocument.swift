/// A type specimen: a piece of the handleiding set ragged (and, at the widths the layout names,
/// justified) at two widths, with a bullet list and bold and italic runs. For looking at the
/// typesetting itself.
import SwanDeck
package import SwanLayout

package enum SpecimenDocument {
    /// layout/specimen.yaml.
    package struct Layout: Decodable, Sendable {
        package var title: String
        package var ragged: String
        package var justified: String
        package var widths: [Double]
        /// The widths also set justified; every width when absent.
        package var justifiedWidths: [Double]?
        package var paragraphs: Int
        package var bold: [String]
        package var italic: [String]
        package var style: StyleSpec
        package var caption: StyleSpec
        package var heading: StyleSpec
        package var bulletIndent: Double
        package var bullet: String
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

        // Every sample is a column; the columns flow as a newspaper's do: down a track of their
        // width while they fit under each other, then into a new track to the right while the
        // page is wide enough, then onto a new page. So the 60 mm column stands beside the
        // 110 mm ones instead of alone on a page with its right half empty.
        let gap = mm(8)
        let right = page.width - margin, bottom = page.height - margin
        var track: (x: Double, width: Double, top: Double)? = nil
        for width in layout.widths {
            let justified = layout.justifiedWidths.map { $0.contains(width) } ?? true
            for alignment in justified ? [Alignment.left, .justify] : [.left] {
                var style = layout.style.textStyle(); style.alignment = alignment
                let caption = fill(alignment == .left ? layout.ragged : layout.justified,
                                   ["width": String(Int(width))])
                var blocks = [TextBlock(caption, style: layout.caption.textStyle())]
                blocks += sample(context.deck.handleiding, layout: layout, style: style)
                let roles: [TextRole] = [.heading(2)] + blocks.dropFirst().map { $0.marker == nil ? .paragraph : .listItem }
                let column = context.typesetter.layout(blocks, width: mm(width))
                if let open = track, open.width == mm(width), y + gap + column.height <= bottom {
                    y += gap
                } else if let open = track, open.x + open.width + gap + mm(width) <= right + 0.01, open.top + column.height <= bottom {
                    track = (open.x + open.width + gap, mm(width), open.top)
                    y = open.top
                } else {
                    if track != nil || y + column.height > bottom { pages.append(current); current = Page(size: page); y = margin }
                    track = (margin, mm(width), y)
                }
                current.add(column.markedItems(at: Point(x: track?.x ?? margin, y: y), roles: roles, in: &tree, under: root))
                y += column.height
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
