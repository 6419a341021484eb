import SwanDiagnostics
import XCTest
@testable import SwanDeck

/// The YAML mistakes a coordinator makes, told as what went wrong, at the line to look at, and
/// alone (no follow-on errors).
final class YAMLMistakeTests: XCTestCase {
    private var deck: URL!
    private static let messages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Messages")

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

    // MARK: - A key without its colon (reported on its own line, not where YAML noticed it)

    func testAMissingColonBeforeAQuotedTextIsOnItsOwnLine() throws {
        let found = try errors("cards/ronde-1.yaml", "    name: Sociale cohesie", #"    name "Sociale cohesie""#)
        XCTAssertEqual(found.count, 1, found.map(\.englishText).joined(separator: "\n"))
        assertError(found, file: "cards/ronde-1.yaml", line: 15, column: 9,
                    contains: "a colon is missing after 'name': a key and its value are written as name: text")
        XCTAssertFalse(found[0].englishText.contains("quote"), "no advice to quote: \(found[0].englishText)")
    }

    func testAMissingColonBeforePlainTextIsOnItsOwnLine() throws {
        let found = try errors("cards/ronde-1.yaml", "    name: Sociale cohesie", "    name Sociale cohesie")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 15, column: 9, contains: "a colon is missing after 'name'")
    }

    /// The first key of a block: YAML reads it and the next line as one text and stops at the
    /// next line's colon ("mapping values are not allowed"), one line late.
    func testAMissingColonOnTheFirstKeyOfABlockIsOnItsOwnLine() throws {
        let found = try errors("cards/ronde-1.yaml", "      lead: Hoe speelt…\n      question: Sociale cohesie",
                               "      lead Hoe speelt…\n      question: Sociale cohesie")
        XCTAssertEqual(found.count, 1, found.map(\.englishText).joined(separator: "\n"))
        assertError(found, file: "cards/ronde-1.yaml", line: 17, column: 11, contains: "a colon is missing after 'lead'")
        XCTAssertFalse(found[0].englishText.contains("quote"), found[0].englishText)
    }

    func testAMissingColonAfterAnItemsDashIsOnItsOwnLine() throws {
        let found = try errors("cards/ronde-1.yaml", "  - id: sociale-cohesie", "  - id sociale-cohesie")
        XCTAssertEqual(found.count, 1, found.map(\.englishText).joined(separator: "\n"))
        assertError(found, file: "cards/ronde-1.yaml", line: 13, column: 7, contains: "a colon is missing after 'id'")
    }

    /// The last key of a card: YAML noticed it two lines further, at the next card.
    func testAMissingColonOnABlocksLastKeyIsOnItsOwnLine() throws {
        let found = try errors("cards/ronde-1.yaml", "      footer: Gebaseerd op solidariteit", "      footer Gebaseerd op solidariteit")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 28, column: 13, contains: "a colon is missing after 'footer'")
    }

    /// A block's only key without its colon is valid YAML (the block is a text): the error about
    /// the block asks whether a colon is missing, on the line itself.
    func testABlocksOnlyKeyWithoutColonIsAskedAbout() throws {
        let found = try errors("cards/ronde-1.yaml", "      question: Formuleer wat", "      question Formuleer wat")
        XCTAssertEqual(found.count, 1, found.map(\.englishText).joined(separator: "\n"))
        assertError(found, file: "cards/ronde-1.yaml", line: 11, column: 7,
                    contains: "is a colon missing after 'question'? a key and its value are written as question: text")
    }

    func testAMissingColonInAnEnglishDeckIsOnItsOwnLine() throws {
        try FileManager.default.removeItem(at: deck)
        deck = try TestDeck.copy(of: TestDeck.english)
        let found = try errors("cards/round-1.yaml", "      question: Social cohesion play a role?", "      question Social cohesion play a role?")
        XCTAssertEqual(found.count, 1, found.map(\.englishText).joined(separator: "\n"))
        assertError(found, file: "cards/round-1.yaml", line: 15, column: 15, contains: "a colon is missing after 'question'")
        let dutch = Catalogue.load(.dutch, from: Self.messages).text(of: found[0])
        XCTAssertTrue(dutch.contains("na 'question' ontbreekt een dubbele punt"), dutch)
    }

    // MARK: - Curly quotes from a word processor

    func testCurlyQuotesAroundATextWithAColonAreNamed() throws {
        let found = try errors("cards/ronde-1.yaml", "question: Sociale cohesie een rol?", "question: “Sociale cohesie: een rol?”")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 18, column: 17,
                    contains: #"curly quote “ (as a word processor types it): YAML takes only straight quotes, so this text is not quoted; use straight double quotes (")"#)
    }

    func testDutchLowCurlyQuotesAreNamed() throws {
        let found = try errors("cards/ronde-1.yaml", "question: Sociale cohesie een rol?", "question: „Sociale cohesie: een rol?”")
        assertError(found, file: "cards/ronde-1.yaml", line: 18, column: 17, contains: "curly quote „")
    }

    func testATextOpenedStraightAndClosedCurlyNamesTheCurlyQuote() throws {
        let found = try errors("cards/ronde-1.yaml", "question: Sociale cohesie een rol?", #"question: "Sociale cohesie: een rol?”"#)
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/ronde-1.yaml", line: 18, column: 17, contains: #"this quote (") is never closed"#)
        XCTAssertTrue(found[0].englishText.contains("the text has curly quotes (”)"), found[0].englishText)
    }

    func testCurlySingleQuotesInAnEnglishDeckAreNamedInDutchToo() throws {
        try FileManager.default.removeItem(at: deck)
        deck = try TestDeck.copy(of: TestDeck.english)
        let found = try errors("cards/round-1.yaml", "question: Social cohesion play a role?", "question: ‘Social cohesion: a role?’")
        XCTAssertEqual(found.count, 1)
        assertError(found, file: "cards/round-1.yaml", line: 15, column: 17, contains: "curly quote ‘")
        let dutch = Catalogue.load(.dutch, from: Self.messages).text(of: found[0])
        XCTAssertTrue(dutch.contains("krul-aanhalingsteken ‘") && dutch.contains(#"rechte dubbele aanhalingstekens (")"#), dutch)
    }

    // MARK: - libyaml's own words, in the user's language

    func testLibyamlsProblemIsWordedFromTheCatalogues() throws {
        let found = try errors("cards/ronde-1.yaml", "      examples:\n        - Het gevoel ergens bij te horen",
                               "      examples: [Het gevoel ergens bij te horen\n        - Het gevoel ergens bij te horen")
        XCTAssertEqual(found.count, 1)
        XCTAssertFalse(found[0].englishText.contains("did not find expected"), found[0].englishText)
        let dutch = Catalogue.load(.dutch, from: Self.messages).text(of: found[0])
        XCTAssertTrue(dutch.hasPrefix("ongeldige YAML: "), dutch)
        XCTAssertFalse(dutch.contains("did not") || dutch.contains("while ") || dutch.contains("found"), dutch)
    }

    func testTheShippedDeckHasNoJoinedLines() {
        XCTAssertNoThrow(try DeckLoader.load(from: TestDeck.shipped))
    }

    func testMessagesInDutch() throws {
        let found = try errors("deck.yaml", ##"colour: "#4A9A3F""##, "colour: #4A9A3F")
        let dutch = Catalogue.load(.dutch, from: Self.messages).text(of: try XCTUnwrap(found.first))
        XCTAssertTrue(dutch.contains("begint '#' in YAML een commentaar"), dutch)
    }
}
