import Foundation
import XCTest
import SwanApp
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanLayout
import SwanTestSupport

/// Each card face is set once per run (CardFaceStore) and shown by every document that has it:
/// the face a document gets is the face set afresh, and a check that draws nothing finds what
/// a render would refuse, in the cards' order.
final class CardFaceStoreTests: XCTestCase {
    private let workplace = Workplace(environment: [:], currentDirectory: PackagePaths.root, arguments: ["swan"])

    /// Every side of every card at the sheets' and the print shop's bleeds, asked twice of the
    /// run's renderer: the same items, structure and scale as a renderer of its own sets.
    func testTheRunsFaceIsTheFaceSetAfresh() throws {
        let context = try DocumentContext(deck: try workplace.loadDeck(), date: Date(timeIntervalSince1970: 1_700_000_000))
        let layout = try context.layout("cards", as: CardLayout.self)
        let shared = try CardFaceRenderer.shared(context, diagnostics: Diagnostics())
        let afresh = CardFaceRenderer(context: context, layout: layout, diagnostics: Diagnostics())
        for card in context.deck.cards {
            for side in CardSideName.allCases {
                for bleed in [0, mm(layout.sheet.bleed), mm(layout.printShop.bleed)] {
                    let expected = afresh.face(card, side, bleed: bleed)
                    for _ in 0..<2 {
                        let face = shared.face(card, side, bleed: bleed)
                        XCTAssertEqual(face.items, expected.items, "\(card.id) \(side)")
                        XCTAssertEqual(face.structure, expected.structure, "\(card.id) \(side)")
                        XCTAssertEqual(face.scale, expected.scale, "\(card.id) \(side)")
                        XCTAssertEqual(face.safeArea, expected.safeArea, "\(card.id) \(side)")
                    }
                }
            }
        }
    }

    private static func runs(_ face: CardFace) -> [GlyphRun] {
        var page = Page(size: Size(width: 1, height: 1))
        page.add(face.items)
        return page.glyphRuns
    }

    /// A check draws no face's text, but says what is wrong with it to every document that
    /// shows the face, as often as a render would.
    func testACheckOnlyFaceHasNoGlyphsAndTheSameProblems() throws {
        var deck = try workplace.loadDeck()
        let index = try XCTUnwrap(deck.cards.firstIndex { $0.front.question != nil && $0.kind == .support })
        deck.cards[index].front.question = String(repeating: "Een vraag die niet op de kaart past ", count: 12)
        let drawn = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000))
        let checked = try DocumentContext(deck: deck, date: Date(timeIntervalSince1970: 1_700_000_000), checkOnly: true)
        for _ in 0..<2 {
            let drawnProblems = Diagnostics(), checkedProblems = Diagnostics()
            let face = try CardFaceRenderer.shared(drawn, diagnostics: drawnProblems).face(deck.cards[index], .front, bleed: 0)
            let bare = try CardFaceRenderer.shared(checked, diagnostics: checkedProblems).face(deck.cards[index], .front, bleed: 0)
            XCTAssertFalse(Self.runs(face).isEmpty)
            XCTAssertTrue(Self.runs(bare).isEmpty)
            XCTAssertEqual(bare.scale, face.scale)
            XCTAssertEqual(checkedProblems.problems.count, 1)
            XCTAssertEqual(checkedProblems.problems, drawnProblems.problems)
        }
    }

    /// Cards that do not fit on one side or both: `swan check` says the problems in the cards'
    /// order (front before back), once each, every time (the documents share the cores).
    func testACheckSaysProblemsInTheCardsOrderEveryTime() throws {
        let folder = TemporaryFolder.make("swan-face-store").appendingPathComponent("deck")
        try FileManager.default.copyItem(at: workplace.defaultDeckDirectory, to: folder)
        let layout = folder.appendingPathComponent("layout/cards.yaml")
        let text = try String(contentsOf: layout, encoding: .utf8)
        // No shrinking and a wide safe margin: several cards no longer fit.
        let edited = text.replacingOccurrences(of: #"minimumScale: [0-9.]+"#, with: "minimumScale: 1.0", options: .regularExpression)
            .replacingOccurrences(of: #"safeMargin: [0-9.]+"#, with: "safeMargin: 9", options: .regularExpression)
        XCTAssertNotEqual(edited, text)
        try edited.write(to: layout, atomically: true, encoding: .utf8)

        let first = CheckRun.deck(folder, in: workplace).value.errors
        XCTAssertEqual(Set(first).count, first.count)
        let deck = try workplace.loadDeck(folder)
        let order = deck.cards.flatMap { card in [card.id + " layout.side-front", card.id + " layout.side-back"] }
        // The card and side from the message's arguments, whatever language the catalogue says them in.
        func cardAndSide(_ error: Diagnostic) -> String? {
            guard case .message(let subject)? = error.message.arguments["subject"], case .text(let id)? = subject.arguments["id"],
                  case .message(let side)? = subject.arguments["side"] else { return nil }
            return id + " " + side.code
        }
        let said = first.filter { $0.message.code == "layout.overflow" }.map { error in
            cardAndSide(error).flatMap { order.firstIndex(of: $0) } ?? -1
        }
        XCTAssertGreaterThan(said.count, 3)
        XCTAssertFalse(said.contains(-1), "\(first)")
        XCTAssertEqual(said, said.sorted(), "\(first)")
        for _ in 0..<3 { XCTAssertEqual(CheckRun.deck(folder, in: workplace).value.errors, first) }
    }
}
