/// The two kinds of page of the screen edition, on the 16:9 page of layout/screen.yaml: a header
/// bar in the round's colour, then the cards, drawn from the print faces at screen scale.
import SwanDeck
import SwanDiagnostics
import SwanLayout

struct ScreenPageBuilder {
    let context: DocumentContext
    let layout: ScreenLayout
    let cardLayout: CardLayout
    let faces: CardFaceRenderer
    let diagnostics: Diagnostics
    private let colours: Colours

    private struct Colours {
        var background: Colour, neutral: Colour, lightText: Colour, darkText: Colour, outline: Colour
    }

    init(context: DocumentContext, diagnostics: Diagnostics) throws {
        self.context = context
        self.diagnostics = diagnostics
        layout = try context.layout("screen", as: ScreenLayout.self)
        cardLayout = try context.layout("cards", as: CardLayout.self)
        faces = try CardFaceRenderer.shared(context, diagnostics: diagnostics)
        func colour(_ hex: String, _ key: String) throws -> Colour { try LayoutColour.parse(hex, key: key, layout: "screen") }
        colours = Colours(background: try colour(layout.background, "background"),
                          neutral: try colour(layout.header.neutral, "header.neutral"),
                          lightText: try colour(layout.header.lightText, "header.lightText"),
                          darkText: try colour(layout.header.darkText, "header.darkText"),
                          outline: layout.cardOutline.colour)
    }

    private var size: Size { layout.pageSize }
    private var margin: Double { mm(layout.margin) }
    /// Where the cards go: below the header, inside the margins.
    private var area: Rect {
        let top = mm(layout.header.height) + margin
        return Rect(x: margin, y: top, width: size.width - 2 * margin, height: size.height - top - margin)
    }

    /// The round's hoofdvraag in the middle, the fronts of its other cards around it, each with
    /// its name under it (so that the gespreksleider can point to "the card Kennis").
    /// Tagged: the round's title is the page's heading, each card a Sect (the print face's) with
    /// its name under it as a paragraph.
    func tablePage(_ round: Round, _ cards: [Card], title: String, tree: inout StructureTree, under root: StructureID) throws -> Page {
        var page = blankPage(accent: context.roundColour(round.number, fallback: colours.neutral), title: title, detail: nil,
                             roles: [.heading(1)], tree: &tree, under: root)
        let centre = cards.first { $0.kind == .hoofdvraag }
        let around = cards.filter { $0.id != centre?.id }
        let captionStyle = style(layout.table.caption, colour: colours.darkText)
        let captionHeight = Double(layout.table.captionLines) * captionStyle.leading + mm(layout.table.captionSpace)
        let arrangement = TableArrangement.make(card: cardLayout.trimSize, area: area, count: around.count,
                                                hasCentre: centre != nil, caption: captionHeight, table: layout.table)
        if !around.isEmpty, arrangement.aroundScale < layout.table.minimumScale {
            // Said at the first card that no longer fits, with the most that do.
            let limit = tableCapacity(hasCentre: centre != nil, caption: captionHeight, below: around.count)
            diagnostics.fail(.error(LayoutCode.screenTableScale, [
                "round": "\(round.id)", "count": "\(around.count)", "limit": "\(limit)",
                "percent": "\(String(format: "%.0f", arrangement.aroundScale * 100))",
                "minimum": "\(String(format: "%.0f", layout.table.minimumScale * 100))",
            ], at: around[limit].source))
            // The page fails: its cards are not laid out at a scale where each caption would
            // take a line per letter (a round of thousands of cards made that quadratic).
            return page
        }
        var placed: [(Card, TableArrangement.Slot)] = []
        if let centre, let slot = arrangement.centre { placed.append((centre, slot)) }
        placed += zip(around, arrangement.around)
        for (card, slot) in placed {
            if card.id != centre?.id, let miniature = layout.table.miniature {
                page.add(self.miniature(card, style: style(miniature, colour: colours.darkText), in: slot.rect, tree: &tree, under: root))
                continue
            }
            let (items, section) = self.card(card, .front, in: slot.rect, tree: &tree, under: root)
            page.add(items)
            page.add(caption(card.name, style: captionStyle, under: slot.rect, space: mm(layout.table.captionSpace),
                             lines: layout.table.captionLines, role: .paragraph, tree: &tree, under: section))
        }
        return page
    }

    /// The most cards (fewer than `below`) that fit around the centre at the minimum scale or
    /// larger: tried from one up, as the scale only shrinks with more cards (a dozen tries, not
    /// one per card of a round of thousands).
    private func tableCapacity(hasCentre: Bool, caption: Double, below count: Int) -> Int {
        var fitting = 0
        while fitting + 1 < count {
            let arrangement = TableArrangement.make(card: cardLayout.trimSize, area: area, count: fitting + 1,
                                                    hasCentre: hasCentre, caption: caption, table: layout.table)
            guard arrangement.aroundScale >= layout.table.minimumScale else { break }
            fitting += 1
        }
        return fitting
    }

    /// One card, front and back side by side, as large as the page allows, each with a caption.
    /// Tagged: the card's name in the header is the page's heading (the round's title beside it
    /// repeats on every page: an artifact), each side a Sect; the captions "voorkant" and
    /// "achterkant" repeat on every card page and are artifacts too (PDF/UA-1 7.8: repeated
    /// labels are not content; the sides are read front first).
    func cardPage(_ card: Card, title: String, tree: inout StructureTree, under root: StructureID) throws -> Page {
        var page = blankPage(accent: context.roundColour(card.round, fallback: colours.neutral), title: title, detail: card.name,
                             roles: [.artifact(.pagination), .heading(1)], tree: &tree, under: root)
        let captionStyle = style(layout.cardPage.caption, colour: colours.darkText)
        let captions = try [context.label(.screenFront), context.label(.screenBack)]
        let captionHeight = captionStyle.leading
        let gap = mm(layout.cardPage.gap), space = mm(layout.cardPage.captionSpace)
        let trim = cardLayout.trimSize
        let scale = min((area.height - captionHeight - space) / trim.height, (area.width - gap) / 2 / trim.width)
        let cardSize = Size(width: trim.width * scale, height: trim.height * scale)
        let left = area.minX + (area.width - 2 * cardSize.width - gap) / 2
        let top = area.minY + (area.height - cardSize.height - space - captionHeight) / 2
        for (index, side) in CardSideName.allCases.enumerated() {
            let rect = Rect(x: left + Double(index) * (cardSize.width + gap), y: top, width: cardSize.width, height: cardSize.height)
            let (items, section) = self.card(card, side, in: rect, tree: &tree, under: root)
            page.add(items)
            page.add(caption(captions[index], style: captionStyle, under: rect, space: space, lines: 1,
                             role: .artifact(.pagination), tree: &tree, under: section))
        }
        return page
    }

    /// A caption centred under `rect`, tagged as `role`; a caption longer than `lines` lines is an error.
    private func caption(_ text: String, style: TextStyle, under rect: Rect, space: Double, lines: Int, role: TextRole,
                         tree: inout StructureTree, under section: StructureID) -> [PageItem] {
        let laid = context.typesetter.layout([TextBlock(text, style: style)], width: rect.width + mm(layout.table.gap))
        diagnostics.missingGlyphs(laid.missing, in: LayoutSubject(.subjectScreenCaption, ["text": "\(text)"]))
        if laid.lines.count > lines {
            diagnostics.fail(.error(LayoutCode.screenCaptionLines, ["text": "\(text)", "lines": "\(laid.lines.count)", "maximum": "\(lines)"]))
        }
        return laid.markedItems(at: Point(x: rect.minX - mm(layout.table.gap) / 2, y: rect.maxY + space),
                                roles: [role], in: &tree, under: section)
    }

    /// The print face of `card`, scaled into `rect` (which has the card's proportions), and its
    /// Sect in `tree`.
    private func card(_ card: Card, _ side: CardSideName, in rect: Rect,
                      tree: inout StructureTree, under root: StructureID) -> ([PageItem], StructureID) {
        let trim = cardLayout.trimSize
        let box = Rect(x: 0, y: 0, width: trim.width, height: trim.height)
        let face = faces.face(card, side, bleed: 0)
        let map = tree.graft(face.structure, under: root)
        let scale = rect.width / trim.width
        let outline = Stroke(colour: colours.outline, width: layout.cardOutline.width / scale)
        let items: [PageItem] = [.rectangle(box, cornerRadius: 0, fill: .white, stroke: nil),
                                 .clipped(box, face.items.restructured(map)),
                                 .rectangle(box, cornerRadius: 0, fill: nil, stroke: outline)]
        return (items.scaled(by: scale).offsetBy(dx: rect.minX, dy: rect.minY), map[face.structure.roots[0].index])
    }

    /// A card around the hoofdvraag as a miniature: the card with its band in the round's colour
    /// and its name in the middle, at page size (the print face scaled down set its lists at
    /// 13-15 px of a 1920 px screen). Tagged: a Sect with the name as its heading, as a face.
    private func miniature(_ card: Card, style: TextStyle, in rect: Rect, tree: inout StructureTree,
                           under root: StructureID) -> [PageItem] {
        let section = tree.add(.section, under: root, title: card.name)
        let scale = rect.width / cardLayout.trimSize.width
        let band = mm(cardLayout.band.height) * scale
        let inset = mm(cardLayout.card.safeMargin) * scale
        var items: [PageItem] = [
            .rectangle(rect, cornerRadius: 0, fill: .white, stroke: nil),
            .rectangle(Rect(x: rect.minX, y: rect.minY, width: rect.width, height: band), cornerRadius: 0,
                       fill: context.roundColour(card.round, fallback: colours.neutral), stroke: nil),
            .rectangle(rect, cornerRadius: 0, fill: nil, stroke: Stroke(colour: colours.outline, width: layout.cardOutline.width)),
        ]
        let area = Size(width: rect.width - 2 * inset, height: rect.height - band - 2 * inset)
        // A long word ("maatschappelijke") may shrink the name as a card's text may (20 %).
        let name = context.typesetter.fit([TextBlock(card.name, style: style)], in: area, minimumScale: cardLayout.card.minimumScale)
        diagnostics.missingGlyphs(name.layout.missing, in: LayoutSubject(.subjectScreenMiniature, ["id": "\(card.id)"], at: card.source))
        if !name.fits { diagnostics.fail(.error(LayoutCode.screenCaptionLines, ["text": "\(card.name)", "lines": "\(name.layout.lines.count)", "maximum": "\(max(1, name.layout.lines.count - 1))"])) }
        let top = rect.minY + band + inset + max(0, (area.height - name.layout.height) / 2)
        items += name.layout.markedItems(at: Point(x: rect.minX + inset, y: top), roles: [.heading(1)], in: &tree, under: section)
        return items
    }

    /// The page background and the header bar with its title (and, on card pages, the card's name).
    /// `roles`: what the title and the detail are in the structure.
    private func blankPage(accent: Colour, title: String, detail: String?, roles: [TextRole],
                           tree: inout StructureTree, under root: StructureID) -> Page {
        var page = Page(size: size)
        let bar = mm(layout.header.height)
        page.add(.rectangle(Rect(x: 0, y: 0, width: size.width, height: size.height), cornerRadius: 0,
                            fill: colours.background, stroke: nil))
        page.add(.rectangle(Rect(x: 0, y: 0, width: size.width, height: bar), cornerRadius: 0, fill: accent, stroke: nil))
        let text = accent.luminance < 0.35 ? colours.lightText : colours.darkText
        let width = size.width - 2 * margin
        let titleStyle = style(layout.header.title, colour: text)
        let titleWidth = min(width, context.typesetter.width(of: title, style: titleStyle) + 1)
        var pieces = [(title, titleStyle, margin, titleWidth)]
        if let detail {
            pieces.append((detail, style(layout.header.detail, colour: text), margin + titleWidth + mm(4), width - titleWidth - mm(4)))
        }
        for (index, (words, textStyle, x, available)) in pieces.enumerated() {
            let line = context.typesetter.fit([TextBlock(words, style: textStyle)], in: Size(width: available, height: bar),
                                              minimumScale: cardLayout.card.minimumScale)
            diagnostics.missingGlyphs(line.layout.missing, in: LayoutSubject(.subjectScreenHeader))
            if !line.fits || line.layout.lines.count > 1 {
                diagnostics.fail(.error(LayoutCode.screenHeaderLine, ["text": "\(words)"]))
            }
            page.add(line.layout.markedItems(at: Point(x: x, y: (bar - line.layout.height) / 2),
                                             roles: [roles.indices.contains(index) ? roles[index] : .artifact(.pagination)],
                                             in: &tree, under: root))
        }
        return page
    }

    private func style(_ spec: StyleSpec, colour: Colour) -> TextStyle {
        spec.textStyle(defaultColour: colour)
    }
}
