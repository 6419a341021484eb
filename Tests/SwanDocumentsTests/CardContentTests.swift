import XCTest
import SwanDeck
import SwanDocuments
import SwanEngine

/// The shipped deck fits, and every card text of the source material reaches the PDF.
final class CardContentTests: XCTestCase {
    let context = CardsTestSupport.context

    func testNoOverflowAnywhereInTheShippedDeck() throws {
        XCTAssertNoThrow(try CardSheets.make(context.deck.cards, context))
        XCTAssertNoThrow(try PrintShopDocument.make(context.deck.cards, context))
    }

    /// Every text of every card side, as the deck gives it.
    private func texts(of side: CardSide) -> [String] {
        [side.lead, side.title, side.question, side.note, side.footer].compactMap { $0 }
            + side.sections.flatMap { [$0.heading].compactMap { $0 } + $0.items }
    }

    func testEveryCardTextIsInTheExtractedText() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        for (name, document) in [("sheets", try CardSheets.make(context.deck.cards, context).document),
                                 ("shop", try PrintShopDocument.make(context.deck.cards, context).document)] {
            let url = folder.appendingPathComponent("\(name).pdf")
            try context.engine.pdf.write(document, to: url)
            let text = CardsTestSupport.normalised(try CardsTestSupport.run("pdftotext", [url.path, "-"]).output)
            for card in context.deck.cards {
                for wording in texts(of: card.front) + (card.back.map(texts) ?? []) {
                    XCTAssertTrue(text.contains(CardsTestSupport.normalised(wording)), "\(name): \(card.id): \"\(wording)\"")
                }
            }
            // The seeds' own wording, cross-checked against the source file where it exists.
            XCTAssertTrue(text.contains("Signaleren collega’s vergelijkbare gevallen?"))
            XCTAssertTrue(text.contains("Evt: inwoner(s) uitgenodigd?"))
        }
    }

    func testOverflowingCardFailsNamingTheCardAndMillimetres() throws {
        var deck = context.deck
        var card = deck.cards[1]
        card.back?.sections[0].items += Array(repeating: "Een voorbeeld dat veel te lang is voor deze kaart en alle ruimte opeist", count: 12)
        deck.cards = [card]
        let crowded = try DocumentContext(deck: deck, date: context.date)
        XCTAssertThrowsError(try PrintShopDocument.make(deck.cards, crowded)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("card '\(card.id)' (back)"), message)
            XCTAssertTrue(message.range(of: #"overflows its box by \d+\.\d mm"#, options: .regularExpression) != nil, message)
        }
    }

    func testPreviewsHaveAPNGPerSideAndAContactSheet() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let written = try CardPreviews.write(context.deck.cards, context, to: folder)
        XCTAssertEqual(written.count, 2 * context.deck.cards.count + 1)
        for url in written {
            let data = try Data(contentsOf: url)
            XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(url.lastPathComponent) is a PNG")
        }
        XCTAssertTrue(written.contains { $0.lastPathComponent == "contact-sheet.png" })
    }

    func testSameInputGivesByteIdenticalPDFs() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let a = folder.appendingPathComponent("a.pdf"), b = folder.appendingPathComponent("b.pdf")
        try context.engine.pdf.write(try CardSheets.make(context.deck.cards, context).document, to: a)
        try context.engine.pdf.write(try CardSheets.make(context.deck.cards, context).document, to: b)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }
}
