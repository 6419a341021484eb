/// Fallback faces for characters the deck's family cannot show, found by fontconfig.
///
/// The rule that keeps output reproducible: fontconfig is given its own configuration holding
/// only the font folders of the Debian packages the Makefile installs (`folders`), never the
/// system's font set, so what else a machine has installed changes nothing. Of the faces there,
/// only TrueType outlines without colour qualify (the native PDF writer embeds them as
/// FontFile2, cairo draws them the same). For each character the face is the first, in one
/// fixed order, whose charset covers every visible code point of the cluster: the folders in
/// the order below; within Noto, "Noto Sans <script>" families before other Noto families
/// (serif, Naskh, Kufi, the UI, Display and Mono cuts); then the weight nearest the one asked
/// for, upright or italic as asked, the shortest family name (the plain family before its
/// regional variants), the family name, the file path.
import Foundation
internal import CFontconfig

/// Unchecked: the fontconfig configuration and font set are built in init and only read after,
/// and every query and the caches run under `lock` (fontconfig objects are not thread-safe).
public final class FontFallback: @unchecked Sendable {
    /// The folders of the packages in the Makefile's BUILD_DEPS, in the chain's order:
    /// fonts-noto-core (most scripts), fonts-droid-fallback (Chinese, Japanese), fonts-nanum
    /// (Korean), fonts-symbola (monochrome outline emoji).
    public static let defaultFolders = [
        "/usr/share/fonts/truetype/noto",
        "/usr/share/fonts/truetype/droid",
        "/usr/share/fonts/truetype/nanum",
        "/usr/share/fonts/truetype/ancient-scripts",
    ]

    private struct Candidate {
        let path: String
        let family: String
        let weight: Int
        let italic: Bool
        let charset: OpaquePointer
        let familyClass: Int
    }

    private let lock = NSLock()
    private let config: OpaquePointer?
    private let fontSet: UnsafeMutablePointer<FcFontSet>?
    private let candidates: [Candidate]
    private var chosen: [Key: Font?] = [:]
    private var opened: [String: Font] = [:]
    private struct Key: Hashable { let character: Character; let style: FontStyle }

    public init(folders: [String] = FontFallback.defaultFolders) {
        let config = FcConfigCreate()
        // The system's cache of these folders (written when the packages were installed), else
        // the user's (as every fontconfig program keeps it): no scan on every run, and no "no
        // writable cache" complaint. The cache holds what the folders hold, so the choice is the same.
        _ = FcConfigParseAndLoadFromMemory(config, """
            <fontconfig><cachedir>/var/cache/fontconfig</cachedir><cachedir prefix="xdg">fontconfig</cachedir></fontconfig>
            """, 0)
        for folder in folders where FileManager.default.fileExists(atPath: folder) {
            _ = FcConfigAppFontAddDir(config, folder)
        }
        let pattern = FcPatternCreate()
        let objects = FcObjectSetCreate()
        for name in ["file", "family", "weight", "slant", "fontformat", "charset", "color", "index"] { _ = FcObjectSetAdd(objects, name) }
        let set = FcFontList(config, pattern, objects)
        FcObjectSetDestroy(objects)
        FcPatternDestroy(pattern)
        self.config = config
        fontSet = set
        var found: [Candidate] = []
        if let set {
            for i in 0..<Int(set.pointee.nfont) {
                guard let font = set.pointee.fonts[i], let candidate = Self.candidate(font, folders: folders) else { continue }
                found.append(candidate)
            }
        }
        // One fixed order: the first covering candidate wins (see the rule above).
        candidates = found.sorted { a, b in
            (a.familyClass, a.family.count, a.family, a.path) < (b.familyClass, b.family.count, b.family, b.path)
        }
    }

    deinit {
        if let fontSet { FcFontSetDestroy(fontSet) }
        if let config { FcConfigDestroy(config) }
    }

    /// Number of faces the fallback may choose from (0 when none of the folders exist).
    public var faceCount: Int { candidates.count }

    /// The face for `character` in `style`, or nil when no fallback face covers it.
    public func font(for character: Character, style: FontStyle) throws -> Font? {
        let key = Key(character: character, style: style)
        lock.lock(); defer { lock.unlock() }
        if let hit = chosen[key] { return hit }
        let needed = character.unicodeScalars.filter { Self.mustBeCovered($0) }.map(\.value)
        var best: Candidate? = nil
        var bestScore = (Int.max, Int.max, Int.max)
        if !needed.isEmpty {
            for candidate in candidates where needed.allSatisfy({ FcCharSetHasChar(candidate.charset, $0) != 0 }) {
                // Within the first family class that covers the character, nearest weight and slant.
                if let current = best, candidate.familyClass > current.familyClass { break }
                let score = (candidate.familyClass, abs(candidate.weight - (style.isBold ? 700 : 400)),
                             candidate.italic == style.isItalic ? 0 : 1)
                if score < bestScore { best = candidate; bestScore = score }
            }
        }
        let font = try best.map { try open($0) }
        chosen[key] = font
        return font
    }

    /// Code points a face must have a glyph for: not the joiners, variation selectors and other
    /// default-ignorable characters HarfBuzz hides.
    static func mustBeCovered(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isDefaultIgnorableCodePoint && scalar.properties.generalCategory != .control
            && scalar.properties.generalCategory != .format
    }

    private func open(_ candidate: Candidate) throws -> Font {
        if let font = opened[candidate.path] { return font }
        let font = try Font(url: URL(fileURLWithPath: candidate.path),
                            style: FontStyle(bold: candidate.weight >= 600, italic: candidate.italic))
        opened[candidate.path] = font
        return font
    }

    private static func candidate(_ pattern: OpaquePointer, folders: [String]) -> Candidate? {
        func string(_ object: String) -> String? {
            var value: UnsafeMutablePointer<FcChar8>? = nil
            guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
            return String(cString: value)
        }
        func integer(_ object: String) -> Int? {
            var value: Int32 = 0
            return FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch ? Int(value) : nil
        }
        var colour: FcBool = 0
        _ = FcPatternGetBool(pattern, "color", 0, &colour)
        var charset: OpaquePointer? = nil
        guard let path = string("file"), let family = string("family"), string("fontformat") == "TrueType",
              colour == 0, (integer("index") ?? 0) == 0,
              FcPatternGetCharSet(pattern, "charset", 0, &charset) == FcResultMatch, let charset else { return nil }
        let weight = Int(FcWeightToOpenType(Int32(integer("weight") ?? 80)))
        let italic = (integer("slant") ?? 0) != 0
        let folder = folders.firstIndex { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } ?? folders.count
        return Candidate(path: path, family: family, weight: weight, italic: italic, charset: charset,
                         familyClass: 2 * folder + familyClass(family))
    }

    /// 0: "Noto Sans <script>" (not the UI, Display or Mono cuts), or a face that is no Noto;
    /// 1: other Noto families (serif, Naskh, Kufi, the Sans cuts above).
    static func familyClass(_ family: String) -> Int {
        guard family.hasPrefix("Noto") else { return 0 }
        return family.hasPrefix("Noto Sans") && ![" UI", " Display", " Mono"].contains { family.contains($0) } ? 0 : 1
    }
}
