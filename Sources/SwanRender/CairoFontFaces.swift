/// FreeType faces for cairo, opened from a neutral `Font`'s file on first use: cairo's own face,
/// never shared with HarfBuzz. One FT_Library for the process, guarded by a lock because FT_New_Face
/// is not safe to call concurrently on one library; each cairo face owns its FT_Face and calls
/// FT_Done_Face when cairo drops the face.
import Foundation
import SwanDiagnostics
import SwanLayout
internal import CCairo
internal import CFreeType

/// The cairo faces handed out are reference-counted and safe to use from several threads (cairo
/// locks); the FreeType library and the face table are only reached holding the box's lock.
final class CairoFontFaces: Sendable {
    static let shared = CairoFontFaces()

    private struct Faces {
        let library: FT_Library?
        /// Cairo faces by path: a face is cheap to share, and cairo caches scaled fonts per face.
        var byPath: [String: OpaquePointer] = [:]
    }
    private let faces: LockedBox<Faces>

    private init() {
        var lib: FT_Library?
        faces = LockedBox(Faces(library: FT_Init_FreeType(&lib) == 0 ? lib : nil))
    }

    /// The cairo face for `font`'s file, owned by this cache (valid for the process). An
    /// emboldened font (`Font.emboldening`) gets a face of its own, on an FT_Face of its own,
    /// with cairo's synthetic bold (FreeType's FT_GlyphSlot_Embolden, an em over 24: the
    /// strength `Font.syntheticBold` names); cairo only draws the glyphs, at the positions
    /// HarfBuzz's advances gave.
    func face(for font: Font) throws -> OpaquePointer {
        let url = font.url
        let key = font.emboldening > 0 ? url.path + "\u{0}bold" : url.path
        return try faces.withLockedValue { faces in
            if let face = faces.byPath[key] { return face }
            guard let library = faces.library else { throw EngineError.coded(.freeTypeUnavailable, [:]) }
            var ftFace: FT_Face?
            guard FT_New_Face(library, url.path, 0, &ftFace) == 0, let ftFace else {
                throw EngineError.fontUnreadable(url.path)
            }
            guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0),
                  cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
                FT_Done_Face(ftFace)
                throw EngineError.fontUnreadable(url.path)
            }
            // Let cairo release the FT_Face when its own face is finally destroyed.
            let status = cairo_font_face_set_user_data(face, &CairoFontFaces.faceKey, UnsafeMutableRawPointer(ftFace)) { pointer in
                if let pointer { FT_Done_Face(pointer.assumingMemoryBound(to: FT_FaceRec.self)) }
            }
            guard status == CAIRO_STATUS_SUCCESS else {
                cairo_font_face_destroy(face); FT_Done_Face(ftFace)
                throw EngineError.fontUnreadable(url.path)
            }
            if font.emboldening > 0 { cairo_ft_font_face_set_synthesize(face, UInt32(CAIRO_FT_SYNTHESIZE_BOLD.rawValue)) }
            faces.byPath[key] = face  // the cache's reference keeps it alive
            return face
        }
    }

    /// Only its address is used, as cairo's key for the FT_Face; its contents are never read or written.
    nonisolated(unsafe) private static var faceKey = cairo_user_data_key_t()
}
