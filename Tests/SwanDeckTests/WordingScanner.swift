/// Finds deck wording in Swift source: every string literal (plain, multi-line """, raw #"…"#,
/// with interpolations) is read with SwiftSyntax, and its text is compared with the wording of
/// Templates/ (DeckWording): a pair of neighbouring words the deck prints ("Denk aan"), or a
/// lone word it prints that is not a key or id of the formats ("Gespreksleider", where the key
/// is "gespreksleider").
import Foundation
import SwiftParser
import SwiftSyntax

struct WordingScanner {
    let wording: DeckWording
    /// Shorter words ("de", "op", "van") are too common to mean anything alone or in a pair.
    static let shortestWord = 4

    struct Hit: CustomStringConvertible, Equatable {
        var place: String
        var found: String
        var description: String { "\(place): \"\(found)\"" }
    }

    /// The hits in the Swift source `text`, named `file` in the messages.
    func hits(in text: String, file: String) -> [Hit] {
        let tree = Parser.parse(source: text)
        let converter = SourceLocationConverter(fileName: file, tree: tree)
        let collector = LiteralCollector(viewMode: .sourceAccurate)
        collector.walk(tree)
        var hits: [Hit] = []
        for literal in collector.literals {
            let place = "\(file):\(literal.node.startLocation(converter: converter).line)"
            var sequence: [String?] = []
            for segment in literal.segments {
                guard let segment = segment.map(withoutNames) else { sequence.append(nil); continue }
                sequence += DeckWording.words(in: segment)
                sequence.append(nil)
                if let word = loneWord(segment) { hits.append(Hit(place: place, found: word)) }
            }
            for (first, second) in zip(sequence, sequence.dropFirst()) {
                guard let first, let second, max(first.count, second.count) >= Self.shortestWord,
                      wording.pairs.contains(first + " " + second) else { continue }
                hits.append(Hit(place: place, found: first + " " + second))
            }
        }
        return hits
    }

    /// `text` with every name of the formats ("sociale-cohesie", "card.examples") and every
    /// path or dotted name ("layout/cards.yaml", "NotoSans-Regular.ttf") made a gap ("{}"), so
    /// that its parts are not taken for printed words.
    private func withoutNames(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
            let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`[](),:;"))
            if bare.isEmpty { return String(token) }
            if wording.names.contains(bare) || bare.range(of: #"[^\s][./_][^\s]"#, options: .regularExpression) != nil {
                return "{}"
            }
            return String(token)
        }.joined(separator: " ")
    }

    /// A segment that is one printed word (with its punctuation), unless it is a format's name.
    private func loneWord(_ segment: String) -> String? {
        let trimmed = segment.trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: ":?.…,!;"))
        guard trimmed.count >= Self.shortestWord, trimmed.allSatisfy(\.isLetter),
              !wording.names.contains(trimmed), wording.words.contains(trimmed.lowercased()) else { return nil }
        return trimmed
    }
}

/// Every string literal of a file: its text segments in order, nil for each interpolation.
private final class LiteralCollector: SyntaxVisitor {
    var literals: [(node: StringLiteralExprSyntax, segments: [String?])] = []

    override func visit(_ node: StringLiteralExprSyntax) -> SyntaxVisitorContinueKind {
        var segments: [String?] = []
        for segment in node.segments {
            switch segment {
            case .stringSegment(let text): segments.append(Self.unescaped(text.content.text))
            case .expressionSegment: segments.append(nil)
            }
        }
        literals.append((node, segments))
        return .visitChildren  // literals inside interpolations are literals too
    }

    /// The common escapes as the characters they stand for (the rest do not matter for words).
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
            .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
