/// The periods a team report counts by: months when the report spans a year or less, quarters
/// when it spans more. A period is all the report says of a date.
package import SwanSession

package enum ReportPeriod: Sendable, Hashable, Comparable {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)

    package enum Grain: Sendable { case month, quarter }

    /// Months for a span of at most twelve calendar months, quarters beyond.
    package static func grain(from first: SessionDate, to last: SessionDate) -> Grain {
        (last.year * 12 + last.month) - (first.year * 12 + first.month) < 12 ? .month : .quarter
    }

    package init(_ date: SessionDate, grain: Grain) {
        switch grain {
        case .month: self = .month(year: date.year, month: date.month)
        case .quarter: self = .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
        }
    }

    /// Every period from the one holding `first` to the one holding `last`, none left out (a
    /// quarter without sessions is a bar of zero, not a gap closed in silence).
    package static func all(from first: SessionDate, to last: SessionDate, grain: Grain) -> [ReportPeriod] {
        var periods: [ReportPeriod] = []
        var period = ReportPeriod(first, grain: grain)
        let end = ReportPeriod(last, grain: grain)
        while period <= end {
            periods.append(period)
            period = period.next
        }
        return periods
    }

    var next: ReportPeriod {
        switch self {
        case .month(let year, let month): month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
        case .quarter(let year, let quarter): quarter == 4 ? .quarter(year: year + 1, quarter: 1) : .quarter(year: year, quarter: quarter + 1)
        }
    }

    private var key: (Int, Int) {
        switch self {
        case .month(let year, let month): (year, month)
        case .quarter(let year, let quarter): (year, quarter)
        }
    }

    package static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool { lhs.key < rhs.key }

    /// `2025-03` or `2025-Q1`: the same in every language, for the CSV and the label's {period}.
    package var code: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch self {
        case .month(let year, let month): return "\(year)-\(pad(month))"
        case .quarter(let year, let quarter): return "\(year)-Q\(quarter)"
        }
    }
}
