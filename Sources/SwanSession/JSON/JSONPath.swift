/// A JSONPath to one value in a document, rendered like `$.ronde1.voorwaarden[2].id`.
/// Keys that are not plain identifiers use bracket notation: `$.ronde3.interventies['organisatie-beleid']`.
struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    static let root = JSONPath()

    func appending(_ key: String) -> JSONPath { appending(Component.key(key)) }

    func appending(_ index: Int) -> JSONPath { appending(Component.index(index)) }

    /// One array made, not a one-element array and then their sum.
    private func appending(_ component: Component) -> JSONPath {
        var longer: [Component] = []
        longer.reserveCapacity(components.count + 1)
        longer += components
        longer.append(component)
        return JSONPath(components: longer)
    }

    var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where JSONPath.isIdentifier(key):
                text += "." + key
            case .key(let key):
                let escaped = key.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "'", with: "\\'")
                text += "['" + escaped + "']"
            }
        }
        return text
    }

    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0.isASCIILetter || ("0"..."9").contains($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
