import Foundation
package import SwanDiagnostics
import Yams

/// One key a deck's layout file lacks, taken from swan's own deck.
package struct FilledLayoutKey: Sendable, Equatable {
    /// Where it is in the file ("printShop.profile").
    package var path: [String]
    /// The mapping it was added to, in the deck's file (the file alone for a top-level key).
    package var location: SourceLocation
    /// The key in the shipped file, and its line there as written (the line to add).
    package var shippedLocation: SourceLocation
    package var shippedLine: String
}

extension LayoutFile {
    /// This layout with every key that decoding it as `type` needs and that the deck lacks
    /// entirely taken from `shipped` (the same layout file of swan's own deck), and those keys.
    /// Optional keys are taken only in the mappings `optionalIn` names (dotted paths): those that
    /// are optional so that a deck can do without them while the documents need them (the print-
    /// shop file's press); elsewhere leaving a key out has a meaning (no name particles, no
    /// miniatures, a style's defaults) and stays as the deck has it.
    /// A key the deck misspelt, a value of the wrong type, a key inside a list, or
    /// one the shipped file lacks too is left alone: decoding then fails as before.
    /// `shipped` is asked for only when the deck lacks a key.
    package func filled<T: Decodable>(as type: T.Type, optionalIn: Set<String> = [], from shippedLayout: () -> LayoutFile?) -> (layout: LayoutFile, keys: [FilledLayoutKey]) {
        var root = node
        var keys: [FilledLayoutKey] = []
        guard !Self.keysWanted(type, optionalIn: optionalIn, in: root).isEmpty, let shipped = shippedLayout() else { return (self, []) }
        let shippedLines = (try? String(contentsOfFile: shipped.path, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false)
        // Each round adds at least one key of the shipped file, so it ends within its key count.
        for _ in 0...Self.keyCount(shipped.node) {
            let wanted = Self.keysWanted(type, optionalIn: optionalIn, in: root).filter { path in !keys.contains { $0.path == path } }
            var added = false
            for path in wanted {
                guard let (shippedKey, shippedValue) = Self.pair(at: path, in: shipped.node),
                      let parent = Self.node(at: path.dropLast(), in: root), let mapping = parent.mapping,
                      !Self.misspells(path.last!, in: mapping, shipped: Self.node(at: path.dropLast(), in: shipped.node)),
                      let inserted = Self.inserting(shippedKey, shippedValue, at: path[...], into: root)
                else { continue }
                root = inserted
                added = true
                let line = shippedKey.mark.flatMap { mark in shippedLines.flatMap { $0.indices.contains(mark.line - 1) ? String($0[mark.line - 1]) : nil } }
                keys.append(FilledLayoutKey(
                    path: path,
                    location: path.count == 1 ? SourceLocation(file: self.path) : YAMLSource(file: self.path, root: root).location(parent),
                    shippedLocation: YAMLSource(file: shipped.path, root: shipped.node).location(shippedKey),
                    shippedLine: line.map(Self.withoutComment) ?? path.last!))
            }
            if !added { break }
        }
        return (LayoutFile(name: name, path: path, node: root), keys)
    }

    /// The keys decoding `type` from `root` asks for and does not find: the first required one it
    /// stops at, or, when it decodes, the optional ones of the mappings `optionalIn` names.
    private static func keysWanted<T: Decodable>(_ type: T.Type, optionalIn: Set<String>, in root: Node) -> [[String]] {
        let tracker = KeyTracker(recordingAbsentKeysIn: optionalIn)
        do {
            _ = try NodeDecoder(node: root, codingPath: [], tracker: tracker).decodeValue(type)
            return tracker.absentKeys
        } catch let DecodingError.keyNotFound(key, context) {
            let path = context.codingPath + [key]
            guard path.allSatisfy({ $0.intValue == nil }) else { return [] }
            return [path.map(\.stringValue)]
        } catch {
            return []
        }
    }

    /// A key the deck left out because it wrote it differently (a near miss of a key the shipped
    /// file does not have) is a mistake to report, not a key to fill.
    private static func misspells(_ key: String, in mapping: Node.Mapping, shipped: Node?) -> Bool {
        let known = Set(shipped?.mapping?.keys.compactMap(\.string) ?? [])
        let unknown = Array(mapping.keys.compactMap(\.string).filter { !known.contains($0) })
        return Suggestion.closest(to: key, among: unknown) != nil
    }

    private static func node(at path: ArraySlice<String>, in root: Node) -> Node? {
        var current = root
        for key in path {
            guard let child = current.mapping?[key] else { return nil }
            current = child
        }
        return current
    }

    private static func pair(at path: [String], in root: Node) -> (key: Node, value: Node)? {
        guard let parent = node(at: path.dropLast()[...], in: root)?.mapping else { return nil }
        return parent.first { $0.key.string == path.last }
    }

    /// `root` with `key: value` added at `path` (its mappings exist down to the last key's parent).
    private static func inserting(_ key: Node, _ value: Node, at path: ArraySlice<String>, into root: Node) -> Node? {
        guard var mapping = root.mapping, let first = path.first else { return nil }
        if path.count == 1 {
            mapping[key] = value
        } else {
            guard let child = mapping[first], let changed = inserting(key, value, at: path.dropFirst(), into: child) else { return nil }
            mapping[first] = changed
        }
        return .mapping(mapping)
    }

    private static func keyCount(_ node: Node) -> Int {
        var count = 0
        var pending = [node]
        while let next = pending.popLast() {
            if let mapping = next.mapping { count += mapping.count; pending += mapping.values }
            if let sequence = next.sequence { pending += sequence }
        }
        return count
    }

    /// The shipped line without its trailing comment (a Dutch note on why the value is what it is).
    package static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous.isWhitespace {
                return String(line[..<index]).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
