/// The fonts a document may use: one family in four styles, loaded from files, and the
/// fallback faces for characters the family lacks (see FontFallback for the rule).
import Foundation

package final class FontLibrary: Sendable {
    package let files: FontFiles
    private let fonts: [Font]
    private let fallbackSource: FallbackSource

    /// The process's shared fallback, built on first use: fontconfig reads its folders only
    /// when a character is not in the deck's fonts (most documents never need it).
    private enum FallbackSource: Sendable {
        case shared
        case given(FontFallback?)
    }

    /// The fallback faces (nil for none).
    package var fallback: FontFallback? {
        switch fallbackSource {
        case .shared: FontFallback.shared
        case .given(let fallback): fallback
        }
    }

    /// The family's four faces, with the process's shared fallback (see FallbackSource).
    package convenience init(files: FontFiles) throws {
        try self.init(files: files, source: .shared)
    }

    package convenience init(files: FontFiles, fallback: FontFallback?) throws {
        try self.init(files: files, source: .given(fallback))
    }

    private init(files: FontFiles, source: FallbackSource) throws {
        self.files = files
        fonts = try FontStyle.allCases.map { try Font(url: files.url(for: $0), style: $0) }
        fallbackSource = source
    }

    package func font(_ style: FontStyle) -> Font { fonts[style.rawValue] }

    /// The face that shows `character` in `style`: the family's own when it covers the whole
    /// cluster, else `preferred` (the face of the text just before) when it covers it, so that
    /// a Chinese comma stays in the Chinese face, else the fallback's, else the family's (and
    /// the character is reported missing).
    package func face(for character: Character, style: FontStyle, preferred: Font? = nil) -> Font {
        let primary = fonts[style.rawValue]
        if let ascii = character.asciiValue, ascii >= 0x20 || ascii == 0x09 { return primary }
        if Self.covers(primary, character) { return primary }
        if let preferred, Self.covers(preferred, character) { return preferred }
        return (try? fallback?.font(for: character, style: style)) ?? primary
    }

    private static func covers(_ font: Font, _ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { !FontFallback.mustBeCovered($0) || font.covers($0) }
    }
}

extension FontFallback {
    /// One fallback for the process: fontconfig reads the folders once.
    package static let shared = FontFallback()
}
