import SwanDiagnostics

/// One problem found in a session file: where it is (a JSON path and, when known, a line and
/// column) and a message saying what was found and what was expected.
///
/// `description` reads `file: $.path: error: message`, followed by ` (line L, column C)`
/// when the position is known.
public struct SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is, for callers and tests that need to tell them apart.
    public enum Kind: String, Sendable, Equatable {
        case invalidUTF8
        case malformedJSON
        case wrongType
        case unknownKey
        case duplicateKey
        case missingKey
        case emptyValue
        case invalidDate
        case unsupportedVersion
        case unknownID
        case duplicateID
        case invalidValue
    }

    public var kind: Kind
    /// The file name (or other label) given to the decoder.
    public var source: String
    /// A JSONPath such as `$.ronde1.voorwaarden[2].id`.
    public var path: String
    public var message: String
    public var location: TextPosition?

    public init(kind: Kind, source: String, path: String, message: String, location: TextPosition? = nil) {
        self.kind = kind
        self.source = source
        self.path = path
        self.message = message
        self.location = location
    }

    public var description: String {
        var text = "\(source): \(path): error: \(message)"
        if let location { text += " (\(location))" }
        return text
    }
}

/// Every problem found in one session file, in the order they occur in the file.
public struct SessionErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [SessionError]

    public init(_ errors: [SessionError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension SessionError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] {
        [.worded(.error, message, at: SourceLocation(file: source, line: location?.line, column: location?.column, jsonPath: path))]
    }
}

extension SessionErrors: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { errors.flatMap(\.diagnostics) }
}

#if canImport(Foundation)
import Foundation

extension SessionError: LocalizedError {
    public var errorDescription: String? { description }
}

extension SessionErrors: LocalizedError {
    public var errorDescription: String? { description }
}
#endif
