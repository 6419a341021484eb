import Foundation
import XCTest
import SwanApp
import SwanSession

/// The calendar of `swan expire --older-than` and the text matching of `swan find`.
final class ArchiveTermTests: XCTestCase {
    private func date(_ text: String) -> SessionDate { SessionDate(text)! }

    func testTermsAreParsedStrictly() {
        XCTAssertEqual(ArchiveTerm("15y").map { [$0.count] }, [15])
        XCTAssertEqual(ArchiveTerm("15y")?.unit, .years)
        XCTAssertEqual(ArchiveTerm("18m")?.unit, .months)
        XCTAssertEqual(ArchiveTerm("90d")?.count, 90)
        for wrong in ["", "y", "15", "15x", "-1y", "+1y", "1.5y", "15 y", "٣y", "1234567d"] {
            XCTAssertNil(ArchiveTerm(wrong), wrong)
        }
    }

    func testYearsMonthsAndDaysAreCalendarArithmetic() {
        XCTAssertEqual(ArchiveTerm("15y")!.end(from: date("2011-03-14")), date("2026-03-14"))
        XCTAssertEqual(ArchiveTerm("1y")!.end(from: date("2024-02-29")), date("2025-02-28"), "no 29 February: its month's last day")
        XCTAssertEqual(ArchiveTerm("18m")!.end(from: date("2024-08-31")), date("2026-02-28"))
        XCTAssertEqual(ArchiveTerm("90d")!.end(from: date("2024-12-15")), date("2025-03-15"))
        XCTAssertEqual(ArchiveTerm("366d")!.end(from: date("2024-01-01")), date("2025-01-01"), "2024 is a leap year")
        XCTAssertNil(ArchiveTerm("99y")!.end(from: date("9950-01-01")), "past 9999: never")
    }

    func testATermEndsTheDayAfterItsLastDay() {
        let term = ArchiveTerm("2y")!
        XCTAssertFalse(term.hasEnded(for: date("2020-05-01"), on: date("2022-05-01")))
        XCTAssertTrue(term.hasEnded(for: date("2020-05-01"), on: date("2022-05-02")))
    }

    func testTodayIsTheUTCDate() {
        XCTAssertEqual(ArchiveTerm.today(Date(timeIntervalSince1970: 0)), date("1970-01-01"))
        XCTAssertEqual(ArchiveTerm.today(Date(timeIntervalSince1970: 1_700_000_000)), date("2023-11-14"))
    }

    func testSearchIgnoresCaseMarksAndSpacing() {
        XCTAssertTrue(SearchText("zoe").occurs(in: "Zoë de Vries"))
        XCTAssertTrue(SearchText("ZOË").occurs(in: "zoe"))
        XCTAssertTrue(SearchText("lukasz wojcik").occurs(in: "Łukasz   Wójcik"))
        XCTAssertTrue(SearchText("yilmaz").occurs(in: "Ayşe Yılmaz"))
        XCTAssertTrue(SearchText("jorgen").occurs(in: "Jørgen"))
        XCTAssertTrue(SearchText("strasse").occurs(in: "Straße"))
        XCTAssertFalse(SearchText("zoey").occurs(in: "Zoë"))
        XCTAssertFalse(SearchText("  ").occurs(in: "anything"), "nothing to look for finds nothing")
    }
}
