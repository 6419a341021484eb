import Foundation
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
        XCTAssertEqual(found.map(\.path), [
            "$",
            "$.datum",
            "$.inbrengr",
            "$.deelnemers[1]",
            "$.ronde1.voorwaarden[1].id",
            "$.ronde1.voorwaarden[2].id",
            "$.ronde2.factoren[0].weging",
            "$.ronde3.signaal.aanwezig",
        ])
        XCTAssertEqual(found.map(\.kind), [.missingKey, .invalidDate, .unknownKey, .wrongType, .duplicateID, .unknownID, .invalidValue, .wrongType])
        XCTAssertEqual(found.map { $0.location?.line }, [1, 3, 4, 6, 10, 11, 14, 15])
        XCTAssertEqual(found[0].message, "missing required key 'inbrenger'")
        XCTAssertEqual(found[2].message, "unknown key 'inbrengr'; did you mean 'inbrenger'?")
        XCTAssertEqual(found[5].message, "unknown voorwaarde 'sociale-inclusei'; did you mean 'sociale-inclusie'?")

        // The whole report: one line per error, `file: $.path: error: message (line, column)`.
        let report = SessionErrors(found).description.split(separator: "\n")
        XCTAssertEqual(report.count, 8)
        XCTAssertEqual(report[1], "test.json: $.datum: error: impossible date '2025-02-30': February 2025 has 28 days (expected day 01–28) (line 3, column 12)")
    }
}
