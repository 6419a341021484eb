import ArgumentParser
import Foundation
import SwanApp
import SwanDocuments
import SwanIO
import SwanSession

/// `swan invulblad [SESSION.json] -o FILE.pdf`: the blank form, or the form filled from a session.
struct InvulbladCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "invulblad",
        abstract: HelpCode.invulbladAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Argument(help: ArgumentHelp(HelpCode.invulbladSession.text), completion: .file(extensions: ["json"]))
    var session: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.invulbladOutput.text, valueName: "FILE"), completion: .file())
    var output: String?

    @Flag(help: ArgumentHelp(HelpCode.personalMetadata.text))
    var personalMetadata = false

    @Flag(help: ArgumentHelp(HelpCode.invulbladFillable.text))
    var fillable = false

    func run(in workplace: Workplace) throws {
        if fillable {
            // Pre-filled answers are personal data: owner-only, as every session-derived file.
            let file = session.map { URL(fileURLWithPath: $0) }
            try Reporting.render(deck, in: workplace, output: output, document: .fillableInvulblad, permissions: session == nil ? nil : SessionFile.permissions,
                                 inputs: file.map { [$0] } ?? []) { context, diagnostics in
                let read = try file.map { try SessionFile.read($0, vocabulary: SessionVocabulary(deck: context.deck)) }
                var document = try InvulbladDocument.fillable(context, session: read, source: file.map(InputFile.name(of:)), diagnostics: diagnostics)
                if let file { document.info.creationDate = context.date(including: [file]) }
                return document
            }
            return
        }
        guard let session else {
            try Reporting.render(deck, in: workplace, output: output, document: .invulblad) { context, diagnostics in
                try InvulbladDocument.blank(context, diagnostics: diagnostics)
            }
            return
        }
        // A session holds personal data: owner-only permissions, no names in the metadata, and
        // without -o a name from its date and a hash of the file, as in an archive, never over
        // the blank form.
        let file = URL(fileURLWithPath: session)
        try Reporting.render(deck, in: workplace, parts: DocumentRegistry.entry(.invulblad).deckParts, read: { context in
            try SessionFile.readWithBytes(file, vocabulary: SessionVocabulary(deck: context.deck))
        }, output: { read, _ in
            output ?? OutputNames.folder + "/" + SessionArchive.fileName(for: read.session, data: read.data)
        }, permissions: SessionFile.permissions, inputs: [file]) { input, context, diagnostics in
            let read = input.session
            var document = try InvulbladDocument.filled(read, context, diagnostics: diagnostics)
            document.info.creationDate = context.date(including: [file])
            return personalMetadata ? document.withPersonalMetadata(from: read) : document
        }
    }
}

/// `swan checklist -o FILE.pdf`: the check card as a printable page with checkboxes.
struct ChecklistCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist", abstract: HelpCode.checklistAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text), completion: .file())
    var output: String?

    func run(in workplace: Workplace) throws {
        try Reporting.render(deck, in: workplace, output: output, document: .checklist) { context, diagnostics in
            try ChecklistDocument.make(context, diagnostics: diagnostics)
        }
    }
}

/// `swan handleiding -o FILE.pdf`: the manual, typeset.
struct HandleidingCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "handleiding", abstract: HelpCode.handleidingAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text), completion: .file())
    var output: String?

    func run(in workplace: Workplace) throws {
        try Reporting.render(deck, in: workplace, output: output, document: .handleiding) { context, diagnostics in
            try HandleidingDocument.make(context, diagnostics: diagnostics)
        }
    }
}
