/// One problem found in any layer (deck files, session files, layout, rendering, command line):
/// its severity, where it is, what is wrong (a message by code), and hints on how to fix it.
/// Printed one way by `DiagnosticPrinter`, in the user's language.
package struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    package var severity: Severity
    package var location: SourceLocation?
    package var message: Message
    /// Said after the message: "did you mean 'title'?", "expected one of: …".
    package var hints: [Message]

    package init(_ severity: Severity, _ message: Message, at location: SourceLocation? = nil, hints: [Message] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hints = hints
    }

    package static func error<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:],
                                                   at location: SourceLocation? = nil, hints: [Message] = []) -> Diagnostic {
        Diagnostic(.error, Message(code, arguments), at: location, hints: hints)
    }

    package static func warning<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:],
                                                     at location: SourceLocation? = nil, hints: [Message] = []) -> Diagnostic {
        Diagnostic(.warning, Message(code, arguments), at: location, hints: hints)
    }

    /// The stable code of the message, the same in every language.
    package var code: String { message.code }

    /// The message and its hints, worded in the user's language, without location or severity.
    package var text: String { Catalogue.current.text(of: self) }

    /// The printed line: `file:line:column: error: message; hint`.
    package var description: String { DiagnosticPrinter.line(for: self) }
}

/// Several diagnostics at once: what a layer throws, so a run reports them all, then fails.
package struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// An error of an older or foreign kind that knows its diagnostics.
package protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
}

extension Diagnostic: DiagnosticConvertible {
    package var diagnostics: [Diagnostic] { [self] }
}

extension DiagnosticError: DiagnosticConvertible {}

/// Codes every layer may use.
package enum CommonCode: String, DiagnosticCode {
    /// An error no layer worded (from the system or a library): its own text.
    case unexpected = "error.unexpected"
    case didYouMean = "hint.did-you-mean"
    case expectedOneOf = "hint.expected-one-of"
    /// A value from the user's file too long to repeat whole: its start, "…" and its length.
    case cutValue = "value.cut"
    /// What a file read from standard input (`-`) is called where a message names it.
    case standardInput = "source.standard-input"
    /// What standard output (`-o -`) is called where a message names it.
    case standardOutput = "source.standard-output"
}

extension Diagnostic {
    /// The same diagnostic at `location` when it has none of its own.
    package func placed(at location: SourceLocation) -> Diagnostic {
        var placed = self
        if placed.location == nil { placed.location = location }
        return placed
    }

    /// The diagnostics of any thrown error: its own when it knows them, else one error with its text.
    package static func all(from error: Error) -> [Diagnostic] {
        if let convertible = error as? DiagnosticConvertible { return convertible.diagnostics }
        return [.error(CommonCode.unexpected, ["message": "\(error)"])]
    }
}

#if canImport(Foundation)
import Foundation

extension Diagnostic: LocalizedError {
    package var errorDescription: String? { description }
}

extension DiagnosticError: LocalizedError {
    package var errorDescription: String? { description }
}
#endif
