import SwanDiagnostics
import XCTest
@testable import SwanDeck

/// One test per error case: the message and the file:line:column it points at.
final class ErrorCaseTests: XCTestCase {
    private var deck: URL!

    override func setUpWithError() throws { deck = try TestDeck.copy() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: deck) }

    func testMalformedYAMLReportsLibyamlPosition() throws {
        try TestDeck.write("round: 1\ncards:\n  - id: een\n    kind: [hoofdvraag\n", to: "cards/ronde-1.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        let error = try XCTUnwrap(errors.first)
        XCTAssertTrue(error.location?.file.hasSuffix("cards/ronde-1.yaml") == true)
        XCTAssertEqual(error.location?.line, 5)
        XCTAssertTrue(error.englishText.hasPrefix("invalid YAML: "), error.englishText)
        XCTAssertTrue(error.englishText.contains("double quotes"), error.englishText)
    }

    func testUnquotedColonInTextExplainsTheQuotingRule() throws {
        try TestDeck.write("noHyphenation:\n  - Evt: inwoner(s) uitgenodigd?\n", to: "hyphenation.yaml", in: deck)
        // YAML reads "Evt: …" as a key; the list item becomes a mapping, not text.
        assertError(TestDeck.errors(loading: deck), file: "hyphenation.yaml", line: 2, column: 5,
                    contains: "expected text for 'noHyphenation', found a set of 'key: value' lines; if the text contains a colon, put the whole text in double quotes")
    }

    func testUnknownKeySuggestsNearMiss() throws {
        try TestDeck.write(minimalRoundFile + "\n      titel: Iets\n", to: "cards/ronde-1.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "cards/ronde-1.yaml", line: 7, column: 7,
                    contains: "unknown key 'titel' in a card side; did you mean 'title'?")
    }

    func testUnknownKeyWithoutNearMissListsKnownKeys() throws {
        try TestDeck.write(minimalRoundFile + "\n    colour: red\n", to: "cards/ronde-1.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "cards/ronde-1.yaml", line: 7, column: 5,
                    contains: "unknown key 'colour' in a card; expected one of: 'back', 'front', 'id', 'kind', 'name', 'round'")
    }

    func testMissingRequiredField() throws {
        try TestDeck.write("round: 1\ncards:\n  - id: een\n    front:\n      question: Vraag?\n", to: "cards/ronde-1.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "cards/ronde-1.yaml", line: 3, column: 5,
                    contains: "missing required field 'kind' in a card")
    }

    func testDuplicateCardIdAcrossFiles() throws {
        let duplicate = "cards:\n  - id: sociale-cohesie\n    kind: role\n    front:\n      title: X\n"
        try TestDeck.write(duplicate, to: "cards/rollen.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "cards/rollen.yaml", line: 2, column: 5, contains: "duplicate card id 'sociale-cohesie'; first used at ")
        XCTAssertTrue(errors.contains { $0.englishText.contains("ronde-1.yaml:13:5") }, "\(errors)")
    }

    func testDuplicateYAMLKey() throws {
        try TestDeck.write(minimalRoundFile + "\n      question: Nog een?\n", to: "cards/ronde-1.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors[0].englishText.contains("duplicate key 'question'"), errors[0].englishText)
        XCTAssertTrue(errors[0].location?.file.hasSuffix("cards/ronde-1.yaml") == true)
        XCTAssertEqual(errors[0].location?.line, 6)
    }

    func testCardInRoundThatDoesNotExist() throws {
        try TestDeck.write(minimalRoundFile.replacingOccurrences(of: "round: 1", with: "round: 4"), to: "cards/ronde-1.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "cards/ronde-1.yaml", line: 3, column: 5,
                    contains: "card 'een' is in round 4, which does not exist; deck.yaml defines rounds 1, 2, 3")
    }

    func testInvalidColour() throws {
        let path = deck.appendingPathComponent("deck.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\"#2F6DB5\"", with: "\"#2F6DBG\"")
        try TestDeck.write(text, to: "deck.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "deck.yaml", line: 16, column: 13, contains: "invalid colour '#2F6DBG'; expected \"#RRGGBB\"")
        XCTAssertEqual(errors.count, 1, "the round is kept, so its cards cause no follow-up errors: \(errors)")
    }

    func testEmptyList() throws {
        try TestDeck.write("round: 1\ncards:\n  - id: een\n    kind: support\n    front:\n      examples: []\n",
                           to: "cards/ronde-1.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "cards/ronde-1.yaml", line: 6, column: 17,
                    contains: "empty list for 'examples'")
    }

    func testInvalidUTF8GivesByteOffsetAndPosition() throws {
        var bytes = Array("card.examples: \"Denk aan:\"\npage.number: \"Pa".utf8)
        let offset = bytes.count
        bytes += [0xFF] + Array("gina\"\n".utf8)
        try TestDeck.writeBytes(bytes, to: "labels.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "labels.yaml", line: 2, column: 17,
                    contains: "invalid UTF-8 byte 0xFF at byte offset \(offset)")
    }

    func testInvalidUTF8ColumnCountsCharactersNotBytes() throws {
        try TestDeck.writeBytes(Array("a: \"é".utf8) + [0xC3, 0x28], to: "hyphenation.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "hyphenation.yaml", line: 1, column: 6,
                    contains: "invalid UTF-8 byte 0xC3 at byte offset 6")
    }

    func testByteOrderMarkIsAccepted() throws {
        try TestDeck.writeBytes([0xEF, 0xBB, 0xBF] + Array("noHyphenation:\n  - SWAN\n  - Movisie\n".utf8), to: "hyphenation.yaml", in: deck)
        XCTAssertEqual(try DeckLoader.load(from: deck).noHyphenation, ["SWAN", "Movisie"])
    }

    func testCRLFLineEndingsAreAccepted() throws {
        try TestDeck.write("noHyphenation:\r\n  - SWAN\r\n  - HAN\r\n", to: "hyphenation.yaml", in: deck)
        XCTAssertEqual(try DeckLoader.load(from: deck).noHyphenation, ["SWAN", "HAN"])
    }

    func testLoneCarriageReturnIsAnError() throws {
        try TestDeck.write("noHyphenation:\n  - SWAN\r  - HAN\n", to: "hyphenation.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "hyphenation.yaml", line: 2, column: 9,
                    contains: "carriage return without line feed")
    }

    func testTabInIndentation() throws {
        try TestDeck.write("noHyphenation:\n\t- SWAN\n", to: "hyphenation.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "hyphenation.yaml", line: 2, column: 1,
                    contains: "tab character in indentation; indent with spaces only")
    }

    func testEmptyFile() throws {
        try TestDeck.write("\n  \n", to: "forms/checklist.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "forms/checklist.yaml", line: 1, column: 1,
                    contains: "file is empty")
    }

    func testOnlyCommentsCountsAsEmpty() throws {
        try TestDeck.write("# nothing yet\n", to: "forms/checklist.yaml", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "forms/checklist.yaml", line: 1, column: 1,
                    contains: "file has no content")
    }

    func testMissingFilePointsAtTheReference() throws {
        try FileManager.default.removeItem(at: deck.appendingPathComponent("cards/check.yaml"))
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "deck.yaml", line: 30, column: 5, contains: "cards/check.yaml' not found")
        // The checklist refers to the now missing check card: reported too, in the same run.
        assertError(errors, file: "forms/checklist.yaml", line: 4, column: 10, contains: "no card with id 'check'")
    }

    func testMissingDeckFile() throws {
        try FileManager.default.removeItem(at: deck.appendingPathComponent("deck.yaml"))
        let errors = TestDeck.errors(loading: deck)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].englishText.contains("deck.yaml' not found"), errors[0].englishText)
    }

    func testSeveralErrorsInOneRun() throws {
        try TestDeck.write(minimalRoundFile + "\n      titel: Iets\n", to: "cards/ronde-1.yaml", in: deck)
        try TestDeck.write("round: 2\ncards:\n  - id: twee\n    kind: hoofdvraagg\n    front:\n      question: Vraag?\n",
                           to: "cards/ronde-2.yaml", in: deck)
        try TestDeck.write("noHyphenation: []\n", to: "hyphenation.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "cards/ronde-1.yaml", line: 7, column: 7, contains: "unknown key 'titel'")
        assertError(errors, file: "cards/ronde-2.yaml", line: 4, column: 11,
                    contains: "unknown card kind 'hoofdvraagg'; did you mean 'hoofdvraag'?")
        assertError(errors, file: "hyphenation.yaml", line: 1, column: 16, contains: "empty list for 'noHyphenation'")
    }

    func testFormSectionErrors() throws {
        let form = """
        id: invulblad
        title: Invulblad
        parts:
          - title: Deel 1
            sections:
              - id: datum
                prompt: "DATUM:"
              - id: datum
                prompt: Nog eens
                round: 9
                indent: 2
        """
        try TestDeck.write(form, to: "forms/invulblad.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "forms/invulblad.yaml", line: 8, column: 9, contains: "duplicate section id 'datum'")
        assertError(errors, file: "forms/invulblad.yaml", line: 10, column: 16, contains: "round 9 does not exist")
        assertError(errors, file: "forms/invulblad.yaml", line: 11, column: 17, contains: "'indent' must be between 0 and 1, found 2")
    }

    func testDuplicateSectionIdsAreReportedInFileOrder() throws {
        let ids = ["a", "b", "c", "d", "e", "f", "g", "h"]
        let sections = (ids + ids.reversed()).map { "      - id: \($0)\n        prompt: P\n" }.joined()
        try TestDeck.write("id: invulblad\ntitle: Invulblad\nparts:\n  - title: Deel 1\n    sections:\n" + sections,
                           to: "forms/invulblad.yaml", in: deck)
        let duplicates = TestDeck.errors(loading: deck).filter { $0.code == DeckCode.duplicateSectionId.rawValue }
        // The second copies appear in the file as h, g, …, a; each is reported in order of first use.
        XCTAssertEqual(duplicates.map { $0.englishText.split(separator: "'")[1] }, ids.map { Substring($0) })
        XCTAssertEqual(duplicates.count, ids.count)
    }

    func testChecklistMustReferToACheckCard() throws {
        try TestDeck.write("moments: gespreksleider\nroles:\n  - schrijver\n  - schrijvr\n", to: "forms/checklist.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "forms/checklist.yaml", line: 1, column: 10,
                    contains: "card 'gespreksleider' is a 'role' card; expected a 'check' card")
        assertError(errors, file: "forms/checklist.yaml", line: 4, column: 5,
                    contains: "no card with id 'schrijvr'; did you mean 'schrijver'?")
    }

    func testMissingExamplesLabel() throws {
        try TestDeck.write("page.number: \"Pagina {page} van {pages}\"\n", to: "labels.yaml", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "cards/ronde-1.yaml", line: 22, column: 9,
                    contains: "'examples' needs the label 'card.examples'")
        XCTAssertTrue(errors.allSatisfy { $0.englishText.contains("labels.yaml") }, "\(errors)")
    }

    func testFootnoteReferenceWithoutDefinition() throws {
        try TestDeck.write("# Titel\n\nTekst[^2] hier.\n", to: "handleiding.md", in: deck)
        assertError(TestDeck.errors(loading: deck), file: "handleiding.md", line: 3, column: 6,
                    contains: "footnote reference '[^2]' has no definition")
    }

    func testUnsupportedMarkdownAndSecondTitle() throws {
        try TestDeck.write("# Titel\n\n> citaat\n\n# Nog een titel\n", to: "handleiding.md", in: deck)
        let errors = TestDeck.errors(loading: deck)
        assertError(errors, file: "handleiding.md", line: 3, column: 1, contains: "'block_quote' is not supported")
        assertError(errors, file: "handleiding.md", line: 5, column: 1, contains: "only the first line may be a '# ' title")
    }

    func testErrorDescriptionFormat() {
        let error = Diagnostic.error(DeckCode.duplicateRoundId, ["id": "boom"], at: SourceLocation(file: "a.yaml", line: 3, column: 7))
        XCTAssertEqual(error.englishLine, "a.yaml:3:7: error: duplicate round id 'boom'")
    }
}
