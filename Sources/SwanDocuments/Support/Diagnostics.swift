/// What goes wrong while laying out documents: text that does not fit (an error that names the
/// piece, where it is defined and by how much), and characters the fonts cannot show (a warning).
import Foundation
package import SwanDeck
package import SwanDiagnostics
package import SwanLayout

/// What a piece of laid-out text belongs to, for messages: worded by code ("card 'x' (front)"),
/// with the place in the deck files it comes from when known.
/// What a layout problem is about, worded by the catalogues (no English in the code), with where
/// the deck gives it when the model knows.
package struct LayoutSubject: Sendable, Hashable {
    package var name: MessageArgument
    package var location: SourceLocation?

    package init(_ code: LayoutCode, _ arguments: [String: MessageArgument] = [:], at location: SourceLocation? = nil) {
        name = .message(Message(code: code.rawValue, arguments: arguments))
        self.location = location
    }

    package static func card(_ card: Card, _ side: CardSideName) -> LayoutSubject {
        LayoutSubject(.subjectCard, ["id": "\(card.id)", "side": .message(side == .front ? LayoutCode.sideFront : .sideBack)],
                      at: card.source)
    }
}

extension Diagnostic {
    /// An error or warning about a piece of laid-out text.
    package static func layout(_ code: LayoutCode, _ subject: LayoutSubject, _ arguments: [String: MessageArgument] = [:],
                              severity: Severity = .error) -> Diagnostic {
        var arguments = arguments
        arguments["subject"] = subject.name
        return Diagnostic(severity, Message(code: code.rawValue, arguments: arguments), at: subject.location)
    }

    /// Text that does not fit even at the template's minimum size.
    package static func overflow(_ subject: LayoutSubject, by points: Double, minimumScale: Double) -> Diagnostic {
        .layout(.overflow, subject, ["millimetres": "\(String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), toMillimetres(points)))",
                                     "percent": "\(Int((minimumScale * 100).rounded()))"])
    }
}

extension MessageArgument {
    static func message(_ code: LayoutCode) -> MessageArgument { .message(Message(code: code.rawValue)) }
}

/// Collects problems and warnings while a document is laid out (from several threads at once).
package final class Diagnostics: Sendable {
    private struct Collected {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        /// The warnings again, to tell a new one in constant time (a field of megabytes may lack
        /// glyphs for thousands of different characters).
        var warningSet: Set<Diagnostic> = []
    }
    private let collected = LockedBox(Collected())
    package init() {}

    package var problems: [Diagnostic] { collected.withLockedValue { $0.problems } }
    package var warnings: [Diagnostic] { collected.withLockedValue { $0.warnings } }

    package func fail(_ problem: Diagnostic) { collected.withLockedValue { $0.problems.append(problem) } }

    /// A warning, said once however often it is found.
    package func warn(_ warning: Diagnostic) {
        collected.withLockedValue { collected in
            if collected.warningSet.insert(warning).inserted { collected.warnings.append(warning) }
        }
    }

    package func missingGlyphs(_ missing: [MissingGlyph], in subject: LayoutSubject) {
        // Only the code points: the character and the words around it may be a resident's name.
        let warnings = missing.map { Diagnostic.layout(.missingGlyph, subject, ["codes": "\($0.codes)"], severity: .warning) }
        collected.withLockedValue { collected in
            for warning in warnings where collected.warningSet.insert(warning).inserted { collected.warnings.append(warning) }
        }
    }

    /// Throws every problem collected so far, if any.
    package func throwIfFailed() throws {
        let problems = self.problems
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }
}
