import ArgumentParser
import SwanDocuments

/// `swan overzicht -o FILE.pdf`: the method at a glance for the meeting leader, one sheet front and back.
struct OverzichtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overzicht",
        abstract: "Render the overview (overzicht) for the one who leads the meeting: the method on one A4 sheet, front and back.")

    @OptionGroup var deck: DeckOptions

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = OutputNames.overzicht

    func run() throws {
        try Reporting.render(deck, output: output) { context, diagnostics in
            try OverzichtDocument.make(context, diagnostics: diagnostics)
        }
    }
}
