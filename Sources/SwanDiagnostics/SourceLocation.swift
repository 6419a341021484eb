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

    /// `file:line:column`, then `: $.path` for a JSON value, the form editors jump to.
    package var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let jsonPath { text += ": \(jsonPath)" }
        return text
    }
}
