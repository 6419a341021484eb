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
    var kindDescription: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number(let text): return "a number (\(text))"
        case .bool(let flag): return "a boolean (\(flag))"
        case .null: return "null"
        }
    }
}
