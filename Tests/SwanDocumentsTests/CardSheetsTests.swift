import XCTest
import SwanDeck
import SwanDiagnostics
import SwanTestSupport
import SwanDocuments
import SwanLayout

final class CardSheetsTests: XCTestCase {
    let context = CardsTestSupport.context
    var cards: [Card] { context.deck.cards }

    func testA4SheetsHoldEightCardsAndPairFrontsWithBacks() throws {
        let sheets = try CardSheets.make(cards, context, diagnostics: Diagnostics())
        XCTAssertEqual(sheets.geometry.cardsPerSheet, 8)
        // (fronts, backs) for ceil(21 / 8) = 3 sheets, then the instructions.
        XCTAssertEqual(sheets.document.pages.count, 2 * 3 + 1)
        // Card pages are landscape A4 (4 x 2, room for full crop marks); the instructions portrait.
        for page in sheets.document.pages.dropLast() {
            XCTAssertEqual(page.size.width, mm(297), accuracy: 0.01)
            XCTAssertEqual(page.size.height, mm(210), accuracy: 0.01)
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
                let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper, flip: flip), diagnostics: Diagnostics())
                let width = sheets.geometry.paper.width, height = sheets.geometry.paper.height
                for card in cards {
                    let front = sheets.placements.first { $0.cardID == card.id && $0.side == .front }!.trim
                    let back = sheets.placements.first { $0.cardID == card.id && $0.side == .back }!.trim
                    // Turning the sheet over maps a point to the mirror across the flip axis: the
                    // paper's long edge is a portrait page's side and a landscape page's top.
                    XCTAssertEqual(sheets.document.pages[0].size.width, width)
                    let expected = (flip == .long) == (height > width)
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
            let sheets = try CardSheets.make([card], context, options: CardSheetOptions(flip: flip), diagnostics: Diagnostics())
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
            // A4 card pages are landscape: there the long edge is the page's top, so a long flip
            // mirrors top-bottom and the backs are turned; a short flip mirrors left-right.
            XCTAssertTrue(sheets.geometry.isLandscape)
            if flip == .short {
                XCTAssertGreaterThan(top, 10 * max(bottom, 1), "short flip (landscape): the band at the top of the back's cell")
            } else {
                XCTAssertGreaterThan(bottom, 10 * max(top, 1), "long flip (landscape): the band at the bottom of the back's cell (turned)")
            }
        }
    }

    func testCardsStandApartWithBleedAndTheirOwnCropMarks() throws {
        let sheet = CardsTestSupport.layout.sheet
        for paper in PaperSize.allCases {
            let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper), diagnostics: Diagnostics())
            let paperRect = Rect(x: 0, y: 0, width: sheets.geometry.paper.width, height: sheets.geometry.paper.height)
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

    /// Full-size crop marks (3 mm long, 0.25 pt) at both cut lines of every card corner, the
    /// corners at the sheet's edge too, where they stand 3 mm off the trim; no mark nearer the
    /// paper's edge than a printer's unprintable 5 mm (checked above). The arrangement per paper
    /// is the one that allows them: the table in docs/printing.md and the README.
    func testFullSizeCropMarksAtEveryCornerAndTheArrangementPerPaper() throws {
        let expected: [PaperSize: (columns: Int, rows: Int, landscape: Bool, sheets: Int)] = [
            .a4: (4, 2, true, 3), .letter: (3, 2, true, 4), .a3: (4, 4, false, 2)]
        XCTAssertEqual(cards.count, 21)
        for paper in PaperSize.allCases {
            let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper), diagnostics: Diagnostics())
            let geometry = sheets.geometry, want = try XCTUnwrap(expected[paper])
            XCTAssertEqual([geometry.columns, geometry.rows], [want.columns, want.rows], "\(paper)")
            XCTAssertEqual(geometry.isLandscape, want.landscape, "\(paper)")
            XCTAssertEqual(sheets.document.pages.count, 2 * want.sheets + 1, "\(paper)")
            for (index, page) in sheets.document.pages.enumerated() {
                let lines = page.unmarkedItems.compactMap { item -> (from: Point, to: Point)? in
                    guard case .line(let from, let to, let stroke) = item else { return nil }
                    XCTAssertEqual(stroke.width, 0.25, accuracy: 0.001)
                    return (from, to)
                }
                let trims = sheets.placements.filter { $0.pageIndex == index }.map(\.trim)
                // How much of a mark lies on the cut line at `across`, between `near` and `far` along it.
                func marked(vertical: Bool, across: Double, _ near: Double, _ far: Double) -> Double {
                    var length = 0.0
                    for line in lines where vertical ? line.from.x == line.to.x && abs(line.from.x - across) < 0.01
                                                     : line.from.y == line.to.y && abs(line.from.y - across) < 0.01 {
                        let (a, b) = vertical ? (line.from.y, line.to.y) : (line.from.x, line.to.x)
                        let low = max(min(a, b), min(near, far)), high = min(max(a, b), max(near, far))
                        if high > low { length += high - low }
                    }
                    return length
                }
                for trim in trims {
                    for (x, y, dx, dy) in [(trim.minX, trim.minY, -1.0, -1.0), (trim.maxX, trim.minY, 1.0, -1.0),
                                           (trim.minX, trim.maxY, -1.0, 1.0), (trim.maxX, trim.maxY, 1.0, 1.0)] {
                        // Past the corner along each cut line: in a gutter a 3.1 mm mark in the middle
                        // between two bleeds, at the sheet's edge a 3 mm mark 3 mm off the trim.
                        let horizontal = marked(vertical: false, across: y, x + dx * mm(1.5), x + dx * mm(6.5))
                        let vertical = marked(vertical: true, across: x, y + dy * mm(1.5), y + dy * mm(6.5))
                        XCTAssertGreaterThan(horizontal, mm(2.9), "\(paper) page \(index + 1) corner \(x),\(y)")
                        XCTAssertGreaterThan(vertical, mm(2.9), "\(paper) page \(index + 1) corner \(x),\(y)")
                        let outerX = !trims.contains { abs($0.minY - trim.minY) < 0.01 && (dx < 0 ? $0.maxX < trim.minX : $0.minX > trim.maxX) }
                        if outerX {
                            XCTAssertEqual(marked(vertical: false, across: y, x, x + dx * mm(10)), mm(3), accuracy: 0.01, "\(paper) edge mark")
                            XCTAssertEqual(marked(vertical: false, across: y, x, x + dx * mm(2.99)), 0, "\(paper): edge mark 3 mm off the trim")
                        }
                    }
                }
            }
        }
    }

    /// `--back-offset X,Y` (as read off the calibration sheet: the back lies X mm right and Y mm
    /// lower than its front, seen from the front) moves every back page against it: with the
    /// printer's shift applied, each back trim lands exactly on its front. Fronts never move.
    func testABackOffsetMovesTheBacksOntoTheirFrontsAndNeverTheFronts() throws {
        for paper in PaperSize.allCases {
            for flip in FlipEdge.allCases {
                let plain = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper, flip: flip), diagnostics: Diagnostics())
                let leftRight = plain.geometry.mirrorsLeftRight(flip)
                for (bx, by) in [(1.5, -0.75), (-3.25, 2.0)] {
                    // The printer puts the back (bx, by) mm off in its own page; seen from the front that reads:
                    let reading = leftRight ? BackOffset(x: -bx, y: by) : BackOffset(x: bx, y: -by)
                    let moved = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper, flip: flip, backOffset: reading), diagnostics: Diagnostics())
                    for (before, after) in zip(plain.placements, moved.placements) {
                        if after.side == .front {
                            XCTAssertEqual(after.trim, before.trim, "fronts never move")
                            continue
                        }
                        let printed = after.trim.offsetBy(dx: mm(bx), dy: mm(by))
                        let front = try XCTUnwrap(moved.placements.first { $0.cardID == after.cardID && $0.side == .front }).trim
                        let behind = moved.geometry.mirror(front, flip: flip)
                        XCTAssertEqual(printed.minX, behind.minX, accuracy: 0.001, "\(paper) \(flip) \(after.cardID)")
                        XCTAssertEqual(printed.minY, behind.minY, accuracy: 0.001, "\(paper) \(flip) \(after.cardID)")
                    }
                    // Front pages byte for byte the same drawing; back pages moved.
                    for (index, page) in moved.document.pages.enumerated() where index % 2 == 0 {
                        XCTAssertEqual(page, plain.document.pages[index], "front page \(index + 1)")
                    }
                    XCTAssertNotEqual(moved.document.pages[1], plain.document.pages[1])
                }
            }
        }
        XCTAssertNil(BackOffset(text: "1,2,3"))
        XCTAssertNil(BackOffset(text: "1e2,0"))
        XCTAssertEqual(BackOffset(text: " -1.5 , +0.25")?.text, "-1.50,0.25")
        XCTAssertEqual(BackOffset(text: "-0,0")?.text, "0.00,0.00")
    }

    func testNoTextOutsideTheSafeAreaOnSheets() throws {
        let sheets = try CardSheets.make(cards, context, diagnostics: Diagnostics())
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
            try CardSheets.make(cards, context, options: options, diagnostics: Diagnostics()).document.pages.dropLast().flatMap(\.unmarkedItems)
                .filter { if case .line = $0 { return true } else { return false } }.count
        }
        XCTAssertGreaterThan(try lines(CardSheetOptions()), 0)
        XCTAssertEqual(try lines(CardSheetOptions(cropMarks: false)), 0)
    }

    func testSheetsPDFPassesTheTools() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let url = folder.appendingPathComponent("sheets.pdf")
        try TestExporters.pdf.write(try CardSheets.make(cards, context, diagnostics: Diagnostics()).document, to: url)
        XCTAssertEqual(try CardsTestSupport.run("qpdf", ["--check", url.path]).status, 0)
        let info = try CardsTestSupport.run("pdfinfo", [url.path]).output
        XCTAssertNotNil(info.range(of: "Pages: +7\n", options: .regularExpression), info)
        XCTAssertTrue(info.contains("841.89 x 595.276 pts (A4)"), info)
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

    /// The paper a command chose is checked as A4 is: a card 285 mm high does not fit on Letter
    /// either way round, so the sheets are refused, naming the card, the margin and the paper.
    func testACardLargerThanThePaperIsRefusedNamingBoth() throws {
        let copy = CardsTestSupport.temporaryDirectory().appendingPathComponent("deck")
        try FileManager.default.copyItem(at: PackagePaths.defaultDeck, to: copy)
        let layout = copy.appendingPathComponent("layout/cards.yaml")
        let text = try String(contentsOf: layout, encoding: .utf8)
        XCTAssertTrue(text.contains("  height: 88.9\n"))
        try text.replacingOccurrences(of: "  height: 88.9\n", with: "  height: 285\n").write(to: layout, atomically: true, encoding: .utf8)
        var deck = try DeckLoader.load(from: copy)
        deck.fontFallbackDirectory = PackagePaths.defaultDeck
        let context = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 0))
        let cards = Array(context.deck.cards.prefix(2))
        XCTAssertThrowsError(try CardSheets.make(cards, context, options: CardSheetOptions(paper: .letter), diagnostics: Diagnostics())) { error in
            let diagnostics = (error as? DiagnosticConvertible)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.code), ["layout.card-off-paper"])
            let english = diagnostics.map(\.englishText).joined()
            XCTAssertTrue(english.contains("63.5 × 285.0 mm") && english.contains("'letter' (215.9 × 279.4 mm)"), english)
            XCTAssertEqual(diagnostics.first?.location?.file.hasSuffix("cards.yaml"), true)
        }
        XCTAssertNoThrow(try CardSheets.make(cards, context, options: CardSheetOptions(paper: .a4), diagnostics: Diagnostics()), "A4 holds it upright")
        XCTAssertNoThrow(try CardSheets.make(cards, context, options: CardSheetOptions(paper: .a3), diagnostics: Diagnostics()))
    }
}
