import SwanDiagnostics
import Yams

/// Says what went wrong in a YAML file in the words of the person who edited it: libyaml's own
/// problems ("mapping values are not allowed in this context") are mostly about indentation or
/// quotes, and a few mistakes are no YAML error at all (a colour read as a comment, an item
/// indented too far and joined to the one above). Each is told with the line to look at.
struct YAMLDiagnosis {
    let lines: [Substring]
    let file: String

    init(text: String, file: String) {
        // Lines found on the UTF-8 bytes (splitting by Character was a tenth of a file's parse);
        // a deck file's text has no carriage return (SourceText), where "\r\n" would be one Character.
        lines = SourceText.contains(0x0D, in: text) ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        self.file = file
    }

    private func at(line: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The 1-based line, or "" outside the file.
    func line(_ number: Int) -> Substring { number >= 1 && number <= lines.count ? lines[number - 1] : "" }

    static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    private static func isContent(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }

    /// The nearest line before `number` with content (not blank, not only a comment).
    func previousContentLine(before number: Int) -> Int? {
        var candidate = number - 1
        while candidate >= 1 {
            if Self.isContent(line(candidate)) { return candidate }
            candidate -= 1
        }
        return nil
    }

    // MARK: - libyaml's errors

    /// A better diagnostic for a libyaml problem, or nil to keep libyaml's words.
    func explain(problem: String, context: YamlError.Context?, mark: Mark) -> [Diagnostic]? {
        // libyaml finds a key without its colon only where the next key starts, lines later: the
        // line it started scanning at is the one without the colon.
        if problem.contains("could not find expected ':'"), let context, context.text.contains("simple key"),
           let missing = missingColon(onLine: context.mark.line) {
            return [missing]
        }
        if problem.contains("mapping values are not allowed") {
            if let curly = curlyQuote(onLine: mark.line, before: mark.column) { return [curly] }
            let missing = linesWithoutColon(before: mark)
            if !missing.isEmpty { return missing }
        }
        return explainOther(problem: problem, context: context, mark: mark).map { [$0] }
    }

    private func explainOther(problem: String, context: YamlError.Context?, mark: Mark) -> Diagnostic? {
        if problem.contains("end of stream") || problem.contains("end of the stream"),
           let context, context.text.contains("quoted scalar") {
            return unclosedQuote(opening: context.mark)
        }
        let bad = line(mark.line)
        let indent = Self.indentation(bad)
        if let context, context.text.contains("block mapping") || context.text.contains("block collection"),
           problem.contains("did not find expected") {
            let blockIndent = max(0, context.mark.column - 1)
            guard indent != blockIndent else { return nil }
            // The first line of a block ('front:' above it) indented further than the line after
            // it: that first line is more likely the one out of line.
            if let previous = previousContentLine(before: mark.line), Self.indentation(line(previous)) > indent,
               let opener = previousContentLine(before: previous), Self.indentation(line(opener)) < indent,
               line(opener).trimmingSpaces().hasSuffix(":") {
                return .deck(.yamlMisaligned, ["line": "\(mark.line)", "found": "\(indent)", "previous": "\(previous)",
                                               "expected": "\(Self.indentation(line(previous)))"],
                             at: at(line: previous, column: Self.indentation(line(previous)) + 1))
            }
            return .deck(.yamlIndentation, ["line": "\(mark.line)", "found": "\(indent)", "block": "\(context.mark.line)",
                                            "expected": "\(blockIndent)"],
                         at: at(line: mark.line, column: indent + 1))
        }
        if problem.contains("mapping values are not allowed") {
            // A 'key:' on a line indented further than a 'key: text' line above it was read as
            // more of that text; a colon inside an unquoted text is the other cause.
            if let previous = previousContentLine(before: mark.line), indent > Self.indentation(line(previous)),
               Self.hasInlineValue(line(previous)) {
                return .deck(.yamlIndentedFurther, ["line": "\(mark.line)", "previous": "\(previous)",
                                                    "found": "\(indent)", "expected": "\(Self.indentation(line(previous)))"],
                             at: at(line: mark.line, column: indent + 1))
            }
            return .deck(.yamlColonInText, [:], at: at(line: mark.line, column: mark.column), hints: [Message(DeckCode.quoteColon)])
        }
        return nil
    }

    // MARK: - A key without its colon

    /// Where a line's content starts, past its indentation and any '- ' of list items.
    private static func contentStart(_ line: Substring) -> Substring {
        var rest = line.drop { $0 == " " }
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        return rest
    }

    /// The word a line starts with when it reads as a key and its text with the colon left out
    /// (`titel Sociale cohesie`, `titel "Sociale cohesie"`); nil for anything else.
    static func keyWithoutColon(_ line: Substring) -> Substring? {
        let content = contentStart(line)
        guard let first = content.first, first.isLetter else { return nil }
        let key = content.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let after = content[key.endIndex...]
        guard after.hasPrefix(" "), !after.trimmingSpaces().isEmpty, !after.hasPrefix(" #"),
              !content.contains(": "), !content.trimmingSpaces().hasSuffix(":") else { return nil }
        return key
    }

    /// "a colon is missing after 'titel'", at the place the colon belongs.
    func missingColon(onLine number: Int) -> Diagnostic? {
        let text = line(number)
        guard let key = Self.keyWithoutColon(text) else { return nil }
        let column = text.unicodeScalars.distance(from: text.startIndex, to: key.endIndex) + 1
        return .deck(.yamlMissingColon, ["key": "\(key)"], at: at(line: number, column: column))
    }

    /// "mapping values are not allowed" at a `key:` that YAML read as more of the text above it:
    /// the lines above at the same column without a colon (`lead Hoe speelt…`) began that text.
    private func linesWithoutColon(before mark: Mark) -> [Diagnostic] {
        let bad = line(mark.line)
        let content = Self.contentStart(bad)
        let start = bad.distance(from: bad.startIndex, to: content.startIndex)
        // The colon libyaml stopped at ends the line's first word: the line is a `key:` line.
        let key = content.prefix { $0 != ":" && $0 != " " }
        guard !key.isEmpty, content[key.endIndex...].hasPrefix(":"),
              bad.unicodeScalars.distance(from: bad.startIndex, to: key.endIndex) + 1 == mark.column else { return [] }
        var found: [Int] = []
        var number = mark.line
        while let previous = previousContentLine(before: number) {
            let text = line(previous)
            let previousContent = Self.contentStart(text)
            guard text.distance(from: text.startIndex, to: previousContent.startIndex) == start,
                  Self.keyWithoutColon(text) != nil else { break }
            found.append(previous)
            // An item's '- ' begins the text: nothing above it belongs to it.
            if previousContent.startIndex != text.drop(while: { $0 == " " }).startIndex { break }
            number = previous
        }
        return found.reversed().compactMap(missingColon(onLine:))
    }

    /// A hint under "expected … as 'key: value' lines, found text 'titel Sociale cohesie'".
    func missingColonHint(for node: Node) -> Message? {
        guard let mark = node.mark, let scalar = node.scalar, scalar.style == .plain,
              !scalar.string.contains("\n") else { return nil }
        let text = line(mark.line)
        guard let key = Self.keyWithoutColon(text),
              text.distance(from: text.startIndex, to: key.startIndex) + 1 == mark.column else { return nil }
        return Message(DeckCode.yamlMissingColonHint, ["key": "\(key)"])
    }

    // MARK: - Curly quotes

    /// The quotes a word processor types (“ ” ‘ ’ „ ‚): YAML does not take them as quotes.
    static let curlyQuotes: Set<Character> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{201A}"]

    /// The first curly quote on a line before `column` (libyaml's), as an error at its place.
    func curlyQuote(onLine number: Int, before column: Int) -> Diagnostic? {
        let text = line(number)
        var scalars = 0
        for (offset, character) in text.enumerated() {
            if scalars + 1 >= column { break }
            if Self.curlyQuotes.contains(character) {
                return .deck(.yamlCurlyQuotes, ["quote": "\(character)"], at: at(line: number, column: offset + 1))
            }
            scalars += character.unicodeScalars.count
        }
        return nil
    }

    /// A hint for a value that starts with a curly quote (`colour: “#4A9A3F”`).
    static func curlyQuotesHint(for value: String) -> Message? {
        guard let first = value.first, curlyQuotes.contains(first) else { return nil }
        return Message(DeckCode.yamlCurlyQuotesHint, ["quote": "\(first)"])
    }

    /// `key: text` (or `- key: text`): a line whose value is on the line itself.
    private static func hasInlineValue(_ line: Substring) -> Bool {
        guard let colon = line.range(of: ": ") else { return false }
        return !line[colon.upperBound...].trimmingSpaces().isEmpty
    }

    /// Where the quote opens: the quote character at the context mark, or the first on that line.
    private func unclosedQuote(opening mark: Mark) -> Diagnostic {
        let text = line(mark.line)
        let column = max(1, mark.column)
        let index = text.index(text.startIndex, offsetBy: min(column - 1, text.count), limitedBy: text.endIndex) ?? text.endIndex
        let quote = text[index...].first { $0 == "\"" || $0 == "'" } ?? "\""
        // `"Sociale cohesie”`: closed with a word processor's quote, which YAML does not take.
        let curly = text[index...].first { Self.curlyQuotes.contains($0) }
        let hints = curly.map { [Message(DeckCode.yamlCurlyQuotesHint, ["quote": "\($0)"])] } ?? []
        return .deck(.yamlUnclosedQuote, ["quote": "\(quote)"], at: at(line: mark.line, column: column), hints: hints)
    }

    // MARK: - Valid YAML that is still a mistake

    /// A value left empty because its text starts with '#' (a comment in YAML): `colour: #4A9A3F`.
    func commentedValue(at node: Node, key: String) -> Diagnostic? {
        guard let mark = node.mark else { return nil }
        let text = line(mark.line)
        let start = text.index(text.startIndex, offsetBy: min(max(0, mark.column - 1), text.count))
        let rest = text[start...].drop { $0 == " " }
        guard rest.hasPrefix("#") else { return nil }
        let comment = rest.trimmingSpaces()
        let word = comment.prefix { $0 != " " }
        return .deck(.yamlCommentValue, ["key": "\(key)", "comment": "\(word)"],
                     at: at(line: mark.line, column: text.distance(from: text.startIndex, to: rest.startIndex) + 1))
    }

    /// Plain texts that YAML joined from several lines: a line indented further than the one
    /// above continues its text ("- item" included), which is never what a deck file means.
    func joinedLines(in root: Node) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Aliases are expanded in the tree: an alias bomb would be walked for ever. As many values
        // as a layout may hold are looked at (LayoutValueRules refuses a layout with more).
        var budget = LayoutValueRules.valueLimit
        func visit(_ node: Node) {
            budget -= 1
            guard budget >= 0 else { return }
            switch node {
            case .mapping(let mapping): for (key, value) in mapping { visit(key); visit(value) }
            case .sequence(let sequence): sequence.forEach(visit)
            case .scalar(let scalar):
                guard scalar.style == .plain, let mark = node.mark else { return }
                let text = line(mark.line)
                // Most values stand whole on their line: then nothing was joined (a byte search,
                // far cheaper than the character walk below).
                if Self.contains(text.utf8, scalar.string.utf8) { return }
                guard let start = text.index(text.startIndex, offsetBy: mark.column - 1, limitedBy: text.endIndex) else { return }
                var rest = String(text[start...])
                if let comment = rest.range(of: " #") { rest = String(rest[..<comment.lowerBound]) }
                rest = rest.trimmingSpaces()
                guard scalar.string.count > rest.count, scalar.string.hasPrefix(rest) else { return }
                let next = (mark.line + 1..<max(mark.line + 1, lines.count + 1)).first { Self.isContent(line($0)) } ?? mark.line + 1
                let continued = line(next).drop { $0 == " " }
                let location = at(line: next, column: Self.indentation(line(next)) + 1)
                if continued.hasPrefix("- ") {
                    found.append(.deck(.yamlJoinedItem, ["line": "\(next)", "previous": "\(mark.line)"], at: location))
                } else {
                    found.append(.deck(.yamlJoinedText, ["line": "\(next)", "previous": "\(mark.line)"], at: location))
                }
            case .alias: return
            }
        }
        visit(root)
        return found
    }

    /// Whether `needle`'s bytes occur in `haystack`.
    private static func contains(_ haystack: Substring.UTF8View, _ needle: String.UTF8View) -> Bool {
        guard let first = needle.first else { return true }
        let count = needle.count
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first) {
            guard haystack.distance(from: found, to: haystack.endIndex) >= count else { return false }
            if haystack[found...].starts(with: needle) { return true }
            index = haystack.index(after: found)
        }
        return false
    }
}
