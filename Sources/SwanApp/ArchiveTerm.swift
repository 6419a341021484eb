/// How long an organisation keeps a record: `15y`, `18m`, `90d`, counted from the latest date in
/// the session. A year or month added to the 29th to 31st of a month that the target month lacks
/// lands on its last day (2024-02-29 + 1y = 2025-02-28).
package import Foundation
package import SwanSession

package struct ArchiveTerm: Sendable, Equatable {
    package enum Unit: Character, Sendable { case years = "y", months = "m", days = "d" }
    package var count: Int
    package var unit: Unit

    /// `<1 to 5 digits><y|m|d>`; nil for anything else.
    package init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last), text.count >= 2, text.count <= 6,
              text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(text.dropLast()) else { return nil }
        self.count = count; self.unit = unit
    }

    /// The day the term ends for a record dated `date`; nil past the year 9999.
    package func end(from date: SessionDate) -> SessionDate? {
        switch unit {
        case .years: return Self.adding(months: 12 * count, to: date)
        case .months: return Self.adding(months: count, to: date)
        case .days: return Self.date(dayNumber: Self.dayNumber(date) + count)
        }
    }

    /// A record expires on `on` when its term has ended before that day.
    package func hasEnded(for date: SessionDate, on day: SessionDate) -> Bool {
        guard let end = end(from: date) else { return false }
        return end < day
    }

    /// Today's date in UTC (the day a deletion is made).
    package static func today(_ now: Date = Date()) -> SessionDate {
        date(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))!
    }

    private static func adding(months: Int, to date: SessionDate) -> SessionDate? {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        guard (1...9999).contains(year) else { return nil }
        return SessionDate(year: year, month: month, day: min(date.day, SessionDate.daysIn(month: month, year: year)))
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's civil calendar algorithms).
    static func dayNumber(_ date: SessionDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(dayNumber: Int) -> SessionDate? {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return SessionDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
