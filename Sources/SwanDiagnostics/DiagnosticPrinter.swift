import Foundation

/// Prints diagnostics the one way every layer's problems are shown, one line each, the form
/// compilers use so editors can jump to the place:
///
///     cards/ronde-1.yaml:12:5: error: unknown key 'titel'; did you mean 'title'?
///     sessie.json:3:12: $.datum: error: impossible date '2025-02-30': …
///     warning: card 'x' (front): no font has 'ツ' (U+30C4)
package enum DiagnosticPrinter {
    package static func line(for diagnostic: Diagnostic, catalogue: Catalogue = .current) -> String {
        let severity = "\(catalogue.word(diagnostic.severity)): \(catalogue.text(of: diagnostic))"
        guard let location = diagnostic.location else { return severity }
        return "\(location.text(in: catalogue)): \(severity)"
    }

    package static func lines(for diagnostics: [Diagnostic], catalogue: Catalogue = .current) -> [String] {
        diagnostics.map { line(for: $0, catalogue: catalogue) }
    }

    /// Writes every diagnostic to standard error, in the order given, control characters of
    /// quoted user text escaped (TerminalText).
    package static func print(_ diagnostics: [Diagnostic], catalogue: Catalogue = .current) {
        guard !diagnostics.isEmpty else { return }
        let text = lines(for: diagnostics, catalogue: catalogue).map(TerminalText.escaped).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
