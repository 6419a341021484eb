/// Where a word may be broken over two lines, and whether a hyphen is drawn there.
import Foundation

public struct WordBreak: Equatable, Sendable {
    /// Break after this many Characters of the word.
    public var offset: Int
    /// True when a hyphen must be drawn at the line end (a syllable break); false after an
    /// existing hyphen or a slash, which stay where they are.
    public var insertsHyphen: Bool
}

extension Hyphenator {
    /// All break opportunities in `word` (one run of non-space characters, soft hyphens already
    /// removed and passed as `softHyphens`: offsets after which the author allowed a break).
    ///
    /// Rules: soft hyphens, when present, are the only syllable breaks; words with digits, URLs
    /// and e-mail addresses get no syllable breaks; a break is allowed after an existing hyphen
    /// or slash between letters; the parts between them are hyphenated on their own.
    public func breaks(in word: String, softHyphens: [Int] = [], hyphenate: Bool = true) -> [WordBreak] {
        guard softHyphens.isEmpty, hyphenate else { return computeBreaks(word, softHyphens: softHyphens, hyphenate: hyphenate) }
        if let known = cachedBreaks(word) { return known }
        let result = computeBreaks(word, softHyphens: [], hyphenate: true)
        rememberBreaks(word, result)
        return result
    }

    private func computeBreaks(_ word: String, softHyphens: [Int], hyphenate: Bool) -> [WordBreak] {
        let characters = Array(word)
        var result: [WordBreak] = []
        let isURLOrMail = Self.looksLikeURLOrMail(word.utf8)
        // Explicit breaks after "-" or "/" that stand between two letters.
        for i in 1..<max(1, characters.count - 1) where characters[i] == "-" || characters[i] == "/" {
            if characters[i - 1].isLetter && characters[i + 1].isLetter && !isURLOrMail {
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
            result += hyphenationPoints(part).map { WordBreak(offset: start + $0, insertsHyphen: true) }
            start = end
        }
        return result.sorted { $0.offset < $1.offset }
    }
}

extension Hyphenator {
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
