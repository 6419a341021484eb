import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanSession
import SwanTestSupport

/// `swan check` is linear in the deck: a deck of 84,655 cards gave no answer in 600 s, while
/// drawing its cards takes 25 s. What grew faster than the deck was the forms: the fillable
/// invulblad searched its list of fields for every field it placed (four per card) and made
/// each card's list of order options anew, and the cards of a round were gathered again for
/// every card. Measured here on those parts, with the reading of the deck files, at two sizes.
final class CheckScalingTests: XCTestCase {
    /// A copy of the shipped deck with `count` more supporting cards, half in round 1 (voorwaarden),
    /// half in round 2 (factoren).
    private func deck(extra count: Int) throws -> URL {
        let folder = TemporaryFolder.make("swan-scaling").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: PackagePaths.defaultDeck, to: folder)
        var cards = "cards:\n"
        for index in 0..<count {
            cards += """
              - id: extra-\(index)
                kind: support
                round: \(1 + index % 2)
                name: Kaart \(index)
                front:
                  question: Kaart \(index) een rol?

            """
        }
        try cards.write(to: folder.appendingPathComponent("cards/extra.yaml"), atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("deck.yaml")
        let text = try String(contentsOf: index, encoding: .utf8)
        XCTAssertTrue(text.contains("cards:\n"))
        try text.replacingOccurrences(of: "cards:\n", with: "cards:\n  - cards/extra.yaml\n")
            .write(to: index, atomically: true, encoding: .utf8)
        return folder
    }

    /// What check does with a deck that grows with its cards, besides drawing each card: read
    /// it, lay out the fillable invulblad and one filled from a session that chose every card.
    private func check(_ folder: URL) throws {
        var deck = try DeckLoader.load(from: folder)
        deck.fontFallbackDirectory = PackagePaths.defaultDeck  // the copy has no Fonts/ beside it
        let context = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
        _ = try InvulbladDocument.fillable(context, diagnostics: Diagnostics())
        var session = Session(datum: SessionDate(year: 2025, month: 3, day: 14)!, inbrenger: "A", omschrijving: "B")
        session.ronde1 = Session.Ronde1(voorwaarden: deck.voorwaardeCards.map { Session.Ronde1.Voorwaarde(id: $0.id, toelichting: "x") },
                                        bereiken: nil)
        session.ronde2 = Session.Ronde2(factoren: deck.factorCards.map { Session.Ronde2.Factor(id: $0.id, weging: .groot, toelichting: nil) },
                                        moreelDilemma: nil)
        _ = try InvulbladDocument.filled(session, context, diagnostics: Diagnostics())
    }

    /// Before the fix this ratio was 3.2 already at 600 and 1,200 extra cards (1.8 s, 5.7 s of
    /// CPU, debug build), and grows with the deck; now twice the deck costs about twice the time.
    func testCheckOfTheFormsIsLinearInTheDeck() throws {
        let small = try deck(extra: 800), large = try deck(extra: 1_600)
        defer { for folder in [small, large] { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
        let growth = try Growth.doublingRatio(size: 1, tries: 1) { size in try check(size == 1 ? small : large) }
        XCTAssertLessThan(growth.ratio, 3, "twice the cards cost \(growth.ratio) times as much (\(growth.small) s, \(growth.large) s)")
    }
}
