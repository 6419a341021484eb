import Foundation
import SwanDiagnostics
import SwanTestSupport
import XCTest
@testable import SwanSession

final class MultipleErrorTests: XCTestCase {
    func testEveryProblemIsReportedAtOnceInFileOrder() {
        let json = """
        {
          "version": 1,
          "datum": "2025-02-30",
          "inbrengr": "Zoë de Vries",
          "omschrijving": "Mevrouw K. komt de deur niet meer uit.",
          "deelnemers": ["Łukasz Wójcik", 42],
          "ronde1": {
            "voorwaarden": [
              {"id": "sociale-cohesie"},
              {"id": "sociale-cohesie"},
              {"id": "sociale-inclusei"}
            ]
          },
          "ronde2": {"factoren": [{"id": "kennis", "weging": "enorm"}]},
          "ronde3": {"signaal": {"aanwezig": "ja"}}
        }
        """
        let found = errors(of: json)
        XCTAssertEqual(found.map(\.jsonPath), [
            "$",
            "$.datum",
            "$.inbrengr",
            "$.deelnemers[1]",
            "$.ronde1.voorwaarden[1].id",
            "$.ronde1.voorwaarden[2].id",
            "$.ronde2.factoren[0].weging",
            "$.ronde3.signaal.aanwezig",
        ])
        XCTAssertEqual(found.map(\.sessionKind), [.missingKey, .invalidDate, .unknownKey, .wrongType, .duplicateID, .unknownID, .invalidValue, .wrongType])
        XCTAssertEqual(found.map { $0.location?.line }, [1, 3, 4, 6, 10, 11, 14, 15])
        XCTAssertEqual(found[0].englishText, "missing required key 'inbrenger'")
        XCTAssertEqual(found[2].englishText, "unknown key 'inbrengr'; did you mean 'inbrenger'?")
        XCTAssertEqual(found[5].englishText, "voorwaarde 'sociale-inclusei' is no longer in the deck: no card of this deck has this id; to keep the session as it is, check or render it with the deck it was made with: --templates DIR")

        // The whole report: one line per error, `file:line:column: $.path: error: message`.
        let report = found.map(\.englishLine).joined(separator: "\n").split(separator: "\n")
        XCTAssertEqual(report.count, 8)
        XCTAssertEqual(report[1], "test.json:3:12: $.datum: error: impossible date '2025-02-30': February 2025 has 28 days (expected day 01–28)")
    }
}
