/// One font face, renderer-neutral: its file data, metrics and glyph coverage. Shaping uses the
/// HarfBuzz font held here; each renderer opens what it needs from `url`/`data` itself (cairo a
/// FreeType face of its own, the native PDF writer the file's tables). Sharing one FT_Face
/// between cairo and HarfBuzz breaks shaping: after cairo 1.16 draws into a PDF surface it sets
/// the shared face's size to 2048 ppem, and the next hb_shape returns positions about 170 times
/// too big. So nothing here is cairo's.
package import Foundation
import SwanIO
internal import CHarfBuzz

package final class Font: Sendable, Hashable, CustomStringConvertible {
    package let url: URL
    package let style: FontStyle
    /// The font file's bytes (mapped, not copied).
    package let data: Data
    /// Units per em of the face; shaping runs at this scale and results are scaled per size.
    package let unitsPerEm: Double
    /// Ascender and descender in em (descender negative), from the OS/2 or hhea table.
    package let ascender: Double
    package let descender: Double
    /// The PostScript name (name ID 6), as PDF font dictionaries want it.
    package let postScriptName: String
    /// Synthetic bold, in em: 0 for a face drawn as it is; for bold text in a family without a
    /// bold face (FallbackFamily), the regular face's outlines grown by this much in width and
    /// height, each advance by as much (see `syntheticBold`).
    package let emboldening: Double
    /// For an emboldened font, the same file's face drawn as it is: the PDF writer embeds that
    /// one font and strokes its glyphs for bold, rather than a second copy of the file.
    package let plainFace: Font?

    /// FreeType's emboldening strength (FT_GlyphSlot_Embolden: an em over 24), which cairo
    /// applies for CAIRO_FT_SYNTHESIZE_BOLD; the native PDF writer strokes the outlines with a
    /// line this wide, so the two writers and the previews draw the same weight.
    package static let syntheticBold = 1.0 / 24

    /// Unchecked: set up in init and never changed after; HarfBuzz allows shaping with one
    /// hb_font_t from several threads then.
    nonisolated(unsafe) package let hbFace: OpaquePointer
    nonisolated(unsafe) package let hbFont: OpaquePointer

    init(url: URL, style: FontStyle, emboldening: Double = 0, plainFace: Font? = nil) throws {
        self.url = url
        self.style = style
        self.emboldening = emboldening
        self.plainFace = plainFace
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw EngineError.fontMissing(url.path)
        }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), !data.isEmpty,
              let blob = hb_blob_create_from_file_or_fail(url.path) else {
            throw EngineError.fontUnreadable(url.path)
        }
        self.data = data
        RunInputs.shared.record(url.path)
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, 0)
        let upem = hb_face_get_upem(face)
        guard let face, upem > 0, hb_face_get_glyph_count(face) > 1, let font = hb_font_create(face) else {
            hb_face_destroy(face)
            throw EngineError.fontUnreadable(url.path)
        }
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hbFace = face
        hbFont = font
        unitsPerEm = Double(upem)

        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        ascender = Double(extents.ascender) / Double(upem)
        descender = Double(extents.descender) / Double(upem)
        postScriptName = Self.name(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME))
            ?? url.deletingPathExtension().lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    deinit {
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
    }

    /// True when the face has a glyph for this character.
    package func covers(_ scalar: Unicode.Scalar) -> Bool {
        glyph(for: scalar) != nil
    }

    /// The glyph the face's cmap gives this character, if any.
    package func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0 ? glyph : nil
    }

    /// A glyph's advance width in font units.
    package func advance(of glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(hbFont, glyph))
    }

    /// Number of glyphs in the face.
    package var glyphCount: Int { Int(hb_face_get_glyph_count(hbFace)) }

    /// The font's bounding box and metrics in font units, for a PDF font descriptor.
    package var metrics: Metrics {
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(hbFont, &extents)
        var capHeight: hb_position_t = 0
        let hasCap = hb_ot_metrics_get_position(hbFont, HB_OT_METRICS_TAG_CAP_HEIGHT, &capHeight) != 0
        // head: xMin yMin xMax yMax at bytes 36..43; post: italicAngle (16.16) at bytes 4..7.
        let head = table("head"), post = table("post")
        let box = head.count >= 44 ? [36, 38, 40, 42].map { Int(Int16(bitPattern: UInt16(head[$0]) << 8 | UInt16(head[$0 + 1]))) }
            : [0, Int(extents.descender), Int(unitsPerEm), Int(extents.ascender)]
        var angle = 0.0
        if post.count >= 8 {
            let fixed = Int32(bitPattern: UInt32(post[4]) << 24 | UInt32(post[5]) << 16 | UInt32(post[6]) << 8 | UInt32(post[7]))
            angle = Double(fixed) / 65536
        }
        return Metrics(ascender: Int(extents.ascender), descender: Int(extents.descender),
                       capHeight: hasCap ? Int(capHeight) : Int(extents.ascender), boundingBox: box, italicAngle: angle)
    }

    /// The bytes of one OpenType table ([] when the face has none).
    func table(_ tag: String) -> [UInt8] {
        let c = Array(tag.utf8)
        let blob = hb_face_reference_table(hbFace, swan_hb_tag(CChar(c[0]), CChar(c[1]), CChar(c[2]), CChar(c[3])))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    package struct Metrics: Sendable {
        package var ascender: Int, descender: Int, capHeight: Int
        package var boundingBox: [Int]
        package var italicAngle: Double
    }

    package var description: String { postScriptName }
    package static func == (a: Font, b: Font) -> Bool { a === b }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    private static func name(_ face: OpaquePointer, _ id: hb_ot_name_id_t) -> String? {
        var length: UInt32 = 128
        var buffer = [CChar](repeating: 0, count: 129)
        let full = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &length, &buffer)
        guard full > 0 else { return nil }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let name = String(decoding: bytes, as: UTF8.self).filter { $0.isASCII && !$0.isWhitespace && !"()<>[]{}/%#".contains($0) }
        return name.isEmpty ? nil : name
    }
}
