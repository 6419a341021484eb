/// The typesetting engine in one value: fonts, shaping, hyphenation and line breaking set up
/// for one language. The exporters that turn its pages into files are chosen by the application
/// (SwanApp's `Exporters`): layout knows no writer.
package import Foundation
package import SwanDiagnostics

package final class Engine: Sendable {
    package let fonts: FontLibrary
    package let shaper: Shaper
    /// Nil for a language without an installed dictionary (see `hyphenationWarning`).
    package let hyphenator: Hyphenator?
    package let typesetter: Typesetter
    /// Said once when text will not be hyphenated because no dictionary was found.
    package let hyphenationWarning: Diagnostic?

    /// `noHyphenation` lists words that are never hyphenated. Dutch text requires its
    /// dictionary (an error when missing); another language without one is set unhyphenated.
    /// `breakPoints` are words with their only break points marked by "-" (TeX's \hyphenation):
    /// "praktijk-situatie".
    package init(fonts fontFiles: FontFiles, language: String = "nl", noHyphenation: [String] = [],
                hyphenationDictionary: String? = nil, breakPoints: [String] = [],
                quotes: Quotes? = nil, noBreakAfterInHeadings: Set<String> = [], nameParticles: Set<String> = []) throws {
        fonts = try FontLibrary(files: fontFiles)
        shaper = Shaper(fonts: fonts, language: language)
        let settings = Hyphenator.Settings(exceptions: Set(noHyphenation), breakPoints: breakPoints)
        do {
            hyphenator = try Hyphenator(path: hyphenationDictionary, language: language, settings: settings)
            hyphenationWarning = nil
        } catch let error as EngineError where !language.lowercased().hasPrefix("nl") {
            hyphenator = nil
            hyphenationWarning = .warning(EngineCode.notHyphenated, ["language": "\(language)", "reason": .message(error.message)])
        }
        typesetter = Typesetter(shaper: shaper, hyphenator: hyphenator, quotes: quotes,
                                noBreakAfterInHeadings: Set(noBreakAfterInHeadings.map { $0.lowercased() }),
                                nameParticles: nameParticles)
    }
}

/// The date written into documents: SOURCE_DATE_EPOCH when set (reproducible builds), else the
/// given fallback (the newest modification time of the inputs); never the clock, so the same
/// input gives the same bytes.
package enum ReproducibleDate {
    package static let defaultFallback = Date(timeIntervalSince1970: 0)

    package static func resolve(environment: [String: String], fallback: Date = defaultFallback) -> Date {
        pinned(environment) ?? fallback
    }

    /// SOURCE_DATE_EPOCH in `environment` (the application's Workplace), when set to a number.
    package static func pinned(_ environment: [String: String]) -> Date? {
        guard let value = environment["SOURCE_DATE_EPOCH"], let seconds = Double(value.trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The newest modification time of the files, and of the files inside the folders, in whole
    /// seconds (a PDF date has no fractions); nil when none can be read.
    package static func newestModification(of urls: [URL]) -> Date? {
        let manager = FileManager.default
        var newest: Date?
        func consider(_ path: String) {
            // lstat, as attributesOfItem does, without its owner and group names (a passwd
            // and group file read for every file of the deck).
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                    consider((path as NSString).appendingPathComponent(name))
                }
                return
            }
            let whole = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
            if newest.map({ whole > $0 }) ?? true { newest = whole }
        }
        urls.forEach { consider($0.path) }
        return newest
    }
}
