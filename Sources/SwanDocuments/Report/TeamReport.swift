/// A team report: the counts of many sessions, in total and per period, with the rule that keeps
/// people unrecognisable (a count from 1 to 4 is shown as "<5" unless the team asks for it).
package import SwanSession

package struct TeamReport: Sendable {
    package private(set) var total = ReportCounts()
    /// Per calendar month; quarters are made from months when the report is laid out.
    private var byMonth: [ReportPeriod: ReportCounts] = [:]
    package private(set) var first: SessionDate?
    package private(set) var last: SessionDate?
    /// The selection asked for (`--from`, `--to`): sessions outside it are not counted.
    package let from: SessionDate?
    package let to: SessionDate?
    package var showSmallCounts = false

    package init(from: SessionDate? = nil, to: SessionDate? = nil) {
        self.from = from
        self.to = to
    }

    /// Whether a session of this date falls in the selection.
    package func selects(_ date: SessionDate) -> Bool {
        !(from.map { date < $0 } ?? false) && !(to.map { $0 < date } ?? false)
    }

    /// Counts `session` if its date is in the selection; true if it was counted.
    @discardableResult
    package mutating func add(_ session: Session) -> Bool {
        guard selects(session.datum) else { return false }
        total.add(session)
        byMonth[ReportPeriod(session.datum, grain: .month), default: ReportCounts()].add(session)
        first = min(first ?? session.datum, session.datum)
        last = max(last ?? session.datum, session.datum)
        return true
    }

    /// The span the report speaks of: the selection where given, else the sessions' own dates.
    package var span: (first: SessionDate, last: SessionDate)? {
        guard let start = from ?? first, let end = to ?? last else { return nil }
        return (start, end)
    }

    package var grain: ReportPeriod.Grain {
        span.map { ReportPeriod.grain(from: $0.first, to: $0.last) } ?? .month
    }

    /// The counts per period, every period of the span in order (empty periods too).
    package var periods: [(period: ReportPeriod, counts: ReportCounts)] {
        guard let span else { return [] }
        let grain = self.grain
        var merged: [ReportPeriod: ReportCounts] = [:]
        for (month, counts) in byMonth {
            guard case .month(let year, let number) = month, let day = SessionDate(year: year, month: number, day: 1) else { continue }
            merged[ReportPeriod(day, grain: grain), default: ReportCounts()].add(counts)
        }
        return ReportPeriod.all(from: span.first, to: span.last, grain: grain).map { ($0, merged[$0] ?? ReportCounts()) }
    }

    /// Whether a count is hidden: 1 to 4 could point at a person.
    package func isHidden(_ count: Int) -> Bool { !showSmallCounts && (1...4).contains(count) }

    /// A count as the report prints it.
    package func shown(_ count: Int) -> String { isHidden(count) ? "<5" : String(count) }
}
