/// Where a word may be broken over two lines, and whether a hyphen is drawn there.
import Foundation

package struct WordBreak: Equatable, Sendable {
    /// Break after this many Characters of the word.
    package var offset: Int
    /// True when a hyphen must be drawn at the line end (a syllable break); false after an
    /// existing hyphen or a slash, which stay where they are.
    package var insertsHyphen: Bool
    /// A break the patterns rate weakest (inside a stem rather than at a compound or prefix
    /// boundary): allowed, but costs more.
    package var weak: Bool = false
}

extension Hyphenator {
    /// All break opportunities in `word` (one run of non-space characters, soft hyphens already
    /// removed and passed as `softHyphens`: offsets after which the author allowed a break).
    ///
    /// Rules: soft hyphens, when present, are the only syllable breaks; words with digits, URLs,
    /// e-mail addresses and file names get no syllable breaks (a URL or file name may break
    /// after one of its own '-' or '/', no hyphen added); a break is allowed after an existing
    /// hyphen or slash between letters; the parts between them are hyphenated on their own.
    package func breaks(in word: String, softHyphens: [Int] = [], hyphenate: Bool = true) -> [WordBreak] {
        // Without syllable breaks only an existing '-' or '/' can break a word: most words have
        // neither, and need no work at all (the first pass of every paragraph runs this way).
        if !hyphenate && !word.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }) { return [] }
        guard softHyphens.isEmpty, hyphenate else { return computeBreaks(word, softHyphens: softHyphens, hyphenate: hyphenate) }
        return breakCache.value(word) { computeBreaks(word, softHyphens: [], hyphenate: true) }
    }

    private func computeBreaks(_ word: String, softHyphens: [Int], hyphenate: Bool) -> [WordBreak] {
        let characters = Array(word)
        var result: [WordBreak] = []
        let isURLOrMail = Self.looksLikeURLOrMail(word.utf8) || Self.looksLikeFileName(characters)
        // Explicit breaks after "-" or "/" that stand between two letters (in a URL or file name:
        // before any letter or digit).
        for i in 1..<max(1, characters.count - 1) where characters[i] == "-" || characters[i] == "/" {
            let before = characters[i - 1], after = characters[i + 1]
            let allowed = isURLOrMail ? (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber)
                : before.isLetter && after.isLetter
            if allowed {
                result.append(WordBreak(offset: i + 1, insertsHyphen: false))
            }
        }
        guard hyphenate, !isURLOrMail, !characters.contains(where: { $0.isNumber }) else { return result }
        if !softHyphens.isEmpty {
            result += softHyphens.filter { $0 > 0 && $0 < characters.count }.map { WordBreak(offset: $0, insertsHyphen: true) }
            return result.sorted { $0.offset < $1.offset }
        }
        guard !settings.exceptions.contains(word.lowercased()) else { return result }
        // Hyphenate each maximal run of letters on its own; punctuation around it stays attached.
        var start = 0
        while start < characters.count {
            guard characters[start].isLetter else { start += 1; continue }
            var end = start
            while end < characters.count && characters[end].isLetter { end += 1 }
            let part = String(characters[start..<end])
            // Hyphenation only in the deck's language: the dictionaries are Latin-1 (see
            // Hyphenator), so a name in Arabic, Greek or Cyrillic letters gets no syllable breaks.
            guard part.unicodeScalars.allSatisfy(Self.isLatin) else { start = end; continue }
            result += weightedPoints(part).map { WordBreak(offset: start + $0.offset, insertsHyphen: true, weak: $0.level <= 1) }
            start = end
        }
        return result.sorted { $0.offset < $1.offset }
    }
}

extension Hyphenator {
    /// Latin letters and the marks that go with them (Basic Latin to Latin Extended-B, IPA,
    /// combining diacritics, Latin Extended Additional, C, D and E).
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x24F, 0x250...0x2AF, 0x300...0x36F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: true
        default: false
        }
    }

    /// A file or domain name: a dot between a letter, digit or hyphen and two or more letters
    /// ("Sociale-Basis-.pdf", "sociale-vraagstukken.nl").
    static func looksLikeFileName(_ characters: [Character]) -> Bool {
        guard characters.count >= 4 else { return false }
        for i in 1..<(characters.count - 2) where characters[i] == "." {
            let before = characters[i - 1]
            if (before.isLetter || before.isNumber || before == "-") && characters[i + 1].isLetter && characters[i + 2].isLetter {
                return true
            }
        }
        return false
    }

    /// "@", "://" or a leading "www." (any case), checked on the bytes: cheap for every word.
    static func looksLikeURLOrMail(_ word: String.UTF8View) -> Bool {
        let bytes = Array(word)
        if bytes.contains(UInt8(ascii: "@")) { return true }
        if bytes.count >= 3 {
            for i in 0..<(bytes.count - 2)
            where bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
                return true
            }
        }
        let lowered = bytes.prefix(4).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return lowered == Array("www.".utf8)
    }
}
