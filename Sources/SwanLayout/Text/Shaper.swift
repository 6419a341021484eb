/// HarfBuzz shaping: a string in one style and size becomes positioned glyphs with clusters
/// (byte offsets into the string's UTF-8), so that drawing can map glyphs back to text.
import Foundation
internal import CHarfBuzz

package struct ShapedGlyph: Equatable, Sendable {
    package var id: UInt32
    /// Advance and offsets in points at the shaped size.
    package var advance: Double
    package var xOffset: Double
    package var yOffset: Double
    /// UTF-8 byte offset of the cluster this glyph belongs to.
    package var cluster: Int
}

/// A string shaped in one font at one size. A class: the shaping cache hands the same one to
/// every slice of every word that uses it, one reference to count instead of five.
package final class ShapedText: Sendable {
    package let text: String
    package let font: Font
    package var style: FontStyle { font.style }
    package let size: Double
    package let glyphs: [ShapedGlyph]
    package let width: Double
    /// Characters the font has no glyph for.
    package let missing: [Character]

    /// UTF-8 byte offsets at which a break may fall without splitting a cluster (a ligature or
    /// a base with its marks): the cluster starts, plus the end of the text. Computed once.
    package let clusterBoundaries: Set<Int>
    /// Whether the glyphs' clusters ascend, descend or neither (see `ShapedRanges`).
    let clustersAscending: Bool?

    init(text: String, font: Font, size: Double, glyphs: [ShapedGlyph], width: Double, missing: [Character]) {
        self.text = text; self.font = font; self.size = size; self.glyphs = glyphs; self.width = width
        self.missing = missing
        var boundaries = Set(glyphs.map(\.cluster)); boundaries.insert(text.utf8.count)
        clusterBoundaries = boundaries
        clustersAscending = ShapedRanges.clusterOrder(glyphs)
    }
}

package final class Shaper: Sendable {
    private let fonts: FontLibrary
    /// Unchecked: HarfBuzz interns languages; the pointer is immutable and valid for the process.
    nonisolated(unsafe) private let language: OpaquePointer?
    /// Bounded so that an archive's memory stays flat: its words repeat (the form's wording,
    /// common answers), its names and places mostly do not.
    private let cache = BoundedCache<CacheKey, ShapedText>(limit: Shaper.cacheLimit)
    static let cacheLimit = 8_192

    /// Keyed by the text's UTF-8 bytes, not by String equality (which hashes a normalised form
    /// of non-ASCII text): shaping, and the clusters' byte offsets, follow the bytes.
    private struct CacheKey: Hashable {
        let text: String; let font: Font; let size: Double; let rightToLeft: Bool
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(ObjectIdentifier(font)); hasher.combine(size); hasher.combine(rightToLeft)
        }
        static func == (a: CacheKey, b: CacheKey) -> Bool {
            a.font === b.font && a.size == b.size && a.rightToLeft == b.rightToLeft && a.text.utf8.elementsEqual(b.text.utf8)
        }
    }

    /// `language` is a BCP 47 tag such as "nl": shaping and `locl` features follow it.
    package init(fonts: FontLibrary, language: String) {
        self.fonts = fonts
        self.language = hb_language_from_string(language, -1)
    }

    package func font(_ style: FontStyle) -> Font { fonts.font(style) }

    /// The face for one character (cluster) in `style`: the family's, or a fallback face.
    package func face(for character: Character, style: FontStyle, preferred: Font? = nil) -> Font {
        fonts.face(for: character, style: style, preferred: preferred)
    }

    /// Shapes `text` left to right in the family's face for `style`, with kerning and
    /// ligatures on (HarfBuzz defaults).
    package func shape(_ text: String, style: FontStyle, size: Double) -> ShapedText {
        shape(text, font: fonts.font(style), size: size)
    }

    /// Shapes `text` in `font`. The script is HarfBuzz's guess from the text (a run is one
    /// script, see ParagraphBuilder); the direction is the run's bidi direction, so that
    /// Arabic letters join and brackets are mirrored in right-to-left runs. Right-to-left
    /// glyphs come in visual order (left to right on the page), their clusters descending.
    package func shape(_ text: String, font: Font, size: Double, rightToLeft: Bool = false) -> ShapedText {
        cache.value(CacheKey(text: text, font: font, size: size, rightToLeft: rightToLeft)) {
            shapeUncached(text, font: font, size: size, rightToLeft: rightToLeft)
        }
    }

    /// Shaped strings held now (at most twice `cacheLimit`).
    var cachedCount: Int { cache.count }

    private func shapeUncached(_ text: String, font: Font, size: Double, rightToLeft: Bool) -> ShapedText {
        guard let buffer = hb_buffer_create() else {
            return ShapedText(text: text, font: font, size: size, glyphs: [], width: 0, missing: Array(text))
        }
        defer { hb_buffer_destroy(buffer) }
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                hb_buffer_add_utf8(buffer, chars, Int32(bytes.count), 0, Int32(bytes.count))
            }
        }
        hb_buffer_guess_segment_properties(buffer)
        // The direction comes from the bidi algorithm (FriBidi), not from the script alone:
        // digits in Arabic text run left to right.
        hb_buffer_set_direction(buffer, rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, language)
        hb_shape(font.hbFont, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
        let scale = size / font.unitsPerEm
        // An emboldened face's outlines are wider by this much: each advance grows with them, as
        // FreeType's do, so the space between letters stays that of the regular face.
        let bolder = font.emboldening * size
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        var width = 0.0
        var missingOffsets: [Int] = []
        for i in 0..<Int(count) {
            let info = infos![i], pos = positions![i]
            let glyph = ShapedGlyph(id: info.codepoint, advance: Double(pos.x_advance) * scale + (pos.x_advance != 0 ? bolder : 0),
                                    xOffset: Double(pos.x_offset) * scale,
                                    yOffset: Double(pos.y_offset) * scale,
                                    cluster: Int(info.cluster))
            if info.codepoint == 0 { missingOffsets.append(Int(info.cluster)) }
            width += glyph.advance
            glyphs.append(glyph)
        }
        return ShapedText(text: text, font: font, size: size, glyphs: glyphs, width: width,
                          missing: Self.characters(in: text, atByteOffsets: missingOffsets, font: font))
    }

    /// The script of a character for itemizing (an ISO 15924 tag as HarfBuzz numbers it), or nil
    /// for characters that take the script of the text around them (digits, punctuation,
    /// spaces, marks, emoji).
    static func script(of character: Character) -> UInt32? {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x80 else { return asciiScript(character) }
        let script = hb_unicode_script(hb_unicode_funcs_get_default(), scalar.value).rawValue
        let common = swan_hb_tag(0x5A, 0x79, 0x79, 0x79), inherited = swan_hb_tag(0x5A, 0x69, 0x6E, 0x68)
        let unknown = swan_hb_tag(0x5A, 0x7A, 0x7A, 0x7A)
        return script == common || script == inherited || script == unknown ? nil : script
    }

    private static let latin = swan_hb_tag(0x4C, 0x61, 0x74, 0x6E)
    /// ASCII: letters are Latin, everything else takes its neighbours' script.
    private static func asciiScript(_ character: Character) -> UInt32? {
        character.isLetter ? latin : nil
    }

    /// The characters behind .notdef glyphs: those in the named clusters the font does not cover.
    private static func characters(in text: String, atByteOffsets offsets: [Int], font: Font) -> [Character] {
        guard !offsets.isEmpty else { return [] }
        let wanted = Set(offsets)
        var result: [Character] = []
        var offset = 0
        for character in text {
            let length = character.utf8.count
            // The character's own bytes looked up, not every offset scanned per character.
            if (offset..<(offset + length)).contains(where: { wanted.contains($0) }),
               character.unicodeScalars.contains(where: { !font.covers($0) && !$0.properties.isDefaultIgnorableCodePoint }) {
                result.append(character)
            }
            offset += length
        }
        return result
    }
}
