import SwanDiagnostics

/// Collects problems while parsing keeps going past the first bad file or card, so a
/// coordinator can fix them all at once.
final class Diagnostics {
    private(set) var errors: [Diagnostic] = []

    func add(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:], at location: SourceLocation?,
             hints: [Message] = []) {
        errors.append(.error(code, arguments, at: location, hints: hints))
    }

    func add(_ error: Diagnostic) { errors.append(error) }

    var isEmpty: Bool { errors.isEmpty }
}

extension Diagnostic {
    /// An error of the deck layer.
    static func deck(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:], at location: SourceLocation?,
                     hints: [Message] = []) -> Diagnostic {
        .error(code, arguments, at: location, hints: hints)
    }
}

extension Message {
    init(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:]) { self.init(code: code.rawValue, arguments: arguments) }
}

extension MessageArgument {
    static func deck(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:]) -> MessageArgument {
        .message(Message(code, arguments))
    }
}
