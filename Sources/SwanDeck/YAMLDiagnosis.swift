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
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
    func explain(problem: String, context: YamlError.Context?, mark: Mark) -> Diagnostic? {
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
        return .deck(.yamlUnclosedQuote, ["quote": "\(quote)"], at: at(line: mark.line, column: column))
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
