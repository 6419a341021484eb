package import SwanDiagnostics

/// Texts printed on paper that are not card or form content, looked up by key from labels.yaml.
package struct Labels: Equatable, Sendable {
    package var file: String
    package var entries: [String: String]
    /// Where each label's text starts in labels.yaml, for messages.
    package var locations: [String: SourceLocation]

    package init(file: String, entries: [String: String], locations: [String: SourceLocation] = [:]) {
        self.file = file
        self.entries = entries
        self.locations = locations
    }

    package subscript(key: String) -> String? { entries[key] }

    /// The label with every "{name}" replaced; a missing key or value is an error naming labels.yaml.
    package func text(_ key: String, _ values: [String: String] = [:]) throws -> String {
        guard let template = entries[key] else {
            throw Diagnostic.deck(.missingLabel, ["key": "\(key)", "file": "\(file)"], at: SourceLocation(file: file))
        }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else {
                let filled = values.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
                throw Diagnostic.deck(.labelValueMissing, ["key": "\(key)", "file": "\(file)", "name": "\(name)"],
                                      at: locations[key] ?? SourceLocation(file: file),
                                      hints: [filled.isEmpty ? Message(DeckCode.labelFillsInNothing) : Message(DeckCode.labelFillsIn, ["names": "\(filled)"])])
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The {names} a label's text uses.
    package static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
