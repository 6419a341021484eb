package import SwanDiagnostics
import Yams

/// The values a layout file may hold, checked when it is read (and so by `swan check`), each
/// refusal at its file:line:column. Every number is finite and between 0 and 10,000; a few
/// names have tighter ranges (Templates/README.md lists them). Relations between values (margins
/// inside the page, a card on its sheet) are checked by the documents that own them.
enum LayoutValueRules {
    struct Range { let low: Double; let lowIncluded: Bool; let high: Double }

    static let general = Range(low: 0, lowIncluded: true, high: 10_000)
    private static func positive(_ high: Double) -> Range { Range(low: 0, lowIncluded: false, high: high) }
    private static func atLeast(_ low: Double, _ high: Double) -> Range { Range(low: low, lowIncluded: true, high: high) }

    /// By the name of the key (for list items: the list's key).
    static let named: [String: Range] = [
        // Sizes of the page, the card, boxes, lines: more than zero.
        "width": atLeast(0.05, 10_000), "height": atLeast(0.05, 10_000), "widths": atLeast(1, 10_000), "ruleLength": atLeast(0.05, 10_000),
        // Font sizes and line distances, in points: from 1 pt (a footnote is 7) to poster size.
        "size": atLeast(1, 400), "leading": atLeast(1, 500), "numeralSize": atLeast(1, 400),
        // Image resolution.
        "dpi": Range(low: 10, lowIncluded: true, high: 1_200), "contactSheetDpi": Range(low: 10, lowIncluded: true, high: 1_200),
        // Counts.
        "contactSheetColumns": positive(100), "rows": positive(100), "captionLines": positive(100), "paragraphs": positive(100),
        // Scales and tints.
        "minimumScale": Range(low: 0.1, lowIncluded: true, high: 1), "largestScale": positive(10), "centreScale": positive(10),
        "hoofdvraagTint": Range(low: 0, lowIncluded: true, high: 1), "numeralTint": Range(low: 0, lowIncluded: true, high: 1),
        "filledLineFactor": positive(10), "maximum": positive(10_000),
        // Justified text: spaces never shrink to nothing; letters move at most a tenth of an em.
        "wordStretch": Range(low: 0, lowIncluded: true, high: 2), "wordShrink": Range(low: 0, lowIncluded: true, high: 0.9),
        "letterSpacing": Range(low: 0, lowIncluded: true, high: 0.1),
    ]

    /// How many values one file may hold, each alias counted every time it is used: a real layout
    /// has a few hundred; an alias bomb ("billion laughs") would otherwise be walked for ever.
    static let valueLimit = 100_000

    static func problems(in root: Node, source: YAMLSource) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var budget = valueLimit
        walk(root, key: nil, path: "", source: source, budget: &budget, into: &found)
        if budget < 0 {
            found.append(.deck(.layoutTooManyValues, ["limit": "\(valueLimit)"], at: source.location(root)))
        }
        return found
    }

    private static func walk(_ node: Node, key: String?, path: String, source: YAMLSource, budget: inout Int, into found: inout [Diagnostic]) {
        budget -= 1
        guard budget >= 0 else { return }
        switch node {
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                guard let name = keyNode.string else { continue }
                walk(value, key: name, path: path.isEmpty ? name : "\(path).\(name)", source: source, budget: &budget, into: &found)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() { walk(item, key: key, path: "\(path)[\(index)]", source: source, budget: &budget, into: &found) }
        case .scalar(let scalar):
            guard scalar.style == .plain, let key, let value = number(scalar.string) else { return }
            let range = named[key] ?? general
            let below = range.lowIncluded ? value < range.low : value <= range.low
            if !value.isFinite || below || value > range.high {
                found.append(.deck(range.lowIncluded ? .layoutOutOfRange : .layoutOutOfRangeAbove,
                                   ["path": "\(path)", "value": "\(scalar.string)", "low": "\(format(range.low))", "high": "\(format(range.high))"],
                                   at: source.location(node)))
            }
        default:
            return
        }
    }

    /// Plain scalars that read as numbers (as the decoder reads them), including inf and nan.
    private static func number(_ text: String) -> Double? {
        guard let first = text.unicodeScalars.first, "0123456789+-.in".unicodeScalars.contains(first) else { return nil }
        return Double(text)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension Deck {
    /// Where a value of layout/<name>.yaml is written (`path` like ["margins", "left"]), for
    /// errors about relations between values; the file's start when the key is not there.
    package func layoutLocation(_ name: String, _ path: [String]) -> SourceLocation? {
        guard let layout = layouts[name] ?? (try? layoutFile(name)) else { return nil }
        var node = layout.node
        for key in path {
            guard let child = node.mapping?[key] else { break }
            node = child
        }
        return YAMLSource(file: layout.path, root: layout.node).location(node)
    }
}
