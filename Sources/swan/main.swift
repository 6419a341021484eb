import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics

/// `swan`: renders the SWAN card set, forms and handleiding as print-ready PDF.
struct Swan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swan",
        abstract: HelpCode.swanAbstract.text,
        discussion: HelpCode.swanDiscussion.text,
        version: SwanVersion.current,
        subcommands: [RenderAllCommand.self, CheckCommand.self, CardsCommand.self, InvulbladCommand.self,
                      ChecklistCommand.self, HandleidingCommand.self, OverzichtCommand.self, ArchiveCommand.self, ReportCommand.self, VerifyCommand.self,
                      FindCommand.self, ExpireCommand.self, WatchCommand.self,
                      ImportCommand.self],
        defaultSubcommand: RenderAllCommand.self)
}

/// `swan chek`: the default command takes no word, so a first word that names no command is a
/// mistyped command, said as such (not as an unexpected argument of `swan all`).
func refuseUnknownCommand(_ arguments: [String]) {
    guard let first = arguments.dropFirst().first, !first.hasPrefix("-") else { return }
    let names = Swan.configuration.subcommands.map { $0._commandName } + ["help"]
    guard !names.contains(first) else { return }
    let suggestion = Suggestion.closest(to: first, among: names)
    DiagnosticPrinter.print([.error(suggestion == nil ? CommandCode.unknownCommand : CommandCode.unknownCommandSuggestion,
                                    ["command": "\(first)", "suggestion": "\(suggestion ?? "")"])])
    exit(ExitCode.validationFailure.rawValue)
}

setlocale(LC_NUMERIC, "C")
let workplace = Workplace.current
let messagesFolder = workplace.useCatalogue()
refuseUnknownCommand(workplace.arguments)
Interruption.install()
ProgramFiles.record(workplace, messagesFolder: messagesFolder)
ArgumentErrors.main(workplace)
