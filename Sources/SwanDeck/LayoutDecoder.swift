import Foundation
import Yams
import SwanDiagnostics

extension Deck {
    /// Decodes layout/<name>.yaml into any Decodable type, strictly: type errors, missing keys and
    /// unknown keys are reported as file:line:column errors (thrown as a DiagnosticError).
    /// A type's own `init(from:)` may refuse a value by throwing `DecodingError.dataCorrupted`
    /// with a `Diagnostic` as its underlying error: it is reported at the value's line and column.
    package func decodeLayout<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let layout = try layoutFile(name) else {
            let known = (Array(layouts.keys) + unreadLayouts.keys).sorted()
            throw DiagnosticError([.deck(.noLayoutFile, ["name": "\(name)"],
                                         at: SourceLocation(file: directory.appendingPathComponent("layout").path),
                                         hints: Suggestion.hints(for: name, among: known))])
        }
        return try LayoutDecoding.decode(type, from: layout.node, file: layout.path)
    }

    /// layout/<name>.yaml as read at load, or read now when the command's DeckParts left it out
    /// (a document that reads a layout its registry entry does not list); nil when there is none.
    package func layoutFile(_ name: String) throws -> LayoutFile? {
        if let layout = layouts[name] { return layout }
        guard let path = unreadLayouts[name] else { return nil }
        do {
            let source = try YAMLSource.load(URL(fileURLWithPath: path), displayPath: path, referencedFrom: nil)
            return LayoutFile(name: name, path: source.file, node: source.root)
        } catch {
            throw DiagnosticError(Diagnostic.all(from: error))
        }
    }
}

enum LayoutDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from root: Node, file: String) throws -> T {
        let tracker = KeyTracker()
        let source = YAMLSource(file: file, root: root)
        // Values out of range are reported with the first type error, so one run shows them all.
        let outOfRange = LayoutValueRules.problems(in: root, source: source)
        do {
            let value = try NodeDecoder(node: root, codingPath: [], tracker: tracker).decodeValue(type)
            let problems = tracker.unknownKeys(source: source) + outOfRange
            if !problems.isEmpty { throw DiagnosticError(problems) }
            return value
        } catch let error as DecodingError {
            throw DiagnosticError([translate(error, root: root, source: source)] + outOfRange)
        }
    }

    /// Walks the coding path back to the YAML node so the error points at the right line.
    static func node(at path: [CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let child = current.mapping?[key.stringValue] {
                current = child
            } else {
                break
            }
        }
        return current
    }

    private static func translate(_ error: DecodingError, root: Node, source: YAMLSource) -> Diagnostic {
        func name(_ path: [CodingKey]) -> String { path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case let .keyNotFound(key, context):
            let mapping = node(at: context.codingPath, in: root)
            let present = mapping.mapping?.keys.compactMap(\.string) ?? []
            let hints = Suggestion.closest(to: key.stringValue, among: present).map { [Message(DeckCode.misspelt, ["candidate": "\($0)"])] } ?? []
            if context.codingPath.isEmpty {
                return .deck(.layoutMissingField, ["key": "\(key.stringValue)"], at: source.location(mapping), hints: hints)
            }
            return .deck(.layoutMissingFieldIn, ["key": "\(key.stringValue)", "path": "\(name(context.codingPath))"],
                         at: source.location(mapping), hints: hints)
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let found = node(at: context.codingPath, in: root)
            if var refused = context.underlyingError as? Diagnostic {
                refused.location = source.location(found)
                return refused
            }
            let expected: MessageArgument = DeckCode(rawValue: context.debugDescription).map { .deck($0) } ?? .text(context.debugDescription)
            return .deck(.layoutWrongValue, ["path": "\(name(context.codingPath))", "expected": expected, "found": found.kindDescription],
                         at: source.location(found))
        @unknown default:
            return .error(CommonCode.unexpected, ["message": "\(error)"], at: source.location(root))
        }
    }
}

/// Records which keys the decoded type asked for in each mapping, to report the others as unknown.
final class KeyTracker {
    private var mappings: [(path: String, node: Node, asked: Set<String>)] = []
    private var indexByPath: [String: Int] = [:]
    /// The mappings (dotted paths) whose optional keys the deck leaves out are recorded.
    let recordsAbsentKeysIn: Set<String>
    /// Those keys, in the order asked.
    private(set) var absentKeys: [[String]] = []

    init(recordingAbsentKeysIn paths: Set<String> = []) { recordsAbsentKeysIn = paths }

    func absent(_ path: [CodingKey], key: String) {
        guard !recordsAbsentKeysIn.isEmpty, recordsAbsentKeysIn.contains(Self.key(path)) else { return }
        absentKeys.append(path.map(\.stringValue) + [key])
    }

    func register(_ path: [CodingKey], node: Node) {
        let key = Self.key(path)
        if indexByPath[key] == nil {
            indexByPath[key] = mappings.count
            mappings.append((key, node, []))
        }
    }

    func ask(_ path: [CodingKey], key: String) {
        if let index = indexByPath[Self.key(path)] { mappings[index].asked.insert(key) }
    }

    func unknownKeys(source: YAMLSource) -> [Diagnostic] {
        mappings.flatMap { entry -> [Diagnostic] in
            let asked = entry.asked.sorted()
            return (entry.node.mapping ?? [:]).keys.compactMap { key in
                guard let name = key.string, !entry.asked.contains(name) else { return nil }
                let hints = Suggestion.hints(for: name, among: asked)
                if entry.path.isEmpty { return .deck(.layoutUnknownKey, ["key": "\(name)"], at: source.location(key), hints: hints) }
                return .deck(.layoutUnknownKeyIn, ["key": "\(name)", "path": "\(entry.path)"], at: source.location(key), hints: hints)
            }
        }
    }

    private static func key(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [CodingKey]
    let tracker: KeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = node.mapping else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: DeckCode.expectMapping.rawValue))
        }
        tracker.register(codingPath, node: node)
        return KeyedDecodingContainer(KeyedContainer<Key>(mapping: mapping, decoder: self))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard let sequence = node.sequence else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: DeckCode.expectList.rawValue))
        }
        return UnkeyedContainer(items: Array(sequence), decoder: self)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    func child(_ node: Node, _ key: CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], tracker: tracker)
    }

    var isNull: Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Scalars are parsed here; everything else goes through the type's own init(from:).
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        // The expected kind travels as its message code in the DecodingError's description.
        func scalar(_ what: DeckCode) throws -> String {
            guard let scalar = node.scalar, !isNull else {
                throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: what.rawValue))
            }
            return scalar.string
        }
        func number<N>(_ parse: (String) -> N?, _ what: DeckCode) throws -> T {
            guard let value = parse(try scalar(what)) else {
                throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: what.rawValue))
            }
            return value as! T
        }
        switch type {
        case is String.Type: return try scalar(.expectText) as! T
        case is Double.Type: return try number({ Double($0) }, .expectNumber)
        case is Float.Type: return try number({ Float($0) }, .expectNumber)
        case is Int.Type: return try number({ Int($0) }, .expectWholeNumber)
        case is Bool.Type:
            return try number({ ["true": true, "yes": true, "false": false, "no": false][$0.lowercased()] }, .expectBool)
        default: return try T(from: self)
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let mapping: Node.Mapping
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) } }

    private func value(_ key: Key) throws -> NodeDecoder {
        decoder.tracker.ask(codingPath, key: key.stringValue)
        guard let node = mapping[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key"))
        }
        return decoder.child(node, key)
    }

    func contains(_ key: Key) -> Bool {
        decoder.tracker.ask(codingPath, key: key.stringValue)
        let present = mapping[key.stringValue] != nil
        if !present { decoder.tracker.absent(codingPath, key: key.stringValue) }
        return present
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decodeValue(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try value(key).unkeyedContainer() }
    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { try value(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [Node]
    let decoder: NodeDecoder
    var currentIndex = 0
    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: DeckCode.expectMoreItems.rawValue))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], IndexKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.child(items[currentIndex], IndexKey(intValue: currentIndex)).isNull else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
