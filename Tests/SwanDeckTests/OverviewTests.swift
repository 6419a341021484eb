import Foundation
import SwanTestSupport
import XCTest
@testable import SwanDeck

/// overzicht.yaml: every phrase is transcribed from the source material, it says what the cards
/// say, and mistakes in the file are reported with their place.
final class OverviewTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    /// The source texts (shared/seeds beside the repository), joined and normalised as the
    /// transcription check of the whole deck does it.
    static func sourceText() throws -> String {
        try TranscriptionTests.sources().map(\.text).joined(separator: "\n")
    }
    static func normalised(_ text: String) -> String { TranscriptionTests.normalised(text) }

    var overview: Overview { get throws { try XCTUnwrap(try DeckLoader.load(from: TestDeck.shipped).overview) } }

    func testEveryPhraseIsInTheSourceMaterial() throws {
        let source = try Self.sourceText()
        let texts = try overview.texts
        XCTAssertGreaterThan(texts.count, 60, "every text of the overview was collected")
        let missing = texts.filter { !source.contains(Self.normalised($0)) }
        XCTAssertEqual(missing, [], "not found word for word in \(TranscriptionTests.seeds.path)")
    }

    func testTheTableOfTheWebinarIsThere() throws {
        let source = try Self.sourceText()
        let tables = try overview.sides.flatMap { $0 }.flatMap(\.blocks).compactMap { block -> [[String]]? in
            if case .table(_, let columns, let rows) = block { return [columns] + rows } else { return nil }
        }
        let table = try XCTUnwrap(tables.first)
        XCTAssertEqual(table.count, 5, "a header and the four voorwaarden")
        // Each row as one line of the slide: the voorwaarde followed by what to think of.
        for row in table { XCTAssertTrue(source.contains(Self.normalised(row.joined(separator: " "))), "\(row)") }
    }

    func testTheCheckNoticesAChangedWord() throws {
        let source = try Self.sourceText()
        let phrase = try XCTUnwrap(try overview.texts.first { $0.split(separator: " ").count > 4 })
        XCTAssertTrue(source.contains(Self.normalised(phrase)))
        var words = phrase.split(separator: " ").map(String.init)
        words[2] += "x"
        XCTAssertFalse(source.contains(Self.normalised(words.joined(separator: " "))))
    }

    /// What lies on the table and what the overview says are the same words: each round's
    /// hoofdvraag and opdracht, the hulpvragen, the factoren, the roles' tasks.
    func testTheOverviewSaysWhatTheCardsSay() throws {
        let deck = try DeckLoader.load(from: TestDeck.shipped)
        let overview = try XCTUnwrap(deck.overview)
        let sections = overview.sides.flatMap { $0 }
        XCTAssertEqual(overview.sides.count, 2, "front and back")
        func lists(_ section: OverviewSection) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for case .list(let heading, let items) in section.blocks { result[heading ?? ""] = items }
            return result
        }
        for round in deck.rounds {
            let inRound = sections.filter { $0.round == round.number }
            let hoofdvraag = try XCTUnwrap(deck.cards(inRound: round.number).first { $0.kind == .hoofdvraag })
            let texts = inRound.flatMap(\.blocks).flatMap(\.texts)
            XCTAssertTrue(texts.contains(try XCTUnwrap(hoofdvraag.front.question)), "round \(round.number): hoofdvraag")
            XCTAssertTrue(texts.contains(try XCTUnwrap(hoofdvraag.back?.question)), "round \(round.number): opdracht")
            for hulpvragen in deck.cards(inRound: round.number) where hulpvragen.kind == .hulpvragen {
                for side in [hulpvragen.front, hulpvragen.back].compactMap({ $0 }) {
                    let title = try XCTUnwrap(side.title)
                    XCTAssertEqual(inRound.compactMap { lists($0)[title] }.first, side.sections.flatMap(\.items), "round \(round.number): \(title)")
                }
            }
        }
        let factoren = deck.cards(inRound: 2).filter { $0.kind == .support }.map(\.name)
        XCTAssertEqual(factoren.count, 5)
        XCTAssertTrue(sections.filter { $0.round == 2 }.contains { lists($0)[""] == factoren }, "the five factoren")
        let roles = try XCTUnwrap(sections.first { $0.round == nil })
        for card in deck.cards(ofKind: .role) {
            XCTAssertEqual(lists(roles)[card.name], card.front.sections.flatMap(\.items), "tasks of \(card.name)")
        }
    }

    func testMistakesAreReportedWithTheirPlace() throws {
        let deck = try TestDeck.copy()
        var text = try String(contentsOf: deck.appendingPathComponent("overzicht.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  - round: 3\n    blocks:\n      - question:", with: "  - round: 7\n    blocks:\n      - qestion:")
        text = text.replacingOccurrences(of: "[Sociale inclusie, ", with: "[Sociale inclusie, extra, ")
        try TestDeck.write(text, to: "overzicht.yaml", in: deck)
        let messages = TestDeck.errors(loading: deck).map(\.description)
        let file = deck.appendingPathComponent("overzicht.yaml").path
        XCTAssertTrue(messages.contains { $0.hasPrefix(file + ":") && $0.contains("round 7 does not exist") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown block 'qestion'") && $0.contains("question") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("a row has 3 cells but the table has 2 columns") }, "\(messages)")
        XCTAssertEqual(messages.count, 3, "\(messages)")
    }

    func testADeckWithoutOverviewStillLoads() throws {
        let deck = try TestDeck.copy()
        let index = try String(contentsOf: deck.appendingPathComponent("deck.yaml"), encoding: .utf8)
        try TestDeck.write(index.replacingOccurrences(of: "overzicht: overzicht.yaml\n", with: ""), to: "deck.yaml", in: deck)
        XCTAssertNil(try DeckLoader.load(from: deck).overview)
    }
}
