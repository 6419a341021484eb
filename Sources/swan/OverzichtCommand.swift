import ArgumentParser
import SwanApp
import SwanDocuments

/// `swan overzicht -o FILE.pdf`: the method at a glance for the meeting leader, one sheet front and back.
struct OverzichtCommand: WorkplaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "overzicht",
        abstract: HelpCode.overzichtAbstract.text)

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(HelpCode.pdfOutput.text), completion: .file())
    var output: String?

    func run(in workplace: Workplace) throws {
        try Reporting.render(deck, in: workplace, output: output, document: .overzicht) { context, diagnostics in
            try OverzichtDocument.make(context, diagnostics: diagnostics)
        }
    }
}
