/// A stable code naming one kind of message; the catalogues (Messages/<language>.txt) hold its
/// wording per language. Each layer declares its codes as an enum, so a test can check that every
/// code has an entry in every catalogue.
package protocol DiagnosticCode: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// A message before it is worded: a code and the values of its placeholders. It is worded in the
/// user's language only when printed.
package struct Message: Sendable, Hashable {
    package var code: String
    package var arguments: [String: MessageArgument]

    package init(code: String, arguments: [String: MessageArgument] = [:]) {
        self.code = code
        self.arguments = arguments
    }

    package init<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:]) {
        self.init(code: code.rawValue, arguments: arguments)
    }
}

/// The value of a placeholder: text as is (a name, a number, a file), or a message worded in
/// the same language (such as "a list" in "expected a string, found a list").
package indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringInterpolation {
    case text(String)
    case message(Message)

    package init(stringLiteral value: String) { self = .text(value) }

    package init(stringInterpolation: DefaultStringInterpolation) {
        self = .text(String(stringInterpolation: stringInterpolation))
    }

    package init(_ value: some CustomStringConvertible) { self = .text(value.description) }

    package static func message<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:]) -> MessageArgument {
        .message(Message(code, arguments))
    }
}
