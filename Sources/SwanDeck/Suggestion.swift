/// Near-miss suggestions for misspelt keys ("titel" -> "title").
enum Suggestion {
    /// The closest candidate within a small edit distance, or nil when nothing is close.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        if let near = nearest(to: word, in: candidates) { return "; did you mean '\(near)'?" }
        if candidates.isEmpty { return "" }
        return "; expected one of: " + candidates.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
