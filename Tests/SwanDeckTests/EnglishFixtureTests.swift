import XCTest
@testable import SwanDeck

/// A translated copy of the folder structure loads with no code change.
final class EnglishFixtureTests: XCTestCase {
    func testEnglishDeckLoads() throws {
        let deck = try DeckLoader.load(from: TestDeck.english)
        XCTAssertEqual(deck.meta.language, "en")
        XCTAssertEqual(deck.meta.title, "Social Work at All Levels")
        XCTAssertEqual(deck.cards.map(\.id), ["round-1", "social-cohesion", "chair", "check"])
        let card = try XCTUnwrap(deck.card(id: "social-cohesion"))
        XCTAssertEqual(card.name, "Social cohesion", "name defaults to the back title")
        XCTAssertEqual(card.back?.sections.first?.heading, "Think of:")
        XCTAssertEqual(card.back?.footer, "Based on: solidarity")
        XCTAssertEqual(deck.invulblad.id, "worksheet")
        XCTAssertEqual(deck.checklist.title, "Check")
        XCTAssertEqual(deck.checklist.moments.count, 2)
        XCTAssertEqual(deck.checklist.roles.map(\.tasks), [["Open and lead the meeting", "Close the meeting"]])
        XCTAssertEqual(deck.handleiding.headings, ["Background"])
        XCTAssertEqual(deck.noHyphenation, [])
        XCTAssertEqual(try deck.labels.text("page.number", ["page": "1", "pages": "2"]), "Page 1 of 2")
    }

    func testEnglishManualKeepsStylesAndFootnote() throws {
        let manual = try DeckLoader.load(from: TestDeck.english).handleiding
        guard case .paragraph(let runs) = manual.blocks.last else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(runs, [
            InlineRun(text: "Three rounds are played"),
            InlineRun(text: "", footnote: "models"),
            InlineRun(text: " with "),
            InlineRun(text: "cards", bold: true),
            InlineRun(text: "."),
        ])
        XCTAssertEqual(manual.footnotes, [Footnote(id: "models", mark: "1", text: [
            InlineRun(text: "The rounds are based on "), InlineRun(text: "three", italic: true), InlineRun(text: " models."),
        ])])
    }
}
