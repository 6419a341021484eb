import ArgumentParser
import Foundation

/// `swan`: renders the SWAN card set, forms and handleiding as print-ready PDF.
struct Swan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swan",
        abstract: "Print-ready PDFs of the SWAN card set, its forms and its handleiding.",
        discussion: "Without a subcommand, renders the full default set into Output/.",
        version: SwanVersion.current,
        subcommands: [RenderAllCommand.self, CheckCommand.self, CardsCommand.self, InvulbladCommand.self,
                      ChecklistCommand.self, HandleidingCommand.self, OverzichtCommand.self, ArchiveCommand.self,
                      ImportCommand.self],
        defaultSubcommand: RenderAllCommand.self)
}

setlocale(LC_NUMERIC, "C")
Interruption.install()
Swan.main()
