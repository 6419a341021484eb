/// Typographic quotes for straight ones: an opening mark after a space, an opening bracket or
/// at the start, a closing mark elsewhere; an apostrophe between letters ("collega's") becomes
/// the closing single mark, as Dutch typesetting has it.
package struct Quotes: Equatable, Sendable, Decodable {
    package var double: [String]
    package var single: [String]
    package init(double: [String], single: [String]) { self.double = double; self.single = single }

    package func apply(_ runs: [TextRun]) -> [TextRun] {
        guard double.count == 2, single.count == 2 else { return runs }
        var previous: Character? = nil
        return runs.map { run in
            // Bytes first (a quote's byte in a cluster with a mark is checked again below).
            guard run.text.utf8.contains(0x22) || run.text.utf8.contains(0x27) else {
                if let last = run.text.last { previous = last }
                return run
            }
            var copy = run
            var text = ""
            text.reserveCapacity(run.text.utf8.count + 16)
            for character in run.text {
                // asciiValue is that of a lone '"' or "'" (never of one with a mark).
                let ascii = character.asciiValue
                if ascii == 0x22 || ascii == 0x27 {
                    let marks = ascii == 0x22 ? double : single
                    let opens = previous.map { $0.isWhitespace || "([{\u{2014}\u{2013}-/".contains($0) } ?? true
                    text += opens ? marks[0] : marks[1]
                } else {
                    text.append(character)
                }
                previous = character
            }
            copy.text = text
            return copy
        }
    }
}
