import Foundation
import XCTest
import SwanDocuments
import SwanSession

/// The team report's counting: periods, the small-count rule and what a session adds.
final class TeamReportTests: XCTestCase {
    private func date(_ text: String) -> SessionDate { SessionDate(text)! }

    func testMonthsForAYearOrLessQuartersBeyondEveryPeriodListed() {
        XCTAssertEqual(ReportPeriod.grain(from: date("2025-01-31"), to: date("2025-12-01")), .month)
        XCTAssertEqual(ReportPeriod.grain(from: date("2025-01-31"), to: date("2026-01-01")), .quarter)
        let quarters = ReportPeriod.all(from: date("2024-11-02"), to: date("2025-07-01"), grain: .quarter).map(\.code)
        XCTAssertEqual(quarters, ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"])

        var report = TeamReport()
        report.add(Session(datum: date("2024-02-03"), inbrenger: "A", omschrijving: "x"))
        report.add(Session(datum: date("2025-08-20"), inbrenger: "B", omschrijving: "x"))
        let periods = report.periods
        XCTAssertEqual(periods.map(\.period.code).first, "2024-Q1")
        XCTAssertEqual(periods.map(\.period.code).last, "2025-Q3")
        XCTAssertEqual(periods.count, 7, "empty quarters are listed, not closed up")
        XCTAssertEqual(periods.map(\.counts.sessions).reduce(0, +), 2)
    }

    func testSmallCountsAreHiddenUnlessAskedFor() {
        var report = TeamReport()
        XCTAssertEqual([0, 1, 4, 5, 63].map(report.shown), ["0", "<5", "<5", "5", "63"])
        report.showSmallCounts = true
        XCTAssertEqual([0, 1, 4, 5].map(report.shown), ["0", "1", "4", "5"])
    }

    func testASessionAddsItsChoicesPerLevelAndVersionOneAsUnknown() {
        var counts = ReportCounts()
        counts.add(Session(datum: date("2025-03-14"), inbrenger: "A", omschrijving: "x",
                           ronde3: Session.Ronde3(interventies: ["groep": ["a", "b"]],
                                                  gekozen: [Session.Keuze(niveau: "groep", interventie: "a"),
                                                            Session.Keuze(niveau: "groep", interventie: "b"),
                                                            Session.Keuze(niveau: nil, interventie: "c")],
                                                  signaal: Session.Signaal(aanwezig: true, opvolging: "  "))))
        XCTAssertEqual(counts.suggested, ["groep": 2])
        XCTAssertEqual(counts.chosen, ["groep": 2, ReportCounts.unknownLevel: 1])
        XCTAssertEqual(counts.sessionsChoosing, ["groep": 1], "a session counts once per level, however many it chose there")
        XCTAssertEqual(counts.signals, 1)
        XCTAssertEqual(counts.signalsFollowedUp, 0, "a follow-up of only spaces is none")
    }

    func testFromAndToSelect() {
        var report = TeamReport(from: date("2025-01-01"), to: date("2025-03-31"))
        XCTAssertTrue(report.add(Session(datum: date("2025-03-31"), inbrenger: "A", omschrijving: "x")))
        XCTAssertFalse(report.add(Session(datum: date("2025-04-01"), inbrenger: "A", omschrijving: "x")))
        XCTAssertEqual(report.total.sessions, 1)
        XCTAssertEqual(report.periods.map(\.period.code), ["2025-01", "2025-02", "2025-03"])
    }
}
