/// The home-print PDF: a first page that says how to print, then for each sheet a page of fronts
/// followed by its page of backs, placed to land behind their fronts under the chosen flip.
import SwanDeck
import SwanEngine

public struct CardSheetOptions: Sendable {
    public var paper: PaperSize = .a4
    public var flip: FlipEdge = .long
    public var cropMarks = true
    public init(paper: PaperSize = .a4, flip: FlipEdge = .long, cropMarks: Bool = true) {
        self.paper = paper; self.flip = flip; self.cropMarks = cropMarks
    }
}

/// A card placed on a sheet page: which card, which side, where its trim box is.
public struct PlacedCard: Sendable, Equatable {
    public var cardID: String
    public var side: CardSideName
    public var pageIndex: Int
    public var trim: Rect
    public var safeArea: Rect
}

public struct CardSheetDocument: Sendable {
    public var document: Document
    public var placements: [PlacedCard]
    public var geometry: SheetGeometry
}

public enum CardSheets {
    public static func make(_ cards: [Card], _ context: DocumentContext, options: CardSheetOptions = CardSheetOptions(),
                            diagnostics: Diagnostics = Diagnostics()) throws -> CardSheetDocument {
        let layout = try context.layout("cards", as: CardLayout.self)
        let renderer = CardFaceRenderer(context: context, layout: layout, diagnostics: diagnostics)
        let sheet = layout.sheet
        let margin = mm(sheet.cropMarkOffset + sheet.cropMarkLength + 0.5)
        let geometry = SheetGeometry(paper: options.paper.size, card: layout.trimSize, gap: mm(sheet.gap), margin: margin)
        let stroke = Stroke(colour: .black, width: mm(sheet.cropMarkWidth))

        var pages = [try instructionPage(context, options: options, geometry: geometry, count: cards.count)]
        var placements: [PlacedCard] = []
        for start in stride(from: 0, to: cards.count, by: geometry.cardsPerSheet) {
            let batch = Array(cards[start..<min(cards.count, start + geometry.cardsPerSheet)])
            for side in CardSideName.allCases {
                var page = Page(size: options.paper.size)
                for (slot, card) in batch.enumerated() {
                    let front = geometry.frontRect(slot)
                    let trim = side == .front ? front : geometry.mirror(front, flip: options.flip)
                    let face = renderer.face(card, side, bleed: 0)
                    // Each card is clipped to its own trim box so no neighbour is painted over.
                    page.add(.clipped(trim, face.items.offsetBy(dx: trim.minX, dy: trim.minY)))
                    placements.append(PlacedCard(cardID: card.id, side: side, pageIndex: pages.count, trim: trim,
                                                 safeArea: face.safeArea.offsetBy(dx: trim.minX, dy: trim.minY)))
                }
                if options.cropMarks {
                    // Marks for the whole grid, mirrored on the backs like the cards.
                    let marks = geometry.cropMarks(length: mm(sheet.cropMarkLength), offset: mm(sheet.cropMarkOffset), stroke: stroke)
                    page.add(side == .front ? marks : marks.map { mirror($0, geometry, options.flip) })
                }
                pages.append(page)
            }
        }
        try diagnostics.throwIfFailed()
        var info = context.info(title: try context.label("sheets.title", ["deck": context.deck.meta.title]),
                                subject: context.deck.meta.title)
        info.duplex = options.flip.duplex
        info.printAtActualSize = true
        return CardSheetDocument(document: Document(info: info, pages: pages), placements: placements, geometry: geometry)
    }

    private static func mirror(_ item: PageItem, _ geometry: SheetGeometry, _ flip: FlipEdge) -> PageItem {
        guard case .line(let from, let to, let stroke) = item else { return item }
        func point(_ p: Point) -> Point {
            flip == .long ? Point(x: geometry.paper.width - p.x, y: p.y) : Point(x: p.x, y: geometry.paper.height - p.y)
        }
        return .line(from: point(from), to: point(to), stroke: stroke)
    }

    /// Page 1: how to print (double-sided, which flip, 100 %), and how to check the alignment.
    private static func instructionPage(_ context: DocumentContext, options: CardSheetOptions, geometry: SheetGeometry,
                                        count: Int) throws -> Page {
        let layout = try context.layout("cards", as: CardLayout.self)
        var page = Page(size: options.paper.size)
        let margin = mm(20)
        let width = options.paper.size.width - 2 * margin
        let text = Colour(hex: layout.colours.text) ?? .black
        let title = TextStyle(size: 20, leading: 25, colour: text, bold: true, hyphenate: false, spaceAfter: 10)
        let body = TextStyle(size: 11, leading: 15, colour: text, spaceAfter: 6)
        let step = TextStyle(size: 11, leading: 15, colour: text, leftIndent: mm(7), spaceAfter: 6)
        let sheets = (count + geometry.cardsPerSheet - 1) / geometry.cardsPerSheet
        let values = ["deck": context.deck.meta.title, "cards": String(count), "sheets": String(sheets),
                      "pages": String(1 + 2 * sheets), "perSheet": String(geometry.cardsPerSheet),
                      "flip": try context.label("sheets.flip.\(options.flip.rawValue)"),
                      "paper": options.paper.rawValue.uppercased()]
        var blocks = [TextBlock(try context.label("sheets.instructions.title", values), style: title),
                      TextBlock(try context.label("sheets.instructions.intro", values), style: body)]
        let steps = try context.label("sheets.instructions.steps", values).split(separator: "\n").map(String.init)
        for (index, line) in steps.enumerated() {
            blocks.append(TextBlock(line, style: step, marker: "\(index + 1)."))
        }
        let laid = context.typesetter.layout(blocks, width: width)
        page.add(laid.items(at: Point(x: margin, y: margin)))

        // A swatch per round, with its name and label: shows how the colours print.
        var y = margin + laid.height + mm(10)
        for round in context.deck.rounds {
            let colour = Colour(hex: round.colour) ?? .black
            page.add(.rectangle(Rect(x: margin, y: y, width: mm(12), height: mm(7)), cornerRadius: mm(1), fill: colour, stroke: nil))
            let label = context.typesetter.layout([TextBlock("\(round.name): \(round.label)", style: body)], width: width - mm(16))
            page.add(label.items(at: Point(x: margin + mm(16), y: y + (mm(7) - label.height) / 2 + 2)))
            y += mm(10)
        }
        return page
    }
}
