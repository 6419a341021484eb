/// One side of one card, drawn in the card's own coordinates: the trim box runs from (0, 0) to
/// the card's size; backgrounds run `bleed` past it, text stays inside the safe area.
package import SwanDeck
package import SwanLayout

package enum CardSideName: String, Sendable, CaseIterable {
    case front, back
}

package struct CardFace: Sendable {
    package var cardID: String
    package var side: CardSideName
    package var items: [PageItem]
    /// Where text may go: the trim box inset by the safe margin.
    package var safeArea: Rect
    /// The factor text was shrunk by to fit (1 = the template's sizes).
    package var scale: Double
    /// The side's logical structure (tagged PDF): a Sect named after the card with the side's
    /// heading, paragraphs and lists; `items` mark their text with it, the band's label and the
    /// decorations are artifacts. A document that tags grafts it into its own tree.
    package var structure: StructureTree
}

/// Lays out card faces from the deck and layout/cards.yaml.
package struct CardFaceRenderer {
    package let context: DocumentContext
    package let layout: CardLayout
    package let diagnostics: Diagnostics
    /// The run's faces (see CardFaceStore); nil sets every face afresh (a test's own layout).
    private let store: CardFaceStore?

    package init(context: DocumentContext, layout: CardLayout, diagnostics: Diagnostics) {
        self.init(context: context, layout: layout, diagnostics: diagnostics, store: nil)
    }

    private init(context: DocumentContext, layout: CardLayout, diagnostics: Diagnostics, store: CardFaceStore?) {
        self.context = context; self.layout = layout; self.diagnostics = diagnostics; self.store = store
    }

    /// The renderer every document of a run uses: the deck's layout/cards.yaml, and each face's
    /// text set once per run (the sheets, print shop, previews and screen edition show the same faces).
    package static func shared(_ context: DocumentContext, diagnostics: Diagnostics) throws -> CardFaceRenderer {
        CardFaceRenderer(context: context, layout: try context.layout("cards", as: CardLayout.self), diagnostics: diagnostics,
                         store: context.cardFaces)
    }

    private var size: Size { layout.trimSize }
    private var colours: CardLayout.Colours { layout.colours }

    /// The face of `card` on `side`, with backgrounds running `bleed` points past the trim.
    package func face(_ card: Card, _ side: CardSideName, bleed: Double) -> CardFace {
        let text = store?.text(card, side) { self.text(card, side) } ?? self.text(card, side)
        text.replay(into: diagnostics)
        return text.face(card, side, bleed: bleed, size: size, bandHeight: mm(layout.band.height),
                         bottomBar: mm(layout.band.bottomBar), tint: layout.decoration.hoofdvraagTint,
                         outline: Stroke(colour: bandTextColour(text.accent), width: 0.8))
    }

    /// Everything of a face that does not depend on the bleed: its text set, its structure,
    /// and what setting it found wrong.
    private func text(_ card: Card, _ side: CardSideName) -> CardFaceText {
        let recorder = Diagnostics()
        let subject = LayoutSubject.card(card, side)
        let accent = context.roundColour(card.round, fallback: colours.neutral)
        let safe = Rect(x: 0, y: 0, width: size.width, height: size.height).insetBy(mm(layout.card.safeMargin))

        var tree = StructureTree()
        let section = tree.add(.section, under: nil, title: card.name)
        guard let content = side == .front ? card.front : card.back else {
            return commonBack(card, accent: accent, safe: safe, subject: subject, tree: tree, section: section, diagnostics: recorder)
        }
        let (numeral, numeralTop, numeralLeft) = self.numeral(card, side, accent: accent, safe: safe)
        let bandText = band(card, accent: accent, safe: safe, diagnostics: recorder)
        // The text area: below the band, above the bottom bar, inside the safe margins, and
        // above the round numeral (a clear zone: the numeral never sits behind text).
        let top = max(safe.minY, mm(layout.band.height) + mm(2.5))
        let foot = min(safe.maxY, size.height - mm(layout.band.bottomBar) - mm(2))
        let bottom = min(foot, numeralTop.map { $0 - mm(2) } ?? .infinity)
        var area = Rect(x: safe.minX, y: top, width: safe.width, height: bottom - top)

        // At the foot, set first (they take their room from the text area) but read after the
        // text: a hulpvragen card names both its sides on both sides, as the source does (the
        // other side's title); the footer ("Gebaseerd op …") sits at the bottom of the area.
        var footItems: [(layout: TextLayout, origin: Point)] = []
        if card.kind == .hulpvragen, let other = (side == .front ? card.back : card.front)?.title, content.footer == nil {
            // The other side's title, the footer and the numeral repeat over cards and documents: set once.
            let otherLayout = context.typesetter.layoutOnce([TextBlock(other, style: style(layout.styles.otherSide))], width: area.width)
            recorder.missingGlyphs(otherLayout.missing, in: subject)
            // At the card's foot on both sides: on the front beside the round numeral when it
            // fits there, so it never reads as a heading over nothing.
            let besideNumeral = numeralLeft.map { (otherLayout.lines.map(\.width).max() ?? 0) <= $0 - area.minX - mm(2) } ?? false
            if besideNumeral {
                footItems.append((otherLayout, Point(x: area.minX, y: foot - otherLayout.height)))
            } else {
                footItems.append((otherLayout, Point(x: area.minX, y: area.maxY - otherLayout.height)))
                area.size.height -= otherLayout.height + mm(3)
            }
        }
        if let footer = content.footer {
            let footerLayout = context.typesetter.layoutOnce([TextBlock(footer, style: style(layout.styles.footer))], width: area.width)
            recorder.missingGlyphs(footerLayout.missing, in: subject)
            footItems.append((footerLayout, Point(x: area.minX, y: area.maxY - footerLayout.height)))
            area.size.height -= footerLayout.height + mm(3)
        }

        let (blocks, roles) = self.blocks(for: content, card: card, side: side)
        // Not kept in the typesetter's memo of boxes: the face is kept whole (CardFaceStore).
        let result = context.typesetter.fit(blocks, in: area.size, minimumScale: layout.card.minimumScale, remembered: store == nil)
        recorder.missingGlyphs(result.layout.missing, in: subject)
        if !result.fits {
            recorder.fail(.overflow(subject, by: result.overflow, minimumScale: layout.card.minimumScale))
        }
        // Question-only sides are centred in the area; sides with lists start at the top.
        let centred = content.sections.isEmpty
        let y = centred ? area.minY + max(0, (area.height - result.layout.height) / 2) : area.minY
        let text = result.layout.markedItems(at: Point(x: area.minX, y: y), roles: roles, in: &tree, under: section)
        // Drawn in the order they always were (foot first), read text first.
        let items = footItems.flatMap { $0.layout.markedItems(at: $0.origin, roles: [.paragraph], in: &tree, under: section) } + text
        return CardFaceText(card: card, accent: accent, safeArea: safe, isCommonBack: false, numeral: numeral, band: bandText,
                            text: items, scale: result.scale, structure: tree, warnings: recorder.warnings,
                            problems: recorder.problems)
    }

    /// The text of a side as blocks, in reading order, with what each is in the structure: the
    /// title is the side's heading; without one, the question is (with the lead that opens it,
    /// "Hoe speelt… / Sociale cohesie een rol?"); section headings are one level below.
    private func blocks(for content: CardSide, card: Card, side: CardSideName) -> ([TextBlock], [TextRole]) {
        let styles = layout.styles
        var blocks: [TextBlock] = []
        var roles: [TextRole] = []
        let onlyTitle = content.title != nil && content.question == nil && content.sections.isEmpty && content.lead == nil
        let questionHeads = content.title == nil && content.question != nil
        if let title = content.title {
            blocks.append(TextBlock(title, style: style(onlyTitle ? styles.nameOnBack : styles.title)))
            roles.append(.heading(1))
        }
        if let lead = content.lead {
            blocks.append(TextBlock(lead, style: style(styles.lead)))
            roles.append(questionHeads ? .heading(1) : .paragraph)
        }
        if let question = content.question {
            blocks.append(TextBlock(question, style: style(card.kind == .hoofdvraag ? styles.hoofdvraag : styles.question)))
            roles.append(questionHeads ? (content.lead != nil ? .continuation : .heading(1)) : .paragraph)
        }
        if let note = content.note { blocks.append(TextBlock(note, style: style(styles.note))); roles.append(.paragraph) }
        let hasHeading = roles.contains(.heading(1))
        for section in content.sections {
            if let heading = section.heading {
                blocks.append(TextBlock(heading, style: style(styles.heading, keepWithNext: true)))
                roles.append(.heading(hasHeading ? 2 : 1))
            }
            for item in section.items {
                blocks.append(TextBlock(item, style: style(styles.item), marker: layout.bullet))
                roles.append(.listItem)
            }
        }
        return (blocks, roles)
    }

    /// The round's label in the coloured band (as on the printed cards; the band and the thin
    /// bar at the bottom are drawn by CardFaceText). The round's name ("Ronde 1") on the left,
    /// and for the cards outside the rounds the deck's short name and the card's name, are
    /// additions a coordinator can switch on in labels.yaml (card.band.*).
    private func band(_ card: Card, accent: Colour, safe: Rect, diagnostics: Diagnostics) -> [PageItem] {
        let bandHeight = mm(layout.band.height)
        var items: [PageItem] = []
        let textColour = bandTextColour(accent)
        let round = card.round.flatMap { context.deck.round($0) }
        let values = ["round": round?.name ?? "", "number": round.map { String($0.number) } ?? "",
                      "deck": context.deck.meta.shortName, "name": card.name]
        let left = (try? context.optionalLabel(round == nil ? LabelKey.cardBandDeck : LabelKey.cardBandRound, values)) ?? nil
        let right = round?.label ?? ((try? context.optionalLabel(LabelKey.cardBandName, values)) ?? nil)
        let leftStyle = style(layout.styles.bandRound, colour: textColour)
        let rightStyle = style(layout.styles.bandLabel, colour: textColour)
        let leftWidth = left.map { context.typesetter.width(of: $0, style: leftStyle) + mm(2) } ?? 0
        var pieces: [(String, TextStyle, Double, Double)] = []
        if let left { pieces.append((left, leftStyle, safe.minX, leftWidth)) }
        if let right { pieces.append((right, rightStyle, safe.minX + leftWidth, safe.width - leftWidth)) }
        for (text, textStyle, x, width) in pieces {
            let line = context.typesetter.fit([TextBlock(text, style: textStyle)], in: Size(width: width, height: bandHeight),
                                              minimumScale: layout.card.minimumScale)
            if !line.fits || line.layout.lines.count > 1 {
                diagnostics.fail(.layout(.bandOverflow, LayoutSubject(.subjectCardBand, ["id": "\(card.id)"], at: card.source),
                                         ["text": "\(text)"]))
            }
            let y = max(safe.minY, (bandHeight - line.layout.height) / 2)
            // The round's label on every card of the round: a running head, not content.
            items.append(.marked(.artifact(.pagination), line.layout.items(at: Point(x: x, y: y))))
        }
        return items
    }

    /// The front of a round card shows its round number large in the bottom corner, in a zone
    /// of its own, at the same contrast against its background in every round (the round is
    /// also named in the band, for black-and-white prints; the hoofdvraag card, which lies in
    /// the middle of the table, is tinted with its round's colour). Returns the items and the
    /// top and left of the numeral's zone.
    private func numeral(_ card: Card, _ side: CardSideName, accent: Colour, safe: Rect) -> ([PageItem], Double?, Double?) {
        let decoration = layout.decoration
        let paper = card.kind == .hoofdvraag ? accent.tint(decoration.hoofdvraagTint) : Colour.white
        guard side == .front, let round = card.round else { return ([], nil, nil) }
        let colour = Self.colour(accent, contrast: decoration.numeralContrast, against: paper)
        // A line box about as tall as the digit, standing on the safe area's bottom (above the bar).
        let style = TextStyle(size: decoration.numeralSize, leading: decoration.numeralSize * 0.75, colour: colour,
                              alignment: .right, bold: true, hyphenate: false)
        let numeral = context.typesetter.layoutOnce([TextBlock(String(round), style: style)], width: safe.width)
        guard let line = numeral.lines.first else { return ([], nil, nil) }
        // The numeral repeats the round the band names: an ornament, drawn as outlines.
        let top = min(safe.maxY, size.height - mm(layout.band.bottomBar) - mm(1)) - numeral.height
        let baseline = top + line.baseline
        let items = numeral.items(at: Point(x: safe.minX, y: top)).map { item in
            guard case .text(var run) = item else { return item }
            run.decorative = true
            return PageItem.text(run)
        }
        // Digits are about 0.72 em tall in Noto Sans Bold.
        let left = line.runs.map(\.origin.x).min().map { safe.minX + $0 }
        return (items, baseline - decoration.numeralSize * 0.72, left)
    }

    /// `accent` lightened towards white until it stands `contrast`:1 against `paper` (or the
    /// full colour when even that is lighter): every round's numeral gets the same weight.
    static func colour(_ accent: Colour, contrast target: Double, against paper: Colour) -> Colour {
        guard accent.contrast(with: paper) > target else { return accent }
        var low = 0.0, high = 1.0   // tint amounts: low keeps more colour
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if accent.tint(middle).contrast(with: paper) > target { low = middle } else { high = middle }
        }
        return accent.tint(low)
    }

    /// The text of a back for cards that have no text of their own there (the round's colour
    /// over the whole card and a frame are drawn by CardFaceText): the deck's short name and
    /// title, and the round.
    private func commonBack(_ card: Card, accent: Colour, safe: Rect, subject: LayoutSubject,
                            tree: StructureTree, section: StructureID, diagnostics: Diagnostics) -> CardFaceText {
        var tree = tree
        let colour = bandTextColour(accent)
        var blocks = [TextBlock(context.deck.meta.shortName, style: style(layout.styles.commonBackTitle, colour: colour)),
                      TextBlock(context.deck.meta.title, style: style(layout.styles.commonBackSubtitle, colour: colour))]
        if let round = card.round.flatMap({ context.deck.round($0) }) {
            blocks.append(TextBlock("\(round.name) · \(round.label)", style: style(layout.styles.commonBackSubtitle, colour: colour)))
        }
        let area = safe.insetBy(mm(3))
        let result = context.typesetter.fit(blocks, in: area.size, minimumScale: layout.card.minimumScale)
        diagnostics.missingGlyphs(result.layout.missing, in: subject)
        if !result.fits { diagnostics.fail(.overflow(subject, by: result.overflow, minimumScale: layout.card.minimumScale)) }
        // The back carries text: its name as the heading, the rest as paragraphs.
        let text = result.layout.markedItems(at: Point(x: area.minX, y: area.minY + max(0, (area.height - result.layout.height) / 2)),
                                             roles: [.heading(1)], in: &tree, under: section)
        return CardFaceText(card: card, accent: accent, safeArea: safe, isCommonBack: true, numeral: [], band: [], text: text,
                            scale: result.scale, structure: tree, warnings: diagnostics.warnings, problems: diagnostics.problems)
    }

    /// Of the light and the dark text colour, the one with more contrast on the band (at least
    /// 4.5:1 with the deck's colours: dark on green and yellow, light on blue and grey).
    private func bandTextColour(_ accent: Colour) -> Colour {
        let light = colours.lightText, dark = colours.darkText
        return light.contrast(with: accent) >= dark.contrast(with: accent) ? light : dark
    }

    private func style(_ spec: StyleSpec, colour: Colour? = nil, keepWithNext: Bool = false) -> TextStyle {
        var result = spec.textStyle(defaultColour: colours.text, keepWithNext: keepWithNext)
        if let colour { result.colour = colour }
        return result
    }
}
