/// What goes wrong while laying out documents: text that does not fit (an error that names the
/// piece and by how much), and characters the fonts cannot show (a warning).
import Foundation
import SwanDiagnostics
import SwanEngine

public struct LayoutProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the text belongs to: "card 'sociale-cohesie' (back)", "invulblad field 'omschrijving'".
    public var subject: String
    public var message: String
    public var description: String { "error: \(subject): \(message)" }

    public static func overflow(_ subject: String, by points: Double, minimumScale: Double) -> LayoutProblem {
        let percent = Int((minimumScale * 100).rounded())
        return LayoutProblem(subject: subject, message: String(
            format: "text does not fit: it overflows its box by %.1f mm even at the minimum size (%d %%)",
            locale: Locale(identifier: "en_US_POSIX"), toMillimetres(points), percent))
    }
}

/// Several problems at once: a run reports them all, then fails.
public struct LayoutProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [LayoutProblem]
    public init(_ problems: [LayoutProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

public struct LayoutWarning: Equatable, Sendable, CustomStringConvertible {
    public var subject: String
    public var message: String
    public var description: String { "warning: \(subject): \(message)" }
}

/// Collects problems and warnings while a document is laid out.
public final class Diagnostics: @unchecked Sendable {
    public private(set) var problems: [LayoutProblem] = []
    public private(set) var warnings: [LayoutWarning] = []
    private let lock = NSLock()
    public init() {}

    public func fail(_ problem: LayoutProblem) { lock.lock(); problems.append(problem); lock.unlock() }

    public func missingGlyphs(_ missing: [MissingGlyph], in subject: String) {
        lock.lock(); defer { lock.unlock() }
        for glyph in missing {
            let warning = LayoutWarning(subject: subject, message: glyph.description)
            if !warnings.contains(warning) { warnings.append(warning) }
        }
    }

    /// Throws every problem collected so far, if any.
    public func throwIfFailed() throws {
        if !problems.isEmpty { throw LayoutProblems(problems) }
    }
}

extension LayoutProblem: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [.worded(.error, "\(subject): \(message)")] }
}

extension LayoutProblems: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { problems.flatMap(\.diagnostics) }
}

extension LayoutWarning {
    public var diagnostic: Diagnostic { .worded(.warning, "\(subject): \(message)") }
}
