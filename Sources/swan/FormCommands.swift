import ArgumentParser
import Foundation
import SwanDocuments
import SwanSession

/// `swan invulblad [SESSION.json] -o FILE.pdf`: the blank form, or the form filled from a session.
struct InvulbladCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invulblad",
        abstract: "Render the invulblad: blank, or filled from a session file (written with mode 0600); --fillable makes the PDF form a scribe fills in.")

    @OptionGroup var deck: DeckOptions

    @Argument(help: "A session file (JSON); the blank form when omitted.")
    var session: String?

    @Option(name: [.short, .customLong("output")], help: "The PDF to write (default: \(OutputNames.invulblad), with --fillable \(OutputNames.fillableInvulblad)).")
    var outputOption: String?

    /// The fillable form has a name of its own: it does not replace the printable blank form.
    var output: String { outputOption ?? (fillable ? OutputNames.fillableInvulblad : OutputNames.invulblad) }

    @Flag(help: "Put the participants' names in the PDF's metadata (off: the form's name and date only).")
    var personalMetadata = false

    @Flag(help: "A PDF form to fill in with any PDF reader, pre-filled from the session file when one is given; read it back with 'swan import'.")
    var fillable = false

    func run() throws {
        if fillable {
            // Pre-filled answers are personal data: owner-only, as every session-derived file.
            let file = session.map { URL(fileURLWithPath: $0) }
            try Reporting.render(deck, output: output, permissions: session == nil ? nil : SessionFile.permissions,
                                 inputs: file.map { [$0] } ?? []) { context, diagnostics in
                let read = try file.map { try SessionFile.read($0, vocabulary: SessionVocabulary(deck: context.deck)) }
                var document = try InvulbladDocument.fillable(context, session: read, diagnostics: diagnostics)
                if let file { document.info.creationDate = context.date(including: [file]) }
                return document
            }
            return
        }
        guard let session else {
            try Reporting.render(deck, output: output) { context, diagnostics in
                try InvulbladDocument.blank(context, diagnostics: diagnostics)
            }
            return
        }
        // A session holds personal data: owner-only permissions, and no names in the metadata.
        let file = URL(fileURLWithPath: session)
        try Reporting.render(deck, output: output, permissions: SessionFile.permissions, inputs: [file]) { context, diagnostics in
            let read = try SessionFile.read(file, vocabulary: SessionVocabulary(deck: context.deck))
            var document = try InvulbladDocument.filled(read, context, diagnostics: diagnostics)
            document.info.creationDate = context.date(including: [file])
            return personalMetadata ? document.withPersonalMetadata(from: read) : document
        }
    }
}

/// `swan checklist -o FILE.pdf`: the check card as a printable page with checkboxes.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist", abstract: "Render the checklist: the four moments and the tasks of the roles.")

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = OutputNames.checklist

    func run() throws {
        try Reporting.render(deck, output: output) { context, diagnostics in
            try ChecklistDocument.make(context, diagnostics: diagnostics)
        }
    }
}

/// `swan handleiding -o FILE.pdf`: the manual, typeset.
struct HandleidingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handleiding", abstract: "Render the handleiding (manual) as a typeset PDF with bookmarks.")

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = OutputNames.handleiding

    func run() throws {
        try Reporting.render(deck, output: output) { context, diagnostics in
            try HandleidingDocument.make(context, diagnostics: diagnostics)
        }
    }
}
