import XCTest
import SwanDeck
import SwanDocuments
import SwanEngine

final class CardSheetsTests: XCTestCase {
    let context = CardsTestSupport.context
    var cards: [Card] { context.deck.cards }

    func testA4SheetsHoldNineCardsAndPairFrontsWithBacks() throws {
        let sheets = try CardSheets.make(cards, context)
        XCTAssertEqual(sheets.geometry.cardsPerSheet, 9)
        // Instructions + (fronts, backs) for ceil(21 / 9) = 3 sheets.
        XCTAssertEqual(sheets.document.pages.count, 1 + 2 * 3)
        for page in sheets.document.pages {
            XCTAssertEqual(page.size.width, mm(210), accuracy: 0.01)
            XCTAssertEqual(page.size.height, mm(297), accuracy: 0.01)
        }
        for card in cards {
            let placed = sheets.placements.filter { $0.cardID == card.id }
            XCTAssertEqual(placed.map(\.side), [.front, .back])
            XCTAssertEqual(placed[1].pageIndex, placed[0].pageIndex + 1, "each fronts page is followed by its backs")
        }
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

    func testCardsStayOnThePaperWithRoomForCropMarks() throws {
        for paper in PaperSize.allCases {
            let sheets = try CardSheets.make(cards, context, options: CardSheetOptions(paper: paper))
            let margin = mm(CardsTestSupport.layout.sheet.cropMarkOffset + CardsTestSupport.layout.sheet.cropMarkLength)
            let paperRect = Rect(x: 0, y: 0, width: paper.size.width, height: paper.size.height).insetBy(margin)
            for placed in sheets.placements { XCTAssertTrue(paperRect.contains(placed.trim), "\(placed.cardID) on \(paper)") }
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
            try CardSheets.make(cards, context, options: options).document.pages.dropFirst().flatMap(\.items)
                .filter { if case .line = $0 { return true } else { return false } }.count
        }
        XCTAssertGreaterThan(try lines(CardSheetOptions()), 0)
        XCTAssertEqual(try lines(CardSheetOptions(cropMarks: false)), 0)
    }

    func testSheetsPDFPassesTheTools() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let url = folder.appendingPathComponent("sheets.pdf")
        try context.engine.pdf.write(try CardSheets.make(cards, context).document, to: url)
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
    }
}
