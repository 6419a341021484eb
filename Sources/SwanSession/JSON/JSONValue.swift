import SwanDiagnostics

/// A parsed JSON value together with the byte offset where it starts in the source,
/// so that every later error can point at a line and column.
struct JSONNode: Sendable {
    var value: JSONValue
    var offset: Int
}

/// One member of a JSON object, in document order.
struct JSONMember: Sendable {
    var key: String
    var keyOffset: Int
    var value: JSONNode
}

/// JSON values. Objects keep their members in document order; numbers keep their
/// source text so that `1` and `1.0` stay distinguishable.
enum JSONValue: Sendable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// How a value is named in error messages: "a string", "an array", ...
    /// What was found instead, worded for "…, found {found}".
    var kindDescription: MessageArgument {
        switch self {
        case .object: return .message(SessionCode.foundObject)
        case .array: return .message(SessionCode.foundArray)
        case .string: return .message(SessionCode.foundString)
        case .number(let text): return .message(SessionCode.foundNumber, ["number": "\(text)"])
        case .bool(let flag): return .message(SessionCode.foundBoolean, ["value": "\(flag)"])
        case .null: return .message(SessionCode.foundNull)
        }
    }
}
