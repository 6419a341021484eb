import Foundation
import SwanTestSupport
import XCTest
@testable import SwanDiagnostics
@testable import SwanSession

/// The small parts: locations, suggestions, dates, paths.
final class UnitTests: XCTestCase {
    func testLocationFromByteOffset() {
        let bytes = Array("ab\nŁódź\r\nx".utf8)
        XCTAssertEqual(TextPosition.of(offset: 0, in: bytes), TextPosition(line: 1, column: 1))
        XCTAssertEqual(TextPosition.of(offset: 3, in: bytes), TextPosition(line: 2, column: 1))
        // "Łódź" is 7 bytes and 4 characters; the "\r" after it is column 5.
        XCTAssertEqual(TextPosition.of(offset: 10, in: bytes), TextPosition(line: 2, column: 5))
        XCTAssertEqual(TextPosition.of(offset: bytes.count - 1, in: bytes), TextPosition(line: 3, column: 1))
        XCTAssertEqual(TextPosition.of(offset: bytes.count + 5, in: bytes), TextPosition(line: 3, column: 2))
    }

    func testLevenshteinAndSuggestions() {
        XCTAssertEqual(Suggestion.levenshtein("inbrengr", "inbrenger"), 1)
        XCTAssertEqual(Suggestion.levenshtein("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.levenshtein("", "abc"), 3)
        XCTAssertEqual(Suggestion.closest(to: "omschrijvng", among: SessionKeys.session.known), "omschrijving")
        XCTAssertNil(Suggestion.closest(to: "zzz", among: SessionKeys.session.known))
        XCTAssertNil(Suggestion.closest(to: "x", among: ["y"]), "one letter words are too short to guess")
    }

    func testDates() {
        XCTAssertNotNil(SessionDate("2000-02-29"))
        XCTAssertNil(SessionDate("2100-02-29"))
        XCTAssertNil(SessionDate("2025-04-31"))
        XCTAssertNil(SessionDate("2025-00-10"))
        XCTAssertNil(SessionDate("2025-1-10"))
        XCTAssertNil(SessionDate("２０２５-01-10"), "only ASCII digits")
        XCTAssertLessThan(SessionDate("2024-12-31")!, SessionDate("2025-01-01")!)
        XCTAssertEqual(SessionDate(year: 987, month: 6, day: 5)?.description, "0987-06-05")
    }

    func testPaths() {
        let path = JSONPath.root.appending("ronde3").appending("interventies").appending("organisatie-beleid").appending(0)
        XCTAssertEqual(path.description, "$.ronde3.interventies['organisatie-beleid'][0]")
        XCTAssertEqual(JSONPath.root.appending("it's").description, "$['it\\'s']")
    }

    func testDeepNestingIsRefusedNotCrashing() {
        let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = singleError(of: json)
        XCTAssertEqual(error?.sessionKind, .malformedJSON)
        XCTAssertEqual(error?.englishText, "malformed JSON: nesting deeper than 64 levels")
    }

    func testByteOrderMarkIsSkipped() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array(minimalJSON().utf8))
        XCTAssertEqual(try SessionDecoder.decode(data, source: "bom.json", vocabulary: vocabulary).inbrenger, "Zoë de Vries")
    }

    func testVocabularyComesFromTheCaller() throws {
        let small = SessionVocabulary(voorwaarden: ["x": "X"], factoren: [:], levels: [:])
        let json = minimalJSON(#""ronde1": {"voorwaarden": [{"id": "x"}]}"#)
        XCTAssertEqual(try SessionDecoder.decode(Data(json.utf8), source: "v.json", vocabulary: small).ronde1?.voorwaarden.first?.id, "x")
        XCTAssertThrowsError(try decode(json))
    }
}

/// "$schema" lets an editor validate a session against docs/session.schema.json.
final class SchemaKeyTests: XCTestCase {
    /// Its assertions read the messages' English words (TestCatalogue).
    override class func setUp() {
        super.setUp()
        TestCatalogue.useEnglish()
    }

    func testSchemaKeyIsAcceptedAndKeptOnRewrite() throws {
        let text = #"{"$schema": "../../docs/session.schema.json", "version": 1, "datum": "2025-03-14", "inbrenger": "X", "omschrijving": "Y"}"#
        let session = try SessionDecoder.decode(Data(text.utf8), source: "s.json", vocabulary: .standard)
        XCTAssertEqual(session.schema, "../../docs/session.schema.json")
        XCTAssertTrue(String(decoding: session.encodeJSON(), as: UTF8.self).hasPrefix("{\n  \"$schema\": \"../../docs/session.schema.json\",\n"))
    }

    func testSchemaKeyMustBeText() {
        let text = #"{"$schema": 3, "version": 1, "datum": "2025-03-14", "inbrenger": "X", "omschrijving": "Y"}"#
        XCTAssertThrowsError(try SessionDecoder.decode(Data(text.utf8), source: "s.json", vocabulary: .standard)) { error in
            XCTAssertTrue("\(error)".contains("$['$schema']: error: expected a string"), "\(error)")
        }
    }
}
