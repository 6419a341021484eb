/// What goes wrong while laying out documents: text that does not fit (an error that names the
/// piece, where it is defined and by how much), and characters the fonts cannot show (a warning).
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanLayout

/// What a piece of laid-out text belongs to, for messages: worded by code ("card 'x' (front)"),
/// with the place in the deck files it comes from when known.
public struct LayoutSubject: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var name: MessageArgument
    public var location: SourceLocation?

    public init(_ code: LayoutCode, _ arguments: [String: MessageArgument] = [:], at location: SourceLocation? = nil) {
        name = .message(Message(code: code.rawValue, arguments: arguments))
        self.location = location
    }

    /// A subject worded in place (not yet in the catalogues: the same in every language).
    public init(stringLiteral value: String) { name = .text(value); location = nil }

    public init(stringInterpolation: DefaultStringInterpolation) { self.init(stringLiteral: String(stringInterpolation: stringInterpolation)) }

    public static func card(_ card: Card, _ side: CardSideName) -> LayoutSubject {
        LayoutSubject(.subjectCard, ["id": "\(card.id)", "side": .message(side == .front ? LayoutCode.sideFront : .sideBack)],
                      at: card.source)
    }
}

extension Diagnostic {
    /// An error or warning about a piece of laid-out text.
    public static func layout(_ code: LayoutCode, _ subject: LayoutSubject, _ arguments: [String: MessageArgument] = [:],
                              severity: Severity = .error) -> Diagnostic {
        var arguments = arguments
        arguments["subject"] = subject.name
        return Diagnostic(severity, Message(code: code.rawValue, arguments: arguments), at: subject.location)
    }

    /// Text that does not fit even at the template's minimum size.
    public static func overflow(_ subject: LayoutSubject, by points: Double, minimumScale: Double) -> Diagnostic {
        .layout(.overflow, subject, ["millimetres": "\(String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), toMillimetres(points)))",
                                     "percent": "\(Int((minimumScale * 100).rounded()))"])
    }
}

extension MessageArgument {
    static func message(_ code: LayoutCode) -> MessageArgument { .message(Message(code: code.rawValue)) }
}

/// Collects problems and warnings while a document is laid out (from several threads at once).
/// Unchecked: both lists are read and written only under `lock`.
public final class Diagnostics: @unchecked Sendable {
    private var collectedProblems: [Diagnostic] = []
    private var collectedWarnings: [Diagnostic] = []
    /// The warnings again, to tell a new one in constant time (a field of megabytes may lack
    /// glyphs for thousands of different characters).
    private var warningSet: Set<Diagnostic> = []
    /// Guards both lists: documents are laid out on several threads.
    private let lock = NSLock()
    public init() {}

    public var problems: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return collectedProblems }
    public var warnings: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return collectedWarnings }

    public func fail(_ problem: Diagnostic) { lock.lock(); collectedProblems.append(problem); lock.unlock() }

    public func missingGlyphs(_ missing: [MissingGlyph], in subject: LayoutSubject) {
        lock.lock(); defer { lock.unlock() }
        // Only the code points: the character and the words around it may be a resident's name.
        for glyph in missing {
            let warning = Diagnostic.layout(.missingGlyph, subject, ["codes": "\(glyph.codes)"], severity: .warning)
            if warningSet.insert(warning).inserted { collectedWarnings.append(warning) }
        }
    }

    /// Throws every problem collected so far, if any.
    public func throwIfFailed() throws {
        let problems = self.problems
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }
}
