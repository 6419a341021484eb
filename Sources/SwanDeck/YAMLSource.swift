import Foundation
import Yams
import SwanDiagnostics

/// One parsed YAML file of a deck: its root node and the path used in messages.
struct YAMLSource {
    let file: String
    let root: Node
    /// The file's lines, to explain mistakes libyaml does not see (nil for a node decoded alone).
    var diagnosis: YAMLDiagnosis? = nil

    func location(_ node: Node?) -> SourceLocation {
        location(mark: node?.mark)
    }

    func location(mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Reads and composes a YAML file; every problem becomes a Diagnostic with a position.
    static func load(_ url: URL, displayPath: String, referencedFrom reference: SourceLocation?) throws -> YAMLSource {
        let text = try SourceText.read(url, displayPath: displayPath, referencedFrom: reference)
        return try parse(text, file: displayPath)
    }

    static func parse(_ text: String, file: String) throws -> YAMLSource {
        let tabs = SourceText.checkIndentationTabs(text, file: file)
        if !tabs.isEmpty { throw DiagnosticError(tabs) }
        let root: Node?
        let diagnosis = YAMLDiagnosis(text: text, file: file)
        do {
            // Values are read as text and converted by the parsers, so no tag resolution (and none
            // of its regular expressions, a third of the load time) is needed.
            // The encoding is given: Yams' default reads the whole environment for every file
            // (YAMS_DEFAULT_ENCODING) to choose UTF-8, which a native String always is.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticError(translate(error, file: file, diagnosis: diagnosis))
        }
        guard let root else {
            throw Diagnostic.deck(.onlyComments, at: SourceLocation(file: file, line: 1, column: 1))
        }
        let joined = diagnosis.joinedLines(in: root)
        if !joined.isEmpty { throw DiagnosticError(joined) }
        return YAMLSource(file: file, root: root, diagnosis: diagnosis)
    }

    /// Turns Yams' errors into one-line messages with the position libyaml reported.
    /// libyaml's own problem texts ("mapping values are not allowed here") are English: those it is
    /// known to say are worded from the catalogues (YAMLProblemWords).
    private static func translate(_ error: YamlError, file: String, diagnosis: YAMLDiagnosis) -> [Diagnostic] {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if let explained = diagnosis.explain(problem: problem, context: context, mark: mark) { return explained }
            var hints = [Message(DeckCode.quoteText)]
            if let curly = diagnosis.curlyQuote(onLine: mark.line, before: Int.max) {
                hints = [Message(DeckCode.yamlCurlyQuotesHint, curly.message.arguments)]
            }
            if let context {
                return [.deck(.yamlSyntaxContext, ["problem": YAMLProblemWords.problem(problem),
                                                   "context": YAMLProblemWords.context(context.text)], at: at(mark), hints: hints)]
            }
            return [.deck(.yamlSyntax, ["problem": YAMLProblemWords.problem(problem)], at: at(mark), hints: hints)]
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return [.deck(.duplicateYamlKey, ["keys": "\(keys)"], at: at(context.mark))]
        case let .reader(problem, offset, _, _):
            return [.deck(.unreadableText, ["problem": "\(problem)", "offset": "\(offset ?? 0)"], at: start)]
        default:
            return [.deck(.yamlSyntax, ["problem": "\(error)"], at: start)]
        }
    }
}

/// Strict reading of one YAML mapping: typed fields, required fields, and unknown keys with suggestions.
final class MappingReader {
    let source: YAMLSource
    let node: Node
    let mapping: Node.Mapping
    private let what: MessageArgument
    private let diagnostics: Diagnostics
    private var asked: [String] = []

    /// Returns nil (after reporting) when the node is not a mapping.
    init?(_ node: Node, what: DeckCode, in source: YAMLSource, diagnostics: Diagnostics) {
        let what = MessageArgument.deck(what)
        guard let mapping = node.mapping else {
            let hints = source.diagnosis?.missingColonHint(for: node).map { [$0] } ?? []
            diagnostics.add(.expectedMapping, ["what": what, "found": node.kindDescription], at: source.location(node), hints: hints)
            return nil
        }
        self.source = source
        self.node = node
        self.mapping = mapping
        self.what = what
        self.diagnostics = diagnostics
    }

    func error(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:], at node: Node?, hints: [Message] = []) {
        diagnostics.add(code, arguments, at: source.location(node ?? self.node), hints: hints)
    }

    /// The raw node for a key; reports a missing required key at the mapping's position.
    func node(_ key: String, required: Bool = false) -> Node? {
        asked.append(key)
        guard let value = mapping[key] else {
            if required { error(.missingField, ["key": "\(key)", "what": what], at: node) }
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
            let hints = value.mapping != nil ? [Message(DeckCode.quoteColon)] : []
            error(.expectedText, ["key": "\(key)", "found": value.kindDescription], at: value, hints: hints)
            return nil
        }
        let bytes = scalar.string.utf8.count
        if bytes > DeckLimits.textSize {
            diagnostics.add(DeckLimits.tooLong(key, bytes: bytes, at: source.location(value)))
            return nil
        }
        let trimmed = scalar.string.trimmingSpacesAndNewlines()
        if trimmed.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(trimmed)) {
            if let commented = source.diagnosis?.commentedValue(at: value, key: key) {
                diagnostics.add(commented)
                return nil
            }
            error(.emptyValue, ["key": "\(key)"], at: value)
            return nil
        }
        return trimmed
    }

    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = node(key, required: required) else { return nil }
        guard let scalar = value.scalar, let number = Int(scalar.string) else {
            error(.expectedWholeNumber, ["key": "\(key)", "found": value.kindDescription], at: value)
            return nil
        }
        if let range, !range.contains(number) {
            error(.outOfRange, ["key": "\(key)", "low": "\(range.lowerBound)", "high": "\(range.upperBound)", "value": "\(number)"], at: value)
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
            error(.expectedBool, ["key": "\(key)", "found": value.kindDescription], at: value)
            return nil
        }
    }

    /// The items of a list; an empty list is an error because it prints nothing.
    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let value = node(key, required: required) else { return nil }
        guard let sequence = value.sequence else {
            error(.expectedList, ["key": "\(key)", "found": value.kindDescription], at: value)
            return nil
        }
        if sequence.isEmpty {
            error(.emptyList, ["key": "\(key)"], at: value)
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
            error(.unknownKey, ["key": "\(name)", "what": what], at: key, hints: Suggestion.hints(for: name, among: asked))
        }
    }
}

extension Node {
    /// What was found instead, worded for "…, found {found}".
    var kindDescription: MessageArgument {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string
            return text.isEmpty ? .deck(.foundEmpty) : .deck(.foundText, ["text": "\(text.count > 40 ? String(text.prefix(40)) + "…" : text)"])
        case .mapping: return .deck(.foundMapping)
        case .sequence: return .deck(.foundList)
        case .alias: return .deck(.foundAlias)
        }
    }
}
