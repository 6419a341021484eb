/// The flow of a form over A4 pages: strips (a heading, one ruled writing line, one line of an
/// answer) stacked down the content column, a new page when the next strip does not fit, a
/// heading naming the section on a page that continues one, round-coloured bars beside the
/// strips of a round, and a footer with the form's name and "Pagina X van Y" on every page.
import SwanDiagnostics
import SwanDeck
import SwanLayout

/// A horizontal piece of a form, never split over two pages. Items are in local coordinates:
/// x from the content column's left edge, y from the strip's top.
struct FormStrip {
    var items: [PageItem] = []
    var height: Double
    /// The round colour of the bar beside the strip.
    var accent: Colour?
    /// Space above the strip, dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Stays on the same page as the strip after it (a heading with its first line).
    var keepWithNext = false
    /// The section this strip belongs to when it is not its first strip: a page that starts
    /// with it first gets a heading naming that section.
    var continues: String?
    /// Starts a new page (each part of the invulblad), unless the part before it already ran
    /// onto a page of its own: then it follows on that page (no half-empty continuation page).
    var startsPage = false
    /// An empty writing line (after an answer, or of a section left empty): it fills what is left
    /// of a page but never starts one (a page of empty rules alone is a wasted sheet); where none
    /// fits, the section ends.
    var spare = false
    /// What the strip is in the document's logical structure (tagged PDF).
    var role: FormStripRole = .paragraph
    /// Form fields on the strip (the fillable invulblad), widgets in the strip's coordinates.
    var fields: [FillableField] = []
    /// How many leading items are a list marker (the first line of a list item's answer).
    var markerCount = 0
    /// The strip's own structure, when it has more than one element (the checklist's role
    /// columns): `items` are marked with it and the pager grafts it in; `role` is then unused.
    var structure: StructureTree?
}

/// A strip's place in the structure tree: a heading, a paragraph of its own, one line of an
/// answer (consecutive lines with the same key are one paragraph, across pages), or an
/// artifact (a heading repeated on a continuation page).
enum FormStripRole: Equatable {
    case heading(level: Int)
    case paragraph
    case answer(String)
    /// One line of an item of a list answer: the answer's lines with the same key and item
    /// are one LBody (across pages), a key's items one L.
    case answerItem(String, item: Int)
    case artifact
}

/// The pages of a form with their logical structure.
struct FormPages {
    var pages: [Page]
    var structure: StructureTree
}

/// Lays strips out on pages.
struct FormPager {
    let context: DocumentContext
    let layout: FormsLayout
    let diagnostics: Diagnostics

    var pageSize: Size { layout.paper.size }
    var contentLeft: Double { mm(layout.margins.left) }
    var contentWidth: Double { pageSize.width - mm(layout.margins.left) - mm(layout.margins.right) }
    var contentTop: Double { mm(layout.margins.top) }
    var contentHeight: Double {
        pageSize.height - mm(layout.margins.top) - mm(layout.margins.bottom) - mm(layout.footer.height)
    }

    /// Text set at `width`; characters the fonts lack are reported against `subject`.
    func set(_ blocks: [TextBlock], width: Double, subject: LayoutSubject) -> TextLayout {
        let result = context.typesetter.layout(blocks, width: width)
        diagnostics.missingGlyphs(result.missing, in: subject)
        return result
    }

    /// `set` for the form's own wording (prompts, hints, titles), the same in every document:
    /// laid out once per context; missing characters are still reported for each document.
    func setFixed(_ blocks: [TextBlock], width: Double, subject: LayoutSubject) -> TextLayout {
        let result = context.typesetter.layoutOnce(blocks, width: width)
        diagnostics.missingGlyphs(result.missing, in: subject)
        return result
    }

    /// The pages, each with its footer: `footerText` on the left, the page number on the right.
    func pages(_ strips: [FormStrip], footerText: String,
               continuation: (String, Colour?) throws -> FormStrip) throws -> FormPages {
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        var answer: (key: String, id: StructureID)?
        var listAnswer: (key: String, list: StructureID, item: Int, body: StructureID)?
        var lastHeading = 0
        func marking(_ role: FormStripRole) -> Marking {
            switch role {
            case .heading(let requested):
                answer = nil
                // Headings never skip a level (PDF/UA-1 7.4.2): a form without part titles
                // has its prompts as the first level.
                let level = max(1, min(requested, lastHeading + 1))
                lastHeading = level
                return .content(tree.add(level == 1 ? .heading1 : level == 2 ? .heading2 : .heading3, under: root))
            case .paragraph:
                answer = nil
                return .content(tree.add(.paragraph, under: root))
            case .answer(let key):
                if let answer, answer.key == key { return .content(answer.id) }
                let id = tree.add(.paragraph, under: root)
                answer = (key, id)
                return .content(id)
            case .answerItem:
                preconditionFailure("list answers are marked by marked(_:)")
            case .artifact:
                return .artifact(.pagination)
            }
        }
        // A strip's items marked with its elements.
        func marked(_ strip: FormStrip) -> [PageItem] {
            if let local = strip.structure {
                answer = nil; listAnswer = nil
                return strip.items.restructured(tree.graft(local, under: root))
            }
            guard case .answerItem(let key, let item) = strip.role else {
                // A repeated heading on a continuation page does not end the list it interrupts.
                if strip.role != .artifact { listAnswer = nil }
                return [.marked(marking(strip.role), strip.items)]
            }
            answer = nil
            if listAnswer?.key != key { listAnswer = (key, tree.add(.list, under: root), -1, root) }
            var label: StructureID?
            if listAnswer!.item != item {
                let entry = tree.add(.listItem, under: listAnswer!.list)
                label = tree.add(.label, under: entry)
                listAnswer!.item = item
                listAnswer!.body = tree.add(.listBody, under: entry)
            }
            let body = listAnswer!.body
            guard let label, strip.markerCount > 0 else { return [.marked(.content(body), strip.items)] }
            return [.marked(.content(label), Array(strip.items.prefix(strip.markerCount))),
                    .marked(.content(body), Array(strip.items.dropFirst(strip.markerCount)))]
        }
        struct Bar { var colour: Colour; var top: Double; var bottom: Double }
        var pages: [[PageItem]] = []
        var bars: [[Bar]] = []
        var pageFields: [[FillableField]] = []
        var fields: [FillableField] = []
        var items: [PageItem] = []
        var pageBars: [Bar] = []
        var y = 0.0
        var empty = true
        var lastAccent: Colour?

        func newPage() {
            pages.append(items); bars.append(pageBars); pageFields.append(fields)
            items = []; pageBars = []; fields = []; y = 0; empty = true; lastAccent = nil
        }
        func place(_ strip: FormStrip) {
            let gap = empty ? 0 : strip.spaceBefore
            let top = y + gap
            items += marked(strip).offsetBy(dx: contentLeft, dy: contentTop + top)
            fields += strip.fields.map { field in
                var field = field
                field.widgets = field.widgets.map { widget in
                    var widget = widget
                    widget.rect = widget.rect.offsetBy(dx: contentLeft, dy: contentTop + top)
                    return widget
                }
                return field
            }
            if let accent = strip.accent {
                if lastAccent == accent, !pageBars.isEmpty {
                    pageBars[pageBars.count - 1].bottom = top + strip.height
                } else {
                    pageBars.append(Bar(colour: accent, top: top, bottom: top + strip.height))
                }
            }
            lastAccent = strip.accent
            y = top + strip.height
            empty = false
        }

        var droppingSpare = false
        var partStart = 0
        for index in strips.indices {
            let strip = strips[index]
            if !strip.spare { droppingSpare = false }
            if droppingSpare { continue }
            if strip.startsPage {
                if !empty && pages.count == partStart { newPage() }
                partStart = pages.count
            }
            // The height this strip needs with the strips it keeps with.
            var need = (empty ? 0 : strip.spaceBefore) + strip.height
            var next = index
            while strips[next].keepWithNext && next + 1 < strips.count && !strips[next + 1].startsPage {
                next += 1
                need += strips[next].spaceBefore + strips[next].height
            }
            if y + need > contentHeight + 0.01 && !empty {
                if strip.spare {
                    // Alone, without the spare lines it keeps with, or not at all.
                    if y + strip.spaceBefore + strip.height > contentHeight + 0.01 { droppingSpare = true; continue }
                } else {
                    newPage()
                }
            }
            if empty, let section = strip.continues {
                var heading = try continuation(section, strip.accent)
                heading.spaceBefore = 0
                heading.role = .artifact
                place(heading)
            }
            place(strip)
        }
        if !items.isEmpty || pages.isEmpty { newPage() }

        var result: [Page] = []
        for (index, content) in pages.enumerated() {
            var page = Page(size: pageSize)
            let barX = contentLeft - mm(layout.accent.gap) - mm(layout.accent.width)
            for bar in bars[index] {
                page.add(.rectangle(Rect(x: barX, y: contentTop + bar.top, width: mm(layout.accent.width),
                                         height: bar.bottom - bar.top), cornerRadius: 0, fill: bar.colour, stroke: nil))
            }
            page.add(content)
            page.fields = pageFields[index]
            page.add(.marked(.artifact(.pagination), try footer(footerText, page: index + 1, of: pages.count)))
            result.append(page)
        }
        return FormPages(pages: result, structure: tree)
    }

    /// A rule above the footer, the form's name on the left and the page number on the right.
    func footer(_ text: String, page: Int, of pages: Int) throws -> [PageItem] {
        let style = layout.footer.style.textStyle()
        let number = try context.label(.pageNumber, ["page": String(page), "pages": String(pages)])
        let ruleY = contentTop + contentHeight + mm(layout.footer.height) * 0.45
        let textTop = ruleY + mm(1.2)
        var items: [PageItem] = [.line(from: Point(x: contentLeft, y: ruleY),
                                       to: Point(x: contentLeft + contentWidth, y: ruleY),
                                       stroke: layout.footer.rule.stroke())]
        // The same footer and page numbers on every document of a run: laid out once.
        let subject = LayoutSubject(.subjectFooter, at: SourceLocation(file: context.deck.labels.file))
        let left = setFixed([TextBlock(text, style: style)], width: contentWidth, subject: subject)
        items += left.items(at: Point(x: contentLeft, y: textTop))
        // A single page needs no number.
        guard pages > 1 else { return items }
        let numberWidth = context.typesetter.width(of: number, style: style)
        let right = setFixed([TextBlock(number, style: style)], width: numberWidth + 2, subject: subject)
        items += right.items(at: Point(x: contentLeft + contentWidth - numberWidth, y: textTop))
        return items
    }
}
