/// How bad a diagnostic is: an error stops the run (exit 1, no output file), a warning is said
/// and the run goes on, a note adds context to another diagnostic.
package enum Severity: String, Sendable, Hashable, CaseIterable {
    case error, warning, note

    /// The catalogue code of the word printed for this severity ("error", "fout").
    var code: String { "severity.\(rawValue)" }
}
