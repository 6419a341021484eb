import ArgumentParser
import SwanDocuments

/// `swan overzicht -o FILE.pdf`: the method at a glance for the meeting leader, one sheet front and back.
struct OverzichtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overzicht",
        abstract: HelpCode.overzichtAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text), completion: .file())
    var output: String?

    func run() throws {
        try Reporting.render(deck, output: output, document: .overzicht) { context, diagnostics in
            try OverzichtDocument.make(context, diagnostics: diagnostics)
        }
    }
}
