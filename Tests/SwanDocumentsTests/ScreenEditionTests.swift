import Foundation
import XCTest
import SwanTestSupport
import SwanDeck
import SwanDocuments
import SwanLayout

/// The screen edition (swan cards --kind screen): 16:9 pages, a table page per round, a page per
/// card, bookmarks, and the print faces drawn at screen size.
final class ScreenEditionTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    let context = CardsTestSupport.context
    lazy var edition: ScreenEdition = try! ScreenDocument.make(context.deck.cards, context, diagnostics: Diagnostics())
    lazy var pdf: URL = {
        let url = CardsTestSupport.temporaryDirectory().appendingPathComponent("screen.pdf")
        try! TestExporters.pdf.write(edition.document, to: url)
        return url
    }()
    var deck: Deck { context.deck }

    /// Pages in order: per round its table page, then its cards; then the cards outside the rounds.
    var expectedPages: [(roundTable: Round?, card: Card?)] {
        deck.rounds.flatMap { round in [(round, nil)] + deck.cards(inRound: round.number).map { (nil, $0) } }
            + deck.cards.filter { $0.round == nil }.map { (nil, $0) }
    }

    func testEveryPageIs16By9() throws {
        XCTAssertEqual(edition.document.pages.count, deck.rounds.count + deck.cards.count)
        for page in edition.document.pages {
            XCTAssertEqual(page.size.width / page.size.height, 16.0 / 9.0, accuracy: 0.001)
        }
        let info = try CardsTestSupport.run("pdfinfo", [pdf.path]).output
        XCTAssertNotNil(info.range(of: #"Page size: +960(\.\d+)? x 540(\.\d+)? pts"#, options: .regularExpression), info)
        XCTAssertNotNil(info.range(of: "Pages: +\(deck.rounds.count + deck.cards.count)\n", options: .regularExpression), info)
        XCTAssertEqual(try CardsTestSupport.run("qpdf", ["--check", pdf.path]).status, 0)
    }

    func testEachTablePageHoldsTheHoofdvraagAndEveryCardOfItsRound() throws {
        for (index, expected) in expectedPages.enumerated() {
            let text = try pageText(index)
            if let round = expected.roundTable {
                let cards = deck.cards(inRound: round.number)
                let hoofdvraag = try XCTUnwrap(cards.first { $0.kind == .hoofdvraag }?.front.question)
                XCTAssertTrue(text.contains(CardsTestSupport.normalised(hoofdvraag)), "\(round.id): \(text)")
                for card in cards {
                    XCTAssertTrue(text.contains(CardsTestSupport.normalised(card.name)), "\(round.id): '\(card.name)' in \(text)")
                }
                for other in deck.cards where other.round != round.number {
                    XCTAssertFalse(text.contains(CardsTestSupport.normalised(other.name)), "\(round.id): '\(other.name)' belongs elsewhere")
                }
            }
        }
    }

    func testAPagePerCardShowsItsFrontAndBack() throws {
        for (index, expected) in expectedPages.enumerated() {
            guard let card = expected.card else { continue }
            let text = try pageText(index)
            XCTAssertTrue(text.contains(CardsTestSupport.normalised(card.name)), "page \(index + 1): \(card.id)")
            let wording = [card.front.question, card.front.title, card.back?.title, card.back?.question,
                           card.back?.sections.first?.items.first].compactMap { $0 }
            XCTAssertFalse(wording.isEmpty)
            for phrase in wording {
                XCTAssertTrue(text.contains(CardsTestSupport.normalised(phrase)), "page \(index + 1) (\(card.id)): '\(phrase)' in \(text)")
            }
        }
    }

    func testBookmarksForEveryRoundAndCardPointAtTheirPages() throws {
        let json = try CardsTestSupport.run("qpdf", ["--json", "--json-key=outlines", pdf.path]).output
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let top = try XCTUnwrap(root["outlines"] as? [[String: Any]])
        let others = try context.label("screen.others")
        XCTAssertEqual(top.compactMap { $0["title"] as? String },
                       try deck.rounds.map { try context.label("screen.round", ["round": $0.name, "label": $0.label]) } + [others])
        var kids: [(String, Int)] = []
        for entry in top {
            for kid in entry["kids"] as? [[String: Any]] ?? [] {
                kids.append((kid["title"] as? String ?? "", kid["destpageposfrom1"] as? Int ?? 0))
            }
        }
        let cardPages = expectedPages.enumerated().compactMap { index, page in page.card.map { ($0.name, index + 1) } }
        XCTAssertEqual(kids.map(\.0), cardPages.map(\.0))
        XCTAssertEqual(kids.map(\.1), cardPages.map(\.1))
        let tablePages = top.prefix(deck.rounds.count).compactMap { $0["destpageposfrom1"] as? Int }
        XCTAssertEqual(tablePages, expectedPages.enumerated().compactMap { $0.element.roundTable == nil ? nil : $0.offset + 1 })
    }

    /// The same card design as print: the text runs of each printed face appear on the card page
    /// in the same order, with the same glyphs, all at one scale and moved by one offset.
    func testCardPagesDrawThePrintFacesScaled() throws {
        let layout = CardsTestSupport.layout
        let renderer = CardFaceRenderer(context: context, layout: layout, diagnostics: Diagnostics())
        for (index, expected) in expectedPages.enumerated() {
            guard let card = expected.card else { continue }
            let runs = edition.document.pages[index].glyphRuns
            var scales: [Double] = []
            var from = 0
            for side in CardSideName.allCases {
                var face = Page(size: CardsTestSupport.layout.trimSize)
                face.add(renderer.face(card, side, bleed: 0).items)
                let printed = face.glyphRuns   // the face's text, tagged or not
                let start = try XCTUnwrap((from...(runs.count - printed.count)).first { offset in
                    zip(runs[offset...], printed).allSatisfy { $0.text == $1.text && $0.glyphs.map(\.id) == $1.glyphs.map(\.id) }
                }, "\(card.id) \(side): the printed face's text in order")
                let shown = Array(runs[start..<(start + printed.count)])
                from = start + printed.count
                let scale = shown[0].size / printed[0].size
                let dx = shown[0].origin.x - printed[0].origin.x * scale, dy = shown[0].origin.y - printed[0].origin.y * scale
                for (onScreen, onPaper) in zip(shown, printed) {
                    XCTAssertEqual(onScreen.size, onPaper.size * scale, accuracy: 0.001, "\(card.id) \(side): '\(onPaper.text)'")
                    XCTAssertEqual(onScreen.origin.x, onPaper.origin.x * scale + dx, accuracy: 0.001)
                    XCTAssertEqual(onScreen.origin.y, onPaper.origin.y * scale + dy, accuracy: 0.001)
                    XCTAssertEqual(onScreen.width, onPaper.width * scale, accuracy: 0.001)
                }
                scales.append(scale)
            }
            XCTAssertEqual(scales[0], scales[1], accuracy: 0.0001, "\(card.id): front and back at one scale")
            XCTAssertGreaterThan(scales[0], 1.5, "\(card.id): a card page shows the card large")
        }
    }

    func testImageNamesArePerPageAndTheImageIsFullHD() throws {
        XCTAssertEqual(edition.imageNames.count, edition.document.pages.count)
        XCTAssertEqual(Set(edition.imageNames).count, edition.imageNames.count, "no two pages share an image")
        XCTAssertEqual(edition.imageNames.first, "01-ronde-1-tafel.png")
        XCTAssertTrue(edition.imageNames.contains("10-kennis.png"), "\(edition.imageNames)")
        let width = edition.document.pages[0].size.width * edition.imageDPI / 72
        XCTAssertEqual(width.rounded(.up), 1920)
        XCTAssertEqual((edition.document.pages[0].size.height * edition.imageDPI / 72).rounded(.up), 1080)
    }

    func testTooManyCardsAroundTheHoofdvraagIsAnErrorNamingTheRound() throws {
        var crowded = deck
        let extra = deck.cards(inRound: 1).filter { $0.kind == .support }
        crowded.cards += (0..<6).flatMap { copy in extra.map { card -> Card in
            var card = card; card.id += "-\(copy)"; return card
        } }
        let context = try DocumentContext(deck: crowded, date: self.context.date)
        XCTAssertThrowsError(try ScreenDocument.make(crowded.cards, context, diagnostics: Diagnostics())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("screen table page 'ronde-1'"), text)
            XCTAssertTrue(text.contains("at most 10 cards fit around the hoofdvraag"), text)
            XCTAssertTrue(text.contains("this round has 28 around it"), text)
            // At the first card that does not fit (a copy: its place is the original's).
            XCTAssertTrue(text.contains("cards/ronde-1.yaml:"), text)
            XCTAssertTrue(text.contains("table.minimumScale"), text)
        }
    }

    private func pageText(_ index: Int) throws -> String {
        let page = String(index + 1)
        return CardsTestSupport.normalised(try CardsTestSupport.run("pdftotext", ["-f", page, "-l", page, pdf.path, "-"]).output)
    }
}

/// Where the cards of a round lie: inside the area, never on top of each other, the hoofdvraag
/// in the middle, as large as fits.
final class TableArrangementTests: XCTestCase {
    let table = try! CardsTestSupport.context.deck.decodeLayout("screen", as: ScreenLayout.self).table
    let card = Size.millimetres(63.5, 88.9)
    let area = Rect(x: 20, y: 60, width: 900, height: 460)

    func testCardsStayInsideTheAreaAndNeverOverlap() {
        for count in 0...9 {
            for hasCentre in [true, false] {
                let arrangement = TableArrangement.make(card: card, area: area, count: count, hasCentre: hasCentre,
                                                        caption: 20, table: table)
                let rects = (arrangement.centre.map { [$0.rect] } ?? []) + arrangement.around.map(\.rect)
                XCTAssertEqual(rects.count, count + (hasCentre ? 1 : 0))
                for (i, rect) in rects.enumerated() {
                    var withCaption = rect
                    withCaption.size.height += 20
                    XCTAssertTrue(area.contains(withCaption), "\(count) cards, centre \(hasCentre): \(rect)")
                    for other in rects[(i + 1)...] {
                        let apart = rect.maxX <= other.minX + 0.01 || other.maxX <= rect.minX + 0.01
                            || rect.maxY + 20 <= other.minY + 0.01 || other.maxY + 20 <= rect.minY + 0.01
                        XCTAssertTrue(apart, "\(count) cards: \(rect) overlaps \(other)")
                    }
                }
                XCTAssertEqual(Set(arrangement.around.map(\.scale)).count, count == 0 ? 0 : 1, "one scale around")
            }
        }
    }

    func testTheHoofdvraagLiesInTheMiddleAndIsLargest() {
        let arrangement = TableArrangement.make(card: card, area: area, count: 4, hasCentre: true, caption: 20, table: table)
        let centre = try! XCTUnwrap(arrangement.centre)
        XCTAssertEqual(centre.rect.minX + centre.rect.width / 2, area.minX + area.width / 2, accuracy: 0.01)
        XCTAssertGreaterThan(centre.scale, arrangement.aroundScale)
        XCTAssertEqual(arrangement.around.filter { $0.rect.maxX <= centre.rect.minX }.count, 2, "two cards left of it")
        XCTAssertEqual(arrangement.around.filter { $0.rect.minX >= centre.rect.maxX }.count, 2, "two cards right of it")
    }

    func testMoreCardsAreDrawnSmaller() {
        let scales = [2, 6, 10, 14].map {
            TableArrangement.make(card: card, area: area, count: $0, hasCentre: true, caption: 20, table: table).aroundScale
        }
        XCTAssertEqual(scales, scales.sorted(by: >))
        XCTAssertLessThan(scales.last!, scales.first!)
    }
}
