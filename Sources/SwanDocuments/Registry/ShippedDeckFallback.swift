/// A deck copied from an older release (a translation) lacks the labels and layout fields added
/// since. What the documents need and the deck lacks entirely is taken from swan's own deck (the
/// shipped wording, the shipped value), with a warning per key naming the file and the line to
/// add, so the deck still prints the evening after an update. A misspelt key, a wrong value or a
/// syntax error is no lack: it fails as before; so does everything when swan's own deck is not found.
import Foundation
package import SwanDeck
package import SwanDiagnostics

package enum ShippedDeckFallback {
    /// `deck` with every label, output name, layout file and layout field its documents need
    /// and it lacks taken from `shipped` (asked for only then; nil when it cannot be found or read).
    package static func complete(_ deck: Deck, shipped: () -> Deck?) -> Warned<Deck> {
        var loaded: Deck??
        func shippedDeck() -> Deck? {
            if loaded == nil { loaded = .some(shipped()) }
            return loaded!
        }
        var completed = deck
        var warnings: [Diagnostic] = []
        let documents = DocumentRegistry.documents.filter { $0.isIn(deck) }

        let labelKeys = unique(documents.flatMap { $0.labels.map(\.name) + $0.outputs.map(\.key) })
        let lacking = labelKeys.filter { deck.labels[$0] == nil }
        if !lacking.isEmpty, let shipped = shippedDeck() {
            let (labels, labelWarnings) = filledLabels(deck.labels, lacking: lacking, from: shipped.labels)
            completed.labels = labels
            warnings += labelWarnings
        }

        var checked = Set<String>()
        for requirement in documents.flatMap(\.layouts) where checked.insert(requirement.name).inserted {
            let name = requirement.name
            // A layout the command does not use is left unread (DeckParts), and so is its lack.
            guard deck.unreadLayouts[name] == nil else { continue }
            guard let layout = deck.layouts[name] else {
                guard let file = shippedDeck()?.layouts[name] else { continue }
                completed.layouts[name] = file
                warnings.append(.warning(DeckCode.layoutFileFromShipped, ["name": "\(name)", "shipped": "\(file.path)"],
                                         at: SourceLocation(file: deck.directory.appendingPathComponent("layout").path)))
                continue
            }
            let (filled, keys) = requirement.fill(layout) { shippedDeck()?.layouts[name] }
            completed.layouts[name] = filled
            warnings += keys.map { key in
                var arguments: [String: MessageArgument] = ["path": "\(key.path.joined(separator: "."))",
                                                            "line": "\(key.shippedLine)", "shipped": "\(SourceLocation(file: key.shippedLocation.file, line: key.shippedLocation.line))"]
                guard key.path.count > 1 else { return .warning(DeckCode.layoutFromShipped, arguments, at: key.location) }
                arguments["parent"] = "\(key.path.dropLast().joined(separator: "."))"
                return .warning(DeckCode.layoutFromShippedIn, arguments, at: key.location)
            }
        }
        return Warned(completed, warnings: warnings)
    }

    /// The labels with the lacking keys of the shipped labels added, except a key the deck
    /// misspelt (it has a key no document knows, at most two edits away): that stays a missing
    /// label. Keys of an older release that are no longer used are further away and are ignored.
    private static func filledLabels(_ labels: Labels, lacking: [String], from shipped: Labels) -> (Labels, [Diagnostic]) {
        let known = Set(shipped.entries.keys).union((LabelKey.declared + LabelKey.optional).map(\.name))
        let unknown = labels.entries.keys.filter { !known.contains($0) }.sorted()
        let lines = (try? String(contentsOfFile: shipped.file, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false)
        var filled = labels
        var warnings: [Diagnostic] = []
        for key in lacking {
            guard let text = shipped[key], !unknown.contains(where: { Suggestion.levenshtein($0.lowercased(), key.lowercased()) <= 2 }) else { continue }
            filled.entries[key] = text
            let at = shipped.locations[key]
            let line = at?.line.flatMap { line in lines.flatMap { $0.indices.contains(line - 1) ? String($0[line - 1]) : nil } }
            warnings.append(.warning(DeckCode.labelFromShipped, [
                "key": "\(key)",
                "line": "\(line.map(LayoutFile.withoutComment) ?? key + ": …")", "shipped": "\(SourceLocation(file: shipped.file, line: at?.line))",
            ], at: SourceLocation(file: labels.file)))
        }
        return (filled, warnings)
    }

    /// What a rendering command says instead of `warnings` (`complete`'s, one per key): their
    /// count, at the deck folder as the user named it, pointing at `swan check`, which lists each.
    package static func summary(of warnings: [Diagnostic], folder: String) -> Diagnostic? {
        guard !warnings.isEmpty else { return nil }
        return .warning(DeckCode.fromShippedSummary, ["count": "\(warnings.count)", "folder": "\(folder)"],
                        at: SourceLocation(file: folder))
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
