/// Fallback faces for characters the deck's family cannot show, chosen by an explicit rule
/// from the font folders of the Debian packages the Makefile installs, reading the font files
/// themselves (no fontconfig, no cache, no weight guessing):
///
/// 1. The cluster's script (the first of its characters that belongs to one script) names a
///    family in `FallbackFamily.byScript` (Arabic -> Noto Sans Arabic, Korean -> Nanum Gothic,
///    Chinese and Japanese -> Droid Sans Fallback, ...): that family, when its regular face has
///    every visible character of the cluster.
/// 2. Otherwise (symbols, emoji, a script not in the table) the first family, in one fixed
///    order, whose regular face has them all: the folders in the order of `defaultFolders`; in
///    a folder, the named families that live there (Droid Sans Fallback, Nanum Gothic, Symbola),
///    then the Noto families by their files (`<name>-Regular.ttf`): "Noto Sans <script>" before
///    the other Noto families (Serif, Naskh, Kufi, Display), the shorter name first, then by name.
///
/// The family is chosen by its regular face, whatever the text's style; bold text is then set in
/// that family's bold face (`<name>-Bold.ttf`, NanumGothicBold.ttf) or, when the family has none
/// (Droid Sans Fallback, Noto Sans Tifinagh, Symbola), in its regular face emboldened (a face
/// of its own, `Font.emboldening`). So bold and regular text of one script always come from one
/// design, and bold text is bold in every script.
import Foundation
import SwanDiagnostics
internal import CHarfBuzz

/// The family list is built in init and only read after; the caches of opened faces and
/// choices are shared behind a lock.
package final class FontFallback: Sendable {
    /// The folders of the packages in the Makefile's BUILD_DEPS, in the chain's order:
    /// fonts-noto-core (most scripts), fonts-droid-fallback (Chinese, Japanese), fonts-nanum
    /// (Korean), fonts-symbola (monochrome outline emoji).
    package static let defaultFolders = [
        FallbackFamily.notoFolder, FallbackFamily.droidFolder, FallbackFamily.nanumFolder, FallbackFamily.symbolaFolder,
    ]

    /// The named families, each searched in the folder it lives in.
    static let namedFamilies = [FallbackFamily.droidSansFallback, FallbackFamily.nanumGothic, FallbackFamily.symbola]

    private let folders: [String]
    /// Rule 2's order: every family whose regular face is in one of the folders.
    package let families: [FallbackFamily]
    private struct Caches {
        var chosen: [Key: Font?] = [:]
        var opened: [String: Font?] = [:]
    }
    private let caches = LockedBox(Caches())
    private struct Key: Hashable { let character: Character; let style: FontStyle }

    package init(folders: [String] = FontFallback.defaultFolders) {
        self.folders = folders
        let manager = FileManager.default
        families = folders.flatMap { folder -> [FallbackFamily] in
            let named = Self.namedFamilies.filter { Self.folder(of: $0.regular) == folder && manager.fileExists(atPath: $0.regular) }
            let files = Set((try? manager.contentsOfDirectory(atPath: folder)) ?? [])
            let noto = files.compactMap { file -> FallbackFamily? in
                guard file.hasPrefix("Noto"), file.hasSuffix("-Regular.ttf") else { return nil }
                let name = String(file.dropLast("-Regular.ttf".count))
                return FallbackFamily.noto(name, bold: files.contains("\(name)-Bold.ttf"), in: folder)
            }.sorted { a, b in
                (Self.familyClass(a.name), a.name.count, a.name) < (Self.familyClass(b.name), b.name.count, b.name)
            }
            return named + noto
        }
    }

    /// Number of families the fallback may choose from (0 when none of the folders exist).
    package var faceCount: Int { families.count }

    /// The family that shows `character` (by the rule above), or nil when none does.
    package func family(for character: Character) -> FallbackFamily? {
        caches.withLockedValue { chooseFamily(character, &$0) }
    }

    /// The face for `character` in `style`, or nil when no fallback face covers it.
    package func font(for character: Character, style: FontStyle) throws -> Font? {
        let key = Key(character: character, style: style)
        return caches.withLockedValue { caches in
            if let hit = caches.chosen[key] { return hit }
            let font = chooseFamily(character, &caches).flatMap { family in
                style.isBold && family.bold == nil ? emboldened(family.regular, &caches)
                    : face(family.file(for: style), bold: family.bold != nil && style.isBold, &caches)
            }
            caches.chosen[key] = font
            return font
        }
    }

    /// Code points a face must have a glyph for: not the joiners, variation selectors and other
    /// default-ignorable characters HarfBuzz hides.
    static func mustBeCovered(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isDefaultIgnorableCodePoint && scalar.properties.generalCategory != .control
            && scalar.properties.generalCategory != .format
    }

    /// The script of a cluster as an ISO 15924 code: its first character that belongs to one
    /// script (not Common, Inherited or Unknown), or nil.
    static func script(of character: Character) -> String? {
        let funcs = hb_unicode_funcs_get_default()
        for scalar in character.unicodeScalars {
            let tag = hb_unicode_script(funcs, scalar.value).rawValue
            let code = String(decoding: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: tag >> $0) }, as: UTF8.self)
            if !["Zyyy", "Zinh", "Zzzz"].contains(code) { return code }
        }
        return nil
    }

    /// Called holding the caches' lock.
    private func chooseFamily(_ character: Character, _ caches: inout Caches) -> FallbackFamily? {
        let needed = character.unicodeScalars.filter { Self.mustBeCovered($0) }
        guard !needed.isEmpty else { return nil }
        func covers(_ family: FallbackFamily) -> Bool {
            guard let font = face(family.regular, bold: false, &caches) else { return false }
            return needed.allSatisfy { font.covers($0) }
        }
        if let script = Self.script(of: character), let family = FallbackFamily.byScript[script],
           folders.contains(Self.folder(of: family.regular)), covers(family) {
            return family
        }
        return families.first(where: covers)
    }

    /// The face in `path`, opened once (nil when the file is missing or unreadable). Called
    /// holding the caches' lock.
    private func face(_ path: String, bold: Bool, _ caches: inout Caches) -> Font? {
        if let font = caches.opened[path] { return font }
        let font = try? Font(url: URL(fileURLWithPath: path), style: bold ? .bold : .regular)
        caches.opened[path] = font
        return font
    }

    /// The regular face in `path` with synthetic bold, opened once, apart from the plain face (its
    /// own glyph advances, its own subset and cairo face). Called holding the caches' lock.
    private func emboldened(_ path: String, _ caches: inout Caches) -> Font? {
        let key = path + Self.emboldenedSuffix
        if let font = caches.opened[key] { return font }
        guard let plain = face(path, bold: false, &caches) else { return nil }
        let font = try? Font(url: URL(fileURLWithPath: path), style: .bold, emboldening: Font.syntheticBold, plainFace: plain)
        caches.opened[key] = font
        return font
    }

    /// Keys the emboldened faces apart from the plain ones in `opened` (no file name has it).
    private static let emboldenedSuffix = "\u{0}bold"

    private static func folder(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// 0: "Noto Sans <script>" (and Noto Sans itself), not the UI, Display or Mono cuts;
    /// 1: the other Noto families (Serif, Naskh, Kufi, the Sans cuts above).
    static func familyClass(_ name: String) -> Int {
        name.range(of: #"^NotoSans(?!.*(UI|Display|Mono))"#, options: .regularExpression) != nil ? 0 : 1
    }
}
