import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

/// One test per kind of problem: each asserts the kind, the JSON path and the message.
final class ValidationErrorTests: XCTestCase {
    func testMalformedJSONReportsLineAndColumn() {
        let json = "{\n  \"version\": 1,\n  \"datum\": \"2025-03-14\"\n  \"inbrenger\": \"x\"\n}"
        let error = singleError(of: json)
        XCTAssertEqual(error?.sessionKind, .malformedJSON)
        XCTAssertEqual(error?.location.map { [$0.line, $0.column] }, [4, 3])
        XCTAssertEqual(error?.jsonPath, "$")
        XCTAssertEqual(error?.englishText, "malformed JSON: unexpected '\"' after the value of 'datum'; expected ',' or '}'")
        XCTAssertEqual(error?.englishLine,
                       "test.json:4:3: $: error: malformed JSON: unexpected '\"' after the value of 'datum'; expected ',' or '}'")
    }

    func testMalformedJSONColumnCountsCharactersNotBytes() {
        // "Ayşe Yılmaz" has two two-byte characters; the bad ']' is at character column 28 (byte 30).
        let json = "{\"inbrenger\": \"Ayşe Yılmaz\"]}"
        let error = singleError(of: json)
        XCTAssertEqual(error?.sessionKind, .malformedJSON)
        XCTAssertEqual(error?.location.map { [$0.line, $0.column] }, [1, 28])
        XCTAssertEqual(error?.englishText, "malformed JSON: unexpected ']' after the value of 'inbrenger'; expected ',' or '}'")
    }

    func testTrailingCommaAndUnterminatedString() {
        let trailing = singleError(of: "{\"version\": 1,\n}")
        XCTAssertEqual(trailing?.location.map { [$0.line, $0.column] }, [2, 1])
        XCTAssertEqual(trailing?.englishText, "malformed JSON: unexpected '}' after ','; expected another key (JSON allows no trailing comma)")

        let unterminated = singleError(of: "{\"inbrenger\": \"Zoë")
        XCTAssertEqual(unterminated?.location.map { [$0.line, $0.column] }, [1, 15])
        XCTAssertEqual(unterminated?.jsonPath, "$.inbrenger")
        XCTAssertEqual(unterminated?.englishText, "malformed JSON: unterminated string; expected a closing '\"'")
    }

    func testEmptyFile() {
        let error = singleError(of: "  \n")
        XCTAssertEqual(error?.sessionKind, .malformedJSON)
        XCTAssertEqual(error?.englishText, "malformed JSON: the file is empty; expected a JSON object")
    }

    func testInvalidUTF8() {
        var bytes = Array("{\n  \"inbrenger\": \"Zo".utf8)
        bytes.append(0xEB) // Latin-1 "ë": a lead byte without continuation
        bytes += Array("\"\n}".utf8)
        let found = errors(of: Data(bytes))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.sessionKind, .invalidUTF8)
        XCTAssertEqual(found.first?.jsonPath, "$")
        XCTAssertEqual(found.first?.location.map { [$0.line, $0.column] }, [2, 19])
        XCTAssertEqual(found.first?.englishText,
                       "invalid UTF-8: byte 0xEB starts a 3-byte character but is followed by 0x22; save the file as UTF-8")
    }

    func testInvalidUTF8ReportsEverySequence() {
        // A stray continuation byte, an overlong "/" and an encoded surrogate.
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0x80, 0x20, 0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80] + Array("\"}".utf8)
        let found = errors(of: Data(bytes))
        XCTAssertEqual(found.map(\.sessionKind), [.invalidUTF8, .invalidUTF8, .invalidUTF8])
        XCTAssertEqual(found.map(\.englishText), [
            "invalid UTF-8: byte 0x80 cannot start a character; save the file as UTF-8",
            "invalid UTF-8: the byte sequence 0xC0 0xAF is not a valid character; save the file as UTF-8",
            "invalid UTF-8: the byte sequence 0xED 0xA0 0x80 is not a valid character (overlong, a surrogate or above U+10FFFF); save the file as UTF-8",
        ])
        XCTAssertEqual(found.map { $0.location?.column }, [8, 10, 13])
    }

    func testWrongType() {
        let error = singleError(of: minimalJSON(#""deelnemers": "Łukasz Wójcik""#))
        XCTAssertEqual(error?.sessionKind, .wrongType)
        XCTAssertEqual(error?.jsonPath, "$.deelnemers")
        XCTAssertEqual(error?.englishText, "expected a list of strings, found a string")

        let nested = singleError(of: minimalJSON(#""ronde2": {"moreelDilemma": {"beschrijving": "x", "moreelBeraad": "ja"}}"#))
        XCTAssertEqual(nested?.jsonPath, "$.ronde2.moreelDilemma.moreelBeraad")
        XCTAssertEqual(nested?.englishText, "expected true or false, found a string")

        let root = singleError(of: "[1, 2]")
        XCTAssertEqual(root?.jsonPath, "$")
        XCTAssertEqual(root?.englishText, "expected an object, found an array")
    }

    func testUnknownKeyWithSuggestion() {
        let json = """
        {"version": 1, "datum": "2025-03-14", "inbrengr": "Zoë", "inbrenger": "Zoë", "omschrijving": "x"}
        """
        let error = singleError(of: json)
        XCTAssertEqual(error?.sessionKind, .unknownKey)
        XCTAssertEqual(error?.jsonPath, "$.inbrengr")
        XCTAssertEqual(error?.englishText, "unknown key 'inbrengr'; did you mean 'inbrenger'?")
        XCTAssertEqual(error?.englishLine, "test.json:1:39: $.inbrengr: error: unknown key 'inbrengr'; did you mean 'inbrenger'?")
    }

    func testUnknownKeyWithoutNearMissListsTheKeys() {
        let error = singleError(of: minimalJSON(#""ronde1": {"notities": "x"}"#))
        XCTAssertEqual(error?.jsonPath, "$.ronde1.notities")
        XCTAssertEqual(error?.englishText, "unknown key 'notities'; expected one of: voorwaarden, bereiken")
    }

    func testDuplicateKey() {
        let error = singleError(of: minimalJSON(#""schrijver": "A", "schrijver": "B""#))
        XCTAssertEqual(error?.sessionKind, .duplicateKey)
        XCTAssertEqual(error?.jsonPath, "$.schrijver")
        XCTAssertEqual(error?.englishText, "duplicate key 'schrijver' (first at line 6, column 3); expected each key once")
    }

    func testMissingRequiredKeys() {
        let found = errors(of: #"{"version": 1, "datum": "2025-03-14"}"#)
        XCTAssertEqual(found.map(\.sessionKind), [.missingKey, .missingKey])
        XCTAssertEqual(found.map(\.jsonPath), ["$", "$"])
        XCTAssertEqual(found.map(\.englishText), ["missing required key 'inbrenger'", "missing required key 'omschrijving'"])

        let nested = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"toelichting": "x"}]}"#))
        XCTAssertEqual(nested?.jsonPath, "$.ronde1.voorwaarden[0]")
        XCTAssertEqual(nested?.englishText, "missing required key 'id'")
    }

    func testRequiredTextMayNotBeBlank() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-03-14", "inbrenger": " \n", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.sessionKind, .emptyValue)
        XCTAssertEqual(error?.jsonPath, "$.inbrenger")
        XCTAssertEqual(error?.englishText, "expected a non-empty text for required key 'inbrenger', found only whitespace")
    }

    func testImpossibleDayOfMonth() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.sessionKind, .invalidDate)
        XCTAssertEqual(error?.jsonPath, "$.datum")
        XCTAssertEqual(error?.englishText, "impossible date '2025-02-30': February 2025 has 28 days (expected day 01–28)")
    }

    func testImpossibleMonth() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-13-01", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.sessionKind, .invalidDate)
        XCTAssertEqual(error?.englishText, "impossible date '2025-13-01': month 13 does not exist (expected 01–12)")
    }

    func testLeapDayAndMalformedDate() throws {
        XCTAssertEqual(try decode(#"{"version": 1, "datum": "2024-02-29", "inbrenger": "Zoë", "omschrijving": "x"}"#).datum.description, "2024-02-29")
        let error = singleError(of: #"{"version": 1, "datum": "14-03-2025", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.englishText, "expected a date as YYYY-MM-DD, found '14-03-2025'")
        let evaluatie = singleError(of: minimalJSON(#""evaluatie": {"datum": "1900-02-29", "verloop": "x"}"#))
        XCTAssertEqual(evaluatie?.jsonPath, "$.evaluatie.datum")
        XCTAssertEqual(evaluatie?.englishText, "impossible date '1900-02-29': February 1900 has 28 days (expected day 01–28)")
    }

    func testEvaluatieBeforeTheDiscussion() {
        let error = singleError(of: minimalJSON(#""evaluatie": {"datum": "2025-03-13", "verloop": "x"}"#))
        XCTAssertEqual(error?.sessionKind, .invalidValue)
        XCTAssertEqual(error?.englishText, "evaluatie date 2025-03-13 is before the discussion date 2025-03-14; expected 2025-03-14 or later")
    }

    func testUnsupportedVersion() {
        // The other problems are not reported: version 3 may well allow them.
        let error = singleError(of: #"{"version": 3, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x", "nieuw": 1}"#)
        XCTAssertEqual(error?.sessionKind, .unsupportedVersion)
        XCTAssertEqual(error?.jsonPath, "$.version")
        XCTAssertEqual(error?.englishText, "unsupported version 3; this tool reads versions 1, 2 (a newer swan may read this file)")
    }

    func testVersionMustBeAnInteger() {
        let required = errors(of: #"{"version": 1, "datum": null, "inbrenger": null, "omschrijving": "x"}"#)
        XCTAssertEqual(required.map(\.englishText), ["expected a date as a string YYYY-MM-DD, found null", "expected a string, found null"])
        let text = singleError(of: #"{"version": "1", "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(text?.sessionKind, .wrongType)
        XCTAssertEqual(text?.englishText, "expected the integer version of the format (1, 2), found a string")
        let decimal = singleError(of: #"{"version": 1.0, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(decimal?.englishText, "expected the integer version of the format (1, 2), found 1.0")
        let null = singleError(of: #"{"version": null, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(null?.englishText, "expected the integer version of the format (1, 2), found null")
    }

    /// A card the deck does not have is never answered with another card (a session is a record:
    /// "did you mean" would invite changing it); the way to keep it is the deck it was made with.
    func testAnUnknownVoorwaardeProposesNoOtherCard() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "sociale-cohesie"}, {"id": "sociale-inclusie"}, {"id": "sociale-empowerement"}]}"#))
        XCTAssertEqual(error?.sessionKind, .unknownID)
        XCTAssertEqual(error?.jsonPath, "$.ronde1.voorwaarden[2].id")
        XCTAssertEqual(error?.englishText, "voorwaarde 'sociale-empowerement' is no longer in the deck: no card of this deck has this id; to keep the session as it is, check or render it with the deck it was made with: --templates DIR")
        XCTAssertFalse(error?.englishText.contains("sociale-empowerment") ?? true)
    }

    func testAnUnknownVoorwaardeListsNoCards() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "veiligheid"}]}"#))
        XCTAssertEqual(error?.englishText, "voorwaarde 'veiligheid' is no longer in the deck: no card of this deck has this id; to keep the session as it is, check or render it with the deck it was made with: --templates DIR")
    }

    func testUnknownFactor() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "professionals", "weging": "groot"}]}"#))
        XCTAssertEqual(error?.sessionKind, .unknownID)
        XCTAssertEqual(error?.jsonPath, "$.ronde2.factoren[0].id")
        XCTAssertEqual(error?.englishText, "factor 'professionals' is no longer in the deck: no card of this deck has this id; to keep the session as it is, check or render it with the deck it was made with: --templates DIR")
    }

    func testUnknownLevel() {
        let error = singleError(of: minimalJSON(#""ronde3": {"interventies": {"individu": ["a"], "organisatie_beleid": ["b"]}}"#))
        XCTAssertEqual(error?.sessionKind, .unknownID)
        XCTAssertEqual(error?.jsonPath, "$.ronde3.interventies.organisatie_beleid")
        XCTAssertEqual(error?.englishText, "level 'organisatie_beleid' is no longer in the deck: no card of this deck has this id; to keep the session as it is, check or render it with the deck it was made with: --templates DIR")
    }

    func testLevelKeysNeedBracketsInPaths() {
        let error = singleError(of: minimalJSON(#""ronde3": {"interventies": {"organisatie-beleid": ["a", 7]}}"#))
        XCTAssertEqual(error?.jsonPath, "$.ronde3.interventies['organisatie-beleid'][1]")
        XCTAssertEqual(error?.englishText, "expected a string, found a number (7)")
    }

    func testUnknownWeging() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis", "weging": "Groot"}]}"#))
        XCTAssertEqual(error?.sessionKind, .invalidValue)
        XCTAssertEqual(error?.jsonPath, "$.ronde2.factoren[0].weging")
        XCTAssertEqual(error?.englishText, "unknown weging 'Groot'; did you mean 'groot'?")
        let other = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis", "weging": "heel erg"}]}"#))
        XCTAssertEqual(other?.englishText, "unknown weging 'heel erg'; expected one of: groot, middel, klein")
    }

    func testDuplicateVoorwaarde() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "sociale-cohesie"}, {"id": "sociale-inclusie"}, {"id": "sociale-cohesie"}]}"#))
        XCTAssertEqual(error?.sessionKind, .duplicateID)
        XCTAssertEqual(error?.jsonPath, "$.ronde1.voorwaarden[2].id")
        XCTAssertEqual(error?.englishText, "duplicate voorwaarde 'sociale-cohesie' (already at $.ronde1.voorwaarden[0].id); expected each voorwaarde once")
    }

    func testDuplicateFactor() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis"}, {"id": "kennis"}]}"#))
        XCTAssertEqual(error?.sessionKind, .duplicateID)
        XCTAssertEqual(error?.jsonPath, "$.ronde2.factoren[1].id")
    }

    func testSignaalNeedsAanwezig() {
        let error = singleError(of: minimalJSON(#""ronde3": {"signaal": {"opvolging": "x"}}"#))
        XCTAssertEqual(error?.sessionKind, .missingKey)
        XCTAssertEqual(error?.jsonPath, "$.ronde3.signaal")
        XCTAssertEqual(error?.englishText, "missing required key 'aanwezig'")
    }
}
