import ArgumentParser
import Foundation
import SwanDeck
import SwanDocuments
import SwanEngine
import SwanSession

/// Shared by the form commands: load the deck, make the document, write it atomically; every
/// error to stderr in the `file:line:column: error:` / `file: $.path: error:` / `error:` forms,
/// exit code 1 and no output file.
enum FormCommandSupport {
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func deckDirectory(_ templates: String?) -> URL {
        templates.map { URL(fileURLWithPath: $0) } ?? Deck.defaultDeckDirectory
    }

    /// Runs `make`, writes its document to `output`, reports warnings and errors.
    static func render(templates: String?, output: String, permissions: Int? = nil,
                       _ make: (DocumentContext, Diagnostics) throws -> Document) throws {
        let diagnostics = Diagnostics()
        do {
            let deck = try DeckLoader.load(from: deckDirectory(templates))
            let context = try DocumentContext(deck: deck)
            let document = try make(context, diagnostics)
            for warning in diagnostics.warnings { printError(warning.description) }
            try context.engine.pdf.write(document, to: URL(fileURLWithPath: output), permissions: permissions)
        } catch {
            for warning in diagnostics.warnings { printError(warning.description) }
            report(error)
            throw ExitCode(1)
        }
    }

    static func report(_ error: Error) {
        switch error {
        case let errors as DeckErrors: errors.errors.forEach { printError($0.description) }
        case let errors as SessionErrors: errors.errors.forEach { printError($0.description) }
        case let error as SessionError: printError(error.description)
        case let problems as LayoutProblems: problems.problems.forEach { printError($0.description) }
        case let problem as LayoutProblem: printError(problem.description)
        case let error as DeckError: printError(error.description)
        default: printError("error: \(error)")
        }
    }
}

/// `swan invulblad [SESSION.json] -o FILE.pdf`: the blank form, or the form filled from a session.
struct InvulbladCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invulblad",
        abstract: "Render the invulblad: blank, or filled from a session file (written with mode 0600).")

    @Argument(help: "A session file (JSON); the blank form when omitted.")
    var session: String?

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = "Output/invulblad.pdf"

    @Option(help: "The deck folder; the default deck when omitted.")
    var templates: String?

    func run() throws {
        guard let session else {
            try FormCommandSupport.render(templates: templates, output: output) { context, diagnostics in
                try InvulbladDocument.blank(context, diagnostics: diagnostics)
            }
            return
        }
        // A session holds personal data: owner-only permissions, and no names in the metadata.
        try FormCommandSupport.render(templates: templates, output: output, permissions: SessionFile.permissions) { context, diagnostics in
            let read = try SessionFile.read(URL(fileURLWithPath: session), vocabulary: SessionVocabulary(deck: context.deck))
            return try InvulbladDocument.filled(read, context, diagnostics: diagnostics)
        }
    }
}

/// `swan checklist -o FILE.pdf`: the check card as a printable page with checkboxes.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist", abstract: "Render the checklist: the four moments and the tasks of the roles.")

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = "Output/checklist.pdf"

    @Option(help: "The deck folder; the default deck when omitted.")
    var templates: String?

    func run() throws {
        try FormCommandSupport.render(templates: templates, output: output) { context, diagnostics in
            try ChecklistDocument.make(context, diagnostics: diagnostics)
        }
    }
}

/// `swan handleiding -o FILE.pdf`: the manual, typeset.
struct HandleidingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handleiding", abstract: "Render the handleiding (manual) as a typeset PDF with bookmarks.")

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = "Output/handleiding.pdf"

    @Option(help: "The deck folder; the default deck when omitted.")
    var templates: String?

    func run() throws {
        try FormCommandSupport.render(templates: templates, output: output) { context, diagnostics in
            try HandleidingDocument.make(context, diagnostics: diagnostics)
        }
    }
}
