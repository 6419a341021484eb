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

    /// How every layer names standard input: a value no path can be (no path holds a NUL), so
    /// that a file named `-` or `- (x).json` is never worded as standard input. Printed as `-`
    /// (`description`), or in the user's language (`text(in:)`, `FileError`).
    package static let standardInput = "\u{0}-"

    /// Whether `file` is standard input, or a file inside it (`- (sessie.json)`, an attachment
    /// of a PDF read from standard input).
    package static func isStandardInput(_ file: String) -> Bool {
        file == standardInput || file.hasPrefix(standardInput + " (")
    }

    /// `file:line:column`, then `: $.path` for a JSON value, the form editors jump to; standard
    /// input as `-`, as the user typed it.
    package var description: String { text(file: named("-")) }

    /// The same, with standard input named in `catalogue`'s words ("standaardinvoer").
    package func text(in catalogue: Catalogue) -> String {
        // With no catalogue, `-` as typed rather than the code.
        guard let name = catalogue.template(CommonCode.standardInput.rawValue) else { return description }
        return text(file: named(name))
    }

    /// `file` with standard input called `name`.
    private func named(_ name: String) -> String {
        Self.isStandardInput(file) ? name + file.dropFirst(Self.standardInput.count) : file
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
