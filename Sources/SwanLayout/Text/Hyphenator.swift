/// Dutch hyphenation with libhyphen and the hyphen-nl patterns.
///
/// The dictionary is ISO-8859-1 and lowercase: words are lowercased and converted to Latin-1
/// before lookup (as UTF-8 it silently loses breaks around ë, ï, ö; in uppercase it finds none),
/// and the break positions are mapped back to the original characters.
import Foundation
import SwanDiagnostics
import SwanIO
internal import CHyphen

/// Every call into libhyphen (whose dictionary is not documented as safe to share) happens
/// holding the dictionary's lock.
package final class Hyphenator: Sendable {
    package struct Settings: Sendable {
        /// Fewest characters before the first and after the last break: "op-bouwen" is fine,
        /// "vergelijkba-re" leaves too little on the next line.
        package var leftMin: Int = 2
        package var rightMin: Int = 3
        /// Words never hyphenated (compared case-insensitively).
        package var exceptions: Set<String> = []
        /// Words with their own break points (lowercase, without the marks): "praktijk-situatie"
        /// breaks only after "praktijk", at the compound boundary, where the patterns would also
        /// allow "praktijksi-tuatie".
        package var breakPoints: [String: [Int]] = [:]
        package init(leftMin: Int = 2, rightMin: Int = 3, exceptions: Set<String> = [], breakPoints: [String] = []) {
            self.leftMin = leftMin; self.rightMin = rightMin
            self.exceptions = Set(exceptions.map { $0.lowercased() })
            for entry in breakPoints {
                var word = "", offsets: [Int] = []
                for character in entry.lowercased() {
                    if character == "-" { offsets.append(word.count) } else { word.append(character) }
                }
                if !word.isEmpty { self.breakPoints[word] = offsets.filter { $0 > 0 && $0 < word.count } }
            }
        }
    }

    package static let softHyphen: Character = "\u{00AD}"
    /// Folders where hyphenation dictionaries live (Debian's hyphen-* packages, Homebrew).
    package static let dictionaryFolders = ["/usr/share/hyphen", "/opt/homebrew/share/hyphen", "/usr/local/share/hyphen"]

    /// Dictionary files for a BCP 47 language ("nl", "en-GB"), best first: the exact region, the
    /// language's main region (nl_NL), then any region of the language.
    package static func dictionaryCandidates(language: String) -> [String] {
        let parts = language.replacingOccurrences(of: "-", with: "_").split(separator: "_").map(String.init)
        let code = (parts.first ?? "nl").lowercased()
        let mainRegion = ["en": "US", "sv": "SE", "da": "DK", "nb": "NO", "cs": "CZ", "el": "GR", "uk": "UA"]
        let region = parts.count > 1 ? parts[1].uppercased() : (mainRegion[code] ?? code.uppercased())
        var result: [String] = []
        for folder in dictionaryFolders {
            result += ["\(folder)/hyph_\(code)_\(region).dic", "\(folder)/hyph_\(code)_\(mainRegion[code] ?? code.uppercased()).dic"]
            let others = (try? FileManager.default.contentsOfDirectory(atPath: folder))?
                .filter { $0.hasPrefix("hyph_\(code)") && $0.hasSuffix(".dic") }.sorted() ?? []
            result += others.map { "\(folder)/\($0)" }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    package let settings: Settings
    private let dictionaryPath: String
    /// Loaded on first use: parsing the dictionary is a tenth of the CPU of a one-document
    /// process, and most paragraphs break without syllable breaks.
    private let loadedDictionary = LockedBox<OpaquePointer?>(nil)
    /// Breaks per word already worked out (see `breaks(in:)`): running text repeats its words.
    /// Bounded, so that an archive's names and rare words do not grow memory for ever.
    let breakCache = BoundedCache<String, [WordBreak]>(limit: 8_192)

    /// Loads the dictionary at `path` (SWAN_HYPHEN_DICT, read by the application's Workplace), or
    /// else the first that exists for `language`.
    package init(path: String? = nil, language: String = "nl", settings: Settings = Settings()) throws {
        let candidates = [path].compactMap { $0 }
            + Self.dictionaryCandidates(language: language)
        guard let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            throw EngineError.hyphenationDictionaryMissing(candidates)
        }
        dictionaryPath = found
        RunInputs.shared.record(found)
        self.settings = settings
    }

    deinit {
        loadedDictionary.withLockedValue { if let dictionary = $0 { hnj_hyphen_free(UnsafeMutablePointer(dictionary)) } }
    }

    /// The dictionary, loaded the first time it is needed. Call holding the box's lock.
    private func dictionary(_ loaded: inout OpaquePointer?) -> OpaquePointer? {
        if loaded == nil { loaded = hnj_hyphen_load(dictionaryPath).map { OpaquePointer($0) } }
        return loaded
    }

    /// Offsets (in Characters of `word`) after which a hyphen may be inserted: "bijeenkomst"
    /// gives [3, 6] (bij-een-komst). Also handles a word that contains hyphens, slashes or soft
    /// hyphens: see `breaks(in:)` for those.
    package func hyphenationPoints(_ word: String) -> [Int] { weightedPoints(word).map(\.offset) }

    /// The hyphenation points with their pattern level: level 1 is the weakest the patterns
    /// give (inside a stem: "op1bou1wen", "pro1ces5sen"); compound and prefix boundaries get
    /// 3 or 5 ("hoofd3vraag", "deel5ne1mer"), so they are preferred.
    func weightedPoints(_ word: String) -> [(offset: Int, level: Int)] {
        let characters = Array(word)
        guard characters.count >= settings.leftMin + settings.rightMin,
              !settings.exceptions.contains(word.lowercased()),
              characters.allSatisfy({ $0.isLetter }) else { return [] }
        if let own = settings.breakPoints[word.lowercased()] { return own.map { ($0, 5) } }

        // Lowercase Latin-1 bytes, remembering which character each byte came from. Plain ASCII
        // (most Dutch words) is its own Latin-1: one byte per character, lowered in place.
        var bytes: [CChar] = []
        var owner: [Int] = []
        if let ascii = Self.asciiLowercased(word) {
            bytes = ascii
            owner = Array(0..<ascii.count)
        } else {
            for (index, character) in characters.enumerated() {
                for byte in Self.latin1Bytes(character) { bytes.append(CChar(bitPattern: byte)); owner.append(index) }
            }
        }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var pos: UnsafeMutablePointer<Int32>? = nil
        var cut: UnsafeMutablePointer<Int32>? = nil
        let status = loadedDictionary.withLockedValue { loaded -> Int32? in
            guard let dictionary = dictionary(&loaded) else { return nil }
            return hnj_hyphen_hyphenate2(UnsafeMutablePointer(dictionary), bytes, Int32(bytes.count),
                                         &hyphens, nil, &rep, &pos, &cut)
        }
        defer { Self.free(rep: rep, pos: pos, cut: cut, count: bytes.count) }
        guard status == 0 else { return [] }

        var points: [(offset: Int, level: Int)] = []
        for i in 0..<(bytes.count - 1) where hyphens[i] & 1 == 1 {
            // Non-standard breaks (with a spelling change) are skipped: the text stays as written.
            if let rep, rep[i] != nil { continue }
            // A break between the two bytes of one character ("ĳ" as "ij") is no break.
            guard owner[i] != owner[i + 1] else { continue }
            let after = owner[i] + 1
            let level = Int(hyphens[i]) - Int(UInt8(ascii: "0"))
            if after >= settings.leftMin && characters.count - after >= settings.rightMin { points.append((after, level)) }
        }
        return points
    }

    /// The word's bytes lowercased when it is ASCII letters only (then each byte is one
    /// Character and its own Latin-1), else nil.
    static func asciiLowercased(_ word: String) -> [CChar]? {
        var result: [CChar] = []
        result.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): result.append(CChar(bitPattern: byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(CChar(bitPattern: byte + 32))
            default: return nil
            }
        }
        return result
    }

    /// The bytes of a lowercase character in ISO-8859-1; "ĳ" becomes "ij", characters outside
    /// Latin-1 become their base letter where one exists, else "x" (keeps positions aligned).
    static func latin1Bytes(_ character: Character) -> [UInt8] {
        let lower = String(character).lowercased()
        if lower == "\u{0133}" { return [0x69, 0x6A] }
        var result: [UInt8] = []
        for scalar in lower.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.value < 0x100 { result.append(UInt8(scalar.value)); continue }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            result.append(base.value < 0x80 ? UInt8(base.value) : 0x78)
        }
        return result.isEmpty ? [0x78] : result
    }

    private static func free(rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                             pos: UnsafeMutablePointer<Int32>?, cut: UnsafeMutablePointer<Int32>?, count: Int) {
        if let rep {
            for i in 0..<count { Foundation.free(rep[i]) }
            Foundation.free(rep)
        }
        Foundation.free(pos)
        Foundation.free(cut)
    }
}
