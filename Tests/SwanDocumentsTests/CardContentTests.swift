import XCTest
import SwanApp
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanTestSupport

/// The shipped deck fits, and every card text of the source material reaches the PDF.
final class CardContentTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    let context = CardsTestSupport.context

    func testNoOverflowAnywhereInTheShippedDeck() throws {
        XCTAssertNoThrow(try CardSheets.make(context.deck.cards, context, diagnostics: Diagnostics()))
        XCTAssertNoThrow(try PrintShopDocument.make(context.deck.cards, context, diagnostics: Diagnostics()))
    }

    /// Every text of every card side, as the deck gives it.
    private func texts(of side: CardSide) -> [String] {
        [side.lead, side.title, side.question, side.note, side.footer].compactMap { $0 }
            + side.sections.flatMap { [$0.heading].compactMap { $0 } + $0.items }
    }

    func testEveryCardTextIsInTheExtractedText() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        for (name, document) in [("sheets", try CardSheets.make(context.deck.cards, context, diagnostics: Diagnostics()).document),
                                 ("shop", try PrintShopDocument.make(context.deck.cards, context, diagnostics: Diagnostics()).document)] {
            let url = folder.appendingPathComponent("\(name).pdf")
            try TestExporters.pdf.write(document, to: url)
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
        XCTAssertThrowsError(try PrintShopDocument.make(deck.cards, crowded, diagnostics: Diagnostics())) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("card '\(card.id)' (back)"), message)
            XCTAssertTrue(message.hasPrefix("\(card.source): error: "), "located at the card in its file: \(message)")
            XCTAssertTrue(message.range(of: #"overflows its box by \d+\.\d mm"#, options: .regularExpression) != nil, message)
        }
    }

    /// Every side as a picture of the card: the trim size at the preview resolution, a light
    /// card, text ink below the band, and the round's colour in the band of round cards. The
    /// contact sheet shows every side. Pixels are read back with cairo's PNG reader.
    func testPreviewsHaveAPNGPerSideAndAContactSheet() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let written = try PreviewFolder.write(context.deck.cards, context, to: folder, diagnostics: Diagnostics())
        XCTAssertEqual(written.count, 2 * context.deck.cards.count + 1)
        let layout = CardsTestSupport.layout
        let scale = layout.previews.dpi / 72
        let width = Int((layout.trimSize.width * scale).rounded(.up)), height = Int((layout.trimSize.height * scale).rounded(.up))
        var sideInk: [Int] = []
        for (index, card) in context.deck.cards.enumerated() {
            for side in ["front", "back"] {
                let url = folder.appendingPathComponent(String(format: "%02d-%@-%@.png", index + 1, card.id, side))
                XCTAssertTrue(written.contains(url), url.lastPathComponent)
                let image = try PNGImage(contentsOf: url)
                let name = url.lastPathComponent
                XCTAssertEqual(image.width, width, name)
                XCTAssertEqual(image.height, height, name)
                XCTAssertGreaterThan(image.count { $0.red > 200 && $0.green > 200 && $0.blue > 200 }, width * height / 2,
                                     "\(name): a light card")
                // Text below the top eighth (the band), as dark ink.
                let ink = image.count(y: height / 8..<height) { $0.isDark }
                XCTAssertGreaterThan(ink, width * height / 400, "\(name): text on the card")
                sideInk.append(ink)
                if let round = card.round, let hex = context.deck.round(round)?.colour, let colour = PNGImage.Pixel(hex: hex) {
                    let band = image.count(of: colour, tolerance: 12, y: 0..<height / 10)
                    XCTAssertGreaterThan(band, width * height / 10 / 3, "\(name): the band in the colour of round \(round) (\(hex))")
                }
            }
        }
        let contact = try PNGImage(contentsOf: folder.appendingPathComponent("contact-sheet.png"))
        // At the contact sheet's resolution a side has (contact dpi / preview dpi)² of its ink;
        // half of the expected total is a floor that a blank or half-empty sheet falls under.
        let shrink = pow(layout.previews.contactSheetDpi / layout.previews.dpi, 2)
        XCTAssertGreaterThan(Double(contact.count { $0.isDark }), Double(sideInk.reduce(0, +)) * shrink / 2,
                             "the contact sheet shows the text of every side")
    }

    func testSameInputGivesByteIdenticalPDFs() throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let a = folder.appendingPathComponent("a.pdf"), b = folder.appendingPathComponent("b.pdf")
        try TestExporters.pdf.write(try CardSheets.make(context.deck.cards, context, diagnostics: Diagnostics()).document, to: a)
        try TestExporters.pdf.write(try CardSheets.make(context.deck.cards, context, diagnostics: Diagnostics()).document, to: b)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }
}
