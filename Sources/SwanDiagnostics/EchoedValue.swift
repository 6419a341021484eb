/// A value from the user's file repeated in a message (a deck id, a field's state): a 50 MB value
/// must not become 50 MB of error output, so a long one is cut after its first characters and
/// its length is said instead.
package enum EchoedValue {
    /// Characters shown of a longer value.
    package static let maximumLength = 80

    package static func argument(_ value: String, limit: Int = maximumLength) -> MessageArgument {
        var count = 0
        var end = value.startIndex
        for index in value.indices {
            if count == limit { end = index; break }
            count += 1
            end = value.endIndex
        }
        if count < limit || end == value.endIndex { return .text(value) }
        return .message(Message(CommonCode.cutValue, ["excerpt": .text(String(value[..<end])), "length": .text(String(value.count))]))
    }
}
