/// FreeType faces for cairo. One FT_Library for the process, guarded by a lock because FT_New_Face
/// is not safe to call concurrently on one library; each cairo face owns its FT_Face and calls
/// FT_Done_Face when cairo drops the face.
import Foundation
internal import CCairo
internal import CFreeType

final class FreeTypeFaces: @unchecked Sendable {
    static let shared = FreeTypeFaces()

    private let lock = NSLock()
    private var library: FT_Library?
    /// Cairo faces by path: a face is cheap to share, and cairo caches scaled fonts per face.
    private var faces: [String: OpaquePointer] = [:]

    private init() {
        var lib: FT_Library?
        if FT_Init_FreeType(&lib) == 0 { library = lib }
    }

    /// A new reference to the cairo face for the font file at `url`.
    func cairoFace(for url: URL) throws -> OpaquePointer {
        lock.lock(); defer { lock.unlock() }
        if let face = faces[url.path] { return cairo_font_face_reference(face) }
        guard let library else { throw EngineError.fontUnreadable("FreeType did not initialise") }
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
        let status = cairo_font_face_set_user_data(face, &FreeTypeFaces.faceKey, UnsafeMutableRawPointer(ftFace)) { pointer in
            if let pointer { FT_Done_Face(pointer.assumingMemoryBound(to: FT_FaceRec.self)) }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face); FT_Done_Face(ftFace)
            throw EngineError.fontUnreadable(url.path)
        }
        faces[url.path] = face  // keeps one reference for the cache
        return cairo_font_face_reference(face)
    }

    nonisolated(unsafe) private static var faceKey = cairo_user_data_key_t()
}
