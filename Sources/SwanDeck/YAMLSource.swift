import Foundation
import Yams
import SwanDiagnostics

/// One parsed YAML file of a deck: its root node and the path used in messages.
struct YAMLSource {
    let file: String
    let root: Node

    func location(_ node: Node?) -> SourceLocation {
        location(mark: node?.mark)
    }

    func location(mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Reads and composes a YAML file; every problem becomes a DeckError with a position.
    static func load(_ url: URL, displayPath: String, referencedFrom reference: SourceLocation?) throws -> YAMLSource {
        let text = try SourceText.read(url, displayPath: displayPath, referencedFrom: reference)
        return try parse(text, file: displayPath)
    }

    static func parse(_ text: String, file: String) throws -> YAMLSource {
        let tabs = SourceText.checkIndentationTabs(text, file: file)
        if !tabs.isEmpty { throw DeckErrors(tabs) }
        let root: Node?
        do {
            // Values are read as text and converted by the parsers, so no tag resolution (and none
            // of its regular expressions, a third of the load time) is needed.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw translate(error, file: file)
        }
        guard let root else {
            throw DeckError("file has no content (only comments); expected deck content",
                            at: SourceLocation(file: file, line: 1, column: 1))
        }
        return YAMLSource(file: file, root: root)
    }

    /// Turns Yams' errors into one-line messages with the position libyaml reported.
    private static func translate(_ error: YamlError, file: String) -> DeckError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let hint = "; if a text contains a colon or starts with a quote, put the whole text in double quotes"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            return DeckError("invalid YAML: \(problem)\(while_)\(hint)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return DeckError("duplicate key \(keys) in the same mapping; each key may appear once", at: at(context.mark))
        case let .reader(problem, offset, _, _):
            return DeckError("unreadable text: \(problem) at byte offset \(offset ?? 0)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return DeckError("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// Strict reading of one YAML mapping: typed fields, required fields, and unknown keys with suggestions.
final class MappingReader {
    let source: YAMLSource
    let node: Node
    let mapping: Node.Mapping
    private let what: String
    private let diagnostics: Diagnostics
    private var asked: [String] = []

    /// Returns nil (after reporting) when the node is not a mapping.
    init?(_ node: Node, what: String, in source: YAMLSource, diagnostics: Diagnostics) {
        guard let mapping = node.mapping else {
            diagnostics.add("expected \(what) as a set of 'key: value' lines, found \(node.kindDescription)",
                            at: source.location(node))
            return nil
        }
        self.source = source
        self.node = node
        self.mapping = mapping
        self.what = what
        self.diagnostics = diagnostics
    }

    func error(_ message: String, at node: Node?) {
        diagnostics.add(message, at: source.location(node ?? self.node))
    }

    /// The raw node for a key; reports a missing required key at the mapping's position.
    func node(_ key: String, required: Bool = false) -> Node? {
        asked.append(key)
        guard let value = mapping[key] else {
            if required { error("missing required field '\(key)' in \(what)", at: node) }
            return nil
        }
        return value
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key, required: required) else { return nil }
        return text(value, key: key)
    }

    /// A scalar as trimmed text; null or blank values are reported as empty.
    func text(_ value: Node, key: String) -> String? {
        guard let scalar = value.scalar else {
            let hint = value.mapping != nil ? "; if the text contains a colon, put the whole text in double quotes" : ""
            error("expected text for '\(key)', found \(value.kindDescription)\(hint)", at: value)
            return nil
        }
        let trimmed = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(trimmed)) {
            error("empty value for '\(key)'; write the text after the colon or remove the line", at: value)
            return nil
        }
        return trimmed
    }

    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = node(key, required: required) else { return nil }
        guard let scalar = value.scalar, let number = Int(scalar.string) else {
            error("expected a whole number for '\(key)', found \(value.kindDescription)", at: value)
            return nil
        }
        if let range, !range.contains(number) {
            error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(number)", at: value)
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error("expected true or false for '\(key)', found \(value.kindDescription)", at: value)
            return nil
        }
    }

    /// The items of a list; an empty list is an error because it prints nothing.
    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let value = node(key, required: required) else { return nil }
        guard let sequence = value.sequence else {
            error("expected a list ('- item' lines) for '\(key)', found \(value.kindDescription)", at: value)
            return nil
        }
        if sequence.isEmpty {
            error("empty list for '\(key)'; add at least one item or remove the key", at: value)
            return nil
        }
        return Array(sequence)
    }

    func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let items = sequence(key, required: required) else { return nil }
        let texts = items.compactMap { text($0, key: key) }
        return texts.count == items.count ? texts : nil
    }

    /// Reports every key that was never asked for, suggesting the nearest known key.
    func finish() {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? ""
            guard !asked.contains(name) else { continue }
            error("unknown key '\(name)' in \(what)" + Suggestion.didYouMean(name, in: asked), at: key)
        }
    }
}

extension Node {
    var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string
            return text.isEmpty ? "an empty value" : "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .mapping: return "a set of 'key: value' lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
