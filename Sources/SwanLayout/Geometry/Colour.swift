/// Colours as templates write them: "#RRGGBB" (or "#RGB").
package struct Colour: Hashable, Sendable {
    package var red: Double, green: Double, blue: Double, alpha: Double
    /// The inks a print shop asked for, used instead of converting the sRGB value when the
    /// document is printed in CMYK (the deck's `cmyk: [c, m, y, k]`); nil: converted.
    package var cmyk: CMYK? = nil

    package init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// Parses "#RRGGBB" or "#RGB"; nil for anything else.
    package init?(hex: String) {
        var digits = Substring(hex)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xFF) / 255,
                  green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    package static let black = Colour(red: 0, green: 0, blue: 0)
    package static let white = Colour(red: 1, green: 1, blue: 1)

    /// A grey (R = G = B, to within a 1/512 step): printed in black ink only.
    package var isNeutral: Bool { abs(red - green) < 1.0 / 512 && abs(green - blue) < 1.0 / 512 }

    /// Relative luminance (WCAG), to choose legible text over a fill.
    package var luminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG contrast ratio between this colour and `other` (1 to 21).
    package func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance + 0.05, other.luminance + 0.05)
        return max(a, b) / min(a, b)
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white. For light tints.
    package func tint(_ amount: Double) -> Colour {
        var tinted = Colour(red: red + (1 - red) * amount, green: green + (1 - green) * amount,
                            blue: blue + (1 - blue) * amount, alpha: alpha)
        tinted.cmyk = cmyk?.tint(amount)
        return tinted
    }
}

import Foundation

import SwanDiagnostics

extension Colour: Decodable {
    /// A colour as a layout file writes it, "#RRGGBB" or "#RGB": anything else is refused when
    /// the layout is read, at its line and column (never drawn as black in silence).
    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let colour = Colour(hex: text) else {
            let path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            let refusal = Diagnostic.error(EngineCode.invalidColour, ["path": "\(path)", "colour": "\(text)"])
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a colour", underlyingError: refusal))
        }
        self = colour
    }
}
