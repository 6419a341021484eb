/// The Unicode Bidirectional Algorithm (UAX #9) by GNU FriBidi: embedding levels per character
/// of a paragraph, the paragraph's direction from its first strong character, and the
/// reordering of a line's pieces (rule L2) once the paragraph is broken into lines. Text stays
/// in logical order everywhere else (shaping runs, clusters, the PDF's text), so extraction
/// gives it back as written.
import Foundation
internal import CFriBidi

struct BidiLevels {
    /// One level per Character of the paragraph (even: left to right, odd: right to left).
    var levels: [UInt8]
    /// The paragraph's level: 1 when its first strong character is right to left.
    var baseLevel: UInt8
    /// False for the common case, text with no right-to-left character at all: every level 0.
    var isMixed: Bool { baseLevel != 0 || levels.contains { $0 != 0 } }

    /// Levels for the paragraph's characters. Text without a right-to-left character (all of
    /// the Dutch deck) skips FriBidi: its levels are all 0.
    static func resolve(_ characters: [Character]) -> BidiLevels {
        guard characters.contains(where: { $0.unicodeScalars.contains { isRightToLeftStrong($0.value) } }) else {
            return BidiLevels(levels: [UInt8](repeating: 0, count: characters.count), baseLevel: 0)
        }
        let scalars = characters.flatMap { $0.unicodeScalars.map(\.value) }
        let count = Int32(scalars.count)
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: scalars.count)
        var brackets = [FriBidiBracketType](repeating: 0, count: scalars.count)
        var levels = [FriBidiLevel](repeating: 0, count: scalars.count)
        var direction = swan_fribidi_par_on()
        scalars.withUnsafeBufferPointer { text in
            fribidi_get_bidi_types(text.baseAddress, count, &types)
            fribidi_get_bracket_types(text.baseAddress, count, types, &brackets)
        }
        let ok = fribidi_get_par_embedding_levels_ex(types, brackets, count, &direction, &levels)
        guard ok != 0 else { return BidiLevels(levels: [UInt8](repeating: 0, count: characters.count), baseLevel: 0) }
        var perCharacter: [UInt8] = []
        perCharacter.reserveCapacity(characters.count)
        var index = 0
        for character in characters {
            perCharacter.append(UInt8(clamping: levels[index]))
            index += character.unicodeScalars.count
        }
        return BidiLevels(levels: perCharacter, baseLevel: direction == swan_fribidi_par_rtl() ? 1 : 0)
    }

    private static func isRightToLeftStrong(_ scalar: UInt32) -> Bool {
        scalar >= 0x590 && swan_fribidi_type_is_rtl_strong(fribidi_get_bidi_type(scalar)) != 0
    }

    /// True when `text` holds a strong right-to-left character (what `resolve` looks for before
    /// it calls FriBidi): text without one has every level 0. Every scalar from U+0590 on is
    /// written in UTF-8 with a first byte of 0xD6 or more, and no other byte is that large, so
    /// most text is answered by its bytes; text with curly quotes or a euro sign by its scalars,
    /// still without a Character array of the paragraph.
    static func mayHoldRightToLeft(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xD6 } && text.unicodeScalars.contains { isRightToLeftStrong($0.value) }
    }

    /// The visual order of a line's elements from their levels (UAX #9 rule L2): from the
    /// highest level down to the lowest odd one, every maximal stretch at that level or above
    /// is reversed.
    static func visualOrder(_ levels: [UInt8]) -> [Int] {
        var order = Array(levels.indices)
        guard let highest = levels.max(), let lowestOdd = levels.filter({ $0 % 2 == 1 }).min() else { return order }
        var level = highest
        while level >= lowestOdd {
            var i = 0
            while i < order.count {
                guard levels[order[i]] >= level else { i += 1; continue }
                var j = i
                while j < order.count && levels[order[j]] >= level { j += 1 }
                order[i..<j].reverse()
                i = j
            }
            level -= 1
        }
        return order
    }
}
