/// Dates as PDF writers want them, computed with gmtime (no DateFormatter per document).
package import Foundation

package enum PDFDate {
    /// `D:YYYYMMDDHHmmSSZ`, the form ISO 32000-1 7.9.4 requires for /CreationDate and /ModDate.
    static func pdf(_ date: Date) -> String {
        let c = components(date)
        return "D:" + pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + "Z"
    }

    /// `YYYY-MM-DDThh:mm:ssZ`: the only form cairo 1.16 accepts (anything else is ignored).
    package static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + "Z"
    }

    private static func components(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(max(0, value))
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
