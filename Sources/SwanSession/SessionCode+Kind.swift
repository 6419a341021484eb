import SwanDiagnostics

extension SessionCode {
    /// What kind of problem a code is, for callers and tests that need to tell them apart.
    package enum Kind: String, Sendable, Equatable {
        case invalidUTF8, malformedJSON, wrongType, unknownKey, duplicateKey, missingKey, emptyValue
        case invalidDate, unsupportedVersion, unknownID, duplicateID, invalidValue, wording
    }

    package var kind: Kind {
        switch self {
        case .utf8BadLead, .utf8BadSequence, .utf8Truncated, .utf8Overlong, .utf8BadContinuation, .saveAsUtf8: .invalidUTF8
        case .unsupportedVersion: .unsupportedVersion
        case .unknownKey: .unknownKey
        case .duplicateKey: .duplicateKey
        case .missingKey: .missingKey
        case .emptyRequiredText: .emptyValue
        case .malformedDate, .impossibleDate: .invalidDate
        case .unknownId: .unknownID
        case .duplicateId: .duplicateID
        case .unknownWeging, .evaluatieBeforeDatum, .jsonTextTooLong: .invalidValue
        case .expectedVersion, .expectedWeging, .expectedLevels, .expectedKeuze, .expectedId, .expectedObject, .expectedString,
             .expectedBool, .expectedStringList, .expectedList, .expectedDateString: .wrongType
        default: rawValue.hasPrefix("session.json-") ? .malformedJSON : .wording
        }
    }
}

extension Diagnostic {
    /// The kind of a session file's problem (nil for other diagnostics).
    package var sessionKind: SessionCode.Kind? { SessionCode(rawValue: code)?.kind }

    /// The JSON path of the value a diagnostic is about (`$.ronde1.voorwaarden[2].id`).
    package var jsonPath: String? { location?.jsonPath }
}

extension Message {
    init(_ code: SessionCode, _ arguments: [String: MessageArgument] = [:]) { self.init(code: code.rawValue, arguments: arguments) }
}

extension MessageArgument {
    static func message(_ code: SessionCode, _ arguments: [String: MessageArgument] = [:]) -> MessageArgument {
        .message(Message(code, arguments))
    }
}
