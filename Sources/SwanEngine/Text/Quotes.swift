/// Typographic quotes for straight ones: an opening mark after a space, an opening bracket or
/// at the start, a closing mark elsewhere; an apostrophe between letters ("collega's") becomes
/// the closing single mark, as Dutch typesetting has it.
public struct Quotes: Equatable, Sendable, Decodable {
    public var double: [String]
    public var single: [String]
    public init(double: [String], single: [String]) { self.double = double; self.single = single }

    public func apply(_ runs: [TextRun]) -> [TextRun] {
        guard double.count == 2, single.count == 2 else { return runs }
        var previous: Character? = nil
        return runs.map { run in
            guard run.text.contains("\"") || run.text.contains("'") else {
                if let last = run.text.last { previous = last }
                return run
            }
            var copy = run
            var text = ""
            for character in run.text {
                if character == "\"" || character == "'" {
                    let marks = character == "\"" ? double : single
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
