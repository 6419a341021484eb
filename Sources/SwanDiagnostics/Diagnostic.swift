/// One problem found in any layer (deck files, session files, layout, rendering, command line):
/// its severity, where it is, what is wrong (a message by code), and hints on how to fix it.
/// Printed one way by `DiagnosticPrinter`, in the user's language.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation?
    public var message: Message
    /// Said after the message: "did you mean 'title'?", "expected one of: …".
    public var hints: [Message]

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation? = nil, hints: [Message] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hints = hints
    }

    public static func error<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:],
                                                   at location: SourceLocation? = nil, hints: [Message] = []) -> Diagnostic {
        Diagnostic(.error, Message(code, arguments), at: location, hints: hints)
    }

    public static func warning<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:],
                                                     at location: SourceLocation? = nil, hints: [Message] = []) -> Diagnostic {
        Diagnostic(.warning, Message(code, arguments), at: location, hints: hints)
    }

    /// The stable code of the message, the same in every language.
    public var code: String { message.code }

    /// The message and its hints, worded in the user's language, without location or severity.
    public var text: String { Catalogue.current.text(of: self) }

    /// The message and its hints in English, whatever the locale (what tests compare).
    public var englishText: String { Catalogue.english.text(of: self) }

    /// The printed line in English, whatever the locale (what tests compare).
    public var englishLine: String { DiagnosticPrinter.line(for: self, catalogue: .english) }

    /// The printed line: `file:line:column: error: message; hint`.
    public var description: String { DiagnosticPrinter.line(for: self) }
}

/// Several diagnostics at once: what a layer throws, so a run reports them all, then fails.
public struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// An error of an older or foreign kind that knows its diagnostics.
public protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [self] }
}

extension DiagnosticError: DiagnosticConvertible {}

/// Codes every layer may use.
public enum CommonCode: String, DiagnosticCode {
    /// An error no layer worded (from the system or a library): its own text.
    case unexpected = "error.unexpected"
    case didYouMean = "hint.did-you-mean"
    case expectedOneOf = "hint.expected-one-of"
    /// A value from the user's file too long to repeat whole: its start, "…" and its length.
    case cutValue = "value.cut"
}

extension Diagnostic {
    /// The same diagnostic at `location` when it has none of its own.
    public func placed(at location: SourceLocation) -> Diagnostic {
        var placed = self
        if placed.location == nil { placed.location = location }
        return placed
    }

    /// The diagnostics of any thrown error: its own when it knows them, else one error with its text.
    public static func all(from error: Error) -> [Diagnostic] {
        if let convertible = error as? DiagnosticConvertible { return convertible.diagnostics }
        return [.error(CommonCode.unexpected, ["message": "\(error)"])]
    }
}

#if canImport(Foundation)
import Foundation

extension Diagnostic: LocalizedError {
    public var errorDescription: String? { description }
}

extension DiagnosticError: LocalizedError {
    public var errorDescription: String? { description }
}
#endif
