import SwanDiagnostics

/// One problem found while reading a deck, printed like a compiler error so editors can jump to it.
public struct DeckError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

extension DeckError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [.worded(.error, message, at: location)] }
}

extension DeckErrors: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { errors.flatMap(\.diagnostics) }
}

/// Every problem found in one run, so a coordinator can fix them all at once.
public struct DeckErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [DeckError]

    public init(_ errors: [DeckError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects errors while parsing keeps going past the first bad file or card.
final class Diagnostics {
    private(set) var errors: [DeckError] = []

    func add(_ message: String, at location: SourceLocation?) {
        errors.append(DeckError(message, at: location))
    }

    func add(_ error: DeckError) { errors.append(error) }

    var isEmpty: Bool { errors.isEmpty }
}
