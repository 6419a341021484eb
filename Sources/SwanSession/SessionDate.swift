import SwanDiagnostics

/// A calendar date without time or time zone, written `YYYY-MM-DD` (proleptic Gregorian).
package struct SessionDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Returns nil unless the date exists (year 1...9999, month 1...12, day within the month).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SessionDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for any other shape or an impossible date.
    package init?(_ text: String) {
        guard case .valid(let date) = SessionDate.parse(text) else { return nil }
        self = date
    }

    package var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (lhs: SessionDate, rhs: SessionDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The outcome of reading a date, with the reason when it is not a date.
    enum ParseResult: Equatable {
        case valid(SessionDate)
        case malformed
        case impossible(Message)
    }

    /// The month's name in the user's language.
    static func monthName(_ month: Int) -> MessageArgument {
        .message(SessionCode.allCases.first { $0.rawValue == "session.month-\(month)" }!)
    }

    static func parse(_ text: String) -> ParseResult {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return .malformed }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for scalar in scalars[range] {
                guard ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return .malformed
        }
        if year == 0 {
            return .impossible(Message(SessionCode.noYearZero))
        }
        guard (1...12).contains(month) else {
            return .impossible(Message(SessionCode.noSuchMonth, ["month": "\(month)"]))
        }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return .impossible(Message(SessionCode.daysInMonth, ["month": monthName(month), "year": "\(year)", "days": "\(days)"]))
        }
        return .valid(SessionDate(year: year, month: month, day: day)!)
    }
}
