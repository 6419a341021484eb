/// The handleiding (Templates/<deck>/handleiding.md) as a typeset A4 document: headings,
/// justified paragraphs with Dutch hyphenation, lists, the footnotes at the bottom of the page
/// that references them, a running header, page numbers and a bookmark per heading. Pages are
/// broken by the Paginator: no heading alone at the bottom, no widows, no orphans.
import SwanDiagnostics
import SwanDeck
package import SwanLayout

package struct HandleidingLayout: Decodable, Equatable, Sendable {
    package typealias Margins = PageMargins
    package typealias Rule = RuleSpec
    package struct Header: Decodable, Equatable, Sendable {
        package var style: StyleSpec
        package var height: Double
        package var rule: Rule
    }
    package struct Footer: Decodable, Equatable, Sendable {
        package var style: StyleSpec
        package var height: Double
    }
    package struct Styles: Decodable, Equatable, Sendable {
        package var title: StyleSpec
        package var heading: StyleSpec
        package var subheading: StyleSpec
        package var paragraph: StyleSpec
        package var listItem: StyleSpec
        package var footnote: StyleSpec
    }
    package struct Footnotes: Decodable, Equatable, Sendable {
        package var rule: Rule
        package var ruleLength: Double
        package var gap: Double
    }
    package var paper: PaperSize
    package var margins: Margins
    package var header: Header
    package var footer: Footer
    package var styles: Styles
    package var footnotes: Footnotes
}

package enum HandleidingDocument {
    package static func make(_ context: DocumentContext, diagnostics: Diagnostics) throws -> Document {
        let layout = try context.layout("handleiding", as: HandleidingLayout.self)
        let manual = context.deck.handleiding
        let typesetter = context.typesetter
        let pageSize = layout.paper.size
        let left = mm(layout.margins.left)
        let width = pageSize.width - left - mm(layout.margins.right)
        let top = mm(layout.margins.top) + mm(layout.header.height)
        let bottom = pageSize.height - mm(layout.margins.bottom) - mm(layout.footer.height)
        let frameHeight = bottom - top

        // The footnotes, each set once; its mark is the order of first reference.
        let marks = Dictionary(manual.footnotes.map { ($0.id, $0.mark) }, uniquingKeysWith: { first, _ in first })
        var notes: [String: TextLayout] = [:]
        for note in manual.footnotes {
            let runs = [TextRun(note.mark, superscript: true), TextRun(" ")] + note.text.map(textRun)
            let set = typesetter.layout([TextBlock(runs, style: layout.styles.footnote.textStyle())], width: width)
            diagnostics.missingGlyphs(set.missing, in: LayoutSubject(.subjectHandleidingFootnote, ["mark": "\(note.mark)"], at: manual.file.map { SourceLocation(file: $0) }))
            notes[note.id] = set
        }
        let noteGap = mm(layout.footnotes.gap)
        let anchorHeights = notes.mapValues { $0.height + noteGap }

        func textRun(_ run: InlineRun) -> TextRun {
            if let id = run.footnote { return TextRun(marks[id] ?? "*", superscript: true, anchor: id) }
            return TextRun(run.text, bold: run.bold, italic: run.italic)
        }

        // The title ("# ..."), then the blocks; every heading gets a bookmark. Beside them the
        // logical structure: an element per block (headings, paragraphs, list items), a note
        // after the paragraph that first refers to it.
        var structure = StructureTree()
        let root = structure.add(.document, under: nil)
        var blockElements = [structure.add(.heading1, under: root)]
        var tagLevel = 1   // the level of the last heading's tag (the title's: H1)
        var noteElements: [String: StructureID] = [:]
        var labelElements: [Int: StructureID] = [:]   // block index -> its list item's Lbl
        func addNotes(_ runs: [InlineRun]) {
            for id in runs.compactMap(\.footnote) where noteElements[id] == nil && notes[id] != nil {
                noteElements[id] = structure.add(.note, under: root)
            }
        }
        var blocks = [TextBlock([TextRun(manual.title)], style: layout.styles.title.textStyle(keepWithNext: true),
                                outlineTitle: manual.title, outlineLevel: 1)]
        for block in manual.blocks {
            switch block {
            case let .heading(level, text):
                let spec = level <= 1 ? layout.styles.title : level == 2 ? layout.styles.heading : layout.styles.subheading
                blocks.append(TextBlock([TextRun(text)], style: spec.textStyle(keepWithNext: true),
                                        outlineTitle: text, outlineLevel: level))
                // Tagged one level below the last heading at most (PDF/UA-1 7.4.2): a manual that
                // goes from "#" to "###" keeps its look, its tags do not skip a level.
                tagLevel = min(max(level, 1), 3, tagLevel + 1)
                blockElements.append(structure.add(tagLevel == 1 ? .heading1 : tagLevel == 2 ? .heading2 : .heading3, under: root))
            case let .paragraph(runs):
                blocks.append(TextBlock(runs.map(textRun), style: layout.styles.paragraph.textStyle()))
                blockElements.append(structure.add(.paragraph, under: root))
                addNotes(runs)
            case let .bulletList(items):
                blocks += listBlocks(items, markers: items.map { _ in "•" })
                listElements(items)
            case let .orderedList(items):
                blocks += listBlocks(items, markers: items.indices.map { "\($0 + 1)." })
                listElements(items)
            }
        }
        // Each item: LI > Lbl (its marker) + LBody (its text, continued over a page break).
        func listElements(_ items: [[InlineRun]]) {
            let list = structure.add(.list, under: root)
            for item in items {
                let entry = structure.add(.listItem, under: list)
                labelElements[blockElements.count] = structure.add(.label, under: entry)
                blockElements.append(structure.add(.listBody, under: entry))
                addNotes(item)
            }
        }
        func listBlocks(_ items: [[InlineRun]], markers: [String]) -> [TextBlock] {
            let paragraph = layout.styles.paragraph.textStyle()
            return zip(items, markers).enumerated().map { index, pair in
                var style = layout.styles.listItem.textStyle()
                // The list as a whole keeps the paragraph's space after it.
                if index == items.count - 1 { style.spaceAfter = max(style.spaceAfter, paragraph.spaceAfter) }
                return TextBlock(pair.0.map(textRun), style: style, marker: pair.1)
            }
        }

        let text = typesetter.layout(blocks, width: width)
        diagnostics.missingGlyphs(text.missing, in: LayoutSubject(.subjectHandleiding, at: manual.file.map { SourceLocation(file: $0) }))
        let frames = Paginator(anchorHeights: anchorHeights).paginate(text.lines) { _ in frameHeight }

        let header = try context.label(.handleidingHeader)
        var pages: [Page] = []
        var outline: [OutlineEntry] = []
        for (index, frame) in frames.enumerated() {
            var page = Page(size: pageSize)
            for placed in frame {
                let y = top + placed.top
                let block = placed.line.blockIndex
                let element = blockElements.indices.contains(block) ? blockElements[block] : root
                page.add(placed.line.markedItems(dx: left, dy: y, element: element, label: labelElements[block]))
                if let title = placed.line.outlineTitle {
                    outline.append(OutlineEntry(title: title, level: placed.line.outlineLevel, pageIndex: index, y: y))
                }
            }
            // The notes referenced on this page, stacked up from the bottom, under a short rule.
            var seen: [String] = []
            for placed in frame { for anchor in placed.line.anchors where !seen.contains(anchor) && notes[anchor] != nil { seen.append(anchor) } }
            if !seen.isEmpty {
                let total = seen.reduce(0) { $0 + notes[$1]!.height }
                var y = bottom - total
                let ruleY = y - noteGap / 2
                page.add(.line(from: Point(x: left, y: ruleY), to: Point(x: left + mm(layout.footnotes.ruleLength), y: ruleY),
                               stroke: layout.footnotes.rule.stroke()))
                for anchor in seen {
                    let items = notes[anchor]!.items(at: Point(x: left, y: y))
                    page.add(noteElements[anchor].map { .marked(.content($0), items) } ?? .marked(.artifact(.layout), items))
                    y += notes[anchor]!.height
                }
            }
            try addRunningHeadAndFoot(&page, header: header, number: index + 1, of: frames.count)
            pages.append(page)
        }

        func addRunningHeadAndFoot(_ page: inout Page, header: String, number: Int, of count: Int) throws {
            let headStyle = layout.header.style.textStyle()
            let headTop = mm(layout.margins.top)
            let head = typesetter.layout([TextBlock(header, style: headStyle)], width: width)
            page.add(.marked(.artifact(.pagination), head.items(at: Point(x: left, y: headTop))))
            let ruleY = headTop + head.height + mm(1)
            page.add(.line(from: Point(x: left, y: ruleY), to: Point(x: left + width, y: ruleY), stroke: layout.header.rule.stroke()))
            guard count > 1 else { return }   // a single page needs no number
            let footStyle = layout.footer.style.textStyle()
            let label = try context.label(.pageNumber, ["page": String(number), "pages": String(count)])
            let labelWidth = typesetter.width(of: label, style: footStyle)
            let foot = typesetter.layout([TextBlock(label, style: footStyle)], width: labelWidth + 2)
            page.add(.marked(.artifact(.pagination), foot.items(at: Point(x: left + (width - labelWidth) / 2,
                                                                      y: pageSize.height - mm(layout.margins.bottom) - foot.height))))
        }

        try diagnostics.throwIfFailed()
        return context.accessible(Document(info: context.info(title: manual.title, subject: header), pages: pages, outline: outline),
                              structure)
    }
}
