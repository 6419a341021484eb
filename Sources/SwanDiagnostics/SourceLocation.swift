/// Where a diagnostic points: a file, and when known a 1-based line and column (as editors count
/// them) and, for JSON files, the path of the value (`$.ronde1.voorwaarden[2].id`).
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var jsonPath: String?

    package init(file: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    /// How every layer names standard input (`-`, as the user typed it): worded in the user's
    /// language only where a message is printed (`text(in:)`, `FileError`).
    package static let standardInput = "-"

    /// Whether `file` is standard input, or a file inside it (`- (sessie.json)`, an attachment
    /// of a PDF read from standard input).
    package static func isStandardInput(_ file: String) -> Bool {
        file == standardInput || file.hasPrefix(standardInput + " (")
    }

    /// `file:line:column`, then `: $.path` for a JSON value, the form editors jump to.
    package var description: String { text(file: file) }

    /// The same, with standard input named in `catalogue`'s words ("standaardinvoer").
    package func text(in catalogue: Catalogue) -> String {
        // With no catalogue, `-` as typed rather than the code.
        guard Self.isStandardInput(file), let name = catalogue.template(CommonCode.standardInput.rawValue) else { return description }
        return text(file: name + file.dropFirst(Self.standardInput.count))
    }

    private func text(file: String) -> String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let jsonPath { text += ": \(jsonPath)" }
        return text
    }
}
