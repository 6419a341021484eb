/// Near-miss suggestions for misspelt keys and ids ("titel" -> "title"), by Levenshtein distance
/// over Unicode scalars, ignoring case.
package enum Suggestion {
    /// The closest candidate, if it is close enough to be a likely typo: at most two edits, or up
    /// to a third of the longer word for long words. Ties go to the earlier candidate.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        let lowered = word.lowercased()
        for candidate in candidates {
            let distance = levenshtein(lowered, candidate.lowercased())
            let longest = max(word.unicodeScalars.count, candidate.unicodeScalars.count)
            guard distance > 0 || word != candidate else { continue }
            guard distance <= 2 || distance * 3 <= longest else { continue }
            guard distance < longest else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// "did you mean 'x'?" for a close candidate, else "expected one of: …" (none without candidates).
    package static func hints(for word: String, among candidates: [String]) -> [Message] {
        if let near = closest(to: word, among: candidates) { return [didYouMean(near)] }
        if candidates.isEmpty { return [] }
        return [Message(CommonCode.expectedOneOf, ["candidates": .text(candidates.sorted().map { "'\($0)'" }.joined(separator: ", "))])]
    }

    package static func didYouMean(_ candidate: String) -> Message {
        Message(CommonCode.didYouMean, ["candidate": .text(candidate)])
    }

    package static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
