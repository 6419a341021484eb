/// One font face, opened twice on purpose: HarfBuzz gets its own face for shaping, cairo gets a
/// FreeType face for drawing. Sharing one FT_Face breaks shaping after cairo draws into a PDF
/// (see shared/notes/stack.md: cairo changes the face's size and HarfBuzz positions go 170x wrong).
import Foundation
internal import CHarfBuzz
internal import CCairo

public final class Font: @unchecked Sendable {
    public let url: URL
    public let style: FontStyle
    /// Units per em of the face; shaping runs at this scale and results are scaled per size.
    public let unitsPerEm: Double
    /// Ascender and descender in em (descender negative), from the OS/2 or hhea table.
    public let ascender: Double
    public let descender: Double

    let hbFont: OpaquePointer
    /// cairo's face for drawing; owns its FT_Face (released by cairo when the face dies).
    let cairoFace: OpaquePointer

    init(url: URL, style: FontStyle) throws {
        self.url = url
        self.style = style
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw EngineError.fontMissing(url.path)
        }
        guard let blob = hb_blob_create_from_file_or_fail(url.path) else {
            throw EngineError.fontUnreadable(url.path)
        }
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, 0)
        defer { hb_face_destroy(face) }
        let upem = hb_face_get_upem(face)
        guard upem > 0, let font = hb_font_create(face) else { throw EngineError.fontUnreadable(url.path) }
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hbFont = font
        unitsPerEm = Double(upem)

        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        ascender = Double(extents.ascender) / Double(upem)
        descender = Double(extents.descender) / Double(upem)

        cairoFace = try FreeTypeFaces.shared.cairoFace(for: url)
    }

    deinit {
        hb_font_destroy(hbFont)
        cairo_font_face_destroy(cairoFace)
    }

    /// True when the face has a glyph for this character.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0
    }
}
