package import Foundation

/// The wording of every message in one language, read from `Messages/<language>.txt`:
///
///     # a comment
///     deck.unknown-key = unknown key '{key}'
///
/// One message per line, the code, '=', the text. `{name}` is a placeholder, `{{` and `}}` are
/// literal braces. A code missing from a catalogue is worded by the English one.
package struct Catalogue: Sendable {
    package let language: Language
    private let own: Table
    private let fallback: Table

    /// The codes and texts of a catalogue: given (tests), or a file's index (CatalogueIndex).
    private enum Table: Sendable {
        case entries([String: String])
        case file(text: String, index: CatalogueIndex)

        func template(_ code: String) -> String? {
            switch self {
            case .entries(let entries): entries[code]
            case .file(_, let index): index.template(code)
            }
        }
    }

    package init(language: Language, entries: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        own = .entries(entries)
        self.fallback = .entries(fallback)
    }

    /// Code -> text (the whole file parsed: for checks of the catalogue, not for wording).
    package var entries: [String: String] {
        switch own {
        case .entries(let entries): entries
        case .file(let text, _): Self.parse(text).entries
        }
    }

    /// Codes defined more than once (a mistake in the file; the last one wins).
    package var duplicates: [String] {
        switch own {
        case .entries: []
        case .file(let text, _): Self.parse(text).duplicates
        }
    }

    /// The catalogue of `language` from `folder`, falling back to English per code.
    package static func load(_ language: Language, from folder: URL) -> Catalogue {
        func read(_ language: Language) -> Table {
            let url = folder.appendingPathComponent("\(language.rawValue).txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return .entries([:]) }
            return .file(text: text, index: CatalogueIndex(text))
        }
        let own = read(language)
        return Catalogue(language: language, own: own, fallback: language == .english ? own : read(.english))
    }

    private init(language: Language, own: Table, fallback: Table) {
        self.language = language
        self.own = own
        self.fallback = fallback
    }

    /// The catalogue for this process: the one the application chose with `use(_:)` (its
    /// Workplace finds the catalogues from the environment, the working folder and the program
    /// path; tests choose the package's `Messages/`), else none: messages print their codes and
    /// values. Nothing here reads the process or knows where the sources were compiled.
    package static var current: Catalogue { Chosen.shared.get() }

    /// Words every later message in `language` from the catalogues in `folder` (nil: none found,
    /// messages then print their codes and values).
    package static func use(folder: URL?, language: Language) {
        Chosen.shared.set(folder.map { load(language, from: $0) } ?? Catalogue(language: language, entries: [:]))
    }

    /// The chosen catalogue, set once at start-up and read by every thread after.
    private final class Chosen: Sendable {
        static let shared = Chosen()
        private let chosen = LockedBox(Catalogue(language: .english, entries: [:]))

        func get() -> Catalogue { chosen.withLockedValue { $0 } }
        func set(_ catalogue: Catalogue) { chosen.withLockedValue { $0 = catalogue } }
    }

    static func parse(_ text: String) -> (entries: [String: String], duplicates: [String]) {
        var entries: [String: String] = [:]
        var duplicates: [String] = []
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let (code, value) = parseLine(Substring(bytes)) else { continue }
            if entries[code] != nil { duplicates.append(code) }
            entries[code] = value
        }
        return (entries, duplicates)
    }

    /// One line's code and text: nil for an empty line, a comment, or a line without '='.
    static func parseLine(_ bytes: ArraySlice<UInt8>) -> (code: String, value: String)? {
        parseLine(Substring(decoding: bytes, as: UTF8.self))
    }

    private static func parseLine(_ line: Substring) -> (code: String, value: String)? {
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
        return (trimmed[..<equals].trimmingSpaces(), trimmed[trimmed.index(after: equals)...].trimmingSpaces())
    }

    /// The raw text of a code, from this language or English; nil when neither has it.
    package func template(_ code: String) -> String? { own.template(code) ?? fallback.template(code) }

    /// A message worded: its template with every placeholder filled in.
    package func text(_ message: Message) -> String {
        guard let template = template(message.code) else {
            // No catalogue found (or an unknown code): still say everything we know.
            let values = message.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\(text($0.value))" }
            return ([message.code] + values).joined(separator: " ")
        }
        return Self.fill(template) { name in message.arguments[name].map(text) }
    }

    func text(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let value): value
        case .message(let message): text(message)
        }
    }

    /// The message and its hints, as printed after the severity.
    package func text(of diagnostic: Diagnostic) -> String {
        ([text(diagnostic.message)] + diagnostic.hints.map(text)).joined(separator: "; ")
    }

    package func word(_ severity: Severity) -> String { template(severity.code) ?? severity.rawValue }

    /// Replaces `{name}` by `value(name)` (left as is when nil); `{{` and `}}` are braces.
    /// Walked on UTF-8 bytes (braces are ASCII, never part of another character's bytes), and a
    /// template without braces, as most help texts, is returned as it is: walked by Character,
    /// filling was 3 % of the instructions of `swan invulblad` (issue 33).
    static func fill(_ template: String, _ value: (String) -> String?) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard template.utf8.contains(where: { $0 == open || $0 == close }) else { return template }
        let bytes = Array(template.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == open || byte == close, index + 1 < bytes.count, bytes[index + 1] == byte {
                result.append(byte)
                index += 2
            } else if byte == open, let end = bytes[(index + 1)...].firstIndex(of: close) {
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                result.append(contentsOf: (value(name) ?? "{\(name)}").utf8)
                index = end + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The placeholder names a template uses, for checking that translations keep them.
    package static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        _ = fill(template) { names.insert($0); return "" }
        return names
    }
}
