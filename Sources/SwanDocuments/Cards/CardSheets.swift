/// The home-print PDF: for each sheet a page of fronts (always an odd page) followed by its page
/// of backs, placed to land behind their fronts under the chosen flip; the page that says how to
/// print comes last, so that a plain double-sided print never puts a back behind the wrong front.
package import SwanDeck
import SwanDiagnostics
package import SwanLayout

package struct CardSheetOptions: Sendable {
    package var paper: PaperSize = .a4
    package var flip: FlipEdge = .long
    package var cropMarks = true
    /// Where the printer puts the backs (read off the calibration sheet): every back page moves
    /// the other way; fronts never move.
    package var backOffset = BackOffset.zero
    /// The last sheet's empty places filled with extra role cards and a second check card (an
    /// online meeting, where every participant has a set of their own).
    package var extraRoles = false
    package init(paper: PaperSize = .a4, flip: FlipEdge = .long, cropMarks: Bool = true, backOffset: BackOffset = .zero,
                extraRoles: Bool = false) {
        self.paper = paper; self.flip = flip; self.cropMarks = cropMarks; self.backOffset = backOffset; self.extraRoles = extraRoles
    }
}

/// A card placed on a sheet page: which card, which side, where its trim box is.
package struct PlacedCard: Sendable, Equatable {
    package var cardID: String
    package var side: CardSideName
    package var pageIndex: Int
    package var trim: Rect
    package var safeArea: Rect
}

package struct CardSheetDocument: Sendable {
    package var document: Document
    package var placements: [PlacedCard]
    package var geometry: SheetGeometry
}

package enum CardSheets {
    /// For the empty places of the last sheet: the role cards in the deck's order, a second check
    /// card after the first round of them, then the roles again, as many as there are places.
    package static func extraCards(filling count: Int, perSheet: Int, deck: Deck) -> [Card] {
        let free = (perSheet - count % perSheet) % perSheet
        let roles = deck.cards(ofKind: .role), checks = deck.cards(ofKind: .check)
        let order = roles + checks.prefix(1)
        guard free > 0, !order.isEmpty else { return [] }
        var extra: [Card] = []
        while extra.count < free {
            let next = extra.count < order.count ? order[extra.count] : roles.isEmpty ? order[0] : roles[(extra.count - order.count) % roles.count]
            extra.append(next)
        }
        return extra
    }

    package static func make(_ cards: [Card], _ context: DocumentContext, options: CardSheetOptions = CardSheetOptions(),
                            diagnostics: Diagnostics) throws -> CardSheetDocument {
        let layout = try context.layout("cards", as: CardLayout.self)
        // The paper is the command's choice: a card that does not fit on it is an error, not a page.
        if let problem = layout.paperProblem(options.paper, context.deck) { throw DiagnosticError([problem]) }
        let renderer = try CardFaceRenderer.shared(context, diagnostics: diagnostics)
        let sheet = layout.sheet
        let bleed = mm(sheet.bleed)
        let geometry = layout.sheetGeometry(on: options.paper)
        let cards = options.extraRoles ? cards + extraCards(filling: cards.count, perSheet: geometry.cardsPerSheet, deck: context.deck) : cards
        let stroke = Stroke(colour: .black, width: sheet.cropMarkWidth)

        var pages: [Page] = []
        var placements: [PlacedCard] = []
        // Tagged: a Sect per card side, in page order and on each page in the cards' order (on
        // a page of backs too, whatever the mirrored positions), then the instructions.
        var tree = StructureTree()
        let root = tree.add(.document, under: nil)
        for start in stride(from: 0, to: cards.count, by: geometry.cardsPerSheet) {
            let batch = Array(cards[start..<min(cards.count, start + geometry.cardsPerSheet)])
            // Set card by card, front then back (what goes wrong is said in the cards' order, as
            // the print shop says it), placed side by side.
            let faces = batch.map { card in CardSideName.allCases.map { renderer.face(card, $0, bleed: bleed) } }
            for (sideIndex, side) in CardSideName.allCases.enumerated() {
                var page = Page(size: geometry.paper)
                var trims: [Rect] = []
                for (slot, card) in batch.enumerated() {
                    let front = geometry.frontRect(slot)
                    let trim = side == .front ? front : geometry.mirror(front, flip: options.flip)
                    let face = faces[slot][sideIndex]
                    var items = face.items.restructured(tree.graft(face.structure, under: root)).offsetBy(dx: trim.minX, dy: trim.minY)
                    // Mirrored top-bottom (short edge of a portrait page, long edge of a landscape
                    // one) the back page comes out upside down against its front: each back is
                    // turned half a turn in its cell, so a cut card reads upright on both sides.
                    if side == .back && !geometry.mirrorsLeftRight(options.flip) {
                        items = [.turned(around: Point(x: trim.minX + trim.width / 2, y: trim.minY + trim.height / 2), items)]
                    }
                    // Each card is clipped to its own bleed box: the gutter keeps neighbours apart.
                    page.add(.clipped(trim.insetBy(-bleed), items))
                    placements.append(PlacedCard(cardID: card.id, side: side, pageIndex: pages.count, trim: trim,
                                                 safeArea: face.safeArea.offsetBy(dx: trim.minX, dy: trim.minY)))
                    trims.append(trim)
                }
                if options.cropMarks {
                    page.add(.marked(.artifact(.page), geometry.cropMarks(trims, length: mm(sheet.cropMarkLength), offset: mm(sheet.cropMarkOffset),
                                                edge: mm(sheet.cropMarkPaperEdge), clearance: mm(0.2),
                                                minimum: mm(sheet.cropMarkMinimum), stroke: stroke)))
                }
                if side == .back && !options.backOffset.isZero {
                    // The whole back page moves, cards and their marks, against the printer's offset.
                    let shift = options.backOffset.correction(on: geometry, flip: options.flip)
                    page.items = page.items.offsetBy(dx: shift.dx, dy: shift.dy)
                    for index in placements.indices where placements[index].pageIndex == pages.count {
                        placements[index].trim = placements[index].trim.offsetBy(dx: shift.dx, dy: shift.dy)
                        placements[index].safeArea = placements[index].safeArea.offsetBy(dx: shift.dx, dy: shift.dy)
                    }
                }
                pages.append(page)
            }
        }
        pages.append(try instructionPage(context, options: options, geometry: geometry, count: cards.count, tree: &tree, under: root))
        try diagnostics.throwIfFailed()
        var info = context.info(title: try context.label(.sheetsTitle, ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        info.duplex = options.flip.duplex
        info.printAtActualSize = true
        // The print dialog offers the card pages only: the instruction page stays off the card stock.
        info.printPageRange = pages.count > 1 ? 1...(pages.count - 1) : nil
        return CardSheetDocument(document: context.tagged(Document(info: info, pages: pages), tree),
                                 placements: placements, geometry: geometry)
    }

    /// The last page: how to print (double-sided, which flip, 100 %), and how to check the alignment.
    private static func instructionPage(_ context: DocumentContext, options: CardSheetOptions, geometry: SheetGeometry,
                                        count: Int, tree: inout StructureTree, under root: StructureID) throws -> Page {
        let layout = try context.layout("cards", as: CardLayout.self)
        var page = Page(size: options.paper.size)
        let margin = mm(20)
        let width = options.paper.size.width - 2 * margin
        let text = layout.colours.text
        let title = TextStyle(size: 20, leading: 25, colour: text, bold: true, hyphenate: false, spaceAfter: 10)
        let body = TextStyle(size: 11, leading: 15, colour: text, spaceAfter: 6)
        let step = TextStyle(size: 11, leading: 15, colour: text, leftIndent: mm(7), spaceAfter: 6)
        let sheets = (count + geometry.cardsPerSheet - 1) / geometry.cardsPerSheet
        let values = ["deck": context.deck.meta.title, "cards": String(count), "sheets": String(sheets),
                      "pages": String(1 + 2 * sheets), "cardPages": String(2 * sheets), "perSheet": String(geometry.cardsPerSheet),
                      "flip": try context.label(.sheetsFlip(options.flip)),
                      "paper": options.paper.rawValue.uppercased(),
                      // The program's syntax, not wording (as on the calibration sheet's own page).
                      "calibration": "swan cards --kind calibration --paper \(options.paper.rawValue) --flip \(options.flip.rawValue)"]
        var blocks = [TextBlock(try context.label(.sheetsInstructionsTitle, values), style: title),
                      TextBlock(try context.label(.sheetsInstructionsIntro, values), style: body)]
        var roles: [TextRole] = [.heading(1), .paragraph]
        let steps = try context.label(.sheetsInstructionsSteps, values).split(separator: "\n").map(String.init)
        for (index, line) in steps.enumerated() {
            blocks.append(TextBlock(line, style: step, marker: "\(index + 1)."))
            roles.append(.listItem)
        }
        // A column of about 130 mm on every paper size (some 75 characters): A3's full width
        // would give lines of 140 characters.
        let column = min(width, mm(130))
        let laid = context.typesetter.layout(blocks, width: column)
        page.add(laid.markedItems(at: Point(x: margin, y: margin), roles: roles, in: &tree, under: root))

        // A swatch per round, with its name and label: shows how the colours print.
        var y = margin + laid.height + mm(10)
        for round in context.deck.rounds {
            let colour = Colour(hex: round.colour) ?? .black
            page.add(.rectangle(Rect(x: margin, y: y, width: mm(12), height: mm(7)), cornerRadius: mm(1), fill: colour, stroke: nil))
            let label = context.typesetter.layout([TextBlock("\(round.name): \(round.label)", style: body)], width: column - mm(16))
            page.add(label.markedItems(at: Point(x: margin + mm(16), y: y + (mm(7) - label.height) / 2 + 2),
                                       roles: [.paragraph], in: &tree, under: root))
            y += mm(10)
        }
        return page
    }
}
