import Foundation
import XCTest
@testable import SwanSession

/// One test per kind of problem: each asserts the kind, the JSON path and the message.
final class ValidationErrorTests: XCTestCase {
    func testMalformedJSONReportsLineAndColumn() {
        let json = "{\n  \"version\": 1,\n  \"datum\": \"2025-03-14\"\n  \"inbrenger\": \"x\"\n}"
        let error = singleError(of: json)
        XCTAssertEqual(error?.kind, .malformedJSON)
        XCTAssertEqual(error?.location, TextPosition(line: 4, column: 3))
        XCTAssertEqual(error?.path, "$")
        XCTAssertEqual(error?.message, "malformed JSON: unexpected '\"' after the value of 'datum'; expected ',' or '}'")
        XCTAssertEqual(error?.description,
                       "test.json: $: error: malformed JSON: unexpected '\"' after the value of 'datum'; expected ',' or '}' (line 4, column 3)")
    }

    func testMalformedJSONColumnCountsCharactersNotBytes() {
        // "Ayşe Yılmaz" has two two-byte characters; the bad ']' is at character column 28 (byte 30).
        let json = "{\"inbrenger\": \"Ayşe Yılmaz\"]}"
        let error = singleError(of: json)
        XCTAssertEqual(error?.kind, .malformedJSON)
        XCTAssertEqual(error?.location, TextPosition(line: 1, column: 28))
        XCTAssertEqual(error?.message, "malformed JSON: unexpected ']' after the value of 'inbrenger'; expected ',' or '}'")
    }

    func testTrailingCommaAndUnterminatedString() {
        let trailing = singleError(of: "{\"version\": 1,\n}")
        XCTAssertEqual(trailing?.location, TextPosition(line: 2, column: 1))
        XCTAssertEqual(trailing?.message, "malformed JSON: unexpected '}' after ','; expected another key (JSON allows no trailing comma)")

        let unterminated = singleError(of: "{\"inbrenger\": \"Zoë")
        XCTAssertEqual(unterminated?.location, TextPosition(line: 1, column: 15))
        XCTAssertEqual(unterminated?.path, "$.inbrenger")
        XCTAssertEqual(unterminated?.message, "malformed JSON: unterminated string; expected a closing '\"'")
    }

    func testEmptyFile() {
        let error = singleError(of: "  \n")
        XCTAssertEqual(error?.kind, .malformedJSON)
        XCTAssertEqual(error?.message, "malformed JSON: the file is empty; expected a JSON object")
    }

    func testInvalidUTF8() {
        var bytes = Array("{\n  \"inbrenger\": \"Zo".utf8)
        bytes.append(0xEB) // Latin-1 "ë": a lead byte without continuation
        bytes += Array("\"\n}".utf8)
        let found = errors(of: Data(bytes))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.kind, .invalidUTF8)
        XCTAssertEqual(found.first?.path, "$")
        XCTAssertEqual(found.first?.location, TextPosition(line: 2, column: 19))
        XCTAssertEqual(found.first?.message,
                       "invalid UTF-8: byte 0xEB starts a 3-byte character but is followed by 0x22; save the file as UTF-8")
    }

    func testInvalidUTF8ReportsEverySequence() {
        // A stray continuation byte, an overlong "/" and an encoded surrogate.
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0x80, 0x20, 0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80] + Array("\"}".utf8)
        let found = errors(of: Data(bytes))
        XCTAssertEqual(found.map(\.kind), [.invalidUTF8, .invalidUTF8, .invalidUTF8])
        XCTAssertEqual(found.map(\.message), [
            "invalid UTF-8: byte 0x80 cannot start a character; save the file as UTF-8",
            "invalid UTF-8: the byte sequence 0xC0 0xAF is not a valid character; save the file as UTF-8",
            "invalid UTF-8: the byte sequence 0xED 0xA0 0x80 is not a valid character (overlong, a surrogate or above U+10FFFF); save the file as UTF-8",
        ])
        XCTAssertEqual(found.map { $0.location?.column }, [8, 10, 13])
    }

    func testWrongType() {
        let error = singleError(of: minimalJSON(#""deelnemers": "Łukasz Wójcik""#))
        XCTAssertEqual(error?.kind, .wrongType)
        XCTAssertEqual(error?.path, "$.deelnemers")
        XCTAssertEqual(error?.message, "expected a list of strings, found a string")

        let nested = singleError(of: minimalJSON(#""ronde2": {"moreelDilemma": {"beschrijving": "x", "moreelBeraad": "ja"}}"#))
        XCTAssertEqual(nested?.path, "$.ronde2.moreelDilemma.moreelBeraad")
        XCTAssertEqual(nested?.message, "expected true or false, found a string")

        let root = singleError(of: "[1, 2]")
        XCTAssertEqual(root?.path, "$")
        XCTAssertEqual(root?.message, "expected an object, found an array")
    }

    func testUnknownKeyWithSuggestion() {
        let json = """
        {"version": 1, "datum": "2025-03-14", "inbrengr": "Zoë", "inbrenger": "Zoë", "omschrijving": "x"}
        """
        let error = singleError(of: json)
        XCTAssertEqual(error?.kind, .unknownKey)
        XCTAssertEqual(error?.path, "$.inbrengr")
        XCTAssertEqual(error?.message, "unknown key 'inbrengr'; did you mean 'inbrenger'?")
        XCTAssertEqual(error?.description, "test.json: $.inbrengr: error: unknown key 'inbrengr'; did you mean 'inbrenger'? (line 1, column 39)")
    }

    func testUnknownKeyWithoutNearMissListsTheKeys() {
        let error = singleError(of: minimalJSON(#""ronde1": {"notities": "x"}"#))
        XCTAssertEqual(error?.path, "$.ronde1.notities")
        XCTAssertEqual(error?.message, "unknown key 'notities'; expected one of: voorwaarden, bereiken")
    }

    func testDuplicateKey() {
        let error = singleError(of: minimalJSON(#""schrijver": "A", "schrijver": "B""#))
        XCTAssertEqual(error?.kind, .duplicateKey)
        XCTAssertEqual(error?.path, "$.schrijver")
        XCTAssertEqual(error?.message, "duplicate key 'schrijver' (first at line 6, column 3); expected each key once")
    }

    func testMissingRequiredKeys() {
        let found = errors(of: #"{"version": 1, "datum": "2025-03-14"}"#)
        XCTAssertEqual(found.map(\.kind), [.missingKey, .missingKey])
        XCTAssertEqual(found.map(\.path), ["$", "$"])
        XCTAssertEqual(found.map(\.message), ["missing required key 'inbrenger'", "missing required key 'omschrijving'"])

        let nested = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"toelichting": "x"}]}"#))
        XCTAssertEqual(nested?.path, "$.ronde1.voorwaarden[0]")
        XCTAssertEqual(nested?.message, "missing required key 'id'")
    }

    func testRequiredTextMayNotBeBlank() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-03-14", "inbrenger": " \n", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.kind, .emptyValue)
        XCTAssertEqual(error?.path, "$.inbrenger")
        XCTAssertEqual(error?.message, "expected a non-empty text for required key 'inbrenger', found only whitespace")
    }

    func testImpossibleDayOfMonth() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.kind, .invalidDate)
        XCTAssertEqual(error?.path, "$.datum")
        XCTAssertEqual(error?.message, "impossible date '2025-02-30': February 2025 has 28 days (expected day 01–28)")
    }

    func testImpossibleMonth() {
        let error = singleError(of: #"{"version": 1, "datum": "2025-13-01", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.kind, .invalidDate)
        XCTAssertEqual(error?.message, "impossible date '2025-13-01': month 13 does not exist (expected 01–12)")
    }

    func testLeapDayAndMalformedDate() throws {
        XCTAssertEqual(try decode(#"{"version": 1, "datum": "2024-02-29", "inbrenger": "Zoë", "omschrijving": "x"}"#).datum.description, "2024-02-29")
        let error = singleError(of: #"{"version": 1, "datum": "14-03-2025", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(error?.message, "expected a date as YYYY-MM-DD, found '14-03-2025'")
        let evaluatie = singleError(of: minimalJSON(#""evaluatie": {"datum": "1900-02-29", "verloop": "x"}"#))
        XCTAssertEqual(evaluatie?.path, "$.evaluatie.datum")
        XCTAssertEqual(evaluatie?.message, "impossible date '1900-02-29': February 1900 has 28 days (expected day 01–28)")
    }

    func testEvaluatieBeforeTheDiscussion() {
        let error = singleError(of: minimalJSON(#""evaluatie": {"datum": "2025-03-13", "verloop": "x"}"#))
        XCTAssertEqual(error?.kind, .invalidValue)
        XCTAssertEqual(error?.message, "evaluatie date 2025-03-13 is before the discussion date 2025-03-14; expected 2025-03-14 or later")
    }

    func testUnsupportedVersion() {
        // The other problems are not reported: version 2 may well allow them.
        let error = singleError(of: #"{"version": 2, "datum": "2025-02-30", "inbrenger": "Zoë", "omschrijving": "x", "nieuw": 1}"#)
        XCTAssertEqual(error?.kind, .unsupportedVersion)
        XCTAssertEqual(error?.path, "$.version")
        XCTAssertEqual(error?.message, "unsupported version 2; expected 1 (this tool reads version 1 only)")
    }

    func testVersionMustBeAnInteger() {
        let required = errors(of: #"{"version": 1, "datum": null, "inbrenger": null, "omschrijving": "x"}"#)
        XCTAssertEqual(required.map(\.message), ["expected a date as a string YYYY-MM-DD, found null", "expected a string, found null"])
        let text = singleError(of: #"{"version": "1", "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(text?.kind, .wrongType)
        XCTAssertEqual(text?.message, "expected the integer 1, found a string")
        let decimal = singleError(of: #"{"version": 1.0, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(decimal?.message, "expected the integer 1, found 1.0")
        let null = singleError(of: #"{"version": null, "datum": "2025-03-14", "inbrenger": "Zoë", "omschrijving": "x"}"#)
        XCTAssertEqual(null?.message, "expected the integer 1, found null")
    }

    func testUnknownVoorwaardeWithSuggestion() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "sociale-cohesie"}, {"id": "sociale-inclusie"}, {"id": "sociale-empowerement"}]}"#))
        XCTAssertEqual(error?.kind, .unknownID)
        XCTAssertEqual(error?.path, "$.ronde1.voorwaarden[2].id")
        XCTAssertEqual(error?.message, "unknown voorwaarde 'sociale-empowerement'; did you mean 'sociale-empowerment'?")
    }

    func testUnknownVoorwaardeWithoutNearMissListsTheIds() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "veiligheid"}]}"#))
        XCTAssertEqual(error?.message, "unknown voorwaarde 'veiligheid'; expected one of: sociaal-economische-zekerheid, sociale-cohesie, sociale-empowerment, sociale-inclusie")
    }

    func testUnknownFactor() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "professionals", "weging": "groot"}]}"#))
        XCTAssertEqual(error?.kind, .unknownID)
        XCTAssertEqual(error?.path, "$.ronde2.factoren[0].id")
        XCTAssertEqual(error?.message, "unknown factor 'professionals'; did you mean 'professional'?")
    }

    func testUnknownLevel() {
        let error = singleError(of: minimalJSON(#""ronde3": {"interventies": {"individu": ["a"], "organisatie_beleid": ["b"]}}"#))
        XCTAssertEqual(error?.kind, .unknownID)
        XCTAssertEqual(error?.path, "$.ronde3.interventies.organisatie_beleid")
        XCTAssertEqual(error?.message, "unknown level 'organisatie_beleid'; did you mean 'organisatie-beleid'?")
    }

    func testLevelKeysNeedBracketsInPaths() {
        let error = singleError(of: minimalJSON(#""ronde3": {"interventies": {"organisatie-beleid": ["a", 7]}}"#))
        XCTAssertEqual(error?.path, "$.ronde3.interventies['organisatie-beleid'][1]")
        XCTAssertEqual(error?.message, "expected a string, found a number (7)")
    }

    func testUnknownWeging() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis", "weging": "Groot"}]}"#))
        XCTAssertEqual(error?.kind, .invalidValue)
        XCTAssertEqual(error?.path, "$.ronde2.factoren[0].weging")
        XCTAssertEqual(error?.message, "unknown weging 'Groot'; did you mean 'groot'?")
        let other = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis", "weging": "heel erg"}]}"#))
        XCTAssertEqual(other?.message, "unknown weging 'heel erg'; expected one of: groot, middel, klein")
    }

    func testDuplicateVoorwaarde() {
        let error = singleError(of: minimalJSON(#""ronde1": {"voorwaarden": [{"id": "sociale-cohesie"}, {"id": "sociale-inclusie"}, {"id": "sociale-cohesie"}]}"#))
        XCTAssertEqual(error?.kind, .duplicateID)
        XCTAssertEqual(error?.path, "$.ronde1.voorwaarden[2].id")
        XCTAssertEqual(error?.message, "duplicate voorwaarde 'sociale-cohesie' (already at $.ronde1.voorwaarden[0].id); expected each voorwaarde once")
    }

    func testDuplicateFactor() {
        let error = singleError(of: minimalJSON(#""ronde2": {"factoren": [{"id": "kennis"}, {"id": "kennis"}]}"#))
        XCTAssertEqual(error?.kind, .duplicateID)
        XCTAssertEqual(error?.path, "$.ronde2.factoren[1].id")
    }

    func testSignaalNeedsAanwezig() {
        let error = singleError(of: minimalJSON(#""ronde3": {"signaal": {"opvolging": "x"}}"#))
        XCTAssertEqual(error?.kind, .missingKey)
        XCTAssertEqual(error?.path, "$.ronde3.signaal")
        XCTAssertEqual(error?.message, "missing required key 'aanwezig'")
    }
}
