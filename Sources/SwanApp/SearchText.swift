/// Text compared the way a person searches for a name: case, accents and other marks ignored
/// ("zoe" finds "Zoë", "lukasz" finds "Łukasz", "yilmaz" finds "Yılmaz"), runs of white space
/// as one space.
import Foundation

package struct SearchText: Sendable, Equatable {
    package let folded: String

    /// Leading and trailing white space is dropped; inner runs become one space.
    package init(_ text: String) { folded = Self.fold(text).trimmingCharacters(in: .whitespaces) }

    package func occurs(in text: String) -> Bool { !folded.isEmpty && Self.fold(text).contains(folded) }

    /// Lower case without marks (Unicode case and diacritic folding), plus the Latin letters
    /// that are not a base letter with a mark and so keep their stroke or dot under folding.
    /// White space (a line break too) becomes one space.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var lastWasSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if let plain = plainLetters[scalar] { result += plain } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    private static let plainLetters: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "đ": "d", "Đ": "d", "ð": "d", "ħ": "h",
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ŀ": "l", "ŧ": "t",
    ]
}
