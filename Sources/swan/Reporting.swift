import ArgumentParser
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanDocuments
import SwanEngine
import SwanIO
import SwanSession

/// Prints diagnostics the way compilers do (`file:line:column: error: …`), all of them, and
/// turns failures into exit code 1.
enum Reporting {
    /// One line to standard error, with control characters of quoted user text escaped.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
    }

    /// A message of the command in the user's language, for standard output.
    static func say(_ code: CommandCode, _ arguments: [String: MessageArgument] = [:]) {
        print(Catalogue.current.text(Message(code, arguments)))
    }

    /// A mistake in the options, worded in the user's language, as ArgumentParser reports it.
    static func invalid(_ code: CommandCode, _ arguments: [String: MessageArgument] = [:]) -> ValidationError {
        ValidationError(Catalogue.current.text(Message(code, arguments)))
    }

    /// Runs `body`; on failure prints every diagnostic and exits with status 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            DiagnosticPrinter.print(Diagnostic.all(from: error))
            throw ExitCode(1)
        }
    }

    static func warn(_ warnings: [Diagnostic]) {
        DiagnosticPrinter.print(warnings)
    }

    /// Loads the deck, checks `output` (not one of the deck files or `inputs`, see OutputPath),
    /// makes a document and writes it through the safe write path (`-` for standard output);
    /// warnings and every error to stderr, exit code 1 and no output file on failure.
    static func render(_ deck: DeckOptions, output: String, permissions: Int? = nil, inputs: [URL] = [],
                       _ make: (DocumentContext, Diagnostics) throws -> Document) throws {
        let diagnostics = Diagnostics()
        defer { warn(diagnostics.warnings) }
        try run {
            let context = try deck.context()
            let target = try OutputPath.prepare(output, deck: deck.deckDirectory, inputs: inputs)
            let document = try make(context, diagnostics)
            try target.write(try context.engine.pdf.export(document), permissions: permissions)
        }
    }
}
