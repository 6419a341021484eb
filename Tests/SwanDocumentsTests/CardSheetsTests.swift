import XCTest
import SwanDeck
import SwanTestSupport
import SwanDocuments
import SwanLayout

final class CardSheetsTests: XCTestCase {
    let context = CardsTestSupport.context
    var cards: [Card] { context.deck.cards }

    func testA4SheetsHoldNineCardsAndPairFrontsWithBacks() throws {
        let sheets = try CardSheets.make(cards, context)
        XCTAssertEqual(sheets.geometry.cardsPerSheet, 9)
        // (fronts, backs) for ceil(21 / 9) = 3 sheets, then the instructions.
        XCTAssertEqual(sheets.document.pages.count, 2 * 3 + 1)
        for page in sheets.document.pages {
            XCTAssertEqual(page.size.width, mm(210), accuracy: 0.01)
            XCTAssertEqual(page.size.height, mm(297), accuracy: 0.01)
        }
        for card in cards {
            let placed = sheets.placements.filter { $0.cardID == card.id }
            XCTAssertEqual(placed.map(\.side), [.front, .back])
            XCTAssertEqual(placed[1].pageIndex, placed[0].pageIndex + 1, "each fronts page is followed by its backs")
            // Duplex-safe: fronts on odd pages (1, 3, 5: even indices), so a plain double-sided
            // print puts every back behind its own front.
            XCTAssertEqual(placed[0].pageIndex % 2, 0, "\(card.id) front on page \(placed[0].pageIndex + 1)")
        }
        // The instructions come last and hold no card.
        let last = sheets.document.pages.count - 1
        XCTAssertFalse(sheets.placements.contains { $0.pageIndex == last })
    }

    func testBacksMirrorFrontsUnderEitherFlip() throws {
        for flip in FlipEdge.allCases {
            for paper in PaperSize.allCases {
                let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper, flip: flip))
                let width = paper.size.width, height = paper.size.height
                for card in cards {
                    let front = sheets.placements.first { $0.cardID == card.id && $0.side == .front }!.trim
                    let back = sheets.placements.first { $0.cardID == card.id && $0.side == .back }!.trim
                    // Turning the sheet over maps a point to the mirror across the flip axis.
                    let expected = flip == .long
                        ? Rect(x: width - front.maxX, y: front.minY, width: front.width, height: front.height)
                        : Rect(x: front.minX, y: height - front.maxY, width: front.width, height: front.height)
                    XCTAssertEqual(back.minX, expected.minX, accuracy: mm(0.1), "\(card.id) \(flip) \(paper)")
                    XCTAssertEqual(back.minY, expected.minY, accuracy: mm(0.1), "\(card.id) \(flip) \(paper)")
                    XCTAssertEqual(back.width, front.width, accuracy: mm(0.1))
                }
            }
        }
    }

    /// Over the short edge the back page is printed upside down against the front: each back is
    /// turned half a turn in its cell, so that its band (the top of the card) lies at the bottom
    /// of the cell on the page, and a cut card reads upright on both sides. Read off poppler's render.
    func testShortFlipTurnsEachBackInItsCell() throws {
        let card = try XCTUnwrap(cards.first { $0.round != nil && $0.back != nil })
        let colour = try XCTUnwrap(PNGImage.Pixel(hex: context.deck.round(card.round!)!.colour))
        let folder = CardsTestSupport.temporaryDirectory()
        let dpi = 50.0
        for flip in FlipEdge.allCases {
            let sheets = try CardSheets.make([card], context, options: CardSheetOptions(flip: flip))
            let url = folder.appendingPathComponent("\(flip).pdf")
            try TestExporters.pdf.write(sheets.document, to: url)
            XCTAssertEqual(try CardsTestSupport.run("pdftoppm", ["-r", "\(Int(dpi))", "-f", "2", "-l", "2", "-png", url.path,
                                                                 folder.appendingPathComponent("\(flip)").path]).status, 0)
            let image = try PNGImage(contentsOf: folder.appendingPathComponent("\(flip)-2.png"))
            let back = try XCTUnwrap(sheets.placements.first { $0.side == .back }).trim
            func px(_ v: Double) -> Int { Int(v / 72 * dpi) }
            let columns = px(back.minX + mm(3))..<px(back.maxX - mm(3))
            let top = image.count(of: colour, tolerance: 20, x: columns, y: px(back.minY + mm(4))..<px(back.minY + mm(10)))
            let bottom = image.count(of: colour, tolerance: 20, x: columns, y: px(back.maxY - mm(10))..<px(back.maxY - mm(4)))
            if flip == .long {
                XCTAssertGreaterThan(top, 10 * max(bottom, 1), "long flip: the band at the top of the back's cell")
            } else {
                XCTAssertGreaterThan(bottom, 10 * max(top, 1), "short flip: the band at the bottom of the back's cell (turned)")
            }
        }
    }

    func testCardsStandApartWithBleedAndTheirOwnCropMarks() throws {
        let sheet = CardsTestSupport.layout.sheet
        for paper in PaperSize.allCases {
            let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper))
            let paperRect = Rect(x: 0, y: 0, width: paper.size.width, height: paper.size.height)
            for (index, page) in sheets.document.pages.enumerated() {
                let placed = sheets.placements.filter { $0.pageIndex == index }
                let bleeds = placed.map { $0.trim.insetBy(-mm(sheet.bleed)) }
                for card in placed {
                    XCTAssertTrue(paperRect.insetBy(mm(sheet.margin) - 0.01).contains(card.trim), "\(card.cardID) on \(paper)")
                }
                // Neighbours' bleeds never overlap: a cutting error shows the card's own colour.
                for (i, a) in bleeds.enumerated() {
                    for b in bleeds[(i + 1)...] {
                        let overlapX = min(a.maxX, b.maxX) - max(a.minX, b.minX)
                        let overlapY = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                        XCTAssertFalse(overlapX > 0.01 && overlapY > 0.01, "bleeds overlap on page \(index + 1)")
                    }
                }
                // Each card is drawn into its own bleed box.
                let clips = page.items.compactMap { item -> Rect? in if case .clipped(let rect, _) = item { return rect } else { return nil } }
                for box in bleeds { XCTAssertTrue(clips.contains { abs($0.minX - box.minX) < 0.01 && abs($0.width - box.width) < 0.01 }) }
                let marks = page.unmarkedItems.compactMap { item -> (Point, Point)? in
                    if case .line(let from, let to, _) = item { return (from, to) } else { return nil }
                }
                if placed.isEmpty { XCTAssertTrue(marks.isEmpty, "no marks on the instructions page"); continue }
                XCTAssertFalse(marks.isEmpty, "page \(index + 1) on \(paper) has crop marks")
                let edge = paperRect.insetBy(mm(sheet.cropMarkPaperEdge) - 0.01)
                for (from, to) in marks {
                    XCTAssertTrue(edge.contains(Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))),
                                  "mark \(from)-\(to) within \(sheet.cropMarkPaperEdge) mm of the paper edge")
                    let middle = Point(x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
                    XCTAssertFalse(bleeds.contains { $0.insetBy(-0.01).contains(Rect(x: middle.x, y: middle.y, width: 0, height: 0)) },
                                   "mark \(from)-\(to) lies on a card")
                    // Every mark lies on a cut line of a card that is on this page.
                    let onCutLine = placed.contains { card in
                        from.x == to.x ? [card.trim.minX, card.trim.maxX].contains { abs($0 - from.x) < 0.01 }
                                       : [card.trim.minY, card.trim.maxY].contains { abs($0 - from.y) < 0.01 }
                    }
                    XCTAssertTrue(onCutLine, "mark \(from)-\(to) marks no card's cut")
                }
                // And every cut line of every card has a mark.
                for card in placed {
                    for x in [card.trim.minX, card.trim.maxX] {
                        XCTAssertTrue(marks.contains { $0.0.x == $0.1.x && abs($0.0.x - x) < 0.01 }, "\(card.cardID): vertical cut unmarked")
                    }
                    for y in [card.trim.minY, card.trim.maxY] {
                        XCTAssertTrue(marks.contains { $0.0.y == $0.1.y && abs($0.0.y - y) < 0.01 }, "\(card.cardID): horizontal cut unmarked")
                    }
                }
            }
        }
    }

    func testNoTextOutsideTheSafeAreaOnSheets() throws {
        let sheets = try CardSheets.make(cards, context)
        for placed in sheets.placements {
            let page = sheets.document.pages[placed.pageIndex]
            let runs = page.glyphRuns.filter { placed.trim.contains($0.bounds) }
            XCTAssertFalse(runs.isEmpty, "\(placed.cardID) \(placed.side) has text")
            for run in runs {
                XCTAssertTrue(placed.safeArea.contains(run.bounds, tolerance: 0.01),
                              "\(placed.cardID) \(placed.side): '\(run.text)' at \(run.bounds) outside \(placed.safeArea)")
            }
        }
    }

    func testCropMarksCanBeTurnedOff() throws {
        func lines(_ options: CardSheetOptions) throws -> Int {
            try CardSheets.make(cards, context, options: options).document.pages.dropLast().flatMap(\.unmarkedItems)
                .filter { if case .line = $0 { return true } else { return false } }.count
        }
        XCTAssertGreaterThan(try lines(CardSheetOptions()), 0)
        XCTAssertEqual(try lines(CardSheetOptions(cropMarks: false)), 0)
    }

    func testSheetsPDFPassesTheTools() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let url = folder.appendingPathComponent("sheets.pdf")
        try TestExporters.pdf.write(try CardSheets.make(cards, context).document, to: url)
        XCTAssertEqual(try CardsTestSupport.run("qpdf", ["--check", url.path]).status, 0)
        let info = try CardsTestSupport.run("pdfinfo", [url.path]).output
        XCTAssertNotNil(info.range(of: "Pages: +7\n", options: .regularExpression), info)
        XCTAssertTrue(info.contains("595.276 x 841.89 pts (A4)"), info)
        let fonts = try CardsTestSupport.run("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for line in fonts { XCTAssertTrue(line.contains("yes yes yes"), "font not embedded/subset/unicode: \(line)") }
        // Print hints: duplex over the long edge, no scaling.
        let json = try CardsTestSupport.run("qpdf", ["--json", "--json-key=qpdf", url.path]).output
        XCTAssertTrue(json.contains("DuplexFlipLongEdge"))
        XCTAssertTrue(json.contains("/PrintScaling"))
        // The print dialog offers the six card pages, not the instruction page (page 7).
        XCTAssertNotNil(json.range(of: #""/PrintPageRange": \[\s*1,\s*6\s*\]"#, options: .regularExpression), "no /PrintPageRange [1 6]")
    }
}
