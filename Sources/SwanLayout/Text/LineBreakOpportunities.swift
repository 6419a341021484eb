/// Line-break opportunities by UAX #14 (libunibreak) for scripts written without spaces
/// between words: Chinese and Japanese may break between most ideographs and kana, never
/// before a closing bracket or an ideographic full stop and never after an opening bracket.
/// Text in other scripts keeps its breaks at spaces, hyphens and syllables (Hyphenator): this
/// adds no break to a word without a Chinese, Japanese or Korean character, so Dutch text is
/// set exactly as before.
import Foundation
internal import CUnibreak

enum LineBreakOpportunities {
    /// libunibreak's tables are set up once (init_linebreak) before the first use.
    private static let initialised: Bool = { init_linebreak(); return true }()

    /// Offsets (in Characters of `word`) after which UAX #14 allows a break, for a word holding
    /// East Asian characters; [] for any other word.
    static func ideographicBreaks(in word: String) -> [Int] {
        guard word.unicodeScalars.contains(where: isEastAsian) else { return [] }
        _ = initialised
        let scalars = word.unicodeScalars.map(\.value)
        var breaks = [CChar](repeating: 0, count: scalars.count)
        scalars.withUnsafeBufferPointer { text in
            set_linebreaks_utf32(text.baseAddress, scalars.count, nil, &breaks)
        }
        var result: [Int] = []
        var scalarIndex = 0
        let characters = Array(word)
        for (offset, character) in characters.enumerated() {
            scalarIndex += character.unicodeScalars.count
            // The break after the word's last character is the space's business, not this word's.
            if offset < characters.count - 1 && breaks[scalarIndex - 1] == CChar(LINEBREAK_ALLOWBREAK) {
                result.append(offset + 1)
            }
        }
        return result
    }

    /// Han, kana, Hangul, CJK symbols and punctuation, full-width forms.
    static func isEastAsian(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF,
             0x3200...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
