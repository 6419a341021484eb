/// Numbers for PDF syntax, formatted by hand: printf was half of cairo's output cost (issue 18).
/// Fixed point, at most `decimals` digits after the point, trailing zeros dropped, never an
/// exponent and never a locale's decimal comma.
import Foundation

package enum PDFNumber {
    /// Appends `value` to `out` as ASCII bytes.
    static func append(_ value: Double, decimals: Int = 3, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(0x30); return }
        let scale = powersOfTen[decimals]
        var scaled = (abs(value) * scale).rounded()
        if scaled > 9.0e15 { scaled = 9.0e15 }  // beyond any page coordinate; keeps Int64 exact
        var units = Int64(scaled)
        if units == 0 { out.append(0x30); return }
        if value < 0 { out.append(0x2D) }
        let divisor = Int64(scale)
        let whole = units / divisor
        units %= divisor
        appendInteger(whole, to: &out)
        guard units > 0 else { return }
        out.append(0x2E)
        var digits = decimals
        var fraction = units
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        // The digits with their leading zeros, highest first, without a buffer to allocate (most
        // numbers in a content stream have a fraction).
        var power: Int64 = 1
        for _ in 1..<digits { power *= 10 }
        while power > 0 { out.append(UInt8(0x30 + (fraction / power) % 10)); power /= 10 }
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D); appendInteger(-value, to: &out); return }
        if value < 10 { out.append(UInt8(0x30 + value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 { buffer[count] = UInt8(0x30 + rest % 10); rest /= 10; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) { appendInteger(Int64(value), to: &out) }

    /// The number as a String (for the few places outside byte buffers).
    package static func format(_ value: Double, decimals: Int = 3) -> String {
        var bytes: [UInt8] = []
        append(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1000, 10000, 100000, 1000000]
}
