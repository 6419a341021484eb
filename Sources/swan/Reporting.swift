import ArgumentParser
import Foundation
import SwanDeck
import SwanDocuments
import SwanEngine
import SwanSession

/// Prints diagnostics the way compilers do (`file:line:column: error: …`), all of them, and
/// turns failures into exit code 1.
enum Reporting {
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The lines to print for an error thrown by any layer.
    static func lines(for error: Error) -> [String] {
        switch error {
        case let errors as DeckErrors: errors.errors.map(\.description)
        case let problems as LayoutProblems: problems.problems.map(\.description)
        case let problem as LayoutProblem: [problem.description]
        case let errors as SessionErrors: errors.errors.map(\.description)
        case let error as SessionError: [error.description]
        case let error as DeckError: [error.description]
        case let error as EngineError: ["error: \(error.description)"]
        default: ["error: \(error)"]
        }
    }

    /// Runs `body`; on failure prints every diagnostic and exits with status 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            lines(for: error).forEach(printError)
            throw ExitCode(1)
        }
    }

    static func warn(_ warnings: [LayoutWarning]) {
        warnings.forEach { printError($0.description) }
    }

    /// Loads the deck, makes a document, writes it atomically to `output`; warnings and every
    /// error to stderr, exit code 1 and no output file on failure.
    static func render(_ deck: DeckOptions, output: String, permissions: Int? = nil,
                       _ make: (DocumentContext, Diagnostics) throws -> Document) throws {
        let diagnostics = Diagnostics()
        defer { warn(diagnostics.warnings) }
        try run {
            let context = try deck.context()
            let document = try make(context, diagnostics)
            try context.engine.pdf.write(document, to: URL(fileURLWithPath: output), permissions: permissions)
        }
    }
}
