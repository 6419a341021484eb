/// A stable code naming one kind of message; the catalogues (Messages/<language>.txt) hold its
/// wording per language. Each layer declares its codes as an enum, so a test can check that every
/// code has an entry in every catalogue.
public protocol DiagnosticCode: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// A message before it is worded: a code and the values of its placeholders. It is worded in the
/// user's language only when printed.
public struct Message: Sendable, Hashable {
    public var code: String
    public var arguments: [String: MessageArgument]

    public init(code: String, arguments: [String: MessageArgument] = [:]) {
        self.code = code
        self.arguments = arguments
    }

    public init<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:]) {
        self.init(code: code.rawValue, arguments: arguments)
    }
}

/// The value of a placeholder: text as is (a name, a number, a file), or a message worded in
/// the same language (such as "a list" in "expected a string, found a list").
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringInterpolation {
    case text(String)
    case message(Message)

    public init(stringLiteral value: String) { self = .text(value) }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .text(String(stringInterpolation: stringInterpolation))
    }

    public init(_ value: some CustomStringConvertible) { self = .text(value.description) }

    public static func message<Code: DiagnosticCode>(_ code: Code, _ arguments: [String: MessageArgument] = [:]) -> MessageArgument {
        .message(Message(code, arguments))
    }
}
