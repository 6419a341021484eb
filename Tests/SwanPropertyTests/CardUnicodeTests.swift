import SwanDiagnostics
/// Hostile Unicode in the card texts of a copy of the shipped deck: the texts are short, so every
/// sheet renders; it keeps every character the fonts can show, and the characters they cannot
/// show are reported as warnings.
import Foundation
import SwanTestSupport
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout

final class CardUnicodeTests: XCTestCase {
    static let deck: Deck = try! DeckLoader.load(from: PropertySupport.deckDirectory)

    /// Replaces the texts of every card side with short hostile texts (so that they can fit).
    func hostileCards(seed: UInt64) -> [Card] {
        var random = SeededRandom(seed: seed)
        func text(_ old: String?) -> String? { old.map { _ in HostileText.short(&random) } }
        return Self.deck.cards.map { card in
            var card = card
            func side(_ side: CardSide) -> CardSide {
                var side = side
                side.lead = text(side.lead); side.title = text(side.title); side.question = text(side.question)
                side.note = text(side.note); side.footer = text(side.footer)
                side.sections = side.sections.map { section in
                    var section = section
                    section.heading = text(section.heading)
                    section.items = section.items.map { _ in HostileText.short(&random) }
                    return section
                }
                return side
            }
            card.front = side(card.front)
            card.back = card.back.map(side)
            return card
        }
    }

    func texts(of card: Card) -> [String] {
        [card.front, card.back].compactMap { $0 }.flatMap { side in
            [side.lead, side.title, side.question, side.note, side.footer].compactMap { $0 }
                + side.sections.flatMap { [$0.heading].compactMap { $0 } + $0.items }
        }
    }

    func testHostileCardTextsRenderWithoutLoss() throws {
        let folder = PropertySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rendered = 0, checkedTexts = 0, unshowable = 0
        // One sheet of cards per seed, a different slice of the deck each time.
        for seed in UInt64(1)...3 {
            var deck = Self.deck
            let cards = hostileCards(seed: seed)
            let start = (Int(seed) - 1) * 8 % cards.count
            deck.cards = Array(cards[start..<min(cards.count, start + 8)])
            let context = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 0))
            let sheets: CardSheetDocument
            let diagnostics = Diagnostics()
            do {
                sheets = try CardSheets.make(deck.cards, context, diagnostics: diagnostics)
            } catch let problems as DiagnosticError {
                // The hostile texts are short enough to fit a card: every seed must render, or
                // the checks below would prove nothing.
                XCTFail("seed \(seed): \(problems.diagnostics.count) layout problem(s), first: \(problems.diagnostics.first.map { "\($0)" } ?? "none")")
                continue
            }
            let url = folder.appendingPathComponent("cards-\(seed).pdf")
            try TestExporters.pdf.write(sheets.document, to: url)
            let extracted = try PropertySupport.extractText(url)
            rendered += 1
            // Card texts are set in several styles; a character counts as showable when the
            // regular and bold faces both have it.
            let warnings = diagnostics.warnings.map(\.englishText).joined(separator: "\n")
            for card in deck.cards {
                for text in texts(of: card) {
                    let expected = GlyphExpectations(text, fonts: context.engine.fonts, styles: [.regular, .bold])
                    let lost = expected.lost(in: extracted)
                    XCTAssert(lost.isEmpty, "seed \(seed), card \(card.id): lost \(describe(lost)) of \(text.debugDescription)")
                    checkedTexts += 1; unshowable += expected.unshowable.count
                    let unreported = expected.unshowable.filter { !warnings.contains($0.reported) }
                    XCTAssert(unreported.isEmpty, "seed \(seed), card \(card.id): not reported: \(unreported.map { "'\($0)' (\($0.codes))" })")
                }
            }
        }
        XCTAssertEqual(rendered, 3, "every hostile slice of the deck renders")
        XCTAssertGreaterThan(checkedTexts, 50, "the hostile texts were checked")
        XCTAssertGreaterThan(unshowable, 0, "some hostile characters have no glyph, so their warnings were checked")
    }
}
