import SwanDiagnostics

/// An object that passed the key checks: its members by key, where it is, and where it starts.
struct ObjectView {
    var members: [String: JSONNode]
    var path: JSONPath
    var offset: Int

    /// The member's value, or nil when it is absent or null (an empty optional field).
    func value(_ key: String) -> JSONNode? {
        guard let node = members[key] else { return nil }
        if case .null = node.value { return nil }
        return node
    }
}

extension SessionValidator {
    /// Checks that `node` is an object with only known keys, each once, and every required
    /// key present. Returns its members (the first of any duplicate) or nil if not an object.
    func object(_ node: JSONNode, _ path: JSONPath, _ table: SessionKeys.Table) -> ObjectView? {
        guard case .object(let list) = node.value else {
            report(.expectedObject, path, at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        var members: [String: JSONNode] = [:]
        var keyOffsets: [String: Int] = [:]
        // A member's path is made only for a message (every path is a new array).
        for member in list {
            if let first = keyOffsets[member.key] {
                report(.duplicateKey, path.appending(member.key), at: member.keyOffset, ["key": "\(member.key)"], firstAt: first)
                continue
            }
            keyOffsets[member.key] = member.keyOffset
            guard table.known.contains(member.key) else {
                report(.unknownKey, path.appending(member.key), at: member.keyOffset, ["key": "\(member.key)"],
                       hints: suggestion(for: member.key, among: table.known))
                continue
            }
            members[member.key] = member.value
        }
        for key in table.known where table.required.contains(key) && members[key] == nil {
            report(.missingKey, path, at: node.offset, ["key": "\(key)"])
        }
        return ObjectView(members: members, path: path, offset: node.offset)
    }

    /// A required text: present (else already reported), a string, and not blank.
    func requiredText(_ object: ObjectView, _ key: String) -> String? {
        guard let node = object.members[key] else { return nil }
        guard case .string(let text) = node.value else {
            report(.expectedString, object.path.appending(key), at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        if !text.contains(where: { !$0.isWhitespace }) {
            report(.emptyRequiredText, object.path.appending(key), at: node.offset,
                   ["key": "\(key)", "found": .message(text.isEmpty ? SessionCode.foundEmptyString : .foundWhitespace)])
            return nil
        }
        return text
    }

    /// An optional text: absent or null gives nil; an empty string is kept as it is.
    func optionalText(_ object: ObjectView, _ key: String) -> String? {
        guard let node = object.value(key) else { return nil }
        guard case .string(let text) = node.value else {
            report(.expectedString, object.path.appending(key), at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        return text
    }

    func optionalBool(_ object: ObjectView, _ key: String) -> Bool? {
        guard let node = object.value(key) else { return nil }
        guard case .bool(let flag) = node.value else {
            report(.expectedBool, object.path.appending(key), at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        return flag
    }

    func requiredBool(_ object: ObjectView, _ key: String) -> Bool? {
        guard let node = object.members[key] else { return nil }
        guard case .bool(let flag) = node.value else {
            report(.expectedBool, object.path.appending(key), at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        return flag
    }

    /// An optional list of strings: absent or null gives [].
    func textList(_ object: ObjectView, _ key: String) -> [String] {
        guard let node = object.value(key) else { return [] }
        return texts(node, object.path.appending(key))
    }

    func texts(_ node: JSONNode, _ path: JSONPath) -> [String] {
        guard case .array(let elements) = node.value else {
            report(.expectedStringList, path, at: node.offset, ["found": node.value.kindDescription])
            return []
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element.value else {
                report(.expectedString, path.appending(index), at: element.offset, ["found": element.value.kindDescription])
                continue
            }
            result.append(text)
        }
        return result
    }

    /// An optional list of objects: absent or null gives []; each element read by `item`.
    func list<Item>(_ object: ObjectView, _ key: String, item: (JSONNode, JSONPath) -> Item?) -> [Item] {
        guard let node = object.value(key) else { return [] }
        let path = object.path.appending(key)
        guard case .array(let elements) = node.value else {
            report(.expectedList, path, at: node.offset, ["found": node.value.kindDescription])
            return []
        }
        return elements.enumerated().compactMap { index, element in item(element, path.appending(index)) }
    }

    func requiredDate(_ object: ObjectView, _ key: String) -> SessionDate? {
        guard let node = object.members[key] else { return nil }
        return date(node, object.path.appending(key))
    }

    func date(_ node: JSONNode, _ path: JSONPath) -> SessionDate? {
        guard case .string(let text) = node.value else {
            report(.expectedDateString, path, at: node.offset, ["found": node.value.kindDescription])
            return nil
        }
        switch SessionDate.parse(text) {
        case .valid(let date):
            return date
        case .malformed:
            report(.malformedDate, path, at: node.offset, ["text": "\(text)"])
        case .impossible(let reason):
            report(.impossibleDate, path, at: node.offset, ["text": "\(text)", "reason": .message(reason)])
        }
        return nil
    }
}
