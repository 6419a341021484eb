/// Trimming on Unicode scalars, without Foundation's NSString round trip (which was a tenth of a
/// one-document process: every deck value and every message line is trimmed). The sets are
/// Foundation's: `CharacterSet.whitespaces` is general category Zs and U+0009;
/// `.whitespacesAndNewlines` is every Z category, U+000A–U+000D and U+0085.
package enum Trimming {
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    package static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (`CharacterSet.whitespaces`).
    package func trimmingSpaces() -> String { trimming(Trimming.isSpace) }

    /// The text without leading and trailing white space and line ends (`.whitespacesAndNewlines`).
    package func trimmingSpacesAndNewlines() -> String { trimming(Trimming.isSpaceOrNewline) }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        var end = scalars.endIndex
        while end > first {
            let before = scalars.index(before: end)
            if !drop(scalars[before]) { break }
            end = before
        }
        return String(self[first..<end])
    }
}
