import SwanDiagnostics
import XCTest
@testable import SwanDeck

/// The YAML mistakes a coordinator makes, told as what went wrong, at the line to look at, and
/// alone (no follow-on errors).
final class YAMLMistakeTests: XCTestCase {
    private var deck: URL!

    override func setUpWithError() throws { deck = try TestDeck.copy() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: deck) }

    /// Replaces `old` (which must be there) in one of the deck's files and loads the deck.
    private func errors(_ file: String, _ old: String, _ new: String) throws -> [Diagnostic] {
        let url = deck.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return TestDeck.errors(loading: deck)
    }

    func testAnUnquotedColourIsNamedAsACommentAndAlone() throws {
        let found = try errors("deck.yaml", ##"colour: "#4A9A3F""##, "colour: #4A9A3F")
        XCTAssertEqual(found.count, 1, "no follow-on errors for the round's cards: \(found.map(\.englishText))")
        assertError(found, file: "deck.yaml", line: 11, column: 13,
                    contains: ##"'colour' has no value: after a space, '#' starts a comment in YAML, so '#4A9A3F' was not read; put it in double quotes: colour: "#4A9A3F""##)
    }

    func testAKeyIndentedTooFarIsNamedAsIndentation() throws {
        let found = try errors("cards/ronde-1.yaml", "    kind: support\n    name: Sociale cohesie", "    kind: support\n     name: Sociale cohesie")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 15, column: 6,
                    contains: "wrong indentation: line 15 is indented 5 spaces, further than line 14 (4)")
    }

    func testAKeyIndentedTooLittleNamesTheBlock() throws {
        let found = try errors("cards/ronde-1.yaml", "    kind: support\n    name: Sociale cohesie", "    kind: support\n   name: Sociale cohesie")
        assertError(found, file: "cards/ronde-1.yaml", line: 15, column: 4,
                    contains: "wrong indentation: line 15 is indented 3 spaces, but the block it belongs to (from line 4) is indented 2")
    }

    func testALineIndentedTooFarAboveItsSiblingIsTheOneNamed() throws {
        let found = try errors("cards/ronde-1.yaml", "    front:\n      lead: Hoe speelt…", "    front:\n        lead: Hoe speelt…")
        assertError(found, file: "cards/ronde-1.yaml", line: 17, column: 9,
                    contains: "line 17 is indented 8 spaces but line 18 below it 6")
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() throws {
        let found = try errors("cards/ronde-1.yaml", "question: Sociale cohesie een rol?", #"question: "Sociale cohesie een rol?"#)
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 18, column: 17, contains: #"this quote (") is never closed"#)
    }

    func testADenkAanItemIndentedTooFarIsAnErrorNotMerged() throws {
        let found = try errors("cards/ronde-1.yaml", "        - Gedeelde normen en waarden", "          - Gedeelde normen en waarden")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 23, column: 11,
                    contains: "line 23 starts a new item ('- ') but is indented further than the item on line 22, so YAML joined the two into one text")
    }

    func testATextBrokenOverTwoLinesIsAnError() throws {
        let found = try errors("cards/ronde-1.yaml", "        - Gedeelde normen en waarden", "           Gedeelde normen en waarden")
        assertError(found, file: "cards/ronde-1.yaml", line: 23, column: 12, contains: "line 23 is indented further than line 22, so YAML joined it")
    }

    func testTheShippedDeckHasNoJoinedLines() {
        XCTAssertNoThrow(try DeckLoader.load(from: TestDeck.shipped))
    }

    func testMessagesInDutch() throws {
        let found = try errors("deck.yaml", ##"colour: "#4A9A3F""##, "colour: #4A9A3F")
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Messages")
        let dutch = Catalogue.load(.dutch, from: folder).text(of: try XCTUnwrap(found.first))
        XCTAssertTrue(dutch.contains("begint '#' in YAML een commentaar"), dutch)
    }
}
