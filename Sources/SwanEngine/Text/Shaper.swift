/// HarfBuzz shaping: a string in one style and size becomes positioned glyphs with clusters
/// (byte offsets into the string's UTF-8), so that drawing can map glyphs back to text.
import Foundation
internal import CHarfBuzz

public struct ShapedGlyph: Equatable, Sendable {
    public var id: UInt32
    /// Advance and offsets in points at the shaped size.
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
    /// UTF-8 byte offset of the cluster this glyph belongs to.
    public var cluster: Int
}

/// A string shaped in one font at one size.
public struct ShapedText: Sendable {
    public let text: String
    public let font: Font
    public var style: FontStyle { font.style }
    public let size: Double
    public let glyphs: [ShapedGlyph]
    public let width: Double
    /// Characters the font has no glyph for.
    public let missing: [Character]

    /// UTF-8 byte offsets at which a break may fall without splitting a cluster (a ligature or
    /// a base with its marks): the cluster starts, plus the end of the text. Computed once.
    public let clusterBoundaries: Set<Int>

    init(text: String, font: Font, size: Double, glyphs: [ShapedGlyph], width: Double, missing: [Character]) {
        self.text = text; self.font = font; self.size = size; self.glyphs = glyphs; self.width = width
        self.missing = missing
        var boundaries = Set(glyphs.map(\.cluster)); boundaries.insert(text.utf8.count)
        clusterBoundaries = boundaries
    }
}

/// Unchecked: the cache guards itself; the fonts are Sendable and the HarfBuzz language is an
/// interned, immutable pointer.
public final class Shaper: @unchecked Sendable {
    private let fonts: FontLibrary
    private let language: OpaquePointer?
    /// Bounded so that an archive's memory stays flat: its words repeat (the form's wording,
    /// common answers), its names and places mostly do not.
    private let cache = BoundedCache<CacheKey, ShapedText>(limit: Shaper.cacheLimit)
    static let cacheLimit = 8_192

    private struct CacheKey: Hashable { let text: String; let style: FontStyle; let size: Double }

    /// `language` is a BCP 47 tag such as "nl": shaping and `locl` features follow it.
    public init(fonts: FontLibrary, language: String) {
        self.fonts = fonts
        self.language = hb_language_from_string(language, -1)
    }

    public func font(_ style: FontStyle) -> Font { fonts.font(style) }

    /// Shapes `text` left to right with kerning and ligatures on (HarfBuzz defaults).
    public func shape(_ text: String, style: FontStyle, size: Double) -> ShapedText {
        cache.value(CacheKey(text: text, style: style, size: size)) { shapeUncached(text, style: style, size: size) }
    }

    /// Shaped strings held now (at most twice `cacheLimit`).
    var cachedCount: Int { cache.count }

    private func shapeUncached(_ text: String, style: FontStyle, size: Double) -> ShapedText {
        let font = fonts.font(style)
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
        // Lines are laid out left to right; right-to-left text keeps its logical order so that
        // no character is lost or reordered when the PDF's text is extracted.
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, language)
        hb_shape(font.hbFont, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
        let scale = size / font.unitsPerEm
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        var width = 0.0
        var missingOffsets: [Int] = []
        for i in 0..<Int(count) {
            let info = infos![i], pos = positions![i]
            let glyph = ShapedGlyph(id: info.codepoint, advance: Double(pos.x_advance) * scale,
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

    /// The characters behind .notdef glyphs: those in the named clusters the font does not cover.
    private static func characters(in text: String, atByteOffsets offsets: [Int], font: Font) -> [Character] {
        guard !offsets.isEmpty else { return [] }
        let wanted = Set(offsets)
        var result: [Character] = []
        var offset = 0
        for character in text {
            let length = character.utf8.count
            if wanted.contains(where: { $0 >= offset && $0 < offset + length }),
               character.unicodeScalars.contains(where: { !font.covers($0) && !$0.properties.isDefaultIgnorableCodePoint }) {
                result.append(character)
            }
            offset += length
        }
        return result
    }
}
