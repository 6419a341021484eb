import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

final class RoundTripTests: XCTestCase {
    func testGeneratedSessionsSurviveEncodeThenDecode() throws {
        var sawEvaluatie = false, sawDilemma = false, sawNoRonde3 = false
        for seed in UInt64(0)..<200 {
            let session = SessionGenerator.make(seed: seed)
            let data = session.encodeJSON()
            let decoded = try SessionDecoder.decode(data, source: "seed-\(seed).json", vocabulary: vocabulary)
            XCTAssertEqual(decoded, session, "seed \(seed)")
            // Encoding is deterministic: the same bytes again.
            XCTAssertEqual(decoded.encodeJSON(), data, "seed \(seed)")
            sawEvaluatie = sawEvaluatie || session.evaluatie != nil
            sawDilemma = sawDilemma || session.ronde2?.moreelDilemma != nil
            sawNoRonde3 = sawNoRonde3 || session.ronde3 == nil
        }
        XCTAssertTrue(sawEvaluatie && sawDilemma && sawNoRonde3, "the generator covers optional parts both ways")
    }

    func testGeneratorIsDeterministic() {
        XCTAssertEqual(SessionGenerator.make(seed: 42), SessionGenerator.make(seed: 42))
        XCTAssertNotEqual(SessionGenerator.make(seed: 42), SessionGenerator.make(seed: 43))
    }

    func testUnicodeIsKeptExactly() throws {
        // Decomposed "ë" (e + U+0308), an emoji, a zero-width joiner sequence, escaped and raw
        // control characters, leading and trailing spaces: none may be changed or trimmed.
        let text = "  Zoe\u{308} 👩🏽‍⚕️ \u{200B}tab\there\r\nnext \"quoted\" \\ /  "
        var session = SessionGenerator.make(seed: 7)
        session.omschrijving = text
        session.inbrenger = "Ștefan Popescu"
        let decoded = try SessionDecoder.decode(session.encodeJSON(), source: "u.json", vocabulary: vocabulary)
        XCTAssertEqual(Array(decoded.omschrijving.unicodeScalars), Array(text.unicodeScalars))
        XCTAssertEqual(Array(decoded.inbrenger.unicodeScalars), Array("Ștefan Popescu".unicodeScalars))
    }

    func testEscapesAndSurrogatePairsDecode() throws {
        let session = try decode(#"{"version": 1, "datum": "2025-03-14", "inbrenger": "Zo\u00EB \ud83d\ude42 \/", "omschrijving": "a\nb"}"#)
        XCTAssertEqual(session.inbrenger, "Zoë 🙂 /")
        XCTAssertEqual(session.omschrijving, "a\nb")
        let lone = singleError(of: #"{"version": 1, "datum": "2025-03-14", "inbrenger": "\ud83d x", "omschrijving": "x"}"#)
        XCTAssertEqual(lone?.sessionKind, .malformedJSON)
        XCTAssertEqual(lone?.englishText, "malformed JSON: lone surrogate \\uD83D; expected a low surrogate \\uDC00–\\uDFFF after it")
    }

    func testTwentyThousandCharacterFieldDecodesIntact() throws {
        let session = SessionGenerator.make(seed: 3, longField: 20_000)
        XCTAssertEqual(session.omschrijving.count, 20_000)
        let data = session.encodeJSON()
        XCTAssertGreaterThan(data.count, 20_000)
        let decoded = try SessionDecoder.decode(data, source: "long.json", vocabulary: vocabulary)
        XCTAssertEqual(decoded.omschrijving.count, 20_000)
        XCTAssertEqual(Array(decoded.omschrijving.unicodeScalars), Array(session.omschrijving.unicodeScalars))
        XCTAssertEqual(decoded, session)
    }

    func testEncodedKeysAreSortedAndPretty() {
        let session = Session(datum: SessionDate(year: 2025, month: 3, day: 14)!, inbrenger: "Zoë",
                              omschrijving: "x", ronde2: Session.Ronde2(factoren: [.init(id: "kennis", weging: .klein)]))
        let expected = """
        {
          "datum": "2025-03-14",
          "inbrenger": "Zoë",
          "omschrijving": "x",
          "ronde2": {
            "factoren": [
              {
                "id": "kennis",
                "weging": "klein"
              }
            ]
          },
          "version": 2
        }

        """
        XCTAssertEqual(String(decoding: session.encodeJSON(), as: UTF8.self), expected)
    }
}
