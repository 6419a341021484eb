import ArgumentParser
import Foundation
import SwanDeck
import SwanDiagnostics
import SwanApp
import SwanDocuments
import SwanLayout
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
        say(Catalogue.current.text(Message(code, arguments)))
    }

    /// One line to standard output, unbuffered: `swan watch` is read while it runs, often
    /// through a pipe, and is stopped with Ctrl-C.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalText.escaped(line) + "\n").utf8))
    }

    /// A mistake in the options, worded in the user's language, as ArgumentParser reports it.
    static func invalid(_ code: CommandCode, _ arguments: [String: MessageArgument] = [:]) -> ValidationError {
        ValidationError(Catalogue.current.text(Message(code, arguments)))
    }

    /// A mistake in what was named (a missing file), printed like every diagnostic; exit code 1.
    static func failure(_ code: CommandCode, _ arguments: [String: MessageArgument] = [:]) -> ExitCode {
        DiagnosticPrinter.print([.error(code, arguments)])
        return ExitCode(1)
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

    /// Loads the deck, checks `output` (not one of the deck files or `inputs`, see OutputPath;
    /// without -o the name the deck gives document `id` in Output/), makes a document and writes
    /// it through the safe write path (`-` for standard output); says where it went; warnings and
    /// every error to stderr, exit code 1 and no output file on failure.
    static func render(_ deck: DeckOptions, in workplace: Workplace, output: String?, document id: DocumentID, permissions: Int? = nil,
                       inputs: [URL] = [], _ make: (DocumentContext, Diagnostics) throws -> Document) throws {
        try render(deck, in: workplace, parts: DocumentRegistry.entry(id).deckParts, read: { _ in },
                   output: { _, context in try output ?? OutputNames.path(id, in: context.deck) },
                   permissions: permissions, inputs: inputs) { _, context, diagnostics in
            try make(context, diagnostics)
        }
    }

    /// The same, with an input read first (a session) that the output may be named after (a filled
    /// form's date and id); the output is checked before the document is made. `parts`: what the
    /// document uses of the deck (its DocumentRegistry entry's); `notice`: see OlderDeckNotice.
    static func render<Input>(_ deck: DeckOptions, in workplace: Workplace, parts: DeckParts, read: (DocumentContext) throws -> Input,
                              output: (Input, DocumentContext) throws -> String,
                              permissions: Int? = nil, inputs: [URL] = [], notice: OlderDeckNotice = OlderDeckNotice(),
                              _ make: (Input, DocumentContext, Diagnostics) throws -> Document) throws {
        let diagnostics = Diagnostics()
        var dropped: [Diagnostic] = []
        defer { warn(diagnostics.warnings + dropped) }
        try run {
            let written = try SingleDocument.write(try deck.context(in: workplace, parts: parts, notice: notice), exporters: deck.exporters(in: workplace), read: read, output: output,
                                                   permissions: permissions, inputs: inputs, diagnostics: diagnostics, make)
            dropped = written.warnings
            wrote(written.value, quiet: deck.quiet)
        }
    }

    /// Says where output went, one path a line on standard output (unless -q). Nothing for `-o -`:
    /// standard output then holds the PDF.
    static func wrote(_ target: OutputPath, quiet: Bool) {
        if case .file(let url) = target { wrote([url.relativePath], quiet: quiet) }
    }

    /// A set written into `folder` (paths relative to it): each file, and each folder of images
    /// once with its count, in the order written.
    static func wroteSet(_ paths: [String], into folder: URL, quiet: Bool) {
        guard !quiet else { return }
        var order: [String] = [], images: [String: Int] = [:]
        for path in paths {
            let parts = path.split(separator: "/", maxSplits: 1)
            let top = String(parts[0])
            if images[top] == nil { order.append(top) }
            images[top, default: 0] += parts.count > 1 ? 1 : 0
        }
        for top in order {
            let shown = folder.appendingPathComponent(top).relativePath
            if let count = images[top], count > 0 { say(.wroteImages, ["count": "\(count)", "folder": "\(shown)"]) } else { say(.wrote, ["path": "\(shown)"]) }
        }
    }

    static func wrote(_ paths: [String], quiet: Bool) {
        guard !quiet else { return }
        for path in paths { say(.wrote, ["path": "\(path)"]) }
    }
}
