import SwanDiagnostics

/// Texts printed on paper that are not card or form content, looked up by key from labels.yaml.
public struct Labels: Equatable, Sendable {
    public var file: String
    public var entries: [String: String]

    public init(file: String, entries: [String: String]) {
        self.file = file
        self.entries = entries
    }

    public subscript(key: String) -> String? { entries[key] }

    /// The label with every "{name}" replaced; a missing key or value is an error naming labels.yaml.
    public func text(_ key: String, _ values: [String: String] = [:]) throws -> String {
        guard let template = entries[key] else {
            throw Diagnostic.deck(.missingLabel, ["key": "\(key)", "file": "\(file)"], at: SourceLocation(file: file))
        }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else {
                throw Diagnostic.deck(.labelValueMissing, ["key": "\(key)", "file": "\(file)", "name": "\(name)"],
                                      at: SourceLocation(file: file))
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
